import { randomUUID } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import type { Writable } from 'node:stream';
import { thinStreams } from '../analysis/thin-series.js';
import { triagePainReport } from '../analysis/triage/index.js';
import { comparePlans, planRace } from '../coach/plan/plan.js';
import type { PlanState, RacePlan } from '../coach/plan/types.js';
import { CHANNELS, type Channel } from '../domain/channels.js';
import type { PainReportInput } from '../domain/pain.js';
import { endOfDay, machineLocalDate } from '../domain/time.js';
import type { UnitSystem } from '../domain/units.js';
import {
  type ActivityRow,
  type AthleteRow,
  type Database,
  type DatabaseConfig,
  type Db,
  deleteBenchmarkResult,
  deleteGoalRace,
  deletePainReport,
  deleteProgramSession,
  findActivitiesByIdPrefix,
  getActivity,
  getAthlete,
  getPainReport,
  getStreams,
  insertAthlete,
  insertBenchmarkResults,
  insertGoalRace,
  insertPainReports,
  insertPlanSnapshot,
  insertProgramSession,
  latestPlanSnapshots,
  listActivities,
  listAthletes,
  listBenchmarkResults,
  listGoalRaces,
  listOpenRedFlags,
  listPainReports,
  listPainReportsForRun,
  listProgramSessions,
  listSources,
  openDatabase,
  saveProgramSettings,
  updateAthlete,
  updatePainReport,
  updateProgramSession,
} from '../store/index.js';
import type { AthletePatchBody } from './athlete-input.js';
import { type AthleteRows, planStateOf, programOf, readAthleteRows } from './athlete-rows.js';
import { InputError } from './errors.js';
import {
  type CsvFile,
  type CsvTable,
  csvOf,
  type ExportHeader,
  type ExportImportProgress,
  type ExportImportReport,
  type ExportProgress,
  exportAll,
  importExportFile,
} from './export/index.js';
import { formSummary, runForm } from './form/form.js';
import {
  createDecodePool,
  type ImportHooks,
  type ImportItem,
  type ImportSources,
  importSources,
  runImport,
  type SourceFile,
  splitTrainingLogs,
} from './import/index.js';
import { type PainReportBody, type PainReportPatch, toPainReportInput } from './pain/input.js';
import { PATTERN_WINDOW_DAYS, painPatterns } from './pain/patterns.js';
import {
  painReportView,
  placeOnset,
  preparePainReport,
  reportInput,
  reportRun,
  triageContext,
} from './pain/reports.js';
import { importTrainingLog, rejectedLog } from './pain/training-log.js';
import type { GoalRaceBody } from './plan/input.js';
import { type CurrentPlan, goalView, nextGoal, planView, raceGoal, runSpike } from './plan/plan.js';
import type {
  BenchmarkSessionBody,
  ProgramSettingsBody,
  SessionLogBody,
  SessionLogPatch,
} from './program/input.js';
import { benchmarkResultView, benchmarksView, sessionLogView, settingsView } from './program/program.js';
import { REPORT_DAYS, type ReportView, reportView } from './report/view.js';
import { KEEL_VERSION } from './version.js';
import type {
  AthleteView,
  BenchmarkResultView,
  BenchmarksView,
  FileImportResult,
  FormSummaryView,
  GoalView,
  ImportReport,
  PainPatternView,
  PainReportView,
  PlanView,
  ProgramSettingsView,
  ProgramView,
  RunDetail,
  RunFormView,
  RunListItem,
  RunSeries,
  RunSpikeView,
  SessionLogView,
  TrainingLogReport,
} from './views.js';
import { athleteView, runDetail, runListItem } from './views-map.js';

/** A spreadsheet of a lifetime of daily runs is well under 5 MB; a larger CSV is something else. */
const MAX_TRAINING_LOG_BYTES = 32 * 1024 * 1024;

/** The name given to the athlete Keel creates on a first import into an empty database. */
export const FIRST_ATHLETE_NAME = 'Me';

const UUID_PATTERN = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export type RunLookup =
  | { kind: 'found'; run: RunDetail }
  | { kind: 'not-found'; message: string }
  | { kind: 'ambiguous'; message: string };

