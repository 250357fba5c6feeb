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
  runs: { id: string; startTime: string; distanceM: number; status: 'imported' | 'duplicate' }[];
  skippedSessions: { sessionIndex: number; reason: string }[];
}

export interface ImportReport {
  athleteId: string;
  files: FileImportResult[];
  totals: { files: number; imported: number; duplicates: number; rejected: number; skipped: number };
}
