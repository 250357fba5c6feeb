import { parse } from 'csv-parse/sync';
import { ASPECTS, type Aspect, BODY_REGIONS, type BodyRegion, SIDES, type Side } from '../../domain/pain.js';
import { isCalendarDate } from '../../domain/time.js';
import { METRES_PER_KM, METRES_PER_MILE, parseDuration, type UnitSystem } from '../../domain/units.js';

/**
 * A runner's own training spreadsheet, one row per run (issue 4):
 * `date, distance_km | distance_mi, duration (h:mm:ss), pain_region, pain_side, pain_onset_km | pain_onset_mi,
 * pain_severity`, and optionally `pain_aspect, notes`. Blank pain columns mean a pain-free run.
 */
export interface TrainingLogRow {
  /** 1-based line in the file, as a spreadsheet numbers it (the header is line 1). */
  line: number;
  date: string;
  distanceM: number;
  durationS: number;
  pain: TrainingLogPain | null;
  note: string | null;
}

export interface TrainingLogPain {
  region: BodyRegion;
  side: Side;
  aspect: Aspect | null;
  /** Null when the row gives no onset: pain somewhere in the run. */
  onsetM: number | null;
  severity: number;
}

export interface TrainingLog {
  /** The unit the file's distances were written in, so messages can answer in it. */
  units: UnitSystem;
  rows: TrainingLogRow[];
  problems: { line: number; message: string }[];
}

/** Whether bytes look like a training log: a CSV whose header has `date`, a distance and `duration` columns. */
export function looksLikeTrainingLog(bytes: Uint8Array): boolean {
  const head = new TextDecoder().decode(bytes.subarray(0, 4096)).replace(/^\uFEFF/, '');
  const header = normaliseHeader(splitHeader(head.split(/\r?\n/, 1)[0] ?? ''));
  return (
    header.includes('date') &&
    header.includes('duration') &&
    (header.includes('distance_km') || header.includes('distance_mi'))
  );
}

function splitHeader(line: string): string[] {
  return line.split(delimiterOf(line)).map((cell) => cell.replace(/^"|"$/g, ''));
}

/** Spreadsheets in comma-decimal locales save with semicolons. */
function delimiterOf(headerLine: string): ',' | ';' {
  return headerLine.includes(';') && !headerLine.includes(',') ? ';' : ',';
}

function normaliseHeader(cells: string[]): string[] {
  return cells.map((c) =>
    c
      .trim()
      .toLowerCase()
      .replace(/[\s-]+/g, '_'),
  );
}

/** Reads a training log; a bad row becomes a problem with its line number, and the other rows still count. */
export function parseTrainingLog(bytes: Uint8Array): TrainingLog | { error: string } {
  const text = new TextDecoder().decode(bytes).replace(/^\uFEFF/, '');
  const headerLine = text.split(/\r?\n/, 1)[0] ?? '';
  let records: { record: string[]; info: { lines: number } }[];
  try {
    records = parse(text, {
      delimiter: delimiterOf(headerLine),
      relax_column_count: true,
      skip_empty_lines: true,
      trim: true,
      info: true,
      // csv-parse's types do not follow `info: true` to the records' shape.
    }) as unknown as typeof records;
  } catch (error) {
    return { error: `not a readable CSV file: ${(error as Error).message}` };
  }
  const [header, ...body] = records;
  const columns = normaliseHeader(header?.record ?? []);
  const at = (name: string) => columns.indexOf(name);
  const units: UnitSystem = at('distance_mi') >= 0 && at('distance_km') < 0 ? 'imperial' : 'metric';
  const unitM = units === 'imperial' ? METRES_PER_MILE : METRES_PER_KM;
  const suffix = units === 'imperial' ? 'mi' : 'km';
  const missing = ['date', `distance_${suffix}`, 'duration'].filter((c) => at(c) < 0);
  if (missing.length > 0) {
    return {
      error:
        `not a training log: the header has no ${missing.join(', ')} column${missing.length > 1 ? 's' : ''} ` +
        '(expected date, distance_km or distance_mi, duration, and optionally pain_region, pain_side, ' +
        `pain_onset_${suffix}, pain_severity, pain_aspect, notes)`,
    };
  }

  const rows: TrainingLogRow[] = [];
  const problems: TrainingLog['problems'] = [];
  // The line a row ends on, as the file numbers it (blank lines included), so a spreadsheet finds it.
  for (const { record: cells, info } of body) {
    const line = info.lines;
    const cell = (name: string) => {
      const index = at(name);
      return index >= 0 ? (cells[index] ?? '').trim() : '';
    };
    const result = readRow(cell, unitM, suffix);
    if (typeof result === 'string') problems.push({ line, message: result });
    else rows.push({ line, ...result });
  }
  return { units, rows, problems };
}

