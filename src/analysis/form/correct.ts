import type { SlopePrior } from './change-point.js';
import type { FormMetricName, FormSlopes } from './types.js';

/**
 * How each metric follows speed and grade in a typical runner, as a fraction of its fresh level per m/s and per
 * unit grade: the prior a single steady run leans on. All (verify): read off the ranges in §1 (contact time
 * ~300 ms at 2.5 m/s to ~200 ms at 5 m/s; cadence rising ~8 steps/min per m/s), and for power and step length
 * from power ∝ speed and step length = speed / cadence at ~2.8 m/s.
 */
const POPULATION_SLOPES: Record<FormMetricName, FormSlopes> = {
  stanceTime: { perMps: -0.15, perGrade: 0 },
  cadence: { perMps: 0.05, perGrade: 0 },
  verticalOscillation: { perMps: 0.03, perGrade: 0 },
  verticalRatio: { perMps: -0.08, perGrade: 0 },
  balanceAsymmetry: { perMps: 0, perGrade: 0 },
  legSpringStiffness: { perMps: 0.07, perGrade: 0 },
  formPower: { perMps: 0.2, perGrade: 0 },
  stepLength: { perMps: 0.3, perGrade: 0 },
  power: { perMps: 0.36, perGrade: 10 },
  heartRate: { perMps: 0.2, perGrade: 1 },
};

/**
 * Prior weights, as the spread of speed (Σ(v − v̄)², m²/s²) and of grade (Σ(g − ḡ)²) a run must have before its
 * own slope outweighs the prior: 0.5 is a dozen segments ±0.2 m/s apart, 0.01 a dozen ±3% grades. An even-paced
 * flat run thus keeps the prior's slope, an interval session finds its own. Each past run in the athlete's
 * baseline adds the same weight again, up to ten runs, so history never freezes the slope.
 */
const PRIOR_SPEED_WEIGHT = 0.5;
const PRIOR_GRADE_WEIGHT = 0.01;
const MAX_HISTORY_RUNS = 10;

/**
 * The prior the speed and grade slopes of `fitDrift` lean toward: the population's relative slopes scaled to
 * the metric's level `scale`, blended with the athlete's own history when given.
 */
export function slopePrior(
  name: FormMetricName,
  scale: number,
  history?: FormSlopes & { runs: number },
): SlopePrior {
  const population = POPULATION_SLOPES[name];
  const level = name === 'balanceAsymmetry' ? 1 : Math.abs(scale);
  const runs = Math.min(MAX_HISTORY_RUNS, history?.runs ?? 0);
  const blend = (pop: number, own: number | undefined) => (pop * level + runs * (own ?? 0)) / (1 + runs);
  return {
    perMps: blend(population.perMps, history?.perMps),
    perGrade: blend(population.perGrade, history?.perGrade),
    speedWeight: PRIOR_SPEED_WEIGHT * (1 + runs),
    gradeWeight: PRIOR_GRADE_WEIGHT * (1 + runs),
  };
}
