/**
 * Every threshold the benchmarks use, each with where it comes from. Where no source in domain-reference gives a
 * number, the value is Keel's own choice and says so; change it here and docs/benchmarks.md together.
 */

/** Limb symmetry index below this is asymmetric: the usual return-to-sport line in rehabilitation (§3). */
export const LSI_ASYMMETRY_THRESHOLD = 90;
export const LSI_SOURCE =
  'domain reference §3: limb symmetry index = weaker/stronger × 100, below 90% is the usual return-to-sport threshold in rehabilitation literature';

/**
 * §3 gives the McGill means without their spread, so "below" and "above" a mean need a band: Keel's own choice,
 * not science. Within 80–120% of the mean reads as "within"; the ratio to the mean is reported either way.
 */
export const MEAN_NORM_BAND = { low: 0.8, high: 1.2 } as const;
export const MEAN_NORM_BAND_SOURCE =
  'Keel’s own choice: §3 gives McGill’s means without their spread, so 80–120% of the mean reads as within';

/**
 * A change between sessions counts when it is larger than this. No source in domain-reference gives a minimal
 * detectable change for these tests (§3 only says test–retest reliability is good, ICC > 0.8, verify), so 10% is
 * Keel's own choice.
 */
export const CHANGE_THRESHOLD_PERCENT = 10;
export const CHANGE_THRESHOLD_SOURCE =
  'Keel’s own choice: no minimal detectable change in domain reference §3; changes above 10% count';

/** Issue 6: a retest every 4 weeks; §3: at the same time of day, after the same warm-up. */
export const RETEST_INTERVAL_DAYS = 28;
export const RETEST_SOURCE =
  'issue 6: a retest every 4 weeks; domain reference §3: retest at the same time of day, after the same warm-up';

/** McGill's ratios (domain reference §3, side-bridge row; not marked verify there). */
export const MCGILL_RATIO_SOURCE = 'McGill et al. 1999 ratios as given in domain reference §3';
export const FLEXOR_EXTENSOR_MAX = 1.0;
export const SIDE_BRIDGE_RIGHT_LEFT = { min: 0.95, max: 1.05 } as const;
export const SIDE_BRIDGE_EXTENSOR_MAX = 0.75;

/**
 * Plausibility limits for an entry, not science: a value beyond them is far more likely a typing slip (minutes
 * for seconds, an extra zero) than a real result.
 */
export const PLAUSIBLE_MAX = { s: 1800, reps: 500, faults: 30 } as const;

/**
 * Finding weights, Keel's own scale: issue 6 says below-norm and asymmetric findings weigh most, so they take
 * 0.6–1.0 by how far they fall short, and ratio and declining findings 0.3–0.5.
 */
export const WEIGHTS = {
  strong: { base: 0.6, span: 0.4 },
  weak: { base: 0.3, span: 0.2 },
} as const;
