import { createHash } from 'node:crypto';
import { channelsPresent } from '../../domain/channels.js';
import { decodeActivityFile } from '../../ingest/index.js';
import type { EncodedRun } from '../../store/recordings.js';
import { encodeStreams } from '../../store/stream-codec.js';

/** One activity file to import, wherever it came from (a path, an upload, an archive member). */
export interface ImportItem {
  /** How the runner knows it: a path, an upload's name, or "export.zip › activities/123.fit.gz". */
  fileName: string;
  /** What a run keeps as its source's name: the file's own name, and the archive it came in. */
  sourceName: string;
  bytes: Uint8Array;
  /** What an export says about the file, e.g. Strava's activity name. */
  title?: string;
}

/** A decoded run with its samples already encoded for storage, so the thread that stores does no heavy work. */
export type PreparedRun = EncodedRun;

export type PreparedFile =
  | {
      kind: 'decoded';
      fileName: string;
      fileHash: string;
      runs: PreparedRun[];
      skippedSessions: { sessionIndex: number; reason: string }[];
      warnings: string[];
    }
  | { kind: 'rejected'; fileName: string; message: string };

/**
 * Decode, hash and encode one file: the CPU-heavy part of an import, which the decode pool runs on worker
 * threads. No database, no clock.
 */
export function prepareFile(item: ImportItem): PreparedFile {
  const outcome = decodeActivityFile(item.bytes, item.sourceName);
  if (outcome.kind === 'rejected')
    return { kind: 'rejected', fileName: item.fileName, message: outcome.reason };
  const fileHash = createHash('sha256').update(item.bytes).digest('hex');
  // A title names the file's run; a multisport file's runs are better told apart by their times.
  const title = outcome.activities.length === 1 ? (item.title ?? null) : null;
  const runs = outcome.activities.map(({ streams, channelSources, source, ...summary }) => ({
    summary,
    source: { ...source, fileHash },
    title,
    channelSources,
    channels: channelsPresent(streams),
    sampleCount: streams.time.length,
    streamBlob: ownBuffer(encodeStreams(streams)),
  }));
  return {
    kind: 'decoded',
    fileName: item.fileName,
    fileHash,
    runs,
    skippedSessions: outcome.skipped.map((s) => ({ sessionIndex: s.sessionIndex, reason: s.reason })),
    warnings: outcome.warnings,
  };
}

/** No file may crash an import: a decoder bug becomes that file's rejection, with what went wrong. */
export function prepareFileSafely(item: ImportItem): PreparedFile {
  try {
    return prepareFile(item);
  } catch (error) {
    return {
      kind: 'rejected',
      fileName: item.fileName,
      message: `Keel could not decode this file (${(error as Error).message}); please report it`,
    };
  }
}

/**
 * A copy with a buffer of its own, so it can be transferred between threads: zlib's output may share a pooled
 * buffer, which Node 22 and later refuse to transfer.
 */
function ownBuffer(bytes: Uint8Array): Uint8Array {
  return new Uint8Array(bytes);
}
