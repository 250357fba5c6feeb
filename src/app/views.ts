import type { FormAnalysis, FormEvidence, FormSummary } from '../analysis/form/index.js';
import type { PainPattern } from '../analysis/pain-pattern/index.js';
import type { TriageOutcome } from '../analysis/triage/index.js';
import type { BenchmarkEvaluation, BenchmarkFinding, BenchmarkTest } from '../coach/benchmarks/index.js';
import type { NextStep, RacePlan, SpikeCheck } from '../coach/plan/types.js';
import type {
  ExerciseLog,
  Prescription,
  ProgramSession,
  ProgramSettings,
  ProgressionEvent,
} from '../coach/program/types.js';
import type { Exercise, ExerciseFamily } from '../coach/types.js';
import type { RunningSubSport } from '../domain/activity.js';
import type { Channel } from '../domain/channels.js';
import type { BodyRegion, PainReportInput, Side } from '../domain/pain.js';
import type { UnitSystem } from '../domain/units.js';

/**
 * The shapes the use cases return and the CLI (`--json`) and HTTP API print as they are. Field names are
 * camelCase, distances in metres (`…M`), durations in seconds (`…S`), times ISO 8601 UTC.
 */

export interface AthleteView {
  id: string;
  name: string;
  units: UnitSystem;
  /** For the benchmark norms, which are given by sex and age; null until the athlete says. */
  sex: 'female' | 'male' | null;
  birthYear: number | null;
  isDemo: boolean;
  runCount: number;
}

export interface RunListItem {
  id: string;
  /** The runner's own title, when an export had one (Strava's activity name). */
  name: string | null;
  startTime: string;
  utcOffsetMin: number | null;
  subSport: RunningSubSport;
  distanceM: number;
  movingS: number;
  elapsedS: number;
  avgSpeedMps: number | null;
  avgHeartRateBpm: number | null;
  avgCadenceSpm: number | null;
  device: string | null;
  channels: Channel[];
  /** A run from the runner's training log: a day, a distance and a time, no start time and no samples. */
  logged: boolean;
}

export interface RunDetail extends RunListItem {
  athleteId: string;
  ascentM: number | null;
  descentM: number | null;
  maxSpeedMps: number | null;
  maxHeartRateBpm: number | null;
  maxCadenceSpm: number | null;
  avgPowerW: number | null;
  maxPowerW: number | null;
  source: { format: string; fileName: string; fileHash: string; sessionIndex: number; importedAt: string };
  /** Where each channel's values came from, e.g. `fit:record.stance_time`, `dev:Stryd/Ground Time`. */
  channelSources: Partial<Record<Channel, string>>;
  /** Every recording of this run, the one providing its data first (a Strava GPX of a watch's FIT, say). */
  recordings: RunRecording[];
}

export interface RunRecording {
  format: string;
  fileName: string;
  isPrimary: boolean;
  distanceM: number;
  channels: Channel[];
  importedAt: string;
}

/** Samples for charts: one array per present channel, all the same length, null where a sample is missing. */
export interface RunSeries {
  runId: string;
  points: number;
  /** How many raw samples the run has; `points` is fewer when the series was thinned for display. */
  rawPoints: number;
  channels: Partial<Record<Channel, (number | null)[]>>;
}

export type FileImportStatus = 'imported' | 'duplicate' | 'rejected' | 'skipped';

export interface FileImportResult {
  fileName: string;
  status: FileImportStatus;
  /** One line: why a file was rejected or skipped, or which run it duplicates. */
  message: string;
  runs: RunImportResult[];
  skippedSessions: { sessionIndex: number; reason: string }[];
}

/**
 * A run of an imported file: new, the same file seen before (`duplicate`), or the same run from another recording
 * (`merged`: kept as one more source of the stored run, which uses whichever recording is richer).
 */
export interface RunImportResult {
  id: string;
  startTime: string;
  distanceM: number;
  status: 'imported' | 'duplicate' | 'merged';
  note?: string;
}

export interface ImportReport {
  athleteId: string;
  files: FileImportResult[];
  totals: { files: number; imported: number; duplicates: number; rejected: number; skipped: number };
  /** Training-log spreadsheets imported with the files, after them (so their rows find the runs just imported). */
  trainingLogs: TrainingLogReport[];
}

/** A stored report: what the runner said (`PainReportInput`, its run as `runId`) and what Keel made of it. */
export interface PainReportView extends Omit<PainReportInput, 'activityId'> {
  id: string;
  athleteId: string;
  /** The run it happened on, or null for a report on a day. */
  runId: string | null;
  /** The onset as a distance and as time into the run (seconds since the start), read off the run where known. */
  onsetM: number | null;
  onsetS: number | null;
  triage: TriageOutcome;
  /** When a stop-level report was cleared to run again, and by whom or why. */
  cleared: { at: string; note: string } | null;
  createdAt: string;
}

/** One region and side's same-distance pattern, as `keel pattern --json` prints it. */
export interface PainPatternView {
  region: BodyRegion;
  side: Side;
  status: PainPattern['status'];
  events: number;
  runs: number;
  onsetM: number | null;
  onsetIntervalM: [number, number] | null;
  painFreeM: number | null;
  trend: PainPattern['trend'];
  basis: PainPattern['basis'];
  explanation: { headline: string; paragraphs: string[] };
  weibull: PainPattern['weibull'];
  survival: PainPattern['survival'];
  onsets: { runId: string; startTime: string; runDistanceM: number; onsetM: number | null }[];
  /** Every run in the window, painful or not, for the chart of onsets against run distance. */
  runPoints: {
    runId: string;
    startTime: string;
    distanceM: number;
    painful: boolean;
    onsetM: number | null;
  }[];
  reasons: string[];
  window: { from: string; to: string; days: number };
}

