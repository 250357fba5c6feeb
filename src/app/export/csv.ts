import { benchmarkTest } from '../../coach/benchmarks/index.js';
import { exerciseById } from '../../coach/exercises/index.js';
import { localDate } from '../../domain/time.js';
import { distanceUnitLabel, toDistanceUnit, type UnitSystem } from '../../domain/units.js';
import type { ActivityRow, BenchmarkResultRow, PainReportRow, ProgramSessionRow } from '../../store/index.js';

/** The spreadsheets Keel writes: `keel export --csv DIR` writes each as `<name>.csv`. */
export const CSV_TABLES = ['runs', 'pain', 'benchmarks', 'sessions'] as const;
export type CsvTable = (typeof CSV_TABLES)[number];

type Cell = string | number | boolean | null;

/** A spreadsheet's text and how many data rows it has (a quoted note may hold line breaks of its own). */
export interface CsvFile {
  text: string;
  rows: number;
}

/**
 * RFC 4180: comma-separated, CRLF line ends, a field quoted (quotes doubled) when it holds a comma, quote or line
 * break. A UTF-8 byte order mark first, without which Excel reads accented names as Latin-1.
 */
export function toCsv(header: readonly string[], rows: readonly (readonly Cell[])[]): CsvFile {
  const field = (cell: Cell) => {
    const text = cell === null ? '' : String(cell);
    return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
  };
  return {
    text: `\uFEFF${[header, ...rows].map((row) => row.map(field).join(',')).join('\r\n')}\r\n`,
    rows: rows.length,
  };
}

/** A distance in the athlete's unit, to the metre: the column beside the one in metres. */
const inUnit = (metres: number | null, units: UnitSystem) =>
  metres === null ? null : Math.round(toDistanceUnit(metres, units) * 1000) / 1000;

/** Oldest first, as a spreadsheet of a training history reads. */
export function runsCsv(runs: readonly ActivityRow[], units: UnitSystem): CsvFile {
  const unit = distanceUnitLabel(units);
  const sorted = [...runs].sort((a, b) => a.startTime.getTime() - b.startTime.getTime());
  return toCsv(
    [
      'id',
      'date',
      'start_time_utc',
      'utc_offset_min',
      'name',
      'sub_sport',
      'distance_m',
      `distance_${unit}`,
      'elapsed_s',
      'moving_s',
      'avg_speed_mps',
      'ascent_m',
      'descent_m',
      'avg_heart_rate_bpm',
      'max_heart_rate_bpm',
      'avg_cadence_spm',
      'avg_power_w',
      'device',
      'source_format',
      'source_file_name',
    ],
    sorted.map((run) => [
      run.id,
      localDate(run.startTime, run.utcOffsetMin),
      run.startTime.toISOString(),
      run.utcOffsetMin,
      run.name,
      run.subSport,
      run.distanceM,
      inUnit(run.distanceM, units),
      run.elapsedS,
      run.movingS,
      run.avgSpeedMps,
      run.ascentM,
      run.descentM,
      run.avgHeartRateBpm,
      run.maxHeartRateBpm,
      run.avgCadenceSpm,
      run.avgPowerW,
      run.device ? [run.device.manufacturer, run.device.product].filter(Boolean).join(' ') : null,
      run.sourceFormat,
      run.sourceFileName,
    ]),
  );
}

export function painCsv(reports: readonly PainReportRow[], units: UnitSystem): CsvFile {
  const unit = distanceUnitLabel(units);
  return toCsv(
    [
      'id',
      'date',
      'run_id',
      'region',
      'side',
      'aspect',
      'onset_kind',
      'onset_m',
      `onset_${unit}`,
      'onset_s',
      'severity',
      'character',
      'action',
      'next_morning_severity',
      'triage_level',
      'red_flags_yes',
      'cleared_at',
      'cleared_note',
      'note',
      'reported_at',
    ],
    reports.map((report) => [
      report.id,
      report.date,
      report.activityId,
      report.region,
      report.side,
      report.aspect,
      report.onsetKind,
      report.onsetM,
      inUnit(report.onsetM, units),
      report.onsetS,
      report.severity,
      report.character,
      report.action,
      report.nextMorningSeverity,
      report.triageLevel,
      Object.entries(report.redFlags)
        .filter(([, yes]) => yes)
        .map(([question]) => question)
        .join('; '),
      report.clearedAt?.toISOString() ?? null,
      report.clearedNote,
      report.note,
      report.createdAt.toISOString(),
    ]),
  );
}

export function benchmarksCsv(results: readonly BenchmarkResultRow[]): CsvFile {
  return toCsv(
    ['id', 'taken_on', 'test_id', 'test', 'side', 'value', 'unit', 'note'],
    results.map((result) => {
      const test = benchmarkTest(result.testId);
      return [
        result.id,
        result.takenOn,
        result.testId,
        test?.name ?? null,
        result.side,
        result.value,
        test?.unit ?? null,
        result.note,
      ];
    }),
  );
}

/** One row per exercise done, its session's fields repeated, so a spreadsheet can filter and sum by exercise. */
export function sessionsCsv(sessions: readonly ProgramSessionRow[]): CsvFile {
  return toCsv(
    [
      'session_id',
      'performed_on',
      'label',
      'exercise_id',
      'exercise',
      'sets_done',
      'achieved',
      'rpe',
      'pain_during',
      'good_form',
      'pain_next_morning',
      'note',
    ],
    sessions.flatMap((session) =>
      session.exercises.map((log) => [
        session.id,
        session.performedOn,
        session.label,
        log.exerciseId,
        exerciseById(log.exerciseId)?.name ?? null,
        log.setsDone,
        log.achieved,
        log.rpe,
        log.painDuring,
        log.goodForm,
        session.painNextMorning,
        session.note,
      ]),
    ),
  );
}
