import { describe, expect, it } from 'vitest';
import { defined } from '../../../test/helpers/form-runs.js';
import { createRandom } from '../../domain/random.js';
import { fitSpeedGrade, predict } from './correct.js';

const random = createRandom(9);
const n = 30;
const speed = Float64Array.from({ length: n }, (_, j) => 2.5 + (j % 6) * 0.2);
const grade = Float64Array.from({ length: n }, (_, j) => ((j % 5) - 2) * 0.02);
const all = () => true;

describe('fitSpeedGrade', () => {
  it('finds a runner’s own speed slope when the pace varies', () => {
    const y = speed.map((v) => 250 - 60 * (v - 3) + random.normal(0, 1));
    const model = defined(fitSpeedGrade('stanceTime', y, speed, grade, all));
    expect(model.slopes.perMps).toBeCloseTo(-60, -1);
    expect(predict(model, 3, 0)).toBeCloseTo(250, 0);
  });

  it('keeps the prior slope on an even pace, where one run cannot tell', () => {
    const even = speed.map(() => 3);
    const y = even.map(() => 250 + random.normal(0, 1));
    const model = defined(fitSpeedGrade('stanceTime', y, even, new Float64Array(n), all));
    expect(model.slopes.perMps).toBeCloseTo(-0.15 * 250, 0);
  });

  it('leans toward the athlete’s history as it grows', () => {
    const even = speed.map(() => 3);
    const y = even.map(() => 250);
    const model = defined(
      fitSpeedGrade('stanceTime', y, even, new Float64Array(n), all, {
        perMps: -80,
        perGrade: 0,
        runs: 10,
      }),
    );
    expect(model.slopes.perMps).toBeLessThan(-75);
  });
});