/**
 * Keel's use cases: the one API the CLI, the HTTP server and (through the server) the web app use.
 * It owns transactions; nothing above it touches the database.
 */
export class Keel {
  private constructor(
    private readonly database: Database,
    private readonly db: Db,
    /** Today's date where the runner is, for the re-plans new data prompts; tests pin it. */
    private readonly today: () => string,
  ) {}

  static async open(config: DatabaseConfig, options: { today?: () => string } = {}): Promise<Keel> {
    const database = await openDatabase(config);
    return new Keel(database, database.db, options.today ?? (() => machineLocalDate(new Date())));
  }

  get engine(): DatabaseConfig['engine'] {
    return this.database.engine;
  }

  close(): Promise<void> {
    return this.database.close();
  }

  /**
   * Writes the full export (docs/export-format.md), gzip-compressed, of every athlete or of the ones named. Read in
   * one repeatable-read transaction, so runs imported meanwhile are either wholly in it or not at all.
   */
  exportData(
    out: Writable,
    options: { athleteIds?: readonly string[]; onProgress?: ExportProgress } = {},
  ): Promise<ExportHeader> {
    return this.db.transaction((tx) => exportAll(tx, out, options), {
      isolationLevel: 'repeatable read',
      accessMode: 'read only',
    });
  }

  /** Imports a Keel export file: all of it in one transaction, or (on any bad line) nothing. */
  importExport(
    path: string,
    fileName: string,
    onProgress?: ExportImportProgress,
  ): Promise<ExportImportReport> {
    return this.transaction((tx) => importExportFile(tx.db, path, fileName, onProgress));
  }

  /** One of the spreadsheets (runs, pain reports, benchmarks, session logs) of an athlete, as CSV text. */
  async csv(athleteId: string, table: CsvTable): Promise<CsvFile> {
    const athlete = await this.requireAthleteRow(athleteId);
    return csvOf(this.db, athlete.id, athlete.units, table);
  }

  /** A copy of the embedded database (a gzip tarball `keel restore` reads); undefined on a PostgreSQL server. */
  backup(): Promise<Blob> | undefined {
    return this.database.dumpDataDir?.();
  }

  /** Runs `work` in one transaction: all of its writes are stored, or none. Nested calls become savepoints. */
  transaction<T>(work: (keel: Keel) => Promise<T>): Promise<T> {
    return this.db.transaction((tx) => work(new Keel(this.database, tx, this.today)));
  }

  /** All athletes, the default one first (the first who is not the demo). */
  async athletes(): Promise<AthleteView[]> {
    return (await listAthletes(this.db)).map(athleteView);
  }

  async athlete(id: string): Promise<AthleteView | undefined> {
    if (!UUID_PATTERN.test(id)) return undefined;
    return (await this.athletes()).find((a) => a.id === id);
  }

  /** The athlete a command acts on when none is named, if there is any. */
  async defaultAthlete(): Promise<AthleteView | undefined> {
    return (await this.athletes())[0];
  }

  /** The athlete imports go to when none is named: the default one, or a new one when only the demo exists. */
  async importTarget(): Promise<AthleteView> {
    const own = (await this.athletes()).find((a) => !a.isDemo);
    if (own) return own;
    return this.createAthlete({ name: FIRST_ATHLETE_NAME, units: 'metric' });
  }

  async createAthlete(input: {
    name: string;
    units: UnitSystem;
    birthYear?: number | null;
    sex?: 'female' | 'male' | null;
    isDemo?: boolean;
  }): Promise<AthleteView> {
    const row = await insertAthlete(this.db, { id: randomUUID(), ...input });
    return athleteView({ ...row, runCount: 0 });
  }

