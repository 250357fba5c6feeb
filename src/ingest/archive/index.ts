import { tmpdir } from 'node:os';
import { type Content, expandContent } from './expand.js';
import { Budget, DEFAULT_LIMITS } from './limits.js';
import type { ExpandedItem, ExpandOptions } from './types.js';

export type { ArchiveLimits } from './limits.js';
export { DEFAULT_LIMITS } from './limits.js';
export type { ActivityHint, ArchiveEntry, ExpandedItem, ExpandOptions } from './types.js';

/**
 * The activity files in a file on disk: the file itself when it is one, or every activity file inside it
 * when it is a zip or gzip, recursively (a Strava or Garmin Connect export, a zip of folders, a `.fit.gz`).
 * Streamed: members are read one at a time and only an activity file is ever held in memory, so an export of
 * any size expands in bounded memory. Items come in archive order; nothing is thrown for bad input.
 */
export function expandFile(filePath: string, options: ExpandOptions = {}): AsyncGenerator<ExpandedItem> {
  return expand({ kind: 'disk', file: filePath }, options.name ?? filePath, options);
}

/** The same for bytes already in memory, e.g. a small upload; `name` is what the runner called the file. */
export function expandBytes(
  name: string,
  bytes: Uint8Array,
  options: Omit<ExpandOptions, 'name'> = {},
): AsyncGenerator<ExpandedItem> {
  return expand({ kind: 'memory', bytes }, name, options);
}

function expand(content: Content, name: string, options: ExpandOptions): AsyncGenerator<ExpandedItem> {
  const budget = new Budget({ ...DEFAULT_LIMITS, ...options.limits });
  return expandContent(
    content,
    { path: [name], depth: 0 },
    {
      budget,
      tempDir: options.tempDir ?? tmpdir(),
      ...(options.onStoredBytes && { onStoredBytes: options.onStoredBytes }),
    },
  );
}
