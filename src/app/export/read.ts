import { createReadStream } from 'node:fs';
import { open } from 'node:fs/promises';
import { StringDecoder } from 'node:string_decoder';
import { constants, createGunzip, gunzipSync } from 'node:zlib';
import {
  type Db,
  existingAthleteIds,
  insertTransferRows,
  type TransferRow,
  type TransferTable,
} from '../../store/index.js';
import { encodeStreamColumns, STREAM_CODEC_VERSION } from '../../store/stream-codec.js';
import { InputError } from '../errors.js';
import { issuesMessage } from '../pain/input.js';
import {
  EXPORT_FORMAT_VERSION,
  EXPORT_SIGNATURE,
  type ExportHeader,
  type ExportRecord,
  exportHeader,
  exportRecord,
  RECORD_TYPES,
  type RecordType,
  STREAM_ENCODINGS,
  type StreamRecordData,
} from './format.js';

/** Rows inserted in one statement; streams are large, so fewer of them. */
const ROWS_PER_INSERT = 500;
const STREAMS_PER_INSERT = 20;
const HEAD_BYTES = 4096;

/** What importing an export did: per athlete, and per record type. */
export interface ExportImportReport {
  fileName: string;
  formatVersion: number;
  keelVersion: string;
  exportedAt: string;
  athletes: { id: string; name: string; status: 'imported' | 'already-present' }[];
  imported: Record<RecordType, number>;
  /** Records of athletes already in the database, left as they are. */
  skipped: Record<RecordType, number>;
}

/** Records stored so far, of all the file holds (from its header). */
export type ExportImportProgress = (doneRecords: number, totalRecords: number) => void;

/** Whether a file is a Keel export (compressed or not), judged by its first bytes. */
export async function isKeelExport(path: string): Promise<boolean> {
  const handle = await open(path);
  try {
    const head = new Uint8Array(HEAD_BYTES);
    const { bytesRead } = await handle.read(head, 0, HEAD_BYTES, 0);
    let bytes = head.subarray(0, bytesRead);
    if (bytes[0] === 0x1f && bytes[1] === 0x8b) {
      try {
        // A sync flush decodes what the first few kB hold without needing the rest of the stream.
        bytes = gunzipSync(bytes, { finishFlush: constants.Z_SYNC_FLUSH });
      } catch {
        return false;
      }
    }
    return Buffer.from(bytes.subarray(0, EXPORT_SIGNATURE.length)).toString('latin1') === EXPORT_SIGNATURE;
  } finally {
    await handle.close();
  }
}

/** The lines of an export file, gunzipped as they are read when it is compressed. */
export async function* exportFileLines(path: string): AsyncGenerator<string> {
  const handle = await open(path);
  const magic = new Uint8Array(2);
  try {
    await handle.read(magic, 0, 2, 0);
  } finally {
    await handle.close();
  }
  const file = createReadStream(path);
  let input: NodeJS.ReadableStream = file;
  if (magic[0] === 0x1f && magic[1] === 0x8b) {
    const gunzip = createGunzip();
    file.on('error', (error) => gunzip.destroy(error));
    input = file.pipe(gunzip);
  }
  const decoder = new StringDecoder('utf8');
  let rest = '';
  try {
    for await (const chunk of input) {
      rest += decoder.write(chunk as Buffer);
      let start = 0;
      for (let end = rest.indexOf('\n'); end >= 0; end = rest.indexOf('\n', start)) {
        yield rest.slice(start, end);
        start = end + 1;
      }
      rest = rest.slice(start);
    }
  } catch (error) {
    throw new InputError(
      `the file cannot be read to its end (${(error as Error).message}): it was cut short or damaged`,
    );
  } finally {
    file.destroy();
  }
  rest += decoder.end();
  if (rest.length > 0) yield rest;
}

type Pending = { type: TransferTable; rows: TransferRow<TransferTable>[]; firstLine: number };

/**
 * Imports an export's records into `db` (one transaction, which the caller opens): every record as it was, ids and
 * times included. An athlete already in the database (same id) is left as it is and everything of theirs in the
 * file is skipped, so importing the same file twice adds nothing. Any invalid line stops the import with where and
 * what; the caller's transaction then leaves the database as it was.
 */
