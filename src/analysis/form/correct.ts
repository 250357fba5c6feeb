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

export interface SpeedGradeModel {
  /** Fresh level at the fresh part's mean speed, on the flat. */
  level: number;
  referenceSpeedMps: number;
  slopes: FormSlopes;
  /** SD of the fresh part's residuals. */
  freshSd: number;
}

/**
 * Fits `y ≈ level + perMps·(v − v̄) + perGrade·g` on the fresh segments (`fresh[j]` true), by ridge regression
 * toward the prior slopes: the population's, blended with the athlete's own history when given.
 */
export function fitSpeedGrade(
  name: FormMetricName,
  y: Float64Array,
  speed: Float64Array,
  grade: Float64Array,
  fresh: (j: number) => boolean,
  history?: FormSlopes & { runs: number },
): SpeedGradeModel | null {
  let n = 0;
  let sy = 0;
  let sv = 0;
  let sg = 0;
  for (let j = 0; j < y.length; j++) {
    if (!fresh(j) || Number.isNaN(y[j])) continue;
    n++;
    sy += y[j] as number;
    sv += speed[j] as number;
    sg += grade[j] as number;
  }
  if (n < 3) return null;
  const my = sy / n;
  const mv = sv / n;
  const mg = sg / n;
  let svv = 0;
  let sgg = 0;
  let svg = 0;
  let svy = 0;
  let sgy = 0;
  for (let j = 0; j < y.length; j++) {
    if (!fresh(j) || Number.isNaN(y[j])) continue;
    const dv = (speed[j] as number) - mv;
    const dg = (grade[j] as number) - mg;
    const dy = (y[j] as number) - my;
    svv += dv * dv;
    sgg += dg * dg;
    svg += dv * dg;
    svy += dv * dy;
    sgy += dg * dy;
  }
  const population = POPULATION_SLOPES[name];
  const scale = name === 'balanceAsymmetry' ? 1 : Math.abs(my);
  const runs = Math.min(MAX_HISTORY_RUNS, history?.runs ?? 0);
  const blend = (pop: number, own: number | undefined) => (pop * scale + runs * (own ?? 0)) / (1 + runs);
  const priorV = blend(population.perMps, history?.perMps);
  const priorG = blend(population.perGrade, history?.perGrade);
  const lv = PRIOR_SPEED_WEIGHT * (1 + runs);
  const lg = PRIOR_GRADE_WEIGHT * (1 + runs);
  // The 2×2 normal equations with the prior added: (XᵀX + Λ)β = Xᵀy + Λβ₀.
  const a = svv + lv;
  const b = svg;
  const d = sgg + lg;
  const rv = svy + lv * priorV;
  const rg = sgy + lg * priorG;
  const det = a * d - b * b;
  const perMps = (d * rv - b * rg) / det;
  const perGrade = (a * rg - b * rv) / det;
  const level = my - perGrade * mg;
  let ss = 0;
  for (let j = 0; j < y.length; j++) {
    if (!fresh(j) || Number.isNaN(y[j])) continue;
    const r =
      (y[j] as number) -
      predict(
        { level, referenceSpeedMps: mv, slopes: { perMps, perGrade } },
        speed[j] as number,
        grade[j] as number,
      );
    ss += r * r;
  }
  return {
    level,
    referenceSpeedMps: mv,
    slopes: { perMps, perGrade },
    freshSd: Math.sqrt(ss / Math.max(1, n - 1)),
  };
}

export function predict(
  model: Pick<SpeedGradeModel, 'level' | 'referenceSpeedMps' | 'slopes'>,
  speedMps: number,
  grade: number,
): number {
  return (
    model.level + model.slopes.perMps * (speedMps - model.referenceSpeedMps) + model.slopes.perGrade * grade
  );
}
