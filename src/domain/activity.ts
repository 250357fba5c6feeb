import type { ChannelSources, Streams } from './channels.js';

export const RUNNING_SUB_SPORTS = ['road', 'trail', 'treadmill', 'track', 'indoor', 'generic'] as const;
export type RunningSubSport = (typeof RUNNING_SUB_SPORTS)[number];

export type SourceFormat = 'fit' | 'tcx' | 'gpx';

export interface ActivitySource {
  format: SourceFormat;
  fileName: string;
  /** sha256 of the whole file, hex. */
  fileHash: string;
  /** Which running session of the file this is (0-based among all sessions of the file). */
  sessionIndex: number;
}

export interface DeviceInfo {
  manufacturer: string | null;
  product: string | null;
  softwareVersion: string | null;
}

/** The summary of a run: what the runs list and a run page show without loading samples. */
export interface ActivitySummary {
  sport: 'running';
  subSport: RunningSubSport;
  startTime: Date;
  /** Local time minus UTC in minutes at the start, when the file says. */
  utcOffsetMin: number | null;
  elapsedS: number;
  /** Timer time: elapsed time less pauses. */
  movingS: number;
  distanceM: number;
  ascentM: number | null;
  descentM: number | null;
  avgSpeedMps: number | null;
  maxSpeedMps: number | null;
  avgHeartRateBpm: number | null;
  maxHeartRateBpm: number | null;
  avgCadenceSpm: number | null;
  maxCadenceSpm: number | null;
  avgPowerW: number | null;
  maxPowerW: number | null;
  device: DeviceInfo | null;
}

/** A decoded run, ready to store. */
export interface Activity extends ActivitySummary {
  source: ActivitySource;
  streams: Streams;
  channelSources: ChannelSources;
}
