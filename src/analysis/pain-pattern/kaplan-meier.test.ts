import { describe, expect, it } from 'vitest';
import {
  bootstrapQuantileInterval,
  estimateSurvival,
  groupObservations,
  type SurvivalEstimate,
  survivalCurve,
  survivalQuantile,
} from './kaplan-meier.js';
import type { CensoringKind, Observation } from './observations.js';

const obs = (...items: [CensoringKind, number][]): Observation[] =>
  items.map(([kind, at], i) => ({ kind, at, startMs: i }));
const estimate = (observations: Observation[]) => estimateSurvival(groupObservations(observations).groups);

/** S just after each support, for comparing with a hand calculation. */
function survivalAfterEach(est: SurvivalEstimate): number[] {
  let s = 1;
  return est.mass.map((m) => {
    s -= m;
    return s;
  });
}

describe('Kaplan–Meier (every painful run has an onset)', () => {
  // Events at 3, 5, 7, 7, 9; pain-free runs of 4 and 8. By hand: S(3) = 6/7, S(5) = 6/7·4/5, S(7) = ·2/4, S(9) = 0.
  const data = obs(
    ['exact', 3],
    ['right', 4],
    ['exact', 5],
    ['exact', 7],
    ['exact', 7],
    ['right', 8],
    ['exact', 9],
  );

  it('matches the product-limit estimate by hand', () => {
    const est = estimate(data);
    expect(est.hi).toEqual([3, 5, 7, 9]);
    const expected = [6 / 7, 24 / 35, 12 / 35, 0];
    survivalAfterEach(est).forEach((s, i) => {
      expect(s).toBeCloseTo(expected[i] as number, 12);
    });
    expect(est.tail).toBeCloseTo(0, 12);
  });

  it('gives the median as the first distance where S ≤ 0.5, and the pain-free distance where S < 0.9', () => {
    const est = estimate(data);
    expect(survivalQuantile(est, 0.5)).toBe(7);
    expect(survivalQuantile(est, 0.9, true)).toBe(3);
  });

  it('takes S = 0.5 exactly as reaching the median', () => {
    expect(survivalQuantile(estimate(obs(['exact', 10], ['right', 12])), 0.5)).toBe(10);
  });

  it('counts a run censored at an onset distance as at risk there', () => {
    const est = estimate(obs(['exact', 5], ['right', 5], ['exact', 6]));
    expect(survivalAfterEach(est)[0]).toBeCloseTo(2 / 3, 12);
  });

  it('has no median when fewer than half the runs that went far enough hurt', () => {
    expect(survivalQuantile(estimate(obs(['exact', 10], ['right', 12], ['right', 13])), 0.5)).toBeNull();
  });

  it('draws the curve as polyline corners, steps as two points at one distance', () => {
    expect(survivalCurve(estimate(obs(['exact', 5], ['right', 8])), 8)).toEqual([
      { at: 0, survival: 1 },
      { at: 5, survival: 1 },
      { at: 5, survival: 0.5 },
      { at: 8, survival: 0.5 },
    ]);
  });
});

describe("Turnbull's estimator (painful runs without an onset)", () => {
  it('is the isotonic regression of "hurt by then" on run length for current-status data', () => {
    // Runs of 1..6 km; those of 2, 4 and 5 hurt somewhere, the others did not. Pool-adjacent-violators on
    // 0,1,0,1,1,0 gives F = 0, ½, ½, ⅔, ⅔, ⅔: mass ½ in (1, 2], ⅙ in (3, 4], none in (4, 5], ⅓ beyond.
    const est = estimate(
      obs(['right', 1], ['interval', 2], ['right', 3], ['interval', 4], ['interval', 5], ['right', 6]),
    );
    expect(est.lo).toEqual([1, 3, 4]);
    expect(est.hi).toEqual([2, 4, 5]);
    expect(est.mass[0]).toBeCloseTo(1 / 2, 3);
    expect(est.mass[1]).toBeCloseTo(1 / 6, 3);
    expect(est.mass[2]).toBeCloseTo(0, 3);
    expect(est.tail).toBeCloseTo(1 / 3, 3);
  });

  it('spreads a stretch evenly: the quantiles interpolate inside it', () => {
    // Pain-free to 4 km on one run; pain somewhere in a 10 km run: all the mass sits in (4, 10].
    const est = estimate(obs(['right', 4], ['interval', 10]));
    expect(survivalQuantile(est, 0.5)).toBeCloseTo(7, 2);
    expect(survivalQuantile(est, 0.9, true)).toBeCloseTo(4.6, 2);
  });

  it('places no-onset runs among the onsets where the rest of the data put them', () => {
    // Onsets at 12 and pain-free runs of 10: a 15 km run that hurt somewhere most likely hurt at 12 too.
    const est = estimate(
      obs(['right', 10], ['right', 10], ['exact', 12], ['exact', 12], ['interval', 15], ['right', 16]),
    );
    expect(survivalQuantile(est, 0.5)).toBe(12);
  });
});

describe('bootstrapQuantileInterval', () => {
  const data = obs(
    ...Array.from({ length: 12 }, (_, i): [CensoringKind, number] => ['right', 6 + i * 0.3]),
    ...Array.from({ length: 8 }, (_, i): [CensoringKind, number] => ['exact', 13.5 + (i % 4) * 0.25]),
  );
  const options = { resamples: 400, seed: 7, coverage: 0.9 };

  it('brackets the median and repeats for the same seed', () => {
    const interval = bootstrapQuantileInterval(data, 0.5, options);
    const median = survivalQuantile(estimate(data), 0.5) as number;
    expect(interval).not.toBeNull();
    const [lo, hi] = interval as [number, number];
    expect(lo).toBeLessThanOrEqual(median);
    expect(hi).toBeGreaterThanOrEqual(median);
    expect(bootstrapQuantileInterval(data, 0.5, options)).toEqual(interval);
  });

  it('has no upper end when many resamples never reach the level', () => {
    expect(
      bootstrapQuantileInterval(
        obs(['exact', 10], ['exact', 10], ['right', 12], ['right', 12]),
        0.5,
        options,
      ),
    ).toBeNull();
  });
});
