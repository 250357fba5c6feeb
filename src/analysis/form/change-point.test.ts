import { describe, expect, it } from 'vitest';
import { defined } from '../../../test/helpers/form-runs.js';
import { createRandom } from '../../domain/random.js';
import { fitChangePoint } from './change-point.js';

const distances = Array.from({ length: 60 }, (_, k) => 1100 + 200 * k);

describe('fitChangePoint', () => {
  it('places a hinge where the drift starts and measures it by the end', () => {
    const random = createRandom(3);
    const r = distances.map((d) => 250 + 0.004 * Math.max(0, d - 7000) + random.normal(0, 1));
    const fit = defined(fitChangePoint(distances, r));
    expect(Math.abs(fit.changeM - 7000)).toBeLessThanOrEqual(600);
    expect(fit.drift).toBeCloseTo(0.004 * (defined(distances.at(-1)) - 7000), -1);
    expect(fit.deltaBic).toBeGreaterThan(20);
  });

  it('finds no support for a change in noise', () => {
    const random = createRandom(4);
    const fit = defined(
      fitChangePoint(
        distances,
        distances.map(() => random.normal(0, 1)),
      ),
    );
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
      if (defined(fitChangePoint(distances, r)).deltaBic > 6) alarms++;
    }
    expect(alarms).toBeLessThanOrEqual(5);
  });

  it('needs a few segments', () => {
    expect(fitChangePoint([1, 2, 3], [1, 2, 3])).toBeNull();
  });
});
