import { compareBasis } from './basis.js';
import {
  bootstrapQuantileInterval,
  estimateSurvival,
  groupObservations,
  survivalCurve,
  survivalQuantile,
} from './kaplan-meier.js';
import { buildObservations, type Observation, onsetOf } from './observations.js';
import { estimateTrend } from './trend.js';
import type { PainPattern, PatternOptions, PatternReason, PatternRun, PatternStatus } from './types.js';
import { fitWeibull, weibullCv } from './weibull.js';

/** Bump when a change would alter a stored pattern, so that cached results are recomputed. */
export const PAIN_PATTERN_ALGORITHM_VERSION = 1;

/** About six months: long enough for a season's long runs, short enough that the threshold is today's. */
export const DEFAULT_WINDOW_DAYS = 180;
/** Domain-reference §8: "with fewer than 3 events no pattern can be claimed". Also the floor for a trend. */
export const MIN_EVENTS = 3;
/**
 * The validation covers histories of 8 to 60 runs; below 8 runs in the window Keel has nothing to show that its
 * answer would be right, so it asks for more runs instead.
 */
export const MIN_RUNS = 8;
/** Domain-reference §8: a large shape, "e.g. > 4", concentrates onset near one distance. */
export const MIN_SHAPE = 4;
/** The likelihood-ratio test against shape 1 (a constant hazard) must be significant at the usual 5% level. */
export const SIGNIFICANCE = 0.05;
/**
 * The onsets' own spread must agree with the shape cut-off: a Weibull of shape 4 has a coefficient of variation
 * of 0.28, so onsets spread wider than that are not "the same distance", whatever the fit says.
 */
export const MAX_ONSET_CV = weibullCv(MIN_SHAPE);
/** The typical onset: half of the runs that go this far have hurt by here (domain-reference §8). */
const ONSET_LEVEL = 0.5;
/** "Pain-free distance": S still ≥ 0.9 below it (domain-reference §8). */
const PAIN_FREE_LEVEL = 0.9;
/** A 90% percentile interval from 1000 resamples: 50 in each tail, enough for stable percentiles. */
const INTERVAL_COVERAGE = 0.9;
const BOOTSTRAP_RESAMPLES = 1000;
/** Any fixed seed: the same runs must always give the same interval. */
const BOOTSTRAP_SEED = 0x6b65656c;

const DAY_MS = 86_400_000;

const median = (values: readonly number[]): number => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 === 1
    ? (sorted[mid] as number)
    : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
};

/**
 * Spread of onsets as a robust coefficient of variation, 1.4826 · MAD / median: the CV itself for normally
 * spread onsets (1.4826 makes the median absolute deviation estimate a normal sd), but one stray report (a pain
 * at 3 km after a misstep, in a history of pain at 14 km) cannot inflate it (docs/pain-pattern.md).
 */
export function robustCv(values: readonly number[]): number {
  const centre = median(values);
  return (1.4826 * median(values.map((v) => Math.abs(v - centre)))) / centre;
}

function medianOnset(observations: readonly Observation[]): number | null {
  return survivalQuantile(estimateSurvival(groupObservations(observations).groups), ONSET_LEVEL);
}

/** How much work the onset interval gets: the validation test skips it to stay fast (nothing it asserts needs it). */
export interface DetectSettings {
  intervalResamples: number;
}

/**
 * The same-distance detector for one body region and side. Pass every run in the window, painful or not:
 * the pain-free runs are what show how far the runner gets without pain.
 */
export function detectPattern(runs: readonly PatternRun[], options: PatternOptions): PainPattern {
  return detectPatternWith(runs, options, { intervalResamples: BOOTSTRAP_RESAMPLES });
}