  /** Changes the name, units, or what the norms need (sex, birth year); a field left out keeps its value. */
  async updateAthlete(
    athleteId: string,
    patch: AthletePatchBody,
    today: string,
  ): Promise<AthleteView | undefined> {
    if (!UUID_PATTERN.test(athleteId)) return undefined;
    if (patch.birthYear && patch.birthYear > Number(today.slice(0, 4))) {
      throw new InputError(`birthYear: ${patch.birthYear} is after this year`);
    }
    const given = Object.fromEntries(Object.entries(patch).filter(([, value]) => value !== undefined));
    const row = await updateAthlete(this.db, athleteId, given);
    return row ? this.athlete(row.id) : undefined;
  }

  /**
   * Imports activity files, decoding on `threads` worker threads (none: on this thread) and storing them in
   * batches of whole files; `hooks` hear each file's result and the progress as they are stored.
   */
  async importFiles(
    athleteId: string,
    items: Iterable<ImportItem | FileImportResult> | AsyncIterable<ImportItem | FileImportResult>,
    options: ImportHooks & { threads?: number } = {},
  ): Promise<ImportReport> {
    const pool = createDecodePool(options.threads ?? 0);
    try {
      return summarise(athleteId, await runImport(this.db, athleteId, items, pool, options));
    } finally {
      await pool.close();
    }
  }

  /**
   * Imports what a runner names (`keel import`, a browser upload): activity files and archives through the decode
   * pipeline, then training-log spreadsheets, each in a transaction of its own.
   */
  async importPaths(
    athleteId: string,
    listed: { files: SourceFile[]; problems: FileImportResult[] },
    options: ImportHooks & { threads?: number; onSources?: (sources: ImportSources) => void } = {},
  ): Promise<ImportReport> {
    const { logs, activityFiles } = await splitTrainingLogs(listed.files);
    const sources = importSources(activityFiles, listed.problems);
    options.onSources?.(sources);
    const files = await this.importFiles(athleteId, sources.items, options);
    const trainingLogs: TrainingLogReport[] = [];
    for (const log of logs) {
      trainingLogs.push(
        log.size > MAX_TRAINING_LOG_BYTES
          ? rejectedLog(
              log.displayName,
              `larger than ${MAX_TRAINING_LOG_BYTES / 1024 ** 2} MB: not a training log`,
            )
          : await this.importTrainingLog(athleteId, log.displayName, await readFile(log.path)),
      );
    }
    if (files.totals.imported > 0 || trainingLogs.some((log) => log.totals.imported > 0)) {
      await this.replan(athleteId, this.today(), 'after new runs were imported');
    }
    return { ...files, trainingLogs };
  }

  /** One training-log spreadsheet, in one transaction: its good rows are stored, its bad rows reported by line. */
  async importTrainingLog(
    athleteId: string,
    fileName: string,
    bytes: Uint8Array,
  ): Promise<TrainingLogReport> {
    const athlete = await this.requireAthlete(athleteId);
    return this.transaction((tx) => importTrainingLog(tx.db, athleteId, athlete.units, fileName, bytes));
  }

  async runs(athleteId: string): Promise<RunListItem[]> {
    return (await listActivities(this.db, athleteId)).map(runListItem);
  }

  /** A run by its id or an unambiguous prefix of it (at least 4 characters), as the CLI shows them. */
  async findRun(idOrPrefix: string): Promise<RunLookup> {
    const wanted = idOrPrefix.trim().toLowerCase();
    if (UUID_PATTERN.test(wanted)) {
      const row = await getActivity(this.db, wanted);
      return row
        ? { kind: 'found', run: await this.detail(row) }
        : { kind: 'not-found', message: `no run with id ${wanted}` };
    }
    if (!/^[0-9a-f-]{4,}$/.test(wanted)) {
      return { kind: 'not-found', message: `"${idOrPrefix}" is not a run id (ids look like 3f2a9c1e-…)` };
    }
    const rows = await findActivitiesByIdPrefix(this.db, wanted);
    const [first, second] = rows;
    if (!first) return { kind: 'not-found', message: `no run with an id starting ${wanted}` };
    if (second)
      return { kind: 'ambiguous', message: `several runs have ids starting ${wanted}; give more characters` };
    return { kind: 'found', run: await this.detail(first) };
  }

  private async detail(row: ActivityRow): Promise<RunDetail> {
    return runDetail(row, await listSources(this.db, row.id));
  }

