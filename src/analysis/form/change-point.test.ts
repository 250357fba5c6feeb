import { describe, expect, it } from 'vitest';
import { defined } from '../../../test/helpers/form-runs.js';
import { createRandom } from '../../domain/random.js';
import { fitDrift, type SlopePrior } from './change-point.js';

const distances = Array.from({ length: 60 }, (_, k) => 1100 + 200 * k);
const taus = Array.from({ length: 119 }, (_, t) => 1100 + 100 * t);
const flat = distances.map(() => 0);
const even = distances.map(() => 3);
const noPrior: SlopePrior = { perMps: 0, perGrade: 0, speedWeight: 0.5, gradeWeight: 0.01 };
const series = (value: number[], speedMps = even) => ({ distanceM: distances, value, speedMps, grade: flat });

describe('fitDrift', () => {
  it('places a hinge where the drift starts and measures it by the end', () => {
    const random = createRandom(3);
    const r = distances.map((d) => 250 + 0.004 * Math.max(0, d - 7000) + random.normal(0, 1));
    const fit = defined(fitDrift(series(r), noPrior, taus));
    expect(Math.abs(fit.changeM - 7000)).toBeLessThanOrEqual(600);
    expect(fit.drift).toBeCloseTo(0.004 * (defined(distances.at(-1)) - 7000), -1);
    expect(fit.level).toBeCloseTo(250, 0);
    expect(fit.deltaBic).toBeGreaterThan(20);
  });

  it('places τ between segments too, where a walking break left a gap', () => {
    const gapped = distances.filter((d) => d < 6000 || d > 8000);
    const random = createRandom(6);
    const value = gapped.map((d) => 250 + 0.006 * Math.max(0, d - 7050) + random.normal(0, 0.3));
    const fit = defined(
      fitDrift(
        { distanceM: gapped, value, speedMps: gapped.map(() => 3), grade: gapped.map(() => 0) },
        noPrior,
        taus,
      ),
    );
    expect(Math.abs(fit.changeM - 7050)).toBeLessThanOrEqual(300);
  });

  it('separates a drift from changes of pace before and after it', () => {
    const random = createRandom(7);
    const speed = distances.map((d) => (Math.floor(d / 1000) % 2 === 0 ? 3.4 : 2.8) + random.normal(0, 0.05));
    const value = distances.map(
      (d, k) => 260 - 50 * ((speed[k] as number) - 3) + 0.004 * Math.max(0, d - 5000) + random.normal(0, 1),
    );
    const fit = defined(fitDrift(series(value, speed), noPrior, taus));
    expect(fit.slopes.perMps).toBeCloseTo(-50, -1);
    expect(Math.abs(fit.changeM - 5000)).toBeLessThanOrEqual(600);
  });

  it('finds no support for a change in noise', () => {
    const random = createRandom(4);
    const fit = defined(fitDrift(series(distances.map(() => random.normal(0, 1))), noPrior, taus));
    expect(fit.deltaBic).toBeLessThan(6);
  });

  it('discounts autocorrelated wander instead of reading it as drift', () => {
    const random = createRandom(5);
    let x = 0;
    let alarms = 0;
    for (let run = 0; run < 50; run++) {
      const r = distances.map(() => {
        x = 0.6 * x + random.normal(0, 1);
        return x;
      });
      if (defined(fitDrift(series(r), noPrior, taus)).deltaBic > 6) alarms++;
    }
    expect(alarms).toBeLessThanOrEqual(5);
  });

  it('keeps a profile over every candidate τ, infinite where too few segments follow', () => {
    const fit = defined(fitDrift(series(distances.map((d) => d / 1000)), noPrior, taus));
    expect(fit.profile.length).toBe(taus.length);
    expect(fit.profile.at(-1)).toBe(Number.POSITIVE_INFINITY);
    expect(Number.isFinite(fit.profile[0] as number)).toBe(true);
  });

  it('needs a few segments', () => {
    expect(
      fitDrift(
        { distanceM: [1, 2, 3], value: [1, 2, 3], speedMps: [3, 3, 3], grade: [0, 0, 0] },
        noPrior,
        [1],
      ),
    ).toBeNull();
  });
});
