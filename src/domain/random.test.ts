import { describe, expect, it } from 'vitest';
import { createRandom } from './random.js';

describe('createRandom', () => {
  it('repeats its sequence for a seed and differs between seeds', () => {
    const draw = (seed: number) => {
      const random = createRandom(seed);
      return Array.from({ length: 5 }, () => random.next());
    };
    expect(draw(42)).toEqual(draw(42));
    expect(draw(42)).not.toEqual(draw(43));
  });

  it('draws within the asked ranges with the asked spread', () => {
    const random = createRandom(1);
    const n = 20_000;
    const uniforms = Array.from({ length: n }, () => random.uniform(2, 5));
    const ints = Array.from({ length: n }, () => random.int(6, 8));
    const normals = Array.from({ length: n }, () => random.normal(10, 2));
    expect(Math.min(...uniforms)).toBeGreaterThanOrEqual(2);
    expect(Math.max(...uniforms)).toBeLessThan(5);
    expect(new Set(ints)).toEqual(new Set([6, 7, 8]));
    const mean = normals.reduce((a, b) => a + b, 0) / n;
    const sd = Math.sqrt(normals.reduce((a, b) => a + (b - mean) ** 2, 0) / n);
    expect(mean).toBeCloseTo(10, 1);
    expect(sd).toBeCloseTo(2, 1);
  });

  it('forks independent streams and picks from lists', () => {
    const random = createRandom(5);
    expect(createRandom(random.fork()).next()).not.toBe(createRandom(random.fork()).next());
    expect(['a', 'b']).toContain(random.pick(['a', 'b']));
    expect(() => random.pick([])).toThrow();
  });
});
