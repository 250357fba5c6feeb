import { decodeFitActivities } from './fit/index.js';
import type { DecodeOutcome } from './outcome.js';
import { sniffFormat } from './sniff.js';

export type { DecodeOutcome, SkippedSession } from './outcome.js';

/**
 * Decodes one activity file into runs. Pure: no file system, no clock. The format is judged by content, not
 * by the name; `fileName` is only recorded as the runs' source. Each Activity's `source.fileHash` is left
 * empty for the caller, who holds the bytes, to fill in.
 */
export function decodeActivityFile(bytes: Uint8Array, fileName: string): DecodeOutcome {
  const sniffed = sniffFormat(bytes);
  if (sniffed.format !== 'fit') return { kind: 'rejected', reason: sniffed.reason };
  return decodeFitActivities(bytes, fileName);
}