  /** A run's samples for charts, thinned to at most `maxPoints`. */
  async runSeries(runId: string, maxPoints: number): Promise<RunSeries | undefined> {
    if (!UUID_PATTERN.test(runId)) return undefined;
    const streams = await getStreams(this.db, runId);
    if (!streams) return undefined;
    const thinned = thinStreams(streams, maxPoints);
    const channels: Partial<Record<Channel, (number | null)[]>> = {};
    for (const channel of CHANNELS) {
      const values = thinned[channel];
      if (values) channels[channel] = Array.from(values, (v) => (Number.isNaN(v) ? null : v));
    }
    return { runId, points: thinned.time.length, rawPoints: streams.time.length, channels };
  }

  /**
   * Records a pain report on a run (by id or prefix) or a day, placing its onset on the run both as distance and
   * time, and triages it against the athlete's earlier reports. A red flag is stored with it.
   */
  async addPainReport(athleteId: string, body: PainReportBody): Promise<PainReportView> {
    const athlete = await this.requireAthlete(athleteId);
    const runId = body.runId ? await this.resolveRunId(body.runId) : null;
    const report = await this.transaction(async (tx) => {
      const found = await reportRun(tx.db, athleteId, runId);
      const date = found?.date ?? (body.date as string);
      const input = toPainReportInput(body, runId, date);
      const placed = placeOnset(input.onset, found?.run, found?.streams, athlete.units);
      const row = await preparePainReport(tx.db, athleteId, input, placed);
      const [stored] = await insertPainReports(tx.db, [row]);
      if (!stored) throw new Error('insert into pain_report returned no row');
      return stored;
    });
    // After the commit: the plan reads the form summary (about a second), which must not hold the transaction.
    await this.replan(athleteId, this.today(), `after the pain report of ${report.date}`);
    return painReportView(report);
  }

  /** Adds what the runner says later (the next morning's pain, red-flag answers, a note) and triages again. */
  async updatePainReport(id: string, patch: PainReportPatch): Promise<PainReportView | undefined> {
    if (!UUID_PATTERN.test(id)) return undefined;
    return this.transaction(async (tx) => {
      const row = await getPainReport(tx.db, id);
      if (!row) return undefined;
      // A field the patch leaves out (or sets undefined) keeps its stored value; null clears it.
      const given = Object.fromEntries(Object.entries(patch).filter(([, value]) => value !== undefined));
      const input: PainReportInput = {
        ...reportInput(row),
        ...given,
        redFlags: { ...row.redFlags, ...(patch.redFlags ?? {}) },
      };
      const earlier = await listPainReports(tx.db, row.athleteId, { to: row.date });
      const triage = triagePainReport(input, {
        ...triageContext(earlier, input, row.id),
        reportOnsetM: row.onsetM,
      });
      const updated = await updatePainReport(tx.db, id, {
        severity: input.severity,
        action: input.action,
        character: input.character,
        nextMorningSeverity: input.nextMorningSeverity,
        redFlags: input.redFlags,
        note: input.note,
        triageLevel: triage.level,
        triage,
      });
      return updated && painReportView(updated);
    });
  }

  /** Marks a red flag as cleared to run again (a clinician saw it), saying by whom or why. */
  async clearRedFlag(id: string, note: string): Promise<PainReportView | undefined> {
    if (!UUID_PATTERN.test(id)) return undefined;
    const row = await getPainReport(this.db, id);
    if (!row) return undefined;
    if (row.triageLevel !== 'stop')
      throw new InputError('this report raised no red flag; there is nothing to clear');
    const updated = await updatePainReport(this.db, id, { clearedAt: new Date(), clearedNote: note });
    return updated && painReportView(updated);
  }

  async deletePainReport(id: string): Promise<boolean> {
    return UUID_PATTERN.test(id) && deletePainReport(this.db, id);
  }

  async painReport(id: string): Promise<PainReportView | undefined> {
    if (!UUID_PATTERN.test(id)) return undefined;
    const row = await getPainReport(this.db, id);
    return row && painReportView(row);
  }

