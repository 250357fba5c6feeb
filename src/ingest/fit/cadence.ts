/**
 * FIT's running `cadence` counts strides (one foot) per minute on Garmin, Suunto, COROS and Stryd, with
 * `fractional_cadence` for the half strides; some other recorders write steps per minute into the same
 * field. Keel always stores steps per minute.
 */
export type CadenceConvention = 'strides' | 'steps';

/**
 * A running median in strides lies between ~60 (a shuffle with walk breaks) and ~105 (elite racing); in steps
 * it lies between ~120 (mostly walking) and ~210. A median above this can only be steps.
 */
const STEPS_MEDIAN_ABOVE = 115;

/** The convention a series of cadence values follows, judged by the median of its non-zero values. */
export function detectCadenceConvention(values: ArrayLike<number>): CadenceConvention | null {
  // A typed array sorts numerically without a comparator, several times faster on a long run.
  const moving = Float64Array.from(values).filter((v) => v > 0);
  if (moving.length === 0) return null;
  moving.sort();
  const mid = moving.length >> 1;
  const median =
    moving.length % 2 === 1 ? (moving[mid] ?? 0) : ((moving[mid - 1] ?? 0) + (moving[mid] ?? 0)) / 2;
  return median > STEPS_MEDIAN_ABOVE ? 'steps' : 'strides';
}

export function stepsFactor(convention: CadenceConvention): number {
  return convention === 'strides' ? 2 : 1;
}

/** How channelSources tells the convention, e.g. `fit:record.cadence (strides/min ×2)`. */
export function describeConvention(label: string, convention: CadenceConvention): string {
  return convention === 'strides' ? `${label} (strides/min ×2)` : `${label} (steps/min)`;
}
