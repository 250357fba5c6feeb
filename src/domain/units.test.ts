import { describe, expect, it } from 'vitest';
import { METRES_PER_MILE, parseDistance, parseDuration } from './units.js';

describe('parseDistance', () => {
  it.each([
    ['12.3km', 12_300],
    ['8 mi', 8 * METRES_PER_MILE],
    ['400m', 400],
    [' 0.5 KM ', 500],
    ['.5mi', 0.5 * METRES_PER_MILE],
    ['3 miles', 3 * METRES_PER_MILE],
  ])('reads %j as %d m', (text, metres) => {
    expect(parseDistance(text)).toBeCloseTo(metres, 6);
  });

  it.each(['12', 'km', '-3km', '12 furlongs', '1,5km', '12km 300m'])('refuses %j', (text) => {
    expect(parseDistance(text)).toBeNull();
  });
});

describe('parseDuration', () => {
  it.each([
    ['1:05:00', 3900],
    ['65:00', 3900],
    ['0:45', 45],
    ['2:03:04.5', 7384.5],
    ['100:00', 6000],
  ])('reads %j as %d s', (text, seconds) => {
    expect(parseDuration(text)).toBe(seconds);
  });

  it.each(['1:60:00', '5:75', '90', '1h05', ''])('refuses %j', (text) => {
    expect(parseDuration(text)).toBeNull();
  });
});
