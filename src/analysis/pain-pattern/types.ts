/** One run in the window, as the same-distance detector sees it for one body region and side. */
export interface PatternRun {
  runId: string;
  startTime: Date;
  /** The run's distance. */
  distanceM: number;
  /**
   * The run's duration on the same clock as `pain.onsetS`: Keel's app gives both as seconds since the start,
   * pauses included, because that is what a runner's onset time placed on the samples measures.
   */
  durationS: number;
  /**
   * This region and side's pain on this run, or null for a pain-free run. `onsetM` and `onsetS` (time on feet at
   * onset) both null means "somewhere in the run": no onset given, or pain that only came after the run.
   */
  pain: null | { onsetM: number | null; onsetS: number | null; severity: number };
}

export interface PatternOptions {
  /** "Now": the end of the window. */
  asOf: Date;
  /** How far back from `asOf` runs count; 180 when not given. */
  windowDays?: number;
}

export type PatternStatus = 'threshold' | 'no-pattern' | 'insufficient-data';
export type PatternTrend = 'improving' | 'stable' | 'worsening';
export type PatternBasis = 'distance' | 'time' | 'undetermined';

/** Why the status was chosen, as stable codes; `explainPattern` turns them into words. */
export const PATTERN_REASONS = [
  /** Every criterion for a threshold was met. */
  'threshold-criteria-met',
  'too-few-painful-runs',
  'too-few-runs',
  /** No Weibull could be fitted: every run hurt and none said where. */
  'no-fit',
  'shape-not-above-threshold',
  'not-significant',
  'onsets-too-spread',
  /** Fewer than half the runs that went far enough hurt: there is no typical onset distance. */
  'median-not-reached',
  /** Fewer than 3 painful runs said where the pain began: neither the onsets' spread nor a trend could be checked. */
  'too-few-onsets',
  /** Runs with a distance of zero (treadmill without a footpod, manual entries) were left out. */
  'runs-without-distance-left-out',
  /** Some runs have no time on feet, so distance and time could not be compared. */
  'time-basis-unavailable',
  /** Too many resampled histories had no typical onset for a 90% interval. */
  'onset-interval-open',
] as const;
export type PatternReason = (typeof PATTERN_REASONS)[number];

export interface PainPattern {
  status: PatternStatus;
  /** Painful runs in the window. */
  events: number;
  /** All runs in the window, painful or not. */
  runs: number;
  /** Median onset distance (Kaplan–Meier, with Turnbull's treatment of runs without an onset), metres. */
  onsetM: number | null;
  /** 90% bootstrap percentile interval of `onsetM`. */
  onsetIntervalM: [number, number] | null;
  /** Median onset as time on feet, seconds: the figure to give when time explains the pain better. */
  onsetS: number | null;
  /** Runs shorter than this stayed pain-free with an estimated probability of at least 90%. */
  painFreeM: number | null;
  /** Onsets moving out (improving) or in (worsening); null when too few events. */
  trend: PatternTrend | null;
  basis: PatternBasis;
  /** The Weibull fit on distance; shape and likelihood-ratio test against a constant hazard (shape 1). */
  weibull: { shape: number; scaleM: number; lrtP: number } | null;
  /**
   * The estimated pain-free curve as the corners of a polyline: a drop is two points at the same distance, and
   * where a run without an onset could have started hurting the curve falls in a straight line.
   */
  survival: { distanceM: number; survival: number }[];
  /** Every painful run, oldest first, for the chart's dots. */
  onsets: { runId: string; startTime: Date; runDistanceM: number; onsetM: number | null }[];
  reasons: PatternReason[];
}
