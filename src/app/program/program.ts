import {
  BENCHMARK_TESTS,
  type BenchmarkEvaluation,
  benchmarkFindings,
  evaluateBenchmarks,
} from '../../coach/benchmarks/index.js';
import { EXERCISE_FAMILIES, exerciseById, familyById } from '../../coach/exercises/index.js';
import { prescribe } from '../../coach/program/prescribe.js';
import { type ProgressionContext, replayProgression } from '../../coach/program/progression.js';
import type { PainFocus, ProgramSettings, SessionLog } from '../../coach/program/types.js';
import type { ExerciseFamily } from '../../coach/types.js';
import { BODY_REGION_LABELS } from '../../domain/pain.js';
import { STABILIZER_GROUP_LABELS } from '../../domain/stabilizers.js';
import { addDays, daysBetween, localDate, mondayOf } from '../../domain/time.js';
import { formatDistance, type UnitSystem } from '../../domain/units.js';
import type {
  AthleteRow,
  BenchmarkResultRow,
  PainReportRow,
  ProgramSessionRow,
  ProgramSettingsRow,
} from '../../store/index.js';
import { PATTERN_WINDOW_DAYS } from '../pain/patterns.js';
import type {
  BenchmarkResultView,
  BenchmarksView,
  CatalogueView,
  ExerciseView,
  PainPatternView,
  ProgramSettingsView,
  ProgramView,
  ProgramWeek,
  SessionLogView,
} from '../views.js';
import { DEFAULT_PROGRAM_SETTINGS } from './input.js';

/**
 * Turns what is stored (settings, session logs, benchmark results, pain reports and patterns) into the program of
 * a day. Pure: the caller reads the rows and says which day it is.
 */

/** A pain without a same-distance pattern yet still shapes the program, at half the weight of a threshold. */
const UNPATTERNED_PAIN_STRENGTH = 0.5;
const ADHERENCE_WEEKS = 8;

export function exerciseView(id: string): ExerciseView {
  const exercise = exerciseById(id);
  const family = exercise && familyById(exercise.family);
  if (!exercise || !family) throw new Error(`unknown exercise "${id}"`);
  return {
    ...exercise,
    familyName: family.name,
    ladderLength: family.ladder.length,
    targetLabels: exercise.targets.map((group) => STABILIZER_GROUP_LABELS[group]),
  };
}

export function catalogueView(): CatalogueView {
  return {
    families: [...EXERCISE_FAMILIES] as ExerciseFamily[],
    exercises: EXERCISE_FAMILIES.flatMap((family) => family.ladder.map(exerciseView)),
  };
}

export function settingsView(row: ProgramSettingsRow | undefined): ProgramSettingsView {
  if (!row) return { ...DEFAULT_PROGRAM_SETTINGS, equipment: [], saved: false, updatedAt: null };
  return {
    sessionsPerWeek: row.sessionsPerWeek,
    minutesPerSession: row.minutesPerSession,
    equipment: row.equipment,
    saved: true,
    updatedAt: row.updatedAt.toISOString(),
  };
}

export function sessionLogView(row: ProgramSessionRow): SessionLogView {
  return {
    id: row.id,
    date: row.performedOn,
    label: row.label,
    exercises: row.exercises,
    painNextMorning: row.painNextMorning,
    note: row.note,
    createdAt: row.createdAt.toISOString(),
  };
}

export function benchmarkResultView(row: BenchmarkResultRow): BenchmarkResultView {
  return {
    id: row.id,
    testId: row.testId,
    takenOn: row.takenOn,
    side: row.side,
    value: row.value,
    note: row.note,
  };
}

/**
 * The days a red flag was open: from the day of the report to the day it was cleared (by the clock of the
 * machine that cleared it, close enough for whole days), or still open.
 */
export function redFlagSpans(reports: readonly PainReportRow[]): ProgressionContext['redFlagSpans'] {
  return reports
    .filter((report) => report.triageLevel === 'stop')
    .map((report) => ({
      from: report.date,
      to: report.clearedAt ? localDate(report.clearedAt, null) : null,
    }));
}

function painWhere(region: PainReportRow['region'], side: string): string {
  const name = BODY_REGION_LABELS[region as keyof typeof BODY_REGION_LABELS].toLowerCase();
  return `${side === 'both' ? '' : `${side} `}${name} pain`;
}

/**
 * Every region and side the athlete reported pain in over the pattern window: a same-distance threshold weighs
 * most, a pain with no pattern yet (too few runs, or reported on a day rather than a run) half as much.
 */
