import { createRandom } from '../../domain/random.js';
import type { Observation } from './observations.js';

/**
 * The nonparametric pain-free curve S(t): Kaplan–Meier (domain-reference §8) when every painful run has an
 * onset, and Turnbull's self-consistent estimator (the nonparametric maximum likelihood estimate, computed by
 * EM) when some don't. With no onset given, a run only says "the pain began somewhere in (0, end]". Turnbull
 * puts the probability such runs carry on the stretches of distance that no other run's figures split (the
 * "innermost intervals"), wherever the rest of the data make it most likely; within a stretch its place is
 * unknown, so it is spread evenly there and the curve falls in a straight line across it. With onsets only,
 * the estimator is exactly Kaplan–Meier.
 */

/** Observations at one distinct value, with the weight of each kind (a bootstrap resample reweights them). */
export interface Groups {
  at: Float64Array;
  exact: Float64Array;
  right: Float64Array;
  interval: Float64Array;
}

export interface SurvivalEstimate {
  /** Where probability sits, in order: a point (`lo === hi`, an onset) or a stretch (lo, hi] spread evenly. */
  lo: number[];
  hi: number[];
  mass: number[];
  /** Probability of staying pain-free beyond every distance seen. */
  tail: number;
}

export interface GroupedObservations {
  groups: Groups;
  /** For each observation, the index of its group. */
  groupOf: Int32Array;
}

export function groupObservations(observations: readonly Observation[]): GroupedObservations {
  const values = [...new Set(observations.map((o) => o.at))].sort((a, b) => a - b);
  const index = new Map(values.map((v, i) => [v, i]));
  const size = values.length;
  const groups: Groups = {
    at: Float64Array.from(values),
    exact: new Float64Array(size),
    right: new Float64Array(size),
    interval: new Float64Array(size),
  };
  const groupOf = new Int32Array(observations.length);
  observations.forEach((o, i) => {
    const g = index.get(o.at) as number;
    groupOf[i] = g;
    groups[o.kind][g] = (groups[o.kind][g] as number) + 1;
  });
  return { groups, groupOf };
}

/**
 * EM stops when the log-likelihood is provably within this of its maximum: by concavity the gap is at most
 * max_j ∂ℓ/∂p_j − W (W the number of runs), which each EM step computes anyway. 0.001 is statistically
 * nothing: a 90% likelihood interval spans 1.35 units (half the χ²(1) 90% point). Stopping on the masses'
 * movement instead would take thousands of steps, because masses that belong at zero shrink by a factor close
 * to 1 per step while the likelihood has long stopped changing.
 */
const LOG_LIK_GAP = 1e-3;
/** A guard only: accelerated EM reaches the gap in about 5 steps on a typical history, a few hundred at worst. */
const EM_MAX_ITERATIONS = 1000;

export function estimateSurvival(groups: Groups): SurvivalEstimate {
  const size = groups.at.length;
  const lo: number[] = [];
  const hi: number[] = [];
  const exactWeight: number[] = [];
  /** For each group, how many supports lie at or below it: right-censored runs there fit the ones after. */
  const below = new Int32Array(size);
  let total = 0;
  let intervalTotal = 0;
  let previous = 0;
  for (let g = 0; g < size; g++) {
    const at = groups.at[g] as number;
    const exact = groups.exact[g] as number;
    const interval = groups.interval[g] as number;
    const weight = exact + (groups.right[g] as number) + interval;
    if (weight === 0) {
      below[g] = lo.length;
      continue;
    }
    if (interval > 0) {
      lo.push(previous);
      hi.push(at);
      exactWeight.push(0);
    }
    if (exact > 0) {
      lo.push(at);
      hi.push(at);
      exactWeight.push(exact);
    }
    below[g] = lo.length;
    previous = at;
    total += weight;
    intervalTotal += interval;
  }

  // Kaplan–Meier, with interval-censored runs counted as events at their run's end: the exact answer when
  // there are none, and a start for EM that gives every support some mass when there are.
  const mass: number[] = [];
  let survival = 1;
  let atRisk = total;
  for (let g = 0; g < size; g++) {
    const exact = groups.exact[g] as number;
    const interval = groups.interval[g] as number;
    const events = exact + interval;
    if (events > 0) {
      const drop = (survival * events) / atRisk;
      if (interval > 0) mass.push((drop * interval) / events);
      if (exact > 0) mass.push((drop * exact) / events);
      survival = Math.max(0, survival - drop);
    }
    atRisk -= exact + (groups.right[g] as number) + interval;
  }
  if (intervalTotal === 0) return { lo, hi, mass, tail: survival };

  const supports = mass.length;
  const masses = turnbull(
    {
      groups,
      below,
      exactWeight,
      total,
      prefix: new Float64Array(supports + 1),
      suffix: new Float64Array(supports + 1),
      fromRight: new Float64Array(supports + 1),
      fromInterval: new Float64Array(supports + 1),
    },
    Float64Array.from([...mass, survival]),
  );
  return {
    lo,
    hi,
    mass: Array.from(masses.subarray(0, supports)),
    tail: masses[supports] as number,
  };
}