export async function importExport(
  db: Db,
  fileName: string,
  lines: AsyncIterable<string>,
  onProgress?: ExportImportProgress,
): Promise<ExportImportReport> {
  const zero = () => Object.fromEntries(RECORD_TYPES.map((t) => [t, 0])) as Record<RecordType, number>;
  const seen = zero();
  const imported = zero();
  const skipped = zero();
  let header: ExportHeader | undefined;
  let total = 0;
  let lineNumber = 0;
  let typeIndex = 0;
  let ended = false;
  const athletes: ExportImportReport['athletes'] = [];
  const fileAthletes = new Set<string>();
  const present = new Set<string>();
  /** Owner athlete of every run and goal in the file, for the records that refer to them. */
  const activityOwner = new Map<string, string>();
  const goalOwner = new Map<string, string>();
  let pending: Pending | undefined;

  const fail = (message: string, at = lineNumber): never => {
    throw new InputError(`${fileName}, line ${at}: ${message}`);
  };

  const flush = async () => {
    if (!pending || pending.rows.length === 0) return;
    const { type, rows, firstLine } = pending;
    pending = undefined;
    if (type === 'athlete') {
      const stored = await existingAthleteIds(
        db,
        rows.map((row) => (row as TransferRow<'athlete'>).id),
      );
      for (const id of stored) present.add(id);
      for (const row of rows as TransferRow<'athlete'>[]) {
        athletes.push({
          id: row.id,
          name: row.name,
          status: present.has(row.id) ? 'already-present' : 'imported',
        });
      }
      const fresh = rows.filter((row) => !present.has((row as TransferRow<'athlete'>).id));
      await insert(type, fresh, firstLine);
      skipped.athlete += rows.length - fresh.length;
    } else {
      await insert(type, rows, firstLine);
    }
    onProgress?.(sum(imported) + sum(skipped), total);
  };

  const insert = async (type: TransferTable, rows: TransferRow<TransferTable>[], firstLine: number) => {
    try {
      await insertTransferRows(db, type, rows);
    } catch (error) {
      const cause = (error as { cause?: { message?: string } }).cause?.message ?? (error as Error).message;
      fail(`the database refused the ${type} records from here on (${cause})`, firstLine);
    }
    imported[type] += rows.length;
  };

  for await (const text of lines) {
    lineNumber++;
    if (ended) fail('there is more after the end line');
    let value: unknown;
    try {
      value = JSON.parse(text);
    } catch {
      fail('not a line of JSON');
    }
    if (!header) {
      header = readHeader(value, fail);
      total = sum(header.counts);
      continue;
    }
    const parsed = exportRecord.safeParse(value);
    if (!parsed.success) fail(issuesMessage(parsed.error));
    const record = parsed.data as ExportRecord;
    if (record.type === 'end') {
      ended = true;
      continue;
    }
    const index = RECORD_TYPES.indexOf(record.type);
    if (index < typeIndex) fail(`a ${record.type} record after the ${RECORD_TYPES[typeIndex]} records`);
    typeIndex = index;
    seen[record.type]++;
    // A batch is stored before the next type's first record: athletes must be stored (or found present) before
    // anything of theirs is looked at.
    if (pending && pending.type !== record.type) await flush();
    const owner = ownerOf(record, { fileAthletes, activityOwner, goalOwner }, fail);
    if (record.type === 'athlete') fileAthletes.add(owner);
    if (record.type === 'activity') activityOwner.set(record.data.id, owner);
    if (record.type === 'goalRace') goalOwner.set(record.data.id, owner);
    if (record.type !== 'athlete' && present.has(owner)) {
      skipped[record.type]++;
      continue;
    }
    pending ??= { type: record.type, rows: [], firstLine: lineNumber };
    pending.rows.push(toRow(record, fail));
    if (pending.rows.length >= (record.type === 'activityStream' ? STREAMS_PER_INSERT : ROWS_PER_INSERT)) {
      await flush();
    }
  }
  await flush();
  if (!header) fail('the file is empty', 1);
  if (!ended) fail('the file stops before its end line: it was cut short');
  const counted = header as ExportHeader;
  for (const type of RECORD_TYPES) {
    if (seen[type] !== counted.counts[type]) {
      fail(`the header says ${counted.counts[type]} ${type} records, the file holds ${seen[type]}`, 1);
    }
  }
  return {
    fileName,
    formatVersion: counted.formatVersion,
    keelVersion: counted.keelVersion,
    exportedAt: counted.exportedAt,
    athletes,
    imported,
    skipped,
  };
}

