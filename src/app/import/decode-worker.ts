import { parentPort } from 'node:worker_threads';
import { type ImportItem, type PreparedFile, prepareFileSafely } from './prepare-file.js';

export interface DecodeJob {
  jobId: number;
  item: ImportItem;
}

export interface DecodeDone {
  jobId: number;
  prepared: PreparedFile;
}

parentPort?.on('message', ({ jobId, item }: DecodeJob) => {
  const prepared = prepareFileSafely(item);
  // The encoded samples move to the storing thread without a copy.
  const transfer =
    prepared.kind === 'decoded' ? prepared.runs.map((r) => r.streamBlob.buffer as ArrayBuffer) : [];
  parentPort?.postMessage({ jobId, prepared } satisfies DecodeDone, transfer);
});