export function detectPatternWith(
  runs: readonly PatternRun[],
  options: PatternOptions,
  settings: DetectSettings,
): PainPattern {
  const windowDays = options.windowDays ?? DEFAULT_WINDOW_DAYS;
  const endMs = options.asOf.getTime();
  const startMs = endMs - windowDays * DAY_MS;
  const inWindow = runs
    .filter((run) => run.startTime.getTime() >= startMs && run.startTime.getTime() <= endMs)
    .sort((a, b) => a.startTime.getTime() - b.startTime.getTime());
  const measured = inWindow.filter((run) => run.distanceM > 0);
  const reasons: PatternReason[] = [];
  if (measured.length < inWindow.length) reasons.push('runs-without-distance-left-out');

  const painful = measured.filter((run) => run.pain !== null);
  const observations = buildObservations(measured);
  const estimate = estimateSurvival(groupObservations(observations.distance).groups);
  const base: PainPattern = {
    status: 'insufficient-data',
    events: painful.length,
    runs: measured.length,
    onsetM: null,
    onsetIntervalM: null,
    onsetS: null,
    painFreeM: null,
    trend: null,
    basis: 'undetermined',
    weibull: null,
    survival: survivalCurve(estimate, Math.max(0, ...measured.map((run) => run.distanceM))).map((p) => ({
      distanceM: p.at,
      survival: p.survival,
    })),
    onsets: painful.map((run) => ({
      runId: run.runId,
      startTime: run.startTime,
      runDistanceM: run.distanceM,
      onsetM: onsetOf(run).m,
    })),
    reasons,
  };
  if (painful.length < MIN_EVENTS) reasons.push('too-few-painful-runs');
  if (measured.length < MIN_RUNS) reasons.push('too-few-runs');
  if (painful.length < MIN_EVENTS || measured.length < MIN_RUNS) return base;

  const distanceFit = fitWeibull(observations.distance);
  if (distanceFit === null) {
    reasons.push('no-fit');
    return { ...base, status: 'no-pattern' };
  }
  const time = observations.time;
  const timeFit = time === null ? null : fitWeibull(time);
  if (time === null) reasons.push('time-basis-unavailable');
  const candidateBasis =
    timeFit === null ? 'undetermined' : compareBasis(distanceFit, timeFit, observations.logSpeedAtOnsets);
  // The pattern is judged on the scale that explains it: distance, unless time on feet is clearly better.
  const onTime = candidateBasis === 'time' && time !== null && timeFit !== null;
  const judged = onTime
    ? { fit: timeFit, observations: time }
    : { fit: distanceFit, observations: observations.distance };

  const onsetM = survivalQuantile(estimate, ONSET_LEVEL);
  const onsetS = time === null ? null : medianOnset(time);
  const exactOnsets = judged.observations.filter((o) => o.kind === 'exact').map((o) => o.at);
  const failures: PatternReason[] = [];
  if (!(judged.fit.shape > MIN_SHAPE)) failures.push('shape-not-above-threshold');
  if (!(judged.fit.lrtP < SIGNIFICANCE)) failures.push('not-significant');
  if (exactOnsets.length < MIN_EVENTS) reasons.push('too-few-onsets');
  else if (robustCv(exactOnsets) > MAX_ONSET_CV) failures.push('onsets-too-spread');
  if ((onTime ? onsetS : onsetM) === null) failures.push('median-not-reached');
  const status: PatternStatus = failures.length === 0 ? 'threshold' : 'no-pattern';
  reasons.push(...(status === 'threshold' ? (['threshold-criteria-met'] as const) : failures));

  const onsetIntervalM =
    onsetM === null || settings.intervalResamples === 0
      ? null
      : bootstrapQuantileInterval(observations.distance, ONSET_LEVEL, {
          resamples: settings.intervalResamples,
          seed: BOOTSTRAP_SEED,
          coverage: INTERVAL_COVERAGE,
        });
  if (onsetM !== null && settings.intervalResamples > 0 && onsetIntervalM === null) {
    reasons.push('onset-interval-open');
  }
  return {
    ...base,
    status,
    onsetM,
    onsetIntervalM,
    onsetS,
    painFreeM: survivalQuantile(estimate, PAIN_FREE_LEVEL, true),
    trend: exactOnsets.length < MIN_EVENTS ? null : estimateTrend(judged.observations).trend,
    basis: status === 'threshold' ? candidateBasis : 'undetermined',
    weibull: { shape: distanceFit.shape, scaleM: distanceFit.scale, lrtP: distanceFit.lrtP },
  };
}
