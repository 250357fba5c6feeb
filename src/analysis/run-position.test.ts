import { describe, expect, it } from 'vitest';
import type { Streams } from '../domain/channels.js';
import { distanceAtElapsed, elapsedAtDistance } from './run-position.js';

const run: Streams = {
  time: Float64Array.from([0, 10, 20, 30, 40]),
  distance: Float64Array.from([0, 30, Number.NaN, 90, 90]),
};

describe('elapsedAtDistance', () => {
  it.each([
    [0, 0],
    [15, 5],
    [30, 10],
    // The missing sample at 20 s is passed over: interpolated between 10 s and 30 s.
    [60, 20],
    [90, 30],
  ])('at %d m is %d s', (metres, seconds) => {
    expect(elapsedAtDistance(run, metres)).toBeCloseTo(seconds, 9);
  });

  it('is null beyond the run or without distance samples', () => {
    expect(elapsedAtDistance(run, 91)).toBeNull();
    expect(elapsedAtDistance({ time: run.time }, 10)).toBeNull();
  });
});

describe('distanceAtElapsed', () => {
  it.each([
    [5, 15],
    [25, 75],
    // Standing still at the end: the first moment the clock reads 35 s.
    [35, 90],
  ])('at %d s is %d m', (seconds, metres) => {
    expect(distanceAtElapsed(run, seconds)).toBeCloseTo(metres, 9);
  });

  it('is null past the last sample', () => {
    expect(distanceAtElapsed(run, 41)).toBeNull();
  });
});
