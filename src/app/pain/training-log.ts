import { createHash, randomUUID } from 'node:crypto';
import { isSameRun, type RecordingFormat } from '../../domain/recordings.js';
import { formatDistance, type UnitSystem } from '../../domain/units.js';
import { parseTrainingLog, type TrainingLogRow } from '../../ingest/training-log/parse.js';
import {
  type ActivityRow,
  addLogSource,
  type Db,
  findKnownSources,
  findPainSourceKeys,
  getStreams,
  insertLoggedRun,
  insertPainReports,
  listRunsBetween,
  loggedRunStart,
} from '../../store/index.js';
import type { TrainingLogReport, TrainingLogRowResult } from '../views.js';
import { placeOnset, preparePainReport } from './reports.js';

const DAY_MS = 86_400_000;

/** What a row says, not where it sits: the same run typed into next month's copy of the sheet is the same row. */
function rowKey(row: TrainingLogRow): string {
  const identity = `log:${row.date}|${Math.round(row.distanceM)}|${Math.round(row.durationS)}`;
  return createHash('sha256').update(identity).digest('hex');
}

/**
 * A recorded run the row describes (the same local day, within the distance tolerance of two recordings of one
 * run), the closest in distance first; a run another row already claimed is not.
 */
function matchingRun(row: TrainingLogRow, runs: readonly ActivityRow[], claimed: ReadonlySet<string>) {
  const asRecording = {
    startTime: loggedRunStart(row.date),
    utcOffsetMin: null,
    distanceM: row.distanceM,
    format: 'log' as const,
  };
  return runs
    .filter(
      (r) =>
        !claimed.has(r.id) && isSameRun({ ...r, format: r.sourceFormat as RecordingFormat }, asRecording),
    )
    .sort((a, b) => Math.abs(a.distanceM - row.distanceM) - Math.abs(b.distanceM - row.distanceM))[0];
}

/**
 * Imports a training log in the caller's transaction: each row attaches to the recorded run it describes or
 * becomes a logged run, and its pain (if any) becomes a triaged pain report. Rows imported before add nothing; a bad
 * row is reported with its line and the rest are imported.
 */
export async function importTrainingLog(
  db: Db,
  athleteId: string,
  units: UnitSystem,
  fileName: string,
  bytes: Uint8Array,
): Promise<TrainingLogReport> {
  const log = parseTrainingLog(bytes);
  if ('error' in log) return rejectedLog(fileName, log.error);
  const keys = log.rows.map(rowKey);
  const known = new Map(
    (await findKnownSources(db, athleteId, keys)).map((s) => [s.fileHash, s.activityId] as const),
  );
  const painKeys = await findPainSourceKeys(
    db,
    athleteId,
    log.rows.flatMap((row, i) => (row.pain ? [painKey(keys[i] as string, row)] : [])),
  );
  const dates = log.rows.map((r) => Date.parse(`${r.date}T00:00:00Z`));
  // Local days reach 14 hours either side of UTC.
  const runs =
    dates.length === 0
      ? []
      : await listRunsBetween(
          db,
          athleteId,
          new Date(Math.min(...dates) - DAY_MS),
          new Date(Math.max(...dates) + 2 * DAY_MS),
        );
  const claimed = new Set<string>(known.values());

  const results: TrainingLogRowResult[] = log.problems.map((p) => ({
    line: p.line,
    status: 'rejected',
    runId: null,
    painReportId: null,
    message: p.message,
  }));
  for (const [i, row] of log.rows.entries()) {
    const key = keys[i] as string;
    const place = `${fileName} line ${row.line}`;
    let runId = known.get(key);
    let status: TrainingLogRowResult['status'] = 'duplicate';
    let message = 'imported before';
    let run: ActivityRow | undefined;
    if (runId === undefined) {
      run = matchingRun(row, runs, claimed);
      const logged = { sourceId: randomUUID(), athleteId, fileName: place, rowKey: key, ...row };
      if (run) {
        runId = run.id;
        await addLogSource(db, { ...logged, activityId: run.id, startTime: run.startTime });
        status = 'attached';
        message = `the recorded run of ${row.date} (${formatDistance(run.distanceM, units, 1)}, ${run.sourceFormat.toUpperCase()})`;
      } else {
        runId = randomUUID();
        await insertLoggedRun(db, { ...logged, activityId: runId });
        status = 'imported';
        message = `a logged run of ${formatDistance(row.distanceM, units, 1)}`;
      }
      claimed.add(runId);
      known.set(key, runId);
    } else {
      run = runs.find((r) => r.id === runId);
    }

    let painReportId: string | null = null;
    if (row.pain && !painKeys.has(painKey(key, row))) {
      const input = {
        activityId: runId,
        date: row.date,
        region: row.pain.region,
        side: row.pain.side,
        aspect: row.pain.aspect,
        onset:
          row.pain.onsetM === null
            ? ({ kind: 'during' } as const)
            : ({ kind: 'distance', distanceM: row.pain.onsetM } as const),
        severity: row.pain.severity,
        character: null,
        action: null,
        nextMorningSeverity: null,
        redFlags: {},
        note: row.note,
      };
      const streams = run && run.sourceFormat !== 'log' ? await getStreams(db, run.id) : undefined;
      const placed = placeOnset(
        input.onset,
        run ?? { distanceM: row.distanceM, elapsedS: row.durationS },
        streams,
        units,
      );
      const prepared = await preparePainReport(db, athleteId, input, placed, painKey(key, row));
      await insertPainReports(db, [prepared]);
      painReportId = prepared.id;
      message += `; pain report added: ${row.pain.side} ${row.pain.region} ${row.pain.severity}/10, triage ${prepared.triageLevel}`;
    }
    results.push({ line: row.line, status, runId, painReportId, message });
  }
  return report(
    fileName,
    results.sort((a, b) => a.line - b.line),
  );
}

/** A file Keel could not read as a training log at all. */
export function rejectedLog(fileName: string, message: string): TrainingLogReport {
  return report(fileName, [{ line: 1, status: 'rejected', runId: null, painReportId: null, message }]);
}

function painKey(rowKeyHex: string, row: TrainingLogRow): string {
  return `log:${rowKeyHex}:${row.pain?.region}:${row.pain?.side}`;
}

function report(fileName: string, rows: TrainingLogRowResult[]): TrainingLogReport {
  const count = (status: TrainingLogRowResult['status']) => rows.filter((r) => r.status === status).length;
  return {
    fileName,
    rows,
    totals: {
      rows: rows.length,
      imported: count('imported'),
      attached: count('attached'),
      duplicates: count('duplicate'),
      rejected: count('rejected'),
      painReports: rows.filter((r) => r.painReportId !== null).length,
    },
  };
}