  /** An athlete's pain reports, newest first. */
  async painReports(athleteId: string): Promise<PainReportView[]> {
    return (await listPainReports(this.db, athleteId)).reverse().map(painReportView);
  }

  async runPainReports(runId: string): Promise<PainReportView[]> {
    if (!UUID_PATTERN.test(runId)) return [];
    return (await listPainReportsForRun(this.db, runId)).map(painReportView);
  }

  /** Red flags not yet cleared: while any is open, Keel holds every progression. */
  async openRedFlags(athleteId: string): Promise<PainReportView[]> {
    return (await listOpenRedFlags(this.db, athleteId)).map(painReportView);
  }

  /** The same-distance pattern of every region and side the athlete reported, over the window ending `asOf`. */
  async painPatterns(
    athleteId: string,
    asOf: Date,
    windowDays = PATTERN_WINDOW_DAYS,
  ): Promise<PainPatternView[]> {
    const [athlete, runs, reports] = await Promise.all([
      this.requireAthleteRow(athleteId),
      listActivities(this.db, athleteId),
      listPainReports(this.db, athleteId),
    ]);
    return painPatterns(runs, reports, athlete.units, asOf, windowDays);
  }

  /** Where a run's form starts to drift at the same speed and grade, with what the answer rests on. */
  async runForm(runId: string): Promise<RunFormView | undefined> {
    if (!UUID_PATTERN.test(runId)) return undefined;
    return runForm(this.db, runId);
  }

  /** Form across the athlete's runs of the window ending `asOf`: how far it holds, its trend, its lead on pain. */
  async formSummary(
    athleteId: string,
    asOf: Date,
    windowDays = PATTERN_WINDOW_DAYS,
  ): Promise<FormSummaryView> {
    await this.requireAthleteRow(athleteId);
    const [runs, painReports] = await Promise.all([
      listActivities(this.db, athleteId),
      listPainReports(this.db, athleteId),
    ]);
    return formSummary(this.db, { runs, painReports }, asOf, windowDays);
  }

  /** The athlete's program on `asOf` (YYYY-MM-DD): this week's sessions, today's, the history of every change. */
  async program(athleteId: string, asOf: string): Promise<ProgramView> {
    return programOf(await this.athleteRows(athleteId), asOf);
  }

  async setProgramSettings(athleteId: string, body: ProgramSettingsBody): Promise<ProgramSettingsView> {
    await this.requireAthleteRow(athleteId);
    return settingsView(await saveProgramSettings(this.db, { athleteId, ...body }));
  }

  /** Records a session; the progression rules read it the next time the program is shown. */
  async logSession(athleteId: string, body: SessionLogBody, today: string): Promise<SessionLogView> {
    await this.requireAthleteRow(athleteId);
    if (body.date > today) throw new InputError(`date: ${body.date} is after today (${today})`);
    const row = await insertProgramSession(this.db, {
      id: randomUUID(),
      athleteId,
      performedOn: body.date,
      label: body.label ?? null,
      exercises: body.exercises,
      painNextMorning: body.painNextMorning ?? null,
      note: body.note ?? null,
    });
    await this.replan(athleteId, today, `after the program session of ${body.date}`);
    return sessionLogView(row);
  }

  /** Adds what the athlete says later: the next morning's pain, a note. A field left out keeps its value. */
  async updateSessionLog(id: string, patch: SessionLogPatch): Promise<SessionLogView | undefined> {
    if (!UUID_PATTERN.test(id)) return undefined;
    const given = Object.fromEntries(Object.entries(patch).filter(([, value]) => value !== undefined));
    const row = await updateProgramSession(this.db, id, given);
    return row && sessionLogView(row);
  }

  /** Newest first. */
  async sessionLogs(athleteId: string): Promise<SessionLogView[]> {
    await this.requireAthleteRow(athleteId);
    return (await listProgramSessions(this.db, athleteId)).reverse().map(sessionLogView);
  }

  async deleteSessionLog(id: string): Promise<boolean> {
    return UUID_PATTERN.test(id) && deleteProgramSession(this.db, id);
  }

