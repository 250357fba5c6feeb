/**
 * A run's start as the runner saw it on their watch: in the run's own time zone when the file recorded the
 * offset, otherwise in UTC (marked so), never in the time zone of whoever is looking at it.
 */
export function formatRunStart(startTimeIso: string, utcOffsetMin: number | null): string {
  const start = new Date(startTimeIso);
  const local = new Date(start.getTime() + (utcOffsetMin ?? 0) * 60_000);
  const text = local.toISOString().slice(0, 16).replace('T', ' ');
  return utcOffsetMin === null ? `${text} UTC` : text;
}
