import type { DeviceInfo } from '../../domain/activity.js';

/**
 * What Keel reads from a FIT file. `decode.ts` narrows the SDK's loose message objects into these shapes in
 * one place; everything downstream works on plain numbers and strings. Times are Unix seconds.
 */
export interface FitFile {
  /** file_id.type, e.g. 'activity' or 'course'. */
  fileType: string | null;
  device: DeviceInfo | null;
  /** The sport the file's `sport` message or its records name, for files that have no session message. */
  fallbackSport: string | null;
  sessions: FitSession[];
  records: FitRecords;
  timerEvents: TimerEvent[];
  /** Local time minus UTC, from the activity message. */
  utcOffsetMin: number | null;
}

/** A session message's summary. Every number is null when the file leaves it out or it is invalid. */
export interface FitSession {
  /** Position among the file's session messages. */
  index: number;
  sport: string | null;
  subSport: string | null;
  startS: number | null;
  /** The session message's own timestamp: its end on most devices, its start on summary-first files. */
  timestampS: number | null;
  elapsedS: number | null;
  timerS: number | null;
  distanceM: number | null;
  ascentM: number | null;
  descentM: number | null;
  avgSpeedMps: number | null;
  maxSpeedMps: number | null;
  avgHeartRateBpm: number | null;
  maxHeartRateBpm: number | null;
  /** In the device's cadence unit (strides or steps per minute), fractional part included. */
  avgCadence: number | null;
  maxCadence: number | null;
  avgPowerW: number | null;
  maxPowerW: number | null;
}

/** The file's record messages as columns: row i of every column is the i-th record message. */
export interface FitRecords {
  length: number;
  /** Unix seconds; NaN where a record has no valid timestamp. */
  timeS: Float64Array;
  /** Values by source key as in `FitRecord.values`, NaN where a record lacks one; only keys some record has. */
  values: ReadonlyMap<string, Float64Array>;
}

/** One record message. */
export interface FitRecord {
  timeS: number | null;
  /**
   * Sample values by source key: native record fields by their SDK name (`stanceTime`, in the profile's
   * units) and known developer fields as `<app>/<field name>` (`Stryd/Ground Time`, in the app's units).
   */
  values: Map<string, number>;
}

export interface TimerEvent {
  timeS: number;
  kind: 'start' | 'stop';
}