  /** Stores a test day's results together: all of them, or (on a bad entry) none. */
  async addBenchmarks(
    athleteId: string,
    body: BenchmarkSessionBody,
    today: string,
  ): Promise<BenchmarkResultView[]> {
    await this.requireAthleteRow(athleteId);
    const late = body.results.findIndex((result) => result.takenOn > today);
    if (late >= 0) {
      throw new InputError(
        `results.${late}.takenOn: ${body.results[late]?.takenOn} is after today (${today})`,
      );
    }
    const rows = await insertBenchmarkResults(
      this.db,
      body.results.map((result) => ({ id: randomUUID(), athleteId, ...result })),
    );
    return rows.map(benchmarkResultView);
  }

  /** Every result, and the latest set against the norms and the athlete's previous results, as of `asOf`. */
  async benchmarks(athleteId: string, asOf: string): Promise<BenchmarksView> {
    const athlete = await this.requireAthleteRow(athleteId);
    return benchmarksView(athlete, await listBenchmarkResults(this.db, athleteId), asOf);
  }

  async deleteBenchmark(id: string): Promise<boolean> {
    return UUID_PATTERN.test(id) && deleteBenchmarkResult(this.db, id);
  }

  /** Adds a race to work toward and makes the first plan for it. */
  async addGoal(athleteId: string, body: GoalRaceBody, today: string): Promise<PlanView> {
    await this.requireAthleteRow(athleteId);
    if (body.date <= today)
      throw new InputError(`date: the race day ${body.date} must be after today (${today})`);
    await insertGoalRace(this.db, {
      id: randomUUID(),
      athleteId,
      name: body.name ?? null,
      distanceM: body.distanceM,
      raceDate: body.date,
      surface: body.surface,
    });
    const current = (await this.currentPlan(athleteId, today)) as CurrentPlan;
    await this.keepPlan(current, today, 'a new goal');
    return this.planViewOf(athleteId, current);
  }

  /** Soonest first. */
  async goals(athleteId: string): Promise<GoalView[]> {
    await this.requireAthleteRow(athleteId);
    return (await listGoalRaces(this.db, athleteId)).map(goalView);
  }

  async deleteGoal(id: string): Promise<boolean> {
    return UUID_PATTERN.test(id) && deleteGoalRace(this.db, id);
  }

  /** The plan toward the next goal on `today`, with what changed at the last re-plan; undefined without a goal. */
  async plan(athleteId: string, today: string): Promise<PlanView | undefined> {
    await this.requireAthleteRow(athleteId);
    const current = await this.currentPlan(athleteId, today);
    return current && this.planViewOf(athleteId, current);
  }

  /**
   * Re-plans after new data (a run, a pain report, a session, a new goal) and keeps the plan when it moved, so the
   * plan can say what changed and why.
   */
  async replan(athleteId: string, today: string, trigger: string): Promise<void> {
    const current = await this.currentPlan(athleteId, today);
    if (current) await this.keepPlan(current, today, trigger);
  }

  /** The clinician report's content as of `today` (YYYY-MM-DD), over the `days` up to it; undefined: no athlete. */
  async report(athleteId: string, today: string, days = REPORT_DAYS): Promise<ReportView | undefined> {
    const athlete = await this.athlete(athleteId);
    if (!athlete) return undefined;
    const asOf = endOfDay(today);
    const [rows, redFlags, goals] = await Promise.all([
      this.athleteRows(athleteId),
      listOpenRedFlags(this.db, athleteId),
      listGoalRaces(this.db, athleteId),
    ]);
    const form = await formSummary(this.db, rows, asOf, days);
    const goal = nextGoal(goals, today);
    let plan: PlanView | undefined;
    if (goal) {
      // The plan always reads the pattern's own window; over that window the report's summary is the plan's.
      const planForm = days === PATTERN_WINDOW_DAYS ? form : await this.planForm(rows, today);
      const state = planStateOf(rows, planForm.holdsToM.median, today);
      plan = await this.planViewOf(athleteId, currentPlanOf(goals, goal, state));
    }
    return reportView({
      keelVersion: KEEL_VERSION,
      today,
      days,
      athlete,
      runs: rows.runs.map(runListItem),
      patterns: painPatterns(rows.runs, rows.painReports, athlete.units, asOf, days),
      form,
      redFlags: redFlags.map(painReportView),
      painReports: [...rows.painReports].reverse().map(painReportView),
      benchmarks: benchmarksView(rows.athlete, rows.benchmarks, today),
      program: programOf(rows, today),
      plan,
    });
  }

