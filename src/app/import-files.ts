import { createHash, randomUUID } from 'node:crypto';
import { basename } from 'node:path';
import { decodeActivityFile } from '../ingest/index.js';
import { type Db, findDuplicate, insertActivity } from '../store/index.js';
import type { FileImportResult, ImportReport } from './views.js';

export interface ImportInput {
  /** As the runner named it (a path on the command line, a name in an upload); only its base name is stored. */
  fileName: string;
  bytes: Uint8Array;
}

/**
 * Imports one file in one transaction: either every new run of the file is stored, or nothing is. Runs
 * already stored (the same file again, or the same run recorded again) are reported as duplicates.
 */
export async function importFile(db: Db, athleteId: string, input: ImportInput): Promise<FileImportResult> {
  const outcome = decodeActivityFile(input.bytes, basename(input.fileName));
  const base = { fileName: input.fileName, runs: [], skippedSessions: [] };
  if (outcome.kind === 'rejected') return { ...base, status: 'rejected', message: outcome.reason };

  const fileHash = createHash('sha256').update(input.bytes).digest('hex');
  const skippedSessions = outcome.skipped.map((s) => ({ sessionIndex: s.sessionIndex, reason: s.reason }));
  if (outcome.activities.length === 0) {
    const reasons = skippedSessions.map((s) => s.reason);
    return {
      ...base,
      skippedSessions,
      status: 'skipped',
      message:
        reasons.length > 0 ? `no running session: ${reasons.join('; ')}` : 'no running session in the file',
    };
  }

  const runs = await db.transaction(async (tx) => {
    const stored: FileImportResult['runs'] = [];
    for (const activity of outcome.activities) {
      const run = { ...activity, source: { ...activity.source, fileHash } };
      const duplicate = await findDuplicate(tx, athleteId, {
        startTime: run.startTime,
        distanceM: run.distanceM,
        fileHash,
        sessionIndex: run.source.sessionIndex,
      });
      const summary = { startTime: run.startTime.toISOString(), distanceM: run.distanceM };
      if (duplicate) {
        stored.push({ id: duplicate.id, ...summary, status: 'duplicate' });
        continue;
      }
      const id = randomUUID();
      await insertActivity(tx, id, athleteId, run);
      stored.push({ id, ...summary, status: 'imported' });
    }
    return stored;
  });

  const imported = runs.filter((r) => r.status === 'imported').length;
  const notes = [...outcome.warnings, ...skippedSessions.map((s) => s.reason)];
  const head =
    imported > 0
      ? `${imported} run${imported === 1 ? '' : 's'} imported` +
        (imported < runs.length ? `, ${runs.length - imported} already stored` : '')
      : `already imported (run ${runs.map((r) => r.id.slice(0, 8)).join(', ')})`;
  return {
    ...base,
    runs,
    skippedSessions,
    status: imported > 0 ? 'imported' : 'duplicate',
    message: [head, ...notes].join('; '),
  };
}

export function summarise(athleteId: string, files: FileImportResult[]): ImportReport {
  const count = (status: FileImportResult['status']) => files.filter((f) => f.status === status).length;
  return {
    athleteId,
    files,
    totals: {
      files: files.length,
      imported: count('imported'),
      duplicates: count('duplicate'),
      rejected: count('rejected'),
      skipped: count('skipped'),
    },
  };
}
