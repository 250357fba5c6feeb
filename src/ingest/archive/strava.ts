import { parse } from 'csv-parse';
import { piped } from './chunks.js';
import type { ActivityHint } from './types.js';

/**
 * Strava's activity types, normalised (lower case, letters only) so that the export's display names
 * ("Trail Run") and the API's names ("TrailRun") both match. Only these are runs; every other known type is
 * not, and a type Keel does not know (a new one, or a localised export) says nothing, leaving the file's own
 * sport to decide.
 */
const RUNNING_TYPES = new Set(['run', 'trailrun', 'virtualrun']);
const OTHER_TYPES = new Set(
  (
    'ride mountainbikeride gravelride ebikeride emountainbikeride virtualride velomobile handcycle wheelchair ' +
    'walk hike swim workout weighttraining yoga pilates crossfit hiit elliptical stairstepper rowing virtualrow ' +
    'canoeing kayaking standuppaddling surfing kitesurf windsurf sail alpineski backcountryski nordicski ' +
    'rollerski snowboard snowshoe iceskate inlineskate skateboard rockclimbing golf soccer tennis badminton ' +
    'pickleball racquetball squash tabletennis dance'
  ).split(' '),
);

export function isRunningType(activityType: string): boolean | undefined {
  const key = activityType.toLowerCase().replace(/[^a-z]/g, '');
  if (RUNNING_TYPES.has(key)) return true;
  if (OTHER_TYPES.has(key)) return false;
  return undefined;
}

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

/** "Apr 9, 2026, 7:30:00 AM", which Strava writes in UTC; an ISO-like date is accepted too. */
export function parseStravaDate(text: string): Date | undefined {
  const english = /^([A-Za-z]{3})[a-z]* (\d{1,2}), (\d{4}),? (\d{1,2}):(\d{2}):(\d{2}) ?([AP]M)$/i.exec(
    text.trim(),
  );
  if (english) {
    const [, month = '', day, year, hour, minute, second, half = ''] = english;
    const monthIndex = MONTHS.indexOf(month.toLowerCase());
    const hour24 = (Number(hour) % 12) + (half.toUpperCase() === 'PM' ? 12 : 0);
    if (monthIndex < 0) return undefined;
    return new Date(Date.UTC(Number(year), monthIndex, Number(day), hour24, Number(minute), Number(second)));
  }
  const iso = /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2}):(\d{2})/.exec(text.trim());
  if (!iso) return undefined;
  const [, year, month, day, hour, minute, second] = iso.map(Number);
  return new Date(Date.UTC(year ?? 0, (month ?? 1) - 1, day, hour, minute, second));
}

const COLUMNS = {
  date: 'Activity Date',
  name: 'Activity Name',
  type: 'Activity Type',
  file: 'Filename',
} as const;

/**
 * Hints by member name (`csvFolder` + the "Filename" column), from Strava's activities.csv; null when the CSV
 * is not Strava's (no "Filename" or "Activity Type" column). Streamed: only the hints are kept.
 */
export async function readStravaIndex(
  csv: AsyncIterable<Buffer>,
  csvFolder: string,
): Promise<Map<string, ActivityHint> | null> {
  const hints = new Map<string, ActivityHint>();
  // Strava repeats header names ("Distance" twice, in different units) and writes multi-line quoted
  // descriptions: read rows as arrays and take each column's first occurrence.
  const parser = parse({ bom: true, relax_column_count: true, relax_quotes: true, skip_empty_lines: true });
  let column: Record<keyof typeof COLUMNS, number> | null = null;
  for await (const row of piped<string[]>(csv, parser)) {
    if (column === null) {
      const header = row.map((cell) => cell.trim());
      column = {
        date: header.indexOf(COLUMNS.date),
        name: header.indexOf(COLUMNS.name),
        type: header.indexOf(COLUMNS.type),
        file: header.indexOf(COLUMNS.file),
      };
      if (column.file < 0 || column.type < 0) return null;
      continue;
    }
    const file = row[column.file]?.trim().replaceAll('\\', '/');
    if (!file) continue; // a manual entry has no file
    hints.set(csvFolder + file, hintOf(row, column));
  }
  return column === null ? null : hints;
}

function hintOf(row: string[], column: Record<keyof typeof COLUMNS, number>): ActivityHint {
  const hint: ActivityHint = {};
  const name = row[column.name]?.trim();
  const activityType = row[column.type]?.trim();
  const startTime = parseStravaDate(row[column.date] ?? '');
  if (name) hint.name = name;
  if (activityType) {
    hint.activityType = activityType;
    const isRunning = isRunningType(activityType);
    if (isRunning !== undefined) hint.isRunning = isRunning;
  }
  if (startTime) hint.startTime = startTime;
  return hint;
}
