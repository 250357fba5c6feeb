import { chiSquare1Survival } from './distributions.js';
import type { Observation } from './observations.js';
import type { PatternTrend } from './types.js';

/**
 * Is the onset moving? The log-rank test for trend: the score test of a Cox model whose covariate is the run's
 * date (Breslow's handling of tied onsets). It is the censoring-aware counterpart of a rank correlation between
 * onset and date (domain-reference §8): at each onset distance it compares the date of the run that hurt there
 * with the dates of every run that reached that distance — pain-free runs included. So recent pain-free runs
 * beyond the old onsets count as evidence of improvement, just as later onsets do, and a trend in how far the
 * runner goes (a build-up of long runs) is not mistaken for a trend in the pain.
 *
 * Runs without an onset are left out: they say the pain came within the run, not whether earlier or later than
 * before. The test assumes nothing about the shape of the onset distribution, so it does not inherit the
 * Weibull's misfit (a Weibull-scale trend tested by likelihood ratio called a trend in 15% of still thresholds in
 * the validation, against 5% nominal).
 */

/** The conventional 5% level, as for the threshold itself. */
export const TREND_SIGNIFICANCE = 0.05;

const DAY_MS = 86_400_000;

export interface TrendEstimate {
  trend: PatternTrend;
  /** Two-sided p-value of the score test. */
  p: number;
}

export function estimateTrend(observations: readonly Observation[]): TrendEstimate {
  const used = observations.filter((o) => o.kind !== 'interval');
  // The test is unchanged by shifting or scaling the covariate; days since the first run keep it well-conditioned.
  const first = Math.min(...used.map((o) => o.startMs));
  const runs = used
    .map((o) => ({ at: o.at, event: o.kind === 'exact', z: (o.startMs - first) / DAY_MS }))
    .sort((a, b) => b.at - a.at);
  // Walk from the longest distance down, so that the risk set (every run that reached this far) only grows.
  let atRisk = 0;
  let sumZ = 0;
  let sumZ2 = 0;
  let score = 0;
  let information = 0;
  for (let i = 0; i < runs.length; ) {
    const at = (runs[i] as (typeof runs)[number]).at;
    let events = 0;
    let eventZ = 0;
    for (; i < runs.length && (runs[i] as (typeof runs)[number]).at === at; i++) {
      const o = runs[i] as (typeof runs)[number];
      atRisk++;
      sumZ += o.z;
      sumZ2 += o.z * o.z;
      if (o.event) {
        events++;
        eventZ += o.z;
      }
    }
    if (events === 0) continue;
    const meanZ = sumZ / atRisk;
    score += eventZ - events * meanZ;
    information += events * Math.max(0, sumZ2 / atRisk - meanZ * meanZ);
  }
  if (!(information > 0)) return { trend: 'stable', p: 1 };
  const p = chiSquare1Survival((score * score) / information);
  // A positive score: runs later in the window hurt sooner than the runs beside them.
  const trend: PatternTrend = p >= TREND_SIGNIFICANCE ? 'stable' : score > 0 ? 'worsening' : 'improving';
  return { trend, p };
}
