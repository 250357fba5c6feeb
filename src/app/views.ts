import type { RunningSubSport } from '../domain/activity.js';
import type { Channel } from '../domain/channels.js';
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
}
