import { describe, expect, it } from 'vitest';
import { weekday, zurichDay, zurichUtcOffsetMin, zurichWallClock } from './zurich-time.js';

describe('Zürich time', () => {
  it('switches to summer time and back at 01:00 UTC on the last Sundays of March and October', () => {
    expect(zurichUtcOffsetMin(new Date('2026-03-29T00:59:59Z'))).toBe(60);
    expect(zurichUtcOffsetMin(new Date('2026-03-29T01:00:00Z'))).toBe(120);
    expect(zurichUtcOffsetMin(new Date('2026-10-25T00:59:59Z'))).toBe(120);
    expect(zurichUtcOffsetMin(new Date('2026-10-25T01:00:00Z'))).toBe(60);
    expect(zurichUtcOffsetMin(new Date('2027-01-15T12:00:00Z'))).toBe(60);
  });

  it('turns a Zürich wall clock into UTC, and a moment into the Zürich day', () => {
    const day = zurichDay(new Date('2026-07-05T10:00:00Z'));
    expect(weekday(day)).toBe(6);
    expect(zurichWallClock(day, 7 * 3600 + 30 * 60)).toEqual(new Date('2026-07-05T05:30:00Z'));
    expect(zurichWallClock(day + 182, 7 * 3600)).toEqual(new Date('2027-01-03T06:00:00Z'));
    expect(zurichDay(new Date('2026-07-05T22:30:00Z'))).toBe(day + 1);
  });
});
