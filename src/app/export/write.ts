import { Readable, type Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { createGzip } from 'node:zlib';
import {
  countTransferRows,
  type Db,
  readStreamRows,
  readTransferRows,
  type TransferRow,
} from '../../store/index.js';
import { streamColumns } from '../../store/stream-codec.js';
import { KEEL_VERSION } from '../version.js';
import {
  EXPORT_FORMAT,
  EXPORT_FORMAT_VERSION,
  type ExportHeader,
  RECORD_TYPES,
  type RecordType,
  type StreamRecordData,
} from './format.js';

/** Runs whose samples are read in one query: a run's stream is ~100–500 kB once decoded. */
const STREAMS_PER_READ = 20;

export interface ExportScope {
  /** Every athlete ("database") or the ones named ("athlete"). */
  scope: ExportHeader['scope'];
  athleteIds: readonly string[];
}

/** Runs whose samples are written so far, of all runs: the slow part of an export. */
export type ExportProgress = (doneRuns: number, totalRuns: number) => void;

/**
 * Writes an export, gzip-compressed, to `out`, a line at a time (a large history never becomes one string).
 * `db` should be a repeatable-read transaction, so the tables are read at one moment.
 */
export async function writeExport(
  db: Db,
  scope: ExportScope,
  out: Writable,
  exportedAt: Date,
  onProgress?: ExportProgress,
): Promise<ExportHeader> {
  // One after another: a transaction is one connection, which runs one query at a time.
  const counts = {} as Record<RecordType, number>;
  for (const type of RECORD_TYPES) counts[type] = await countTransferRows(db, type, scope.athleteIds);
  const header: ExportHeader = {
    format: EXPORT_FORMAT,
    formatVersion: EXPORT_FORMAT_VERSION,
    keelVersion: KEEL_VERSION,
    exportedAt: exportedAt.toISOString(),
    scope: scope.scope,
    counts,
  };
  await pipeline(Readable.from(exportLines(db, scope.athleteIds, header, onProgress)), createGzip(), out);
  return header;
}

async function* exportLines(
  db: Db,
  athleteIds: readonly string[],
  header: ExportHeader,
  onProgress?: ExportProgress,
): AsyncGenerator<string> {
  yield line(header);
  let activityIds: string[] = [];
  for (const type of RECORD_TYPES) {
    if (type === 'activityStream') {
      for (let at = 0; at < activityIds.length; at += STREAMS_PER_READ) {
        for (const row of await readStreamRows(db, activityIds.slice(at, at + STREAMS_PER_READ))) {
          yield line({ type, data: streamRecord(row) });
        }
        onProgress?.(Math.min(at + STREAMS_PER_READ, activityIds.length), activityIds.length);
      }
      continue;
    }
    const rows = await readTransferRows(db, type, athleteIds);
    if (type === 'activity') activityIds = rows.map((row) => (row as TransferRow<'activity'>).id);
    for (const row of rows) yield line({ type, data: row });
  }
  yield line({ type: 'end' });
}

/** The samples as they are stored, channel by channel, so a re-import stores the very same bytes. */
function streamRecord(row: TransferRow<'activityStream'>): StreamRecordData {
  const { sampleCount, columns } = streamColumns(row.data, row.codecVersion);
  return {
    activityId: row.activityId,
    athleteId: row.athleteId,
    createdAt: row.createdAt,
    sampleCount,
    channels: columns.map((column) => ({
      name: column.name,
      encoding: column.width === 8 ? 'float64le' : 'float32le',
      values: Buffer.from(column.bytes.buffer, column.bytes.byteOffset, column.bytes.byteLength).toString(
        'base64',
      ),
    })),
  };
}

/**
 * One NDJSON line. JSON has no NaN or Infinity: JSON.stringify would write null and the copy would silently
 * differ, so such a value (which no Keel code stores) stops the export instead.
 */
function line(value: unknown): string {
  return `${JSON.stringify(value, (key, v) => {
    if (typeof v === 'number' && !Number.isFinite(v)) {
      throw new Error(`cannot export ${key}: ${v} has no JSON form`);
    }
    return v;
  })}\n`;
}
