/**
 * A run's start as the runner saw it on their watch: in the run's own time zone when the file recorded the
 * offset, otherwise in UTC (marked so), never in the time zone of whoever is looking at it.
 */
export function formatRunStart(startTimeIso: string, utcOffsetMin: number | null, dateOnly = false): string {
  const start = new Date(startTimeIso);
  if (dateOnly) return localDate(start, utcOffsetMin);
  const local = new Date(start.getTime() + (utcOffsetMin ?? 0) * 60_000);
  const text = local.toISOString().slice(0, 16).replace('T', ' ');
  return utcOffsetMin === null ? `${text} UTC` : text;
}

/** The runner's local calendar date (YYYY-MM-DD) of a moment, in the run's own time zone when known, else UTC. */
export function localDate(moment: Date, utcOffsetMin: number | null): string {
  return new Date(moment.getTime() + (utcOffsetMin ?? 0) * 60_000).toISOString().slice(0, 10);
}

/** A YYYY-MM-DD string that names a real calendar day. */
export function isCalendarDate(text: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(text)) return false;
  const day = new Date(`${text}T00:00:00Z`);
  return !Number.isNaN(day.getTime()) && day.toISOString().slice(0, 10) === text;
}

const DAY_MS = 86_400_000;

/** Whole days from calendar date `from` to `to` (both YYYY-MM-DD); negative when `to` comes first. */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY_MS);
}

/** The calendar date `days` after `date` (YYYY-MM-DD). */
export function addDays(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);
}

/** The last second of a calendar day (YYYY-MM-DD): "as of" that day, everything on it included. */
export function endOfDay(date: string): Date {
  return new Date(`${date}T23:59:59Z`);
}

/** The calendar date of `moment` where this process runs: "today" for someone at this machine. */
export function machineLocalDate(moment: Date): string {
  return localDate(moment, -moment.getTimezoneOffset());
}

/** Monday of the week `date` (YYYY-MM-DD) falls in: training weeks run Monday to Sunday. */
export function mondayOf(date: string): string {
  const weekday = new Date(`${date}T00:00:00Z`).getUTCDay();
  return addDays(date, -((weekday + 6) % 7));
}

const WEEKDAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'] as const;
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'] as const;

/** "Sat 12 Dec 2026" for 2026-12-12: the same words on every machine, whatever its locale or time zone. */
export function dayLabel(date: string): string {
  const day = new Date(`${date}T00:00:00Z`);
  return `${WEEKDAYS[day.getUTCDay()]} ${day.getUTCDate()} ${MONTHS[day.getUTCMonth()]} ${day.getUTCFullYear()}`;
}
