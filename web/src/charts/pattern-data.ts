import type { PainPatternView } from '../../../src/app/views.js';
import { toDistanceUnit, type UnitSystem } from '../../../src/domain/units.js';

/**
 * What the two pattern charts draw, in display units. Pure, so it is easy to test.
 */

export interface PatternGuides {
  /** The 90% interval of the typical onset distance, in display units. */
  band: [number, number] | null;
  /** Runs shorter than this stayed pain-free, in display units. */
  painFree: number | null;
}

export function patternGuides(pattern: PainPatternView, units: UnitSystem): PatternGuides {
  const toUnits = (m: number) => toDistanceUnit(m, units);
  return {
    band: pattern.onsetIntervalM
      ? [toUnits(pattern.onsetIntervalM[0]), toUnits(pattern.onsetIntervalM[1])]
      : null,
    painFree: pattern.painFreeM === null ? null : toUnits(pattern.painFreeM),
  };
}

/** The pain-free curve: distance in km or mi, and the percentage of runs still pain-free there. */
export function survivalSeries(pattern: PainPatternView, units: UnitSystem): { x: number[]; y: number[] } {
  const corners = [...pattern.survival].sort((a, b) => a.distanceM - b.distanceM);
  return {
    x: corners.map((c) => toDistanceUnit(c.distanceM, units)),
    y: corners.map((c) => c.survival * 100),
  };
}

export interface OnsetSeries {
  /** Each run's start, seconds since 1970 (uPlot's time scale). */
  x: number[];
  /** Every run's distance. */
  runDistance: (number | null)[];
  /** Where the pain began, on painful runs that say so. */
  onset: (number | null)[];
  /** Painful runs that do not say where it began: marked at their distance. */
  unplaced: (number | null)[];
}

/** The runs the detector used, oldest first, with the painful ones marked. */
export function onsetSeries(pattern: PainPatternView, units: UnitSystem): OnsetSeries {
  const toUnits = (m: number) => toDistanceUnit(m, units);
  const sorted = pattern.runPoints
    .filter((p) => p.distanceM > 0)
    .map((p) => ({ ...p, t: Date.parse(p.startTime) }))
    .sort((a, b) => a.t - b.t);
  return {
    x: sorted.map((p) => p.t / 1000),
    runDistance: sorted.map((p) => toUnits(p.distanceM)),
    onset: sorted.map((p) => (p.onsetM === null ? null : toUnits(p.onsetM))),
    unplaced: sorted.map((p) => (p.painful && p.onsetM === null ? toUnits(p.distanceM) : null)),
  };
}