  /** Every run's spike guard, by run id: its distance against the longest of the 30 days before it. */
  async runSpike(runId: string): Promise<RunSpikeView | undefined> {
    if (!UUID_PATTERN.test(runId)) return undefined;
    const run = await getActivity(this.db, runId);
    if (!run) return undefined;
    const [athlete, runs] = await Promise.all([
      this.requireAthleteRow(run.athleteId),
      listActivities(this.db, run.athleteId),
    ]);
    return runSpike(run, runs, athlete.units);
  }

  private async currentPlan(athleteId: string, today: string): Promise<CurrentPlan | undefined> {
    const goals = await listGoalRaces(this.db, athleteId);
    const goal = nextGoal(goals, today);
    if (!goal) return undefined;
    const rows = await this.athleteRows(athleteId);
    const form = await this.planForm(rows, today);
    return currentPlanOf(goals, goal, planStateOf(rows, form.holdsToM.median, today));
  }

  private async keepPlan(current: CurrentPlan, today: string, trigger: string): Promise<void> {
    const [latest] = await latestPlanSnapshots(this.db, current.goal.id, 1);
    if (latest && comparePlans(latest.plan as RacePlan, current.plan, current.units).length === 0) return;
    await insertPlanSnapshot(this.db, {
      id: randomUUID(),
      goalId: current.goal.id,
      madeOn: today,
      trigger,
      plan: current.plan,
    });
  }

  private async planViewOf(athleteId: string, current: CurrentPlan): Promise<PlanView> {
    const snapshots = await latestPlanSnapshots(this.db, current.goal.id);
    return planView(athleteId, current, snapshots);
  }

  private async athleteRows(athleteId: string): Promise<AthleteRows> {
    return readAthleteRows(this.db, await this.requireAthleteRow(athleteId));
  }

  /** The form summary the plan reads: over the pain pattern's window, as the Form page shows it. */
  private planForm(rows: AthleteRows, today: string): Promise<FormSummaryView> {
    return formSummary(this.db, rows, endOfDay(today), PATTERN_WINDOW_DAYS);
  }

  private async requireAthleteRow(athleteId: string): Promise<AthleteRow> {
    const row = UUID_PATTERN.test(athleteId) ? await getAthlete(this.db, athleteId) : undefined;
    if (!row) throw new InputError(`no athlete with id ${athleteId}`);
    return row;
  }

  private async requireAthlete(athleteId: string): Promise<AthleteView> {
    const athlete = await this.athlete(athleteId);
    if (!athlete) throw new InputError(`no athlete with id ${athleteId}`);
    return athlete;
  }

  private async resolveRunId(idOrPrefix: string): Promise<string> {
    const found = await this.findRun(idOrPrefix);
    if (found.kind !== 'found') throw new InputError(found.message);
    return found.run.id;
  }
}

function summarise(
  athleteId: string,
  files: FileImportResult[],
  trainingLogs: TrainingLogReport[] = [],
): ImportReport {
  const count = (status: FileImportResult['status']) => files.filter((f) => f.status === status).length;
  return {
    athleteId,
    files,
    totals: {
      files: files.length,
      imported: count('imported'),
      duplicates: count('duplicate'),
      rejected: count('rejected'),
      skipped: count('skipped'),
    },
    trainingLogs,
  };
}

/** The plan toward `goal`, the next of `goals`, from the state on the day. */
function currentPlanOf(
  goals: CurrentPlan['goals'],
  goal: CurrentPlan['goal'],
  state: PlanState,
): CurrentPlan {
  return { goals, goal, plan: planRace(raceGoal(goal), state), units: state.units };
}
