import type { Activity, DeviceInfo, SourceFormat } from '../../domain/activity.js';
import type { DecodeOutcome, SkippedSession } from '../outcome.js';
import type { TrackRun } from './build.js';

export interface TrackRunSource {
  format: SourceFormat;
  fileName: string;
  /** Which activity (TCX) or track (GPX) of the file this is, 0-based among all of them. */
  sessionIndex: number;
  device: DeviceInfo | null;
}

/**
 * The Activity of a TCX or GPX run. Both formats carry UTC times only, so the local offset is unknown;
 * neither has a sub-sport.
 */
export function trackActivity(
  run: TrackRun,
  { format, fileName, sessionIndex, device }: TrackRunSource,
): Activity {
  return {
    sport: 'running',
    subSport: 'generic',
    startTime: new Date(run.startS * 1000),
    utcOffsetMin: null,
    ...run.numbers,
    device,
    // The file hash is the caller's to compute, as for FIT.
    source: { format, fileName, fileHash: '', sessionIndex },
    streams: run.streams,
    channelSources: run.channelSources,
  };
}

/** Warnings about points a parser had to drop, shared by both XML formats. */
export function droppedPointWarnings(outOfOrder: number, untimed: number): string[] {
  const warnings: string[] = [];
  if (outOfOrder > 0) warnings.push(`${outOfOrder} points out of time order were dropped`);
  if (untimed > 0) warnings.push(`${untimed} points without a time were dropped`);
  return warnings;
}

export interface RunWarnings {
  index: number;
  lines: string[];
}

export interface TrackFileResult {
  format: 'TCX' | 'GPX';
  /** What the format calls one run's container, for warnings: "activity 2: …", "track 2: …". */
  unit: string;
  /** Containers met, runs or not. */
  count: number;
  /** The reason when the file holds no container at all. */
  empty: string;
  /** The XML error that stopped the walk, if one did. */
  error: string | null;
  activities: Activity[];
  skipped: SkippedSession[];
  runWarnings: RunWarnings[];
}

/**
 * The outcome of an XML activity file: a malformed file keeps what was read before the damage, with a
 * warning, as FIT does; warnings name their run when the file holds several.
 */
export function trackOutcome(result: TrackFileResult): DecodeOutcome {
  const { format, unit, count, error, activities, skipped } = result;
  if (error !== null && activities.length === 0 && skipped.length === 0) {
    return { kind: 'rejected', reason: `${format} file: ${error}` };
  }
  if (count === 0) return { kind: 'rejected', reason: result.empty };
  const warnings = error !== null ? [`${error}; imported what was read before it`] : [];
  for (const { index, lines } of result.runWarnings) {
    warnings.push(...lines.map((line) => (count > 1 ? `${unit} ${index + 1}: ${line}` : line)));
  }
  skipped.sort((a, b) => a.sessionIndex - b.sessionIndex);
  return { kind: 'decoded', activities, skipped, warnings };
}
