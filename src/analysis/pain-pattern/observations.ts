import type { PatternRun } from './types.js';

/**
 * How one run is seen by the survival analysis (domain-reference §8): a painful run with an onset is an event
 * there; a pain-free run is right-censored at its end; a painful run without an onset (or pain that came after
 * the run) is interval-censored in (0, end]: the pain was brought on somewhere within the run's load.
 */
export type CensoringKind = 'exact' | 'right' | 'interval';

export interface Observation {
  kind: CensoringKind;
  /** The onset for `exact`; the run's end for `right` and `interval`. */
  at: number;
  startMs: number;
}

export interface ObservationSets {
  distance: Observation[];
  /** The same runs on time on feet; null when a run has no duration, since the two would then differ in runs. */
  time: Observation[] | null;
  /**
   * Σ log(onset distance / onset time) over the exact onsets: the Jacobian that turns a density of onset
   * distance into one of onset time, so that the two fits' likelihoods can be compared.
   */
  logSpeedAtOnsets: number;
}

/**
 * "From the first step" is a real answer, but log 0 is not a number: onsets are floored at 100 m and 30 s
 * (100 m at 5:00/km). GPS distance means little below that, and reports are rounded far coarser (0.5 km).
 */
export const ONSET_FLOOR_M = 100;
export const ONSET_FLOOR_S = 30;

const clamp = (value: number, floor: number, end: number) =>
  Math.min(Math.max(value, Math.min(floor, end)), end);

/**
 * The onset on both scales. When only one is given the other follows from the run's average pace: the caller
 * should pass both when it can read them off the run's streams.
 */
export function onsetOf(run: PatternRun): { m: number | null; s: number | null } {
  if (run.pain === null) return { m: null, s: null };
  // A figure that is not a number is no figure: the run then only says "somewhere in it".
  const given = (value: number | null) => (value !== null && Number.isFinite(value) ? value : null);
  const onsetM = given(run.pain.onsetM);
  const onsetS = given(run.pain.onsetS);
  const hasDuration = run.durationS > 0;
  const m = onsetM ?? (onsetS !== null && hasDuration ? (onsetS / run.durationS) * run.distanceM : null);
  const s = onsetS ?? (onsetM !== null && hasDuration ? (onsetM / run.distanceM) * run.durationS : null);
  return {
    m: m === null ? null : clamp(m, ONSET_FLOOR_M, run.distanceM),
    s: s === null || !hasDuration ? null : clamp(s, ONSET_FLOOR_S, run.durationS),
  };
}

/** Runs must have a positive distance; the caller leaves the others out. */
export function buildObservations(runs: readonly PatternRun[]): ObservationSets {
  const withTime = runs.every((run) => run.durationS > 0);
  const distance: Observation[] = [];
  const time: Observation[] = [];
  let logSpeedAtOnsets = 0;
  for (const run of runs) {
    const startMs = run.startTime.getTime();
    const onset = onsetOf(run);
    if (run.pain === null) {
      distance.push({ kind: 'right', at: run.distanceM, startMs });
      time.push({ kind: 'right', at: run.durationS, startMs });
    } else if (onset.m === null) {
      distance.push({ kind: 'interval', at: run.distanceM, startMs });
      time.push({ kind: 'interval', at: run.durationS, startMs });
    } else {
      distance.push({ kind: 'exact', at: onset.m, startMs });
      if (onset.s !== null) {
        time.push({ kind: 'exact', at: onset.s, startMs });
        logSpeedAtOnsets += Math.log(onset.m / onset.s);
      }
    }
  }
  return { distance, time: withTime ? time : null, logSpeedAtOnsets };
}
