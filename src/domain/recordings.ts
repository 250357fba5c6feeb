import type { SourceFormat } from './activity.js';
import type { Channel } from './channels.js';
import { localDate } from './time.js';

/** A recording's format: an activity file's, or `log` for a row of the runner's training log (a day, no samples). */
export type RecordingFormat = SourceFormat | 'log';

/** What Keel compares when two recordings may be the same run. */
export interface RecordingFingerprint {
  startTime: Date;
  utcOffsetMin: number | null;
  distanceM: number;
  format: RecordingFormat;
  channels: readonly Channel[];
  sampleCount: number;
}

/**
 * Two real runs never start within a minute of each other, so the start decides; the distance check only
 * guards against a watch clock gone wrong. It is loose because a GPX exported by Strava recomputes distance
 * from positions, which differs from a watch's footpod-and-GPS distance by a few percent on the same run.
 */
export const SAME_RUN_START_TOLERANCE_S = 60;
export const SAME_RUN_DISTANCE_TOLERANCE = 0.05;
export const SAME_RUN_DISTANCE_FLOOR_M = 100;

/**
 * A training-log row has a day and no start time: it is the same run as a recording on the runner's same local day
 * within the distance tolerance.
 */
export function isSameRun(
  a: Pick<RecordingFingerprint, 'startTime' | 'utcOffsetMin' | 'distanceM' | 'format'>,
  b: Pick<RecordingFingerprint, 'startTime' | 'utcOffsetMin' | 'distanceM' | 'format'>,
): boolean {
  const tolerance = Math.max(
    Math.max(a.distanceM, b.distanceM) * SAME_RUN_DISTANCE_TOLERANCE,
    SAME_RUN_DISTANCE_FLOOR_M,
  );
  if (Math.abs(a.distanceM - b.distanceM) > tolerance) return false;
  if (a.format === 'log' || b.format === 'log') {
    return localDate(a.startTime, a.utcOffsetMin) === localDate(b.startTime, b.utcOffsetMin);
  }
  return Math.abs(a.startTime.getTime() - b.startTime.getTime()) / 1000 <= SAME_RUN_START_TOLERANCE_S;
}

/**
 * Which recording of the same run provides its data: the one with more channels (what the analyses can use),
 * then the native device format (FIT keeps developer fields and exact timer events; TCX keeps laps; GPX
 * neither; a training-log row has no samples at all), then the denser sampling.
 */
const FORMAT_RANK: Record<RecordingFormat, number> = { fit: 3, tcx: 2, gpx: 1, log: 0 };

export function compareRichness(a: RecordingFingerprint, b: RecordingFingerprint): number {
  const channelCount = (r: RecordingFingerprint) => r.channels.filter((c) => c !== 'time').length;
  return (
    channelCount(a) - channelCount(b) ||
    FORMAT_RANK[a.format] - FORMAT_RANK[b.format] ||
    a.sampleCount - b.sampleCount
  );
}
