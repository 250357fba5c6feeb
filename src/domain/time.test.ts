import { describe, expect, it } from 'vitest';
import { isCalendarDate, localDate } from './time.js';

describe('localDate', () => {
  it.each([
    ['2026-03-01T23:30:00Z', 60, '2026-03-02'],
    ['2026-03-01T23:30:00Z', null, '2026-03-01'],
    ['2026-03-02T03:00:00Z', -300, '2026-03-01'],
  ])('%s at UTC%+d min is %s', (iso, offset, date) => {
    expect(localDate(new Date(iso), offset)).toBe(date);
  });
});

describe('isCalendarDate', () => {
  it.each([
    ['2026-02-28', true],
    ['2024-02-29', true],
    ['2026-02-29', false],
    ['2026-13-01', false],
    ['26-01-01', false],
    ['2026-1-1', false],
  ])('%s → %s', (text, ok) => {
    expect(isCalendarDate(text)).toBe(ok);
  });
});