/** What became of one row of a training log. */
export interface TrainingLogRowResult {
  line: number;
  /** `imported`: a new logged run; `attached`: it describes a recorded run, which it now annotates; `duplicate`: imported before; `rejected`: not read. */
  status: 'imported' | 'attached' | 'duplicate' | 'rejected';
  runId: string | null;
  painReportId: string | null;
  message: string;
}

export interface TrainingLogReport {
  fileName: string;
  rows: TrainingLogRowResult[];
  totals: {
    rows: number;
    imported: number;
    attached: number;
    duplicates: number;
    rejected: number;
    painReports: number;
  };
}

/** Where a run's form starts to drift at the same speed and grade (`keel form ID --json`). */
export interface RunFormView extends FormAnalysis {
  runId: string;
  /** The earliest pain onset reported on this run, for the charts' marker. */
  painOnsetM: number | null;
}

/** Form across an athlete's runs (`keel form --json`). */
export interface FormSummaryView extends Omit<FormSummary, 'painLead'> {
  painLead: { runId: string; breakdownM: number; painOnsetM: number; leadM: number }[];
  runs: {
    runId: string;
    startTime: string;
    distanceM: number;
    breakdownM: number | null;
    evidence: FormEvidence;
    painOnsetM: number | null;
  }[];
  window: { from: string; to: string; days: number };
}

/** An exercise as the program and the session player show it (the catalogue entry plus its place on the ladder). */
export interface ExerciseView extends Exercise {
  familyName: string;
  /** How many rungs the family's ladder has, for "level 2 of 4". */
  ladderLength: number;
  /** Plain names of the stabilizers it trains, in `targets` order. */
  targetLabels: string[];
}

/** The whole catalogue (`GET /api/exercises`). */
export interface CatalogueView {
  families: ExerciseFamily[];
  exercises: ExerciseView[];
}

export interface ProgramSettingsView extends ProgramSettings {
  /** False until the athlete saves their own settings: the defaults are shown until then. */
  saved: boolean;
  updatedAt: string | null;
}

/** One logged session (`keel program log`). */
export interface SessionLogView {
  id: string;
  /** YYYY-MM-DD */
  date: string;
  /** The session of the week it followed (A, B, …), when the athlete did a prescribed one. */
  label: string | null;
  exercises: ExerciseLog[];
  painNextMorning: number | null;
  note: string | null;
  createdAt: string;
}

export interface ProgramWeek {
  /** Monday, YYYY-MM-DD */
  weekStart: string;
  planned: number;
  done: number;
}

/** The athlete's program as of a day (`keel program --json`, `GET /api/athletes/:id/program`). */
export interface ProgramView {
  athleteId: string;
  /** YYYY-MM-DD */
  asOf: string;
  settings: ProgramSettingsView;
  prescription: Prescription;
  /** The session to do next: the first of the week's not yet done, or the first again once all are. */
  today: {
    label: string;
    session: ProgramSession;
    doneThisWeek: number;
    sessionsPerWeek: number;
    /** Monday of this week, YYYY-MM-DD */
    weekStart: string;
  };
  /** Every change the rules made, newest first. */
  events: ProgressionEvent[];
  /** The last eight weeks, oldest first, this week last. */
  adherence: ProgramWeek[];
  /** Open red flags (pain-report ids): while any is open, everything is paused. */
  openRedFlagIds: string[];
  /** Every exercise the prescription uses, by id. */
  exercises: Record<string, ExerciseView>;
  lastSession: SessionLogView | null;
}

export interface BenchmarkResultView {
  id: string;
  testId: string;
  takenOn: string;
  side: 'left' | 'right' | null;
  value: number;
  note: string | null;
}

/** The athlete's benchmarks (`keel bench list --json`, `GET /api/athletes/:id/benchmarks`). */
export interface BenchmarksView {
  athleteId: string;
  asOf: string;
  /** What the norms need and the athlete has given; null fields mean no sex- or age-specific norm applies. */
  profile: { sex: 'female' | 'male' | null; birthYear: number | null };
  evaluation: BenchmarkEvaluation;
  findings: BenchmarkFinding[];
  /** Every result, oldest first. */
  results: BenchmarkResultView[];
  /** The battery: protocols, units and norms. */
  tests: readonly BenchmarkTest[];
}

export interface GoalView {
  id: string;
  name: string | null;
  distanceM: number;
  /** Race day, YYYY-MM-DD */
  date: string;
  surface: 'road' | 'trail' | 'track' | 'mixed';
  createdAt: string;
}

/** The spike guard for one run: its distance against the longest of the 30 days before (Garmin-RUNSAFE). */
export type RunSpikeView = SpikeCheck;

/** The race plan toward the next goal (`keel plan show --json`, `GET /api/athletes/:id/plan`). */
export interface PlanView {
  athleteId: string;
  goal: GoalView;
  /** Every goal, soonest first. */
  goals: GoalView[];
  /** The unit every message in `plan`, `next` and `changes` is written in. */
  units: UnitSystem;
  plan: RacePlan;
  /** Today's next step toward the race (the home page shows it); null once the race day has passed. */
  next: NextStep | null;
  /** What moved at the last re-plan, and why: `trigger` says what prompted it ("after a pain report"). */
  changes: {
    trigger: string | null;
    madeOn: string | null;
    items: { weekStart: string; field: string; from: unknown; to: unknown; why: string }[];
  };
}
