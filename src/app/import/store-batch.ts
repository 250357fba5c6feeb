import { randomUUID } from 'node:crypto';
import { compareRichness, isSameRun, SAME_RUN_START_TOLERANCE_S } from '../../domain/recordings.js';
import {
  addSources,
  type Db,
  type EncodedRun,
  findKnownSources,
  findRecordingsBetween,
  insertRuns,
  type NewRun,
  replaceRecording,
  type StoredRecording,
} from '../../store/index.js';
import type { FileImportResult, RunImportResult } from '../views.js';
import type { PreparedFile } from './prepare-file.js';

const fingerprint = (run: EncodedRun, activityId: string): StoredRecording => ({
  activityId,
  fileName: run.source.fileName,
  startTime: run.summary.startTime,
  utcOffsetMin: run.summary.utcOffsetMin,
  distanceM: run.summary.distanceM,
  format: run.source.format,
  channels: run.channels,
  sampleCount: run.sampleCount,
});

const sampledChannels = (channels: readonly string[]) => channels.filter((c) => c !== 'time').length;
const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

/**
 * Stores a batch of decoded files in the caller's transaction and says what became of each. A run is new,
 * the same file seen again (nothing added), or the same run from another recording: then the richer recording
 * provides the run's data and the other is kept as a source. Matches within the batch count as well as stored
 * ones, so the order files arrive in never matters.
 */
export async function storeBatch(
  db: Db,
  athleteId: string,
  files: PreparedFile[],
): Promise<FileImportResult[]> {
  const decoded = files.flatMap((f) => (f.kind === 'decoded' ? [f] : []));
  const runs = decoded.flatMap((f) => f.runs);
  const known = new Map(
    (await findKnownSources(db, athleteId, [...new Set(decoded.map((f) => f.fileHash))])).map((s) => [
      `${s.fileHash}:${s.sessionIndex}`,
      s.activityId,
    ]),
  );
  const recordings = await storedNear(db, athleteId, runs);

  const inserts = new Map<string, NewRun>();
  const replacements = new Map<string, NewRun>();
  const extraSources: NewRun[] = [];

  const storeRun = (run: EncodedRun): RunImportResult => {
    const key = `${run.source.fileHash}:${run.source.sessionIndex}`;
    const summary = { startTime: run.summary.startTime.toISOString(), distanceM: run.summary.distanceM };
    const sameFile = known.get(key);
    if (sameFile) return { id: sameFile, ...summary, status: 'duplicate', note: 'already imported' };

    const candidate: NewRun = { activityId: randomUUID(), sourceId: randomUUID(), athleteId, run };
    const match = recordings.find((r) => isSameRun(r, fingerprint(run, '')));
    if (!match) {
      inserts.set(candidate.activityId, candidate);
      known.set(key, candidate.activityId);
      recordings.push(fingerprint(run, candidate.activityId));
      return { id: candidate.activityId, ...summary, status: 'imported' };
    }

    const activityId = match.activityId;
    const incoming = { ...candidate, activityId };
    known.set(key, activityId);
    const richer = compareRichness(fingerprint(run, activityId), match) > 0;
    if (!richer) {
      extraSources.push(incoming);
      return {
        id: activityId,
        ...summary,
        status: 'merged',
        note: `same run as ${activityId.slice(0, 8)} (${match.fileName}), kept as another source of it`,
      };
    }
    // The run now comes from this recording; the one it replaces stays as a source.
    const pendingInsert = inserts.get(activityId);
    const displaced = pendingInsert ?? replacements.get(activityId);
    if (displaced) extraSources.push({ ...displaced, activityId });
    if (pendingInsert) inserts.set(activityId, incoming);
    else replacements.set(activityId, incoming);
    recordings[recordings.indexOf(match)] = fingerprint(run, activityId);
    return {
      id: activityId,
      ...summary,
      status: 'merged',
      note:
        match.format === 'log'
          ? `the run ${activityId.slice(0, 8)} of the training log (${match.fileName}); the run now uses this recording`
          : `same run as ${activityId.slice(0, 8)} (${match.fileName}); this recording is richer ` +
            `(${plural(sampledChannels(run.channels), 'channel')} against ${sampledChannels(match.channels)}), so the run now uses it`,
    };
  };

  const results = files.map((file) => {
    if (file.kind === 'rejected') return rejectedResult(file.fileName, file.message);
    return fileResult(file, file.runs.map(storeRun));
  });

  await insertRuns(db, [...inserts.values()]);
  for (const replacement of replacements.values()) await replaceRecording(db, replacement);
  await addSources(db, extraSources);
  return results;
}

/**
 * Stored runs close enough in time to any of these to be the same run: within the start tolerance, or, for a
 * logged run (a day, stored at noon UTC), within a day and a half either way, which covers every time zone.
 */
async function storedNear(db: Db, athleteId: string, runs: EncodedRun[]): Promise<StoredRecording[]> {
  if (runs.length === 0) return [];
  const times = runs.map((r) => r.summary.startTime.getTime());
  const margin = SAME_RUN_START_TOLERANCE_S * 1000;
  const logMargin = 1.5 * 86_400_000;
  const near = await findRecordingsBetween(
    db,
    athleteId,
    new Date(Math.min(...times) - logMargin),
    new Date(Math.max(...times) + logMargin),
  );
  // A batch spans one window; keep only those near some run, so a long gap in between costs nothing later.
  return near.filter((r) =>
    times.some((t) => Math.abs(r.startTime.getTime() - t) <= (r.format === 'log' ? logMargin : margin)),
  );
}

export function rejectedResult(fileName: string, message: string): FileImportResult {
  return { fileName, status: 'rejected', message, runs: [], skippedSessions: [] };
}

function fileResult(
  file: Extract<PreparedFile, { kind: 'decoded' }>,
  runs: RunImportResult[],
): FileImportResult {
  const { fileName, skippedSessions, warnings } = file;
  const reasons = skippedSessions.map((s) => s.reason);
  if (runs.length === 0) {
    return {
      fileName,
      status: 'skipped',
      message:
        reasons.length > 0 ? `no running session: ${reasons.join('; ')}` : 'no running session in the file',
      runs,
      skippedSessions,
    };
  }
  const imported = runs.filter((r) => r.status === 'imported').length;
  const notes = runs.flatMap((r) => (r.note && r.note !== 'already imported' ? [r.note] : []));
  const head =
    imported > 0
      ? `${plural(imported, 'run')} imported` +
        (imported < runs.length ? `, ${runs.length - imported} already stored` : '')
      : runs.every((r) => r.status === 'duplicate')
        ? `already imported (run ${runs.map((r) => r.id.slice(0, 8)).join(', ')})`
        : null;
  return {
    fileName,
    status: imported > 0 ? 'imported' : 'duplicate',
    message: [head, ...notes, ...warnings, ...reasons].filter((part) => part !== null).join('; '),
    runs,
    skippedSessions,
  };
}
