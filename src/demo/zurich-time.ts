const MS_PER_DAY = 86_400_000;
const MS_PER_MINUTE = 60_000;

/**
 * Zürich's offset from UTC: +60 min, and +120 min in summer time, from 01:00 UTC on the last Sunday of March
 * to 01:00 UTC on the last Sunday of October (the EU rule). Written out so the demo stays pure and does not
 * depend on the time zone data of the machine it runs on.
 */
export function zurichUtcOffsetMin(at: Date): number {
  const year = at.getUTCFullYear();
  const summerStarts = Date.UTC(year, 2, lastSundayOf(year, 2), 1);
  const summerEnds = Date.UTC(year, 9, lastSundayOf(year, 9), 1);
  const t = at.getTime();
  return t >= summerStarts && t < summerEnds ? 120 : 60;
}

/** Days since 1970-01-01 of the calendar day it is in Zürich at that moment. */
export function zurichDay(at: Date): number {
  return Math.floor((at.getTime() + zurichUtcOffsetMin(at) * MS_PER_MINUTE) / MS_PER_DAY);
}

/** 0 for Monday … 6 for Sunday. */
export function weekday(day: number): number {
  return (day + 3) % 7;
}

/** The moment a Zürich wall clock shows `secondOfDay` on `day`; runs start well clear of the 02:00–03:00 switch. */
export function zurichWallClock(day: number, secondOfDay: number): Date {
  const asIfUtc = day * MS_PER_DAY + secondOfDay * 1000;
  const offset = zurichUtcOffsetMin(new Date(asIfUtc - 60 * MS_PER_MINUTE));
  return new Date(asIfUtc - offset * MS_PER_MINUTE);
}

function lastSundayOf(year: number, month: number): number {
  const lastDay = new Date(Date.UTC(year, month + 1, 0));
  return lastDay.getUTCDate() - lastDay.getUTCDay();
}
