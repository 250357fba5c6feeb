import type { SourceFormat } from './activity.js';
import type { Channel } from './channels.js';

/** What Keel compares when two recordings may be the same run. */
export interface RecordingFingerprint {
  startTime: Date;
  distanceM: number;
  format: SourceFormat;
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

export function isSameRun(
  a: Pick<RecordingFingerprint, 'startTime' | 'distanceM'>,
  b: Pick<RecordingFingerprint, 'startTime' | 'distanceM'>,
): boolean {
  const apartS = Math.abs(a.startTime.getTime() - b.startTime.getTime()) / 1000;
  const tolerance = Math.max(
    Math.max(a.distanceM, b.distanceM) * SAME_RUN_DISTANCE_TOLERANCE,
    SAME_RUN_DISTANCE_FLOOR_M,
  );
  return apartS <= SAME_RUN_START_TOLERANCE_S && Math.abs(a.distanceM - b.distanceM) <= tolerance;
}

/**
 * Which recording of the same run provides its data: the one with more channels (what the analyses can use),
 * then the native device format (FIT keeps developer fields and exact timer events; TCX keeps laps; GPX
 * neither), then the denser sampling.
 */
const FORMAT_RANK: Record<SourceFormat, number> = { fit: 3, tcx: 2, gpx: 1 };

export function compareRichness(a: RecordingFingerprint, b: RecordingFingerprint): number {
  const channelCount = (r: RecordingFingerprint) => r.channels.filter((c) => c !== 'time').length;
  return (
    channelCount(a) - channelCount(b) ||
    FORMAT_RANK[a.format] - FORMAT_RANK[b.format] ||
    a.sampleCount - b.sampleCount
  );
}
