import type { Activity } from '../../domain/activity.js';
import { formatDuration } from '../../domain/units.js';
import type { DecodeOutcome, SkippedSession } from '../outcome.js';
import { type DecodedFit, decodeFit } from './decode.js';
import type { FitFile } from './model.js';
import { type PlannedRun, planSessions, recordsInRange, sessionFromRecords } from './sessions.js';
import { buildStreams } from './streams.js';
import { summariseRun } from './summary.js';

/** Faster on average than anyone runs beyond a sprint: a ride or drive recorded under a running profile. */
const MAX_RUN_SPEED_MPS = 8;
/** FIT devices did not exist before this; earlier start times come from a clock that was never set. */

/**
 * Runs of a FIT file: one Activity per running session, other sessions skipped with a reason.
 *
 * Damaged files (truncated, failing the CRC, or holding messages the SDK cannot read) are salvaged: what
 * decoded before the damage is imported when it makes a sane run, with a warning saying what is missing,
 * because a runner's long run is worth keeping even when the recording app crashed mid-file, and its
 * summary alone already places it on the distance record. Only a file from which no session and no samples
 * decode is rejected.
 *
 * A file without sessions but with samples (a watch that died before writing its summary) gives one run
 * rebuilt from its samples when the file says it was running.
 */
export function decodeFitActivities(bytes: Uint8Array, fileName: string): DecodeOutcome {
  return fitActivities(decodeFit(bytes), fileName);
}

/** The runs of a decoded FIT file (see decodeFitActivities), whichever path decoded it. */
export function fitActivities(decoded: DecodedFit | string, fileName: string): DecodeOutcome {
  if (typeof decoded === 'string') return { kind: 'rejected', reason: decoded };
  const { file, damage } = decoded;

  const warnings: string[] = [];
  let sessions = file.sessions;
  if (sessions.length === 0) {
    const rebuilt = sessionFromRecords(file.records, file.fallbackSport);
    if (rebuilt === null) return { kind: 'rejected', reason: damage ?? noActivityReason(file) };
    sessions = [rebuilt];
    warnings.push(
      'the file has no session summary (a recording never finished?): the run was rebuilt from its samples',
    );
  }

  const plan = planSessions(sessions);
  const skipped: SkippedSession[] = [...plan.skipped];
  const activities: Activity[] = [];
  const runWarnings: string[] = [];
  for (const run of plan.runs) {
    const prefix = plan.runs.length > 1 ? `session ${run.session.index + 1}: ` : '';
    const result = decodeRun(file, run, fileName);
    if (typeof result === 'string') {
      skipped.push({ sessionIndex: run.session.index, reason: `running session skipped: ${result}` });
      continue;
    }
    activities.push(result.activity);
    runWarnings.push(...result.warnings.map((w) => prefix + w));
  }
  skipped.sort((a, b) => a.sessionIndex - b.sessionIndex);

  if (damage !== null) {
    warnings.unshift(activities.length > 0 ? `${damage}; imported what decoded cleanly` : damage);
  }
  return { kind: 'decoded', activities, skipped, warnings: [...warnings, ...runWarnings] };
}

function decodeRun(
  file: FitFile,
  { session, subSport, range }: PlannedRun,
  fileName: string,
): { activity: Activity; warnings: string[] } | string {
  const built = buildStreams(recordsInRange(file.records, range), range.startS);
  const { numbers, summaryOverruled, samplesCover } = summariseRun(
    session,
    range.startS,
    built.streams,
    file.timerEvents,
    built.cadenceConvention,
  );
  if (numbers.elapsedS <= 0) return 'it has neither a duration nor samples';
  if (numbers.movingS >= 60 && numbers.distanceM / numbers.movingS > MAX_RUN_SPEED_MPS) {
    const kmh = ((numbers.distanceM / numbers.movingS) * 3.6).toFixed(1);
    return `an average of ${kmh} km/h is no run (a ride recorded as a run?)`;
  }

  const warnings: string[] = [];
  const startTime = new Date(range.startS * 1000);
  if (summaryOverruled !== null) {
    warnings.push(`${summaryOverruled}; times and distance come from the samples`);
  }
  if (samplesCover === 'none') warnings.push('no samples could be read, only the session summary');
  if (samplesCover === 'part') {
    const endS = built.streams.time.at(-1) ?? 0;
    warnings.push(`samples cover only ${formatDuration(endS)} of ${formatDuration(numbers.elapsedS)}`);
  }
  if (built.outOfOrder > 0) warnings.push(`${built.outOfOrder} samples out of time order were dropped`);

  return {
    warnings,
    activity: {
      sport: 'running',
      subSport,
      startTime,
      utcOffsetMin: file.utcOffsetMin,
      ...numbers,
      device: file.device,
      // The file hash is the caller's to compute: decoding does no I/O and hashing is not its concern.
      source: { format: 'fit', fileName, fileHash: '', sessionIndex: session.index },
      streams: built.streams,
      channelSources: built.channelSources,
    },
  };
}

function noActivityReason(file: FitFile): string {
  if (file.fileType !== null && file.fileType !== 'activity') {
    return `FIT ${file.fileType.replace(/[A-Z]/g, (c) => ` ${c.toLowerCase()}`)} file, not an activity`;
  }
  if (file.records.length > 0) {
    return `FIT file with ${file.records.length} samples but no session, and nothing says which sport they are`;
  }
  return 'FIT activity file with no sessions and no samples';
}
