import { SETTLED_MAX_SEVERITY } from '../../analysis/triage/index.js';
import type { BenchmarkEvaluation } from '../../coach/benchmarks/index.js';
import { nextStep } from '../../coach/plan/next-step.js';
import { comparePlans } from '../../coach/plan/plan.js';
import { longestInWindow, spikeCheck } from '../../coach/plan/spike.js';
import type { PlanState, RaceGoal, RacePlan } from '../../coach/plan/types.js';
import { addDays, daysBetween, localDate } from '../../domain/time.js';
import type { UnitSystem } from '../../domain/units.js';
import type {
  ActivityRow,
  GoalRaceRow,
  PainReportRow,
  PlanSnapshotRow,
  ProgramSessionRow,
} from '../../store/index.js';
import type { GoalView, PainPatternView, PlanView, RunSpikeView } from '../views.js';

/**
 * Gathers what the race plan reads (issue 7) from what is stored: the runs, the pain pattern, the form breakdown,
 * the program and the benchmarks. Pure: the caller reads the rows and says which day it is.
 */

/** A run counts as the latest long run when it reaches this share of the 30-day longest (Keel's choice). */
const LONG_RUN_SHARE = 0.8;
const GATE_WINDOW_DAYS = 14;

export function goalView(row: GoalRaceRow): GoalView {
  return {
    id: row.id,
    name: row.name,
    distanceM: row.distanceM,
    date: row.raceDate,
    surface: row.surface,
    createdAt: row.createdAt.toISOString(),
  };
}

export function raceGoal(row: GoalRaceRow): RaceGoal {
  return { distanceM: row.distanceM, date: row.raceDate, surface: row.surface, name: row.name };
}

/** The goal the plan follows: the next race on or after today, else none. */
export function nextGoal(goals: readonly GoalRaceRow[], today: string): GoalRaceRow | undefined {
  return goals.find((goal) => goal.raceDate >= today);
}

export function runDay(run: Pick<ActivityRow, 'startTime' | 'utcOffsetMin'>): string {
  return localDate(run.startTime, run.utcOffsetMin);
}

/** The spike guard for one run against the runs before it (RUNSAFE: the 30 days before its day). */
export function runSpike(
  run: Pick<ActivityRow, 'startTime' | 'utcOffsetMin' | 'distanceM'>,
  runs: readonly Pick<ActivityRow, 'startTime' | 'utcOffsetMin' | 'distanceM'>[],
  units: UnitSystem,
): RunSpikeView {
  const day = runDay(run);
  const prior = runs.map((r) => ({ date: runDay(r), distanceM: r.distanceM }));
  return spikeCheck(run.distanceM, longestInWindow(prior, day), units);
}

export interface PlanRows {
  runs: readonly ActivityRow[];
  patterns: readonly PainPatternView[];
  formHoldsToM: number | null;
  painReports: readonly PainReportRow[];
  sessions: readonly ProgramSessionRow[];
  sessionsPerWeek: number;
  benchmarks: BenchmarkEvaluation;
}

/** Whether the latest long run (≥ 80% of the 30-day longest) had no pain reported on it; null before any run. */
function lastLongRunPainFree(rows: PlanRows, today: string): boolean | null {
  const recent = rows.runs
    .map((run) => ({ run, day: runDay(run) }))
    .filter(({ day }) => daysBetween(day, today) >= 0 && daysBetween(day, today) < 30);
  const longest = Math.max(0, ...recent.map(({ run }) => run.distanceM));
  const latest = recent
    .filter(({ run }) => run.distanceM >= LONG_RUN_SHARE * longest)
    .sort((a, b) => b.run.startTime.getTime() - a.run.startTime.getTime())[0];
  if (!latest) return null;
  return !rows.painReports.some((report) => report.activityId === latest.run.id && report.severity > 0);
}

/** The latest next-morning answer settled (≤ 2/10, the pain-monitoring model); true with no pain reported at all. */
function morningSettled(reports: readonly PainReportRow[]): boolean | null {
  if (reports.length === 0) return true;
  const answered = reports.filter((report) => report.nextMorningSeverity !== null);
  const latest = answered.at(-1);
  return latest ? (latest.nextMorningSeverity as number) <= SETTLED_MAX_SEVERITY : null;
}

/** Better on at least one test and worse on none, meaningfully; null before two test days. */
function benchmarksImproving(evaluation: BenchmarkEvaluation): boolean | null {
  const changes = evaluation.tests.flatMap((test) => test.sides.flatMap((side) => side.change ?? []));
  const meaningful = changes.filter((change) => change.meaningful);
  if (changes.length === 0) return null;
  if (meaningful.some((change) => change.direction === 'worse')) return false;
  return meaningful.some((change) => change.direction === 'better');
}

export function planState(rows: PlanRows, today: string, units: UnitSystem): PlanState {
  const thresholds = rows.patterns.filter((p) => p.status === 'threshold' && p.painFreeM !== null);
  const tightest = thresholds.sort((a, b) => (a.painFreeM as number) - (b.painFreeM as number))[0];
  const reportsToDate = rows.painReports.filter((report) => report.date <= today);
  const from = addDays(today, -(GATE_WINDOW_DAYS - 1));
  return {
    today,
    runs: rows.runs
      .map((run) => ({ date: runDay(run), distanceM: run.distanceM }))
      .filter((r) => r.date <= today),
    painFreeM: tightest?.painFreeM ?? null,
    painTrend: tightest?.trend ?? null,
    breakdownM: rows.formHoldsToM,
    gates: {
      lastLongRunPainFree: lastLongRunPainFree(rows, today),
      morningSettled: morningSettled(reportsToDate),
      programSessionsLast2Weeks: rows.sessions.filter((s) => s.performedOn >= from && s.performedOn <= today)
        .length,
      programSessionsPlanned2Weeks: (rows.sessionsPerWeek * GATE_WINDOW_DAYS) / 7,
      benchmarksImproving: benchmarksImproving(rows.benchmarks),
    },
    redFlagOpen: reportsToDate.some((report) => report.triageLevel === 'stop' && report.clearedAt === null),
    units,
  };
}

/** The plan toward the next goal, as made now. */
export interface CurrentPlan {
  goals: readonly GoalRaceRow[];
  goal: GoalRaceRow;
  plan: RacePlan;
  units: UnitSystem;
}

export function planView(
  athleteId: string,
  { goals, goal, plan, units }: CurrentPlan,
  snapshots: readonly PlanSnapshotRow[],
): PlanView {
  const [latest, previous] = snapshots;
  const latestPlan = latest?.plan as RacePlan | undefined;
  // The plan differs from the last one kept: show what moved since it; else what moved at the last re-plan.
  const sinceLatest = latestPlan ? comparePlans(latestPlan, plan, units) : [];
  const changes =
    sinceLatest.length > 0
      ? { trigger: 'since the last plan', items: sinceLatest }
      : {
          trigger: latest?.trigger ?? null,
          items: previous ? comparePlans(previous.plan as RacePlan, latestPlan as RacePlan, units) : [],
        };
  return {
    athleteId,
    goal: goalView(goal),
    goals: goals.map(goalView),
    units,
    plan,
    next: nextStep(plan, units),
    changes: { trigger: changes.trigger, madeOn: latest?.madeOn ?? null, items: changes.items },
  };
}
