import { describe, expect, it } from 'vitest';
import { createRandom } from '../../domain/random.js';
import type { Observation } from './observations.js';
import { fitWeibull, SHAPE_MAX, weibullCv } from './weibull.js';

/** Runs of random length; pain at a Weibull(shape, scale) distance when the run gets that far. */
function weibullHistory(
  seed: number,
  n: number,
  shape: number,
  scale: number,
  noOnsetShare = 0,
): Observation[] {
  const random = createRandom(seed);
  return Array.from({ length: n }, (_, i) => {
    const onset = scale * (-Math.log(1 - random.next())) ** (1 / shape);
    const length = random.uniform(0.4, 1.6) * scale;
    if (onset >= length) return { kind: 'right', at: length, startMs: i };
    return random.chance(noOnsetShare)
      ? { kind: 'interval', at: length, startMs: i }
      : { kind: 'exact', at: onset, startMs: i };
  });
}

describe('fitWeibull', () => {
  it('recovers a threshold-like shape and scale under censoring, and rejects a constant hazard', () => {
    const fit = fitWeibull(weibullHistory(1, 400, 6, 15_000));
    expect(fit).not.toBeNull();
    expect(fit?.shape).toBeGreaterThan(6 * 0.85);
    expect(fit?.shape).toBeLessThan(6 * 1.15);
    expect(fit?.scale).toBeGreaterThan(15_000 * 0.97);
    expect(fit?.scale).toBeLessThan(15_000 * 1.03);
    expect(fit?.lrtP).toBeLessThan(1e-6);
  });

  it('finds shape ≈ 1 and no significant departure for a constant hazard', () => {
    const fit = fitWeibull(weibullHistory(2, 300, 1, 20_000));
    expect(fit?.shape).toBeGreaterThan(0.8);
    expect(fit?.shape).toBeLessThan(1.25);
    expect(fit?.lrtP).toBeGreaterThan(0.01);
  });

  it('uses runs without an onset as "somewhere within the run"', () => {
    const fit = fitWeibull(weibullHistory(3, 400, 6, 15_000, 0.5));
    expect(fit?.shape).toBeGreaterThan(6 * 0.75);
    expect(fit?.shape).toBeLessThan(6 * 1.25);
    expect(fit?.scale).toBeGreaterThan(15_000 * 0.95);
    expect(fit?.scale).toBeLessThan(15_000 * 1.05);
  });

  it('does not care about the unit: kilometres or miles give the same shape and test', () => {
    const metres = weibullHistory(4, 60, 5, 12_000);
    const miles = metres.map((o) => ({ ...o, at: o.at / 1609.344 }));
    const a = fitWeibull(metres);
    const b = fitWeibull(miles);
    expect(b?.shape).toBeCloseTo(a?.shape as number, 4);
    expect(b?.lrtP).toBeCloseTo(a?.lrtP as number, 6);
    expect((b?.scale as number) * 1609.344).toBeCloseTo(a?.scale as number, 0);
  });

  it('stops at the shape cap when every onset is reported at the same distance', () => {
    const same = [10, 10, 10].map((at, i): Observation => ({ kind: 'exact', at, startMs: i }));
    const fit = fitWeibull([...same, { kind: 'right', at: 8, startMs: 9 }]);
    expect(fit?.shape).toBeCloseTo(SHAPE_MAX, 0);
  });

  it('has no fit without a painful run, or with only painful runs that say nothing about where', () => {
    expect(fitWeibull([{ kind: 'right', at: 5, startMs: 0 }])).toBeNull();
    expect(fitWeibull([{ kind: 'interval', at: 5, startMs: 0 }])).toBeNull();
  });
});

describe('weibullCv', () => {
  it('is 1 for the exponential and 0.28 at the threshold shape 4', () => {
    expect(weibullCv(1)).toBeCloseTo(1, 10);
    expect(weibullCv(4)).toBeCloseTo(0.2805, 4);
    expect(weibullCv(20)).toBeLessThan(0.07);
  });
});
