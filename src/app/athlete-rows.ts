import type { PlanState } from '../coach/plan/types.js';
import { endOfDay } from '../domain/time.js';
import {
  type ActivityRow,
  type AthleteRow,
  type BenchmarkResultRow,
  type Db,
  getProgramSettings,
  listActivities,
  listBenchmarkResults,
  listPainReports,
  listProgramSessions,
  type PainReportRow,
  type ProgramSessionRow,
  type ProgramSettingsRow,
} from '../store/index.js';
import { painPatterns } from './pain/patterns.js';
import { planState } from './plan/plan.js';
import { benchmarkEvaluation, programView, settingsView } from './program/program.js';
import type { ProgramView } from './views.js';

/**
 * The tables the program, the plan and the report are made from, each read once: the pain pattern, the form
 * summary and the progression rules all look at the same runs and reports.
 */
export interface AthleteRows {
  athlete: AthleteRow;
  runs: ActivityRow[];
  /** Every pain report, oldest first; each use cuts it at its own day. */
  painReports: PainReportRow[];
  sessions: ProgramSessionRow[];
  settings: ProgramSettingsRow | undefined;
  benchmarks: BenchmarkResultRow[];
}

export async function readAthleteRows(db: Db, athlete: AthleteRow): Promise<AthleteRows> {
  const [runs, painReports, sessions, settings, benchmarks] = await Promise.all([
    listActivities(db, athlete.id),
    listPainReports(db, athlete.id),
    listProgramSessions(db, athlete.id),
    getProgramSettings(db, athlete.id),
    listBenchmarkResults(db, athlete.id),
  ]);
  return { athlete, runs, painReports, sessions, settings, benchmarks };
}

/** The program as of `asOf` (YYYY-MM-DD): what was reported after that day does not move it. */
export function programOf(rows: AthleteRows, asOf: string): ProgramView {
  const { athlete, settings, sessions, benchmarks } = rows;
  return programView(
    {
      athlete,
      settings,
      sessions,
      benchmarks,
      painReports: rows.painReports.filter((report) => report.date <= asOf),
      patterns: painPatterns(rows.runs, rows.painReports, athlete.units, endOfDay(asOf)),
    },
    asOf,
  );
}

/** What the plan is made from on `today`, with the form summary's "holds to" distance computed by the caller. */
export function planStateOf(rows: AthleteRows, formHoldsToM: number | null, today: string): PlanState {
  const { athlete, runs, sessions } = rows;
  return planState(
    {
      runs,
      patterns: painPatterns(runs, rows.painReports, athlete.units, endOfDay(today)),
      formHoldsToM,
      painReports: rows.painReports.filter((report) => report.date <= today),
      sessions,
      sessionsPerWeek: settingsView(rows.settings).sessionsPerWeek,
      benchmarks: benchmarkEvaluation(athlete, rows.benchmarks, today),
    },
    today,
    athlete.units,
  );
}
