import { describe, expect, it } from 'vitest';
import { createRandom } from '../domain/random.js';
import { FULL_WEEKS, scheduleRuns } from './training-plan.js';
import { weekday, zurichDay } from './zurich-time.js';

const DAY_MS = 86_400_000;

describe('scheduleRuns', () => {
  // One end date on each day of the week, one of them in summer time.
  const endDates = Array.from({ length: 7 }, (_, k) => new Date(Date.UTC(2026, 10, 23 + k, 5, 30)));
  endDates.push(new Date('2026-07-14T19:00:00Z'));

  it.each(endDates)('spans 12–16 weeks ending before %s, with runs only before that day', (endDate) => {
    const runs = scheduleRuns(endDate, createRandom(1));
    const first = runs[0]?.startTime.getTime() ?? 0;
    const last = runs.at(-1)?.startTime.getTime() ?? 0;
    expect(endDate.getTime() - first).toBeGreaterThan(12 * 7 * DAY_MS);
    expect(endDate.getTime() - first).toBeLessThan(16 * 7 * DAY_MS);
    expect(endDate.getTime() - last).toBeLessThan(7 * DAY_MS);
    expect(runs.every((r) => zurichDay(r.startTime) < zurichDay(endDate))).toBe(true);
    expect(runs.map((r) => r.startTime.getTime())).toEqual(
      runs.map((r) => r.startTime.getTime()).sort((a, b) => a - b),
    );
  });

  it('has 3–5 runs a week, a long run each Sunday that grows, and realistic weekly volume', () => {
    const runs = scheduleRuns(new Date('2026-11-24T06:00:00Z'), createRandom(2));
    for (let week = 1; week <= FULL_WEEKS; week++) {
      const inWeek = runs.filter((r) => r.week === week);
      expect(inWeek.length).toBeGreaterThanOrEqual(3);
      expect(inWeek.length).toBeLessThanOrEqual(5);
      const longRun = inWeek.find((r) => r.session.kind === 'long');
      expect(longRun && weekday(zurichDay(longRun.startTime))).toBe(6);
      const km = inWeek.reduce((sum, r) => sum + r.session.km, 0);
      expect(km).toBeGreaterThanOrEqual(20);
      expect(km).toBeLessThanOrEqual(50);
    }
    const longKm = (week: number) =>
      runs.find((r) => r.week === week && r.session.kind === 'long')?.session.km ?? 0;
    expect(longKm(FULL_WEEKS)).toBeGreaterThan(longKm(1) + 6);
  });

  it('starts runs at plausible local hours and knows each run’s UTC offset', () => {
    const runs = scheduleRuns(new Date('2026-11-24T06:00:00Z'), createRandom(3));
    for (const r of runs) {
      const localHour = new Date(r.startTime.getTime() + r.utcOffsetMin * 60_000).getUTCHours();
      expect(localHour).toBeGreaterThanOrEqual(6);
      expect(localHour).toBeLessThanOrEqual(19);
    }
    expect(new Set(runs.map((r) => r.utcOffsetMin))).toEqual(new Set([60, 120]));
  });
});