export function painFoci(
  patterns: readonly PainPatternView[],
  reports: readonly PainReportRow[],
  units: UnitSystem,
  asOf: string,
): PainFocus[] {
  const fromPatterns = patterns
    .filter((pattern) => pattern.events > 0)
    .map((pattern): PainFocus => {
      const threshold = pattern.status === 'threshold';
      const where = painWhere(pattern.region, pattern.side);
      return {
        region: pattern.region,
        side: pattern.side,
        strength: threshold ? 1 : UNPATTERNED_PAIN_STRENGTH,
        label:
          threshold && pattern.onsetM !== null
            ? `${where} from about ${formatDistance(pattern.onsetM, units, 1)}`
            : where,
      };
    });
  const covered = new Set(fromPatterns.map((focus) => `${focus.region}/${focus.side}`));
  const fromReports = new Map<string, PainFocus>();
  for (const report of reports) {
    const key = `${report.region}/${report.side}`;
    const age = daysBetween(report.date, asOf);
    if (covered.has(key) || age < 0 || age >= PATTERN_WINDOW_DAYS) continue;
    fromReports.set(key, {
      region: report.region as PainFocus['region'],
      side: report.side as PainFocus['side'],
      strength: UNPATTERNED_PAIN_STRENGTH,
      label: `${painWhere(report.region, report.side)} (reported ${report.date})`,
    });
  }
  return [...fromPatterns, ...fromReports.values()];
}

function benchmarkInputs(rows: readonly BenchmarkResultRow[], athlete: AthleteRow, asOf: string) {
  const results = rows.filter((row) => row.takenOn <= asOf).map(benchmarkResultView);
  const evaluation = evaluateBenchmarks(results, { sex: athlete.sex, birthYear: athlete.birthYear }, asOf);
  return { results, evaluation, findings: benchmarkFindings(evaluation) };
}

/** The benchmark results up to `asOf` against their norms and against the test day before. */
export function benchmarkEvaluation(
  athlete: AthleteRow,
  rows: readonly BenchmarkResultRow[],
  asOf: string,
): BenchmarkEvaluation {
  return benchmarkInputs(rows, athlete, asOf).evaluation;
}

export function benchmarksView(
  athlete: AthleteRow,
  rows: readonly BenchmarkResultRow[],
  asOf: string,
): BenchmarksView {
  const { results, evaluation, findings } = benchmarkInputs(rows, athlete, asOf);
  return {
    athleteId: athlete.id,
    asOf,
    profile: { sex: athlete.sex, birthYear: athlete.birthYear },
    evaluation,
    findings,
    results,
    tests: BENCHMARK_TESTS,
  };
}

function sessionLog(row: ProgramSessionRow): SessionLog {
  return {
    id: row.id,
    date: row.performedOn,
    exercises: row.exercises,
    painNextMorning: row.painNextMorning,
  };
}

export interface ProgramRows {
  athlete: AthleteRow;
  settings: ProgramSettingsRow | undefined;
  sessions: readonly ProgramSessionRow[];
  benchmarks: readonly BenchmarkResultRow[];
  painReports: readonly PainReportRow[];
  patterns: readonly PainPatternView[];
}

export function programView(rows: ProgramRows, asOf: string): ProgramView {
  const settings = settingsView(rows.settings);
  const programSettings: ProgramSettings = {
    sessionsPerWeek: settings.sessionsPerWeek,
    minutesPerSession: settings.minutesPerSession,
    equipment: settings.equipment,
  };
  const logged = rows.sessions.filter((row) => row.performedOn <= asOf);
  const spans = redFlagSpans(rows.painReports);
  const openRedFlagIds = rows.painReports
    .filter((report) => report.triageLevel === 'stop' && report.clearedAt === null)
    .map((report) => report.id);
  const history = replayProgression(logged.map(sessionLog), {
    equipment: programSettings.equipment,
    redFlagSpans: spans,
  });
  const prescription = prescribe({
    settings: programSettings,
    pains: painFoci(rows.patterns, rows.painReports, rows.athlete.units, asOf),
    benchmarks: benchmarkInputs(rows.benchmarks, rows.athlete, asOf).findings,
    history,
    date: asOf,
    redFlagOpen: openRedFlagIds.length > 0,
  });

  const thisWeek = mondayOf(asOf);
  const doneThisWeek = logged.filter((row) => row.performedOn >= thisWeek).length;
  const session = prescription.sessions[doneThisWeek % Math.max(1, prescription.sessions.length)];
  if (!session) throw new Error('the prescription has no sessions');

  // Weeks before the first logged session were before the program: nothing was planned in them.
  const firstWeek = logged[0] ? mondayOf(logged[0].performedOn) : thisWeek;
  const adherence: ProgramWeek[] = Array.from({ length: ADHERENCE_WEEKS }, (_, index) => {
    const start = addDays(thisWeek, -7 * (ADHERENCE_WEEKS - 1 - index));
    const done = logged.filter((row) => {
      const days = daysBetween(start, row.performedOn);
      return days >= 0 && days < 7;
    }).length;
    return { weekStart: start, planned: start < firstWeek ? 0 : settings.sessionsPerWeek, done };
  });

  const exerciseIds = new Set(
    prescription.sessions.flatMap((entry) => entry.items.map((item) => item.exerciseId)),
  );
  const last = logged.at(-1);
  return {
    athleteId: rows.athlete.id,
    asOf,
    settings,
    prescription,
    today: {
      label: session.label,
      session,
      doneThisWeek,
      sessionsPerWeek: settings.sessionsPerWeek,
      weekStart: thisWeek,
    },
    events: [...history.events].reverse(),
    adherence,
    openRedFlagIds,
    exercises: Object.fromEntries([...exerciseIds].map((id) => [id, exerciseView(id)])),
    lastSession: last ? sessionLogView(last) : null,
  };
}
