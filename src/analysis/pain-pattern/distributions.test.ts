import { describe, expect, it } from 'vitest';
import { chiSquare1Survival, erfc, gamma } from './distributions.js';

describe('erfc', () => {
  it.each([
    [0, 1],
    [0.5, 0.4795001222],
    [1, 0.1572992071],
    [2, 0.004677734981],
    [-1, 1.8427007929],
  ])('erfc(%s) ≈ %s', (x, expected) => {
    expect(erfc(x)).toBeCloseTo(expected, 6);
  });
});

describe('chiSquare1Survival', () => {
  it('gives the textbook critical values', () => {
    expect(chiSquare1Survival(3.841459)).toBeCloseTo(0.05, 5);
    expect(chiSquare1Survival(6.634897)).toBeCloseTo(0.01, 5);
    expect(chiSquare1Survival(2.705543)).toBeCloseTo(0.1, 5);
  });

  it('is 1 for a statistic of zero or less', () => {
    expect(chiSquare1Survival(0)).toBe(1);
    expect(chiSquare1Survival(-1e-12)).toBe(1);
  });
});

describe('gamma', () => {
  it('matches factorials and Γ(1/2) = √π', () => {
    expect(gamma(5)).toBeCloseTo(24, 10);
    expect(gamma(1)).toBeCloseTo(1, 12);
    expect(gamma(0.5)).toBeCloseTo(Math.sqrt(Math.PI), 12);
    expect(gamma(1.5)).toBeCloseTo(Math.sqrt(Math.PI) / 2, 12);
  });
});
