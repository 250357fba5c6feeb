import { describe, expect, it } from 'vitest';
import { defined } from '../../../test/helpers/form-runs.js';
import { createRandom } from '../../domain/random.js';
import { fitDrift } from './change-point.js';
import { slopePrior } from './correct.js';

const random = createRandom(9);
const n = 30;
const distanceM = Array.from({ length: n }, (_, j) => 1100 + 200 * j);
const taus = distanceM;
const speed = Array.from({ length: n }, (_, j) => 2.5 + (j % 6) * 0.2);
const grade = Array.from({ length: n }, (_, j) => ((j % 5) - 2) * 0.02);
const even = speed.map(() => 3);
const flat = speed.map(() => 0);

describe('speed and grade slopes', () => {
  it('finds a runner’s own speed slope when the pace varies', () => {
    const value = speed.map((v) => 250 - 60 * (v - 3) + random.normal(0, 1));
    const fit = defined(
      fitDrift({ distanceM, value, speedMps: speed, grade }, slopePrior('stanceTime', 250), taus),
    );
    expect(fit.slopes.perMps).toBeCloseTo(-60, -1);
  });

  it('keeps the prior slope on an even pace, where one run cannot tell', () => {
    const value = even.map(() => 250 + random.normal(0, 1));
    const fit = defined(
      fitDrift({ distanceM, value, speedMps: even, grade: flat }, slopePrior('stanceTime', 250), taus),
    );
    expect(fit.slopes.perMps).toBeCloseTo(-0.15 * 250, 0);
  });

  it('leans toward the athlete’s history as it grows', () => {
    const prior = slopePrior('stanceTime', 250, { perMps: -80, perGrade: 0, runs: 10 });
    expect(prior.perMps).toBeLessThan(-75);
    expect(prior.speedWeight).toBeCloseTo(11 * slopePrior('stanceTime', 250).speedWeight);
  });
});
