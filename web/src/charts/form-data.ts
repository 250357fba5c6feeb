import type { FormMetric } from '../../../src/analysis/form/types.js';
import type { FormSummaryView, RunFormView } from '../../../src/app/views.js';
import { toDistanceUnit, type UnitSystem } from '../../../src/domain/units.js';

/** What the form charts draw, in display units. Pure, so it is easy to test. */

export interface FormMarkers {
  /** Where form began to drift, in km or mi. */
  breakdown: number | null;
  /** Where the pain began. */
  pain: number | null;
  /** The part left out at the start (the warm-up), from 0 to here. */
  warmUpTo: number | null;
  /** Where the x axis ends: the run's distance. */
  end: number;
}

export function formMarkers(view: RunFormView, units: UnitSystem): FormMarkers {
  const u = (m: number) => toDistanceUnit(m, units);
  return {
    breakdown: view.breakdownM === null ? null : u(view.breakdownM),
    pain: view.painOnsetM === null ? null : u(view.painOnsetM),
    warmUpTo: view.analysedM && view.analysedM[0] > 0 ? u(view.analysedM[0]) : null,
    end: u(view.distanceM),
  };
}

export interface MetricChartData {
  x: number[];
  y: number[];
  /** The fresh baseline ± 2 SD, in the metric's unit. */
  band: [number, number];
  /** A y range that holds the band and the line, padded. */
  range: [number, number];
}

/** One metric's speed-corrected series over distance; non-finite points are dropped, x kept increasing. */
export function metricChartData(metric: FormMetric, units: UnitSystem): MetricChartData {
  const x: number[] = [];
  const y: number[] = [];
  const { distanceM, corrected } = metric.series;
  let last = Number.NEGATIVE_INFINITY;
  for (let i = 0; i < Math.min(distanceM.length, corrected.length); i++) {
    const d = distanceM[i] as number;
    const v = corrected[i] as number;
    if (!Number.isFinite(d) || !Number.isFinite(v) || d < last) continue;
    last = d;
    x.push(toDistanceUnit(d, units));
    y.push(v);
  }
  const band: [number, number] = [
    Math.min(metric.series.band[0], metric.series.band[1]),
    Math.max(metric.series.band[0], metric.series.band[1]),
  ];
  const lo = Math.min(band[0], ...y);
  const hi = Math.max(band[1], ...y);
  // A flat line would make a zero-height scale: give it a little room, relative to its level.
  const span = Math.max(hi - lo, Math.abs(metric.baseline) * 0.02, 0.5);
  const pad = span * 0.12;
  const mid = (hi + lo) / 2;
  const half = Math.max(hi - lo, span) / 2;
  return { x, y, band, range: [mid - half - pad, mid + half + pad] };
}

export interface FormRunsSeries {
  /** Each run's start, seconds since 1970 (uPlot's time scale), oldest first. */
  x: number[];
  /** Where form began to drift, on runs with a breakdown. */
  breakdown: (number | null)[];
  /** The run's distance, on runs where form held all the way. */
  held: (number | null)[];
  /** Where the pain began, on runs with pain. */
  pain: (number | null)[];
  runIds: string[];
}

/** The analysed runs (those with an answer) over time, in km or mi. */
export function formRunsSeries(summary: Pick<FormSummaryView, 'runs'>, units: UnitSystem): FormRunsSeries {
  const u = (m: number) => toDistanceUnit(m, units);
  const runs = summary.runs
    .filter((r) => r.evidence !== 'insufficient' && Number.isFinite(Date.parse(r.startTime)))
    .map((r) => ({ ...r, t: Date.parse(r.startTime) }))
    .sort((a, b) => a.t - b.t);
  return {
    x: runs.map((r) => r.t / 1000),
    breakdown: runs.map((r) => (r.breakdownM === null ? null : u(r.breakdownM))),
    held: runs.map((r) => (r.breakdownM === null ? u(r.distanceM) : null)),
    pain: runs.map((r) => (r.painOnsetM === null ? null : u(r.painOnsetM))),
    runIds: runs.map((r) => r.runId),
  };
}

/** The "holds to" median and middle half, as guides on the runs chart. */
export function holdsToGuides(
  holdsToM: FormSummaryView['holdsToM'],
  units: UnitSystem,
): { median: number | null; band: [number, number] | null } {
  const u = (m: number) => toDistanceUnit(m, units);
  return {
    median: holdsToM.median === null ? null : u(holdsToM.median),
    band: holdsToM.q1 !== null && holdsToM.q3 !== null ? [u(holdsToM.q1), u(holdsToM.q3)] : null,
  };
}
