import type { WeibullFit } from './weibull.js';

/**
 * Distance or time on feet? Both Weibull fits describe the same onsets, one as a distance and one as a time;
 * with d = v·t on each run, a density of onset distance becomes one of onset time by adding Σ log v over the
 * onsets. Both models have two parameters, so the difference of log-likelihoods is half the difference in AIC.
 * When pace hardly varies between runs the two describe the data equally well and the answer is honest:
 * undetermined.
 */

/**
 * A log-likelihood difference of 3 is an AIC difference of 6. Burnham & Anderson (2002, *Model Selection and
 * Multimodel Inference*, §2.6) read ΔAIC 4–7 as "considerably less support" for the worse model; within that band
 * the validation chose 6, which called 1% of distance-bound histories time-bound where 4 called 3%, at the cost of
 * recognising 79% of time-bound ones instead of 85% (docs/pain-pattern.md).
 */
export const BASIS_LOG_LIK_MARGIN = 3;

export function compareBasis(
  distance: WeibullFit,
  time: WeibullFit,
  logSpeedAtOnsets: number,
): 'distance' | 'time' | 'undetermined' {
  const advantage = distance.logLik + logSpeedAtOnsets - time.logLik;
  if (advantage >= BASIS_LOG_LIK_MARGIN) return 'distance';
  if (advantage <= -BASIS_LOG_LIK_MARGIN) return 'time';
  return 'undetermined';
}