interface TurnbullProblem {
  groups: Groups;
  below: Int32Array;
  exactWeight: number[];
  total: number;
  prefix: Float64Array;
  suffix: Float64Array;
  fromRight: Float64Array;
  fromInterval: Float64Array;
}

/**
 * One EM step from `p` (the supports' masses, then the tail) into `out`. Returns a bound on how far below its
 * maximum the log-likelihood of `p` is, and that log-likelihood when asked for.
 * A right-censored run shares its weight among the supports after it, an interval-censored one among those up
 * to its end, each in proportion to the current masses (E); the new masses are the shares (M).
 */
function emStep(
  problem: TurnbullProblem,
  p: Float64Array,
  out: Float64Array,
  withLogLik: boolean,
): { logLik: number; gap: number } {
  const { groups, below, exactWeight, total, prefix, suffix, fromRight, fromInterval } = problem;
  const supports = p.length - 1;
  prefix[0] = 0;
  for (let j = 0; j < supports; j++) prefix[j + 1] = (prefix[j] as number) + (p[j] as number);
  suffix[supports] = p[supports] as number;
  for (let j = supports - 1; j >= 0; j--) suffix[j] = (suffix[j + 1] as number) + (p[j] as number);
  fromRight.fill(0);
  fromInterval.fill(0);
  let logLik = 0;
  for (let g = 0; g < groups.at.length; g++) {
    const k = below[g] as number;
    const right = groups.right[g] as number;
    const interval = groups.interval[g] as number;
    if (right > 0) {
      fromRight[k] = (fromRight[k] as number) + right / (suffix[k] as number);
      if (withLogLik) logLik += right * Math.log(suffix[k] as number);
    }
    if (interval > 0) {
      fromInterval[k] = (fromInterval[k] as number) + interval / (prefix[k] as number);
      if (withLogLik) logLik += interval * Math.log(prefix[k] as number);
    }
  }
  let intervalShare = 0;
  for (let k = 1; k <= supports; k++) intervalShare += fromInterval[k] as number;
  let rightShare = 0;
  // ∂ℓ/∂p_j; EM multiplies each mass by it over W.
  let steepest = 0;
  for (let j = 0; j < supports; j++) {
    rightShare += fromRight[j] as number;
    const pj = p[j] as number;
    const exact = exactWeight[j] as number;
    if (exact > 0 && withLogLik) logLik += exact * Math.log(pj);
    const gradient = (exact > 0 ? exact / pj : 0) + rightShare + intervalShare;
    steepest = Math.max(steepest, gradient);
    out[j] = (pj * gradient) / total;
    intervalShare -= fromInterval[j + 1] as number;
  }
  rightShare += fromRight[supports] as number;
  steepest = Math.max(steepest, rightShare);
  out[supports] = ((p[supports] as number) * rightShare) / total;
  return { logLik, gap: steepest - total };
}

/**
 * Turnbull's estimator by EM, accelerated with SQUAREM (Varadhan & Roland 2008, *Scand J Stat* 35:335), which
 * extrapolates along two EM steps and falls back to plain EM whenever that would lower the likelihood: plain EM
 * needs hundreds of steps on these data.
 */
function turnbull(problem: TurnbullProblem, start: Float64Array): Float64Array {
  const n = start.length;
  let p0 = start;
  const p1 = new Float64Array(n);
  const p2 = new Float64Array(n);
  const r = new Float64Array(n);
  const v = new Float64Array(n);
  const jump = new Float64Array(n);
  const next = new Float64Array(n);
  for (let iteration = 0; iteration < EM_MAX_ITERATIONS; iteration++) {
    if (emStep(problem, p0, p1, false).gap < LOG_LIK_GAP) break;
    const logLik1 = emStep(problem, p1, p2, true).logLik;
    let r2 = 0;
    let v2 = 0;
    for (let j = 0; j < n; j++) {
      r[j] = (p1[j] as number) - (p0[j] as number);
      v[j] = (p2[j] as number) - 2 * (p1[j] as number) + (p0[j] as number);
      r2 += (r[j] as number) ** 2;
      v2 += (v[j] as number) ** 2;
    }
    // The step length of the S3 scheme; halved toward plain EM (α = −1 gives p2) while any mass would go negative.
    let alpha = v2 > 0 ? Math.min(-1, -Math.sqrt(r2 / v2)) : -1;
    for (;;) {
      let feasible = true;
      for (let j = 0; j < n; j++) {
        jump[j] = (p0[j] as number) - 2 * alpha * (r[j] as number) + alpha * alpha * (v[j] as number);
        if ((jump[j] as number) < 0) feasible = false;
      }
      if (feasible || alpha === -1) break;
      alpha = Math.min(-1, (alpha - 1) / 2);
    }
    p0 = Float64Array.from(alpha < -1 && emStep(problem, jump, next, true).logLik >= logLik1 ? next : p2);
  }
  return p0;
}

