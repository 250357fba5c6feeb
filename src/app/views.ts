import type { FormAnalysis, FormEvidence, FormSummary } from '../analysis/form/index.js';
import type { PainPattern } from '../analysis/pain-pattern/index.js';
import type { TriageOutcome } from '../analysis/triage/index.js';
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
