/**
 * One change point in a metric along the run (§8), fitted together with the metric's speed and grade slopes:
 * `y(d) = a + perMps·(v − v̄) + perGrade·g + b·max(0, d − τ)`, against the no-change model without the hinge,
 * compared by BIC on an effective sample size that discounts the autocorrelation left between 200 m segments.
 * Fitting the slopes on the whole run beside the hinge, instead of on a "fresh" first part, uses every
 * segment's speed and grade and keeps drift that starts inside a would-be fresh part out of the slopes.
 */
import type { FormSlopes } from './types.js';

/** A drift needs at least three segments (600 m) after τ to be a drift and not a last-segment wobble. */
const MIN_TAIL_SEGMENTS = 3;

/** Where the slopes lean when the run alone cannot tell them (correct.ts). */
export interface SlopePrior extends FormSlopes {
  /** Ridge weights: the speed spread Σ(v − v̄)² and grade spread Σ(g − ḡ)² the prior counts as. */
  speedWeight: number;
  gradeWeight: number;
}

/** A metric's segments, without NaN, by increasing distance. */
export interface MetricSeries {
  distanceM: ArrayLike<number>;
  value: ArrayLike<number>;
  speedMps: ArrayLike<number>;
  grade: ArrayLike<number>;
}

export interface DriftFit {
  changeM: number;
  /** Slope after τ, per metre. */
  slope: number;
  /** Fitted drift from τ to the last segment, in the metric's units. */
  drift: number;
  /** BIC of no change minus BIC of the change point: positive favours the change. */
  deltaBic: number;
  /** Speed and grade slopes of the hinge model. */
  slopes: FormSlopes;
  /** Level before τ at the mean speed on the flat. */
  level: number;
  /** The series at the mean speed on the flat: level + drift + residual. */
  corrected: number[];
  /** SD of the hinge model's residuals. */
  residualSd: number;
  /** Residual sum of squares with the hinge at each of the caller's `taus`; infinite where too few follow. */
  profile: Float64Array;
  /** Fitted drift from τ to the last segment with the hinge at each of the caller's `taus`; NaN where none. */
  driftProfile: Float64Array;
  /** Residual sum of squares of the no-change model. */
  rss0: number;
  /** Effective sample size the BIC is computed on: n discounted for the residuals' lag-1 autocorrelation. */
  nEff: number;
}

/**
 * The best hinge among `taus` (increasing), with the speed and grade slopes fitted alongside by ridge regression
 * toward `prior`; null when the series is too short.
 */
export function fitDrift(series: MetricSeries, prior: SlopePrior, taus: ArrayLike<number>): DriftFit | null {
  const { distanceM: d, value: y, speedMps, grade } = series;
  const n = d.length;
  if (n < MIN_TAIL_SEGMENTS + 3) return null;
  const mv = mean(speedMps);
  // Nuisance regressors (speed, grade), centred, with their priors and ridge weights.
  const raw = [speedMps, grade];
  const means = raw.map(mean);
  const x = raw.map((values, i) =>
    Array.from({ length: n }, (_, k) => (values[k] as number) - (means[i] as number)),
  );
  const priorBeta = [prior.perMps, prior.perGrade];
  const weights = [prior.speedWeight, prior.gradeWeight];
  const my = mean(y);
  const dy = Array.from({ length: n }, (_, k) => (y[k] as number) - my);
  const p = x.length;
  const gram = x.map((a) => x.map((b) => dot(a, b)));
  const xy = x.map((a) => dot(a, dy));
  const syy = dot(dy, dy);
  const penalised = gram.map((row, i) => row.map((v, j) => (i === j ? v + (weights[i] as number) : v)));
  const rhs = xy.map((v, i) => v + (weights[i] as number) * (priorBeta[i] as number));
  const rssOf = (beta: readonly number[], g: readonly number[][], s: readonly number[]) => {
    let value = syy;
    for (let i = 0; i < beta.length; i++) {
      value -= 2 * (beta[i] as number) * (s[i] as number);
      for (let j = 0; j < beta.length; j++)
        value += (beta[i] as number) * (g[i]?.[j] as number) * (beta[j] as number);
    }
    return Math.max(0, value);
  };
  const none = solve(penalised, rhs);
  if (none === null) return null;
  const rss0 = rssOf(none, gram, xy);

  const profile = new Float64Array(taus.length).fill(Number.POSITIVE_INFINITY);
  const driftProfile = new Float64Array(taus.length).fill(Number.NaN);
  const last = d[n - 1] as number;
  let best: { at: number; beta: number[]; rss: number; mh: number } | null = null;
  let tail = n;
  const h = new Float64Array(n);
  for (let t = 0; t < taus.length; t++) {
    const tau = taus[t] as number;
    while (tail > 0 && (d[n - tail] as number) <= tau) tail--;
    if (tail < MIN_TAIL_SEGMENTS) break;
    let sh = 0;
    for (let k = n - tail; k < n; k++) sh += (d[k] as number) - tau;
    const mh = sh / n;
    for (let k = 0; k < n; k++) h[k] = Math.max(0, (d[k] as number) - tau) - mh;
    const cross = x.map((a) => dot(a, h));
    const hh = dot(h, h);
    const hy = dot(h, dy);
    const g = [...gram.map((row, i) => [...row, cross[i] as number]), [...cross, hh]];
    const beta = solve(
      [...penalised.map((row, i) => [...row, cross[i] as number]), [...cross, hh]],
      [...rhs, hy],
    );
    if (beta === null) continue;
    const value = rssOf(beta, g, [...xy, hy]);
    profile[t] = value;
    driftProfile[t] = (beta[p] as number) * (last - tau);
    if (best === null || value < best.rss) best = { at: t, beta, rss: value, mh };
  }
  if (best === null) return null;

  const beta = best.beta;
  const b = beta[p] as number;
  const tau = taus[best.at] as number;
  // Speed and grade taken out: the metric at the mean speed on the flat.
  const corrected = Array.from({ length: n }, (_, k) => {
    let value = y[k] as number;
    for (let i = 0; i < p; i++) value -= (beta[i] as number) * ((raw[i]?.[k] as number) - (i === 0 ? mv : 0));
    return value;
  });
  const level = my - dotRange(beta, means, 1, p) - b * best.mh;
  const residual = (k: number) => (corrected[k] as number) - level - b * Math.max(0, (d[k] as number) - tau);
  const rho = lagOneCorrelation(n, residual);
  const nEff = Math.max(3, (n * (1 - rho)) / (1 + rho));
  const rss1 = Math.max(best.rss, 1e-12 * rss0, Number.MIN_VALUE);
  // Two extra parameters, slope and τ; BIC's log n penalty each, on the effective n. The speed and grade
  // slopes are in both models and cancel.
  const deltaBic = rss0 > 0 ? nEff * Math.log(rss0 / rss1) - 2 * Math.log(nEff) : 0;
  return {
    changeM: tau,
    slope: b,
    drift: b * (last - tau),
    deltaBic,
    slopes: { perMps: beta[0] as number, perGrade: beta[1] as number },
    level,
    corrected,
    residualSd: Math.sqrt(best.rss / Math.max(1, n - p - 2)),
    profile,
    driftProfile,
    rss0,
    nEff,
  };
}