type Cell = (name: string) => string;

function readRow(cell: Cell, unitM: number, suffix: string): Omit<TrainingLogRow, 'line'> | string {
  const date = cell('date').replace(/\//g, '-');
  if (!isCalendarDate(date)) return `date "${cell('date')}": write dates as YYYY-MM-DD`;
  const distance = number(cell(`distance_${suffix}`));
  if (distance === null || distance <= 0 || distance > 500) {
    return `distance_${suffix} "${cell(`distance_${suffix}`)}": a number of ${suffix} above 0`;
  }
  const durationS = parseDuration(cell('duration'));
  if (durationS === null || durationS <= 0)
    return `duration "${cell('duration')}": write it as h:mm:ss, e.g. 1:05:30`;
  const distanceM = distance * unitM;
  // Faster than 2:00 /km over a whole run or slower than a walk is a typo, not a run (cf. plausibility.ts).
  const speed = distanceM / durationS;
  if (speed > 8 || speed < 0.8) {
    return `distance ${distance} ${suffix} in ${cell('duration')} is ${(speed * 3.6).toFixed(1)} km/h: not a run, check both columns`;
  }
  const pain = readPain(cell, unitM, suffix, distanceM);
  if (typeof pain === 'string') return pain;
  const note = cell('notes') || cell('note');
  return { date, distanceM, durationS, pain, note: note || null };
}

function readPain(
  cell: Cell,
  unitM: number,
  suffix: string,
  distanceM: number,
): TrainingLogPain | null | string {
  const region = cell('pain_region').toLowerCase().replace(/\s+/g, '-');
  const given = ['pain_region', 'pain_side', `pain_onset_${suffix}`, 'pain_severity', 'pain_aspect'].filter(
    (c) => cell(c) !== '',
  );
  if (given.length === 0) return null;
  if (!region)
    return `${given.join(', ')} given without pain_region: say where it hurt, or leave the pain columns blank`;
  if (!(BODY_REGIONS as readonly string[]).includes(region)) {
    return `pain_region "${cell('pain_region')}": one of ${BODY_REGIONS.join(', ')}`;
  }
  const side = cell('pain_side').toLowerCase();
  if (!(SIDES as readonly string[]).includes(side))
    return `pain_side "${cell('pain_side')}": left, right or both`;
  const aspectText = cell('pain_aspect').toLowerCase();
  if (aspectText && !(ASPECTS as readonly string[]).includes(aspectText)) {
    return `pain_aspect "${cell('pain_aspect')}": front, inner, outer or back`;
  }
  const severity = number(cell('pain_severity'));
  if (severity === null || !Number.isInteger(severity) || severity < 0 || severity > 10) {
    return `pain_severity "${cell('pain_severity')}": a whole number from 0 to 10`;
  }
  const onsetText = cell(`pain_onset_${suffix}`);
  const onset = onsetText === '' ? null : number(onsetText);
  if (onset !== null && !(onset > 0))
    return `pain_onset_${suffix} "${onsetText}": a distance in ${suffix} above 0, or blank`;
  if (onsetText !== '' && onset === null)
    return `pain_onset_${suffix} "${onsetText}": a distance in ${suffix}, or blank`;
  const onsetM = onset === null ? null : onset * unitM;
  if (onsetM !== null && onsetM > distanceM * 1.02 + 50) {
    return `pain_onset_${suffix} ${onset} is beyond the run's distance`;
  }
  return {
    region: region as BodyRegion,
    side: side as Side,
    aspect: aspectText ? (aspectText as Aspect) : null,
    onsetM: onsetM === null ? null : Math.min(onsetM, distanceM),
    severity,
  };
}

/** "12.3", or "12,3" from a comma-decimal spreadsheet; null for anything else. */
function number(text: string): number | null {
  if (!/^\d+(?:[.,]\d+)?$|^[.,]\d+$/.test(text)) return null;
  return Number(text.replace(',', '.'));
}
