/**
 * One change point in a residual series (§8): `r(d) = a + b·max(0, d − τ)` with τ on the grid of segment
 * centres, against the no-change model `r(d) = a`, compared by BIC on an effective sample size that discounts
 * the autocorrelation left between 200 m segments.
 */

/** A drift needs at least three segments (600 m) after τ to be a drift and not a last-segment wobble. */
const MIN_TAIL_SEGMENTS = 3;

export interface ChangePoint {
  changeM: number;
  /** Slope after τ, per metre. */
  slope: number;
  /** Fitted drift from τ to the last segment, in the metric's units. */
  drift: number;
  /** BIC of no change minus BIC of the change point: positive favours the change. */
  deltaBic: number;
}

/** The best hinge for residuals `r` at distances `d` (both without NaN, d increasing), or null if too short. */
export function fitChangePoint(d: ArrayLike<number>, r: ArrayLike<number>): ChangePoint | null {
  const n = d.length;
  if (n < MIN_TAIL_SEGMENTS + 3) return null;
  let mean = 0;
  for (let k = 0; k < n; k++) mean += r[k] as number;
  mean /= n;
  let rss0 = 0;
  for (let k = 0; k < n; k++) rss0 += ((r[k] as number) - mean) ** 2;

  let best: { tau: number; a: number; b: number; rss: number } | null = null;
  for (let j = 0; j <= n - MIN_TAIL_SEGMENTS; j++) {
    const tau = d[j] as number;
    let sx = 0;
    for (let k = j; k < n; k++) sx += (d[k] as number) - tau;
    const mx = sx / n;
    let sxx = 0;
    let sxr = 0;
    for (let k = 0; k < n; k++) {
      const x = Math.max(0, (d[k] as number) - tau) - mx;
      sxx += x * x;
      sxr += x * ((r[k] as number) - mean);
    }
    if (sxx <= 0) continue;
    const b = sxr / sxx;
    const rss = rss0 - b * sxr;
    if (best === null || rss < best.rss) best = { tau, a: mean - b * mx, b, rss };
  }
  if (best === null) return null;

  const rho = lagOneCorrelation(d, r, best);
  const nEff = Math.max(3, (n * (1 - rho)) / (1 + rho));
  const rss1 = Math.max(best.rss, 1e-12 * rss0, Number.MIN_VALUE);
  // Two extra parameters, slope and τ; BIC's log n penalty each, on the effective n.
  const deltaBic = rss0 > 0 ? nEff * Math.log(rss0 / rss1) - 2 * Math.log(nEff) : 0;
  const last = d[n - 1] as number;
  return { changeM: best.tau, slope: best.b, drift: best.b * (last - best.tau), deltaBic };
}

/**
 * Lag-1 autocorrelation of the change-point model's residuals, kept in [0, 0.9]: measured after the drift is
 * taken out, so a real drift does not pass for autocorrelation and hide itself.
 */
function lagOneCorrelation(
  d: ArrayLike<number>,
  r: ArrayLike<number>,
  fit: { tau: number; a: number; b: number },
): number {
  const n = d.length;
  let num = 0;
  let den = 0;
  let previous = 0;
  for (let k = 0; k < n; k++) {
    const e = (r[k] as number) - fit.a - fit.b * Math.max(0, (d[k] as number) - fit.tau);
    den += e * e;
    if (k > 0) num += e * previous;
    previous = e;
  }
  return den > 0 ? Math.min(0.9, Math.max(0, num / den)) : 0;
}