function dot(a: ArrayLike<number>, b: ArrayLike<number>): number {
  let sum = 0;
  for (let k = 0; k < a.length; k++) sum += (a[k] as number) * (b[k] as number);
  return sum;
}

/** Σ a[i]·b[i] for i in [from, to). */
function dotRange(a: readonly number[], b: readonly number[], from: number, to: number): number {
  let sum = 0;
  for (let i = from; i < to; i++) sum += (a[i] as number) * (b[i] as number);
  return sum;
}

function mean(values: ArrayLike<number>): number {
  let sum = 0;
  for (let k = 0; k < values.length; k++) sum += values[k] as number;
  return sum / values.length;
}

/** Gaussian elimination with partial pivoting; null when singular. */
function solve(m: readonly (readonly number[])[], r: readonly number[]): number[] | null {
  const size = r.length;
  const a = m.map((row, i) => [...row, r[i] as number]);
  for (let c = 0; c < size; c++) {
    let pivot = c;
    for (let i = c + 1; i < size; i++)
      if (Math.abs(a[i]?.[c] as number) > Math.abs(a[pivot]?.[c] as number)) pivot = i;
    const rowP = a[pivot] as number[];
    if (Math.abs(rowP[c] as number) < 1e-12) return null;
    a[pivot] = a[c] as number[];
    a[c] = rowP;
    for (let i = c + 1; i < size; i++) {
      const row = a[i] as number[];
      const f = (row[c] as number) / (rowP[c] as number);
      for (let j = c; j <= size; j++) row[j] = (row[j] as number) - f * (rowP[j] as number);
    }
  }
  const out = new Array<number>(size).fill(0);
  for (let i = size - 1; i >= 0; i--) {
    const row = a[i] as number[];
    let s = row[size] as number;
    for (let j = i + 1; j < size; j++) s -= (row[j] as number) * (out[j] as number);
    out[i] = s / (row[i] as number);
  }
  return out;
}

/**
 * Lag-1 autocorrelation of the change-point model's residuals, kept in [0, 0.9]: measured after the drift is
 * taken out, so a real drift does not pass for autocorrelation and hide itself.
 */
function lagOneCorrelation(n: number, residual: (k: number) => number): number {
  let num = 0;
  let den = 0;
  let previous = 0;
  for (let k = 0; k < n; k++) {
    const e = residual(k);
    den += e * e;
    if (k > 0) num += e * previous;
    previous = e;
  }
  return den > 0 ? Math.min(0.9, Math.max(0, num / den)) : 0;
}