function sum(counts: Record<RecordType, number>): number {
  return Object.values(counts).reduce((a, b) => a + b, 0);
}

function readHeader(value: unknown, fail: (message: string, at?: number) => never): ExportHeader {
  const version = (value as { formatVersion?: unknown } | null)?.formatVersion;
  if (typeof version === 'number' && version > EXPORT_FORMAT_VERSION) {
    fail(
      `made by a newer Keel (export format version ${version}; this Keel reads up to ${EXPORT_FORMAT_VERSION}): ` +
        'update Keel to import it',
    );
  }
  const parsed = exportHeader.safeParse(value);
  if (!parsed.success) fail(`not a Keel export header: ${issuesMessage(parsed.error)}`);
  return parsed.data as ExportHeader;
}

/** The athlete a record belongs to, which must be one of the file's own, as must any run or goal it refers to. */
function ownerOf(
  record: Exclude<ExportRecord, { type: 'end' }>,
  known: {
    fileAthletes: Set<string>;
    activityOwner: Map<string, string>;
    goalOwner: Map<string, string>;
  },
  fail: (message: string) => never,
): string {
  if (record.type === 'athlete') {
    if (known.fileAthletes.has(record.data.id)) fail(`athlete ${record.data.id} is listed twice`);
    return record.data.id;
  }
  if (record.type === 'planSnapshot') {
    return (
      known.goalOwner.get(record.data.goalId) ??
      fail(`goalId ${record.data.goalId} is not a goal of this file`)
    );
  }
  const owner = record.data.athleteId;
  if (!known.fileAthletes.has(owner)) fail(`athleteId ${owner} is not an athlete of this file`);
  const activityId = 'activityId' in record.data ? record.data.activityId : null;
  if (activityId !== null && known.activityOwner.get(activityId) !== owner) {
    fail(`activityId ${activityId} is not a run of this athlete in this file`);
  }
  return owner;
}

/** The row a record stores; its fields are the table's columns already, except a stream's samples. */
function toRow(
  record: Exclude<ExportRecord, { type: 'end' }>,
  fail: (message: string) => never,
): TransferRow<TransferTable> {
  switch (record.type) {
    case 'athlete':
      return record.data satisfies TransferRow<'athlete'>;
    case 'programSettings':
      return record.data satisfies TransferRow<'programSettings'>;
    case 'activity':
      return record.data satisfies TransferRow<'activity'>;
    case 'activitySource':
      return record.data satisfies TransferRow<'activitySource'>;
    case 'activityStream':
      return streamRow(record.data, fail);
    case 'painReport':
      return record.data satisfies TransferRow<'painReport'>;
    case 'benchmarkResult':
      return record.data satisfies TransferRow<'benchmarkResult'>;
    case 'programSession':
      return record.data satisfies TransferRow<'programSession'>;
    case 'goalRace':
      return record.data satisfies TransferRow<'goalRace'>;
    case 'planSnapshot':
      return record.data satisfies TransferRow<'planSnapshot'>;
  }
}

/** The samples back into the stored codec: the same channels, widths and bytes as were exported. */
function streamRow(data: StreamRecordData, fail: (message: string) => never): TransferRow<'activityStream'> {
  const names = new Set<string>();
  const columns = data.channels.map((channel) => {
    if (names.has(channel.name)) fail(`channel ${channel.name} is listed twice`);
    names.add(channel.name);
    const width = STREAM_ENCODINGS[channel.encoding];
    const bytes = Buffer.from(channel.values, 'base64');
    if (bytes.length !== data.sampleCount * width) {
      fail(
        `channel ${channel.name} holds ${bytes.length / width} samples, sampleCount says ${data.sampleCount}`,
      );
    }
    return {
      name: channel.name,
      width,
      bytes: new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength),
    };
  });
  if (!names.has('time')) fail('the stream has no time channel');
  return {
    activityId: data.activityId,
    athleteId: data.athleteId,
    createdAt: data.createdAt,
    codecVersion: STREAM_CODEC_VERSION,
    sampleCount: data.sampleCount,
    data: encodeStreamColumns(data.sampleCount, columns),
  };
}
