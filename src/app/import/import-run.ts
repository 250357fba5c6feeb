import type { Db } from '../../store/index.js';
import type { FileImportResult } from '../views.js';
import type { DecodePool } from './decode-pool.js';
import type { ImportItem, PreparedFile } from './prepare-file.js';
import { storeBatch } from './store-batch.js';

/** What an import has done so far, after each stored batch. */
export interface ImportProgress {
  files: number;
  imported: number;
  duplicates: number;
  skipped: number;
  rejected: number;
  /** Bytes of activity files (decompressed) handled so far. */
  bytes: number;
}

export interface ImportHooks {
  /** Each file's result, once it is stored (so a line printed is a line kept, even if the import is killed). */
  onFile?: (result: FileImportResult) => void;
  onProgress?: (progress: ImportProgress) => void;
}

/**
 * A batch is stored in one transaction, holding whole files only: an import killed anywhere leaves every
 * file either fully stored or not at all, and running it again stores the rest. Batches amortise the
 * per-transaction cost (a commit flushes to disk) over many small files.
 */
const BATCH_MAX_FILES = 50;
const BATCH_MAX_BYTES = 32 * 1024 * 1024;

type Slot = { settled: boolean; value: Promise<BatchItem> };
type BatchItem = { prepared: PreparedFile; bytes: number } | { result: FileImportResult; bytes: 0 };

/**
 * Runs an import: decodes files on the pool, in input order, with a bounded number in flight so memory stays
 * flat whatever the number of files, and stores them in batches.
 */
export async function runImport(
  db: Db,
  athleteId: string,
  items: AsyncIterable<ImportItem | FileImportResult> | Iterable<ImportItem | FileImportResult>,
  pool: DecodePool,
  hooks: ImportHooks = {},
): Promise<FileImportResult[]> {
  const iterator =
    Symbol.asyncIterator in items
      ? items[Symbol.asyncIterator]()
      : (items as Iterable<never>)[Symbol.iterator]();
  const inFlight: Slot[] = [];
  let exhausted = false;

  const fill = async () => {
    while (!exhausted && inFlight.length < pool.parallelism) {
      const next = await iterator.next();
      if (next.done) {
        exhausted = true;
        return;
      }
      const input = next.value as ImportItem | FileImportResult;
      const slot: Slot = {
        settled: false,
        value: Promise.resolve({ result: input as FileImportResult, bytes: 0 }),
      };
      if (!('status' in input)) {
        slot.value = pool.prepare(input).then((prepared) => ({ prepared, bytes: input.bytes.length }));
      }
      slot.value.then(() => {
        slot.settled = true;
      });
      inFlight.push(slot);
    }
  };

  const results: FileImportResult[] = [];
  const progress: ImportProgress = {
    files: 0,
    imported: 0,
    duplicates: 0,
    skipped: 0,
    rejected: 0,
    bytes: 0,
  };
  let batch: BatchItem[] = [];
  let batchBytes = 0;

  const flush = async () => {
    const stored = await db.transaction((tx) => storeItems(tx, athleteId, batch));
    for (const [i, result] of stored.entries()) {
      results.push(result);
      progress.files++;
      progress.bytes += batch[i]?.bytes ?? 0;
      progress[statusCounter[result.status]]++;
      hooks.onFile?.(result);
    }
    hooks.onProgress?.({ ...progress });
    batch = [];
    batchBytes = 0;
  };

  await fill();
  while (inFlight.length > 0) {
    const item = await (inFlight.shift() as Slot).value;
    batch.push(item);
    batchBytes += item.bytes;
    await fill();
    const nextReady = inFlight[0]?.settled ?? false;
    if (batch.length >= BATCH_MAX_FILES || batchBytes >= BATCH_MAX_BYTES || !nextReady) await flush();
  }
  if (batch.length > 0) await flush();
  return results;
}

const statusCounter = {
  imported: 'imported',
  duplicate: 'duplicates',
  skipped: 'skipped',
  rejected: 'rejected',
} as const satisfies Record<FileImportResult['status'], keyof ImportProgress>;

async function storeItems(db: Db, athleteId: string, batch: BatchItem[]): Promise<FileImportResult[]> {
  const prepared = batch.flatMap((item) => ('prepared' in item ? [item.prepared] : []));
  const stored = await storeBatch(db, athleteId, prepared);
  let next = 0;
  return batch.map((item) => ('prepared' in item ? (stored[next++] as FileImportResult) : item.result));
}