/**
 * S within this of a level counts as reaching it: Kaplan–Meier's S = 1 − 1/2 must reach the median in floating
 * point, and EM leaves masses that belong at zero a little above it (within its likelihood gap). A thousandth of
 * probability is nothing next to the estimate's own uncertainty.
 */
const LEVEL_SLACK = 1e-3;

/**
 * The smallest distance where S falls to `level` (median: 0.5), or null when it never does. `strictly` asks
 * where S first goes below the level instead: everything shorter is at or above it.
 */
export function survivalQuantile(estimate: SurvivalEstimate, level: number, strictly = false): number | null {
  const reached = (s: number) => (strictly ? s < level - LEVEL_SLACK : s <= level + LEVEL_SLACK);
  let before = 1;
  for (let j = 0; j < estimate.mass.length; j++) {
    const after = before - (estimate.mass[j] as number);
    if (reached(after)) {
      const lo = estimate.lo[j] as number;
      const hi = estimate.hi[j] as number;
      if (lo === hi) return hi;
      return lo + ((hi - lo) * (before - level)) / (before - after);
    }
    before = after;
  }
  return null;
}

/** Supports with less mass than this are EM's leftovers, not drops anyone could see. */
const VISIBLE_MASS = 1e-6;

/** The curve as polyline corners, from (0, 1) to the longest run. */
export function survivalCurve(estimate: SurvivalEstimate, end: number): { at: number; survival: number }[] {
  const points = [{ at: 0, survival: 1 }];
  let before = 1;
  for (let j = 0; j < estimate.mass.length; j++) {
    const mass = estimate.mass[j] as number;
    if (mass < VISIBLE_MASS) continue;
    const after = Math.max(0, before - mass);
    points.push(
      { at: estimate.lo[j] as number, survival: before },
      { at: estimate.hi[j] as number, survival: after },
    );
    before = after;
  }
  points.push({ at: end, survival: before });
  return points;
}

export interface BootstrapOptions {
  resamples: number;
  seed: number;
  /** Two-sided coverage, e.g. 0.9. */
  coverage: number;
}

/**
 * Percentile bootstrap interval for the quantile at `level`: runs are resampled with replacement and the
 * estimate recomputed. A resample where S never reaches the level counts as "beyond every run"; when that
 * reaches into the upper percentile the interval has no upper end and null is returned.
 */
export function bootstrapQuantileInterval(
  observations: readonly Observation[],
  level: number,
  options: BootstrapOptions,
): [number, number] | null {
  const { groups, groupOf } = groupObservations(observations);
  const random = createRandom(options.seed);
  const n = observations.length;
  const size = groups.at.length;
  const resampled: Groups = {
    at: groups.at,
    exact: new Float64Array(size),
    right: new Float64Array(size),
    interval: new Float64Array(size),
  };
  const kinds = observations.map((o) => resampled[o.kind]);
  const estimates = new Float64Array(options.resamples);
  for (let b = 0; b < options.resamples; b++) {
    resampled.exact.fill(0);
    resampled.right.fill(0);
    resampled.interval.fill(0);
    for (let draw = 0; draw < n; draw++) {
      const i = Math.floor(random.next() * n);
      const column = kinds[i] as Float64Array;
      const g = groupOf[i] as number;
      column[g] = (column[g] as number) + 1;
    }
    estimates[b] = survivalQuantile(estimateSurvival(resampled), level) ?? Number.POSITIVE_INFINITY;
  }
  estimates.sort();
  const tailShare = (1 - options.coverage) / 2;
  const lower = estimates[Math.floor(tailShare * options.resamples)] as number;
  const upper = estimates[Math.ceil((1 - tailShare) * options.resamples) - 1] as number;
  return Number.isFinite(upper) ? [lower, upper] : null;
}
