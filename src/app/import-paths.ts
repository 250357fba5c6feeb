import { readdir, readFile, stat } from 'node:fs/promises';
import { extname, join } from 'node:path';
import type { ImportInput } from './import-files.js';
import type { FileImportResult } from './views.js';

/** What Keel picks up when walking a folder; a file named on the command line is always tried, by content. */
const ACTIVITY_EXTENSIONS = new Set(['.fit', '.tcx', '.gpx']);

function rejected(fileName: string, message: string): FileImportResult {
  return { fileName, status: 'rejected', message, runs: [], skippedSessions: [] };
}

async function* walk(folder: string): AsyncGenerator<string> {
  const entries = await readdir(folder, { withFileTypes: true });
  entries.sort((a, b) => a.name.localeCompare(b.name));
  for (const entry of entries) {
    if (entry.name.startsWith('.')) continue;
    const path = join(folder, entry.name);
    if (entry.isDirectory()) yield* walk(path);
    else if (entry.isFile() && ACTIVITY_EXTENSIONS.has(extname(entry.name).toLowerCase())) yield path;
  }
}

/**
 * Turns command-line paths into import inputs, lazily, so a folder of thousands of files is never held in
 * memory at once. A path that cannot be read becomes a rejected result and the rest continue.
 */
export async function* listImportInputs(paths: string[]): AsyncGenerator<ImportInput | FileImportResult> {
  for (const path of paths) {
    let isFolder: boolean;
    try {
      isFolder = (await stat(path)).isDirectory();
    } catch {
      yield rejected(path, 'no such file or folder');
      continue;
    }
    const files = isFolder ? walk(path) : single(path);
    for await (const file of files) {
      try {
        yield { fileName: file, bytes: await readFile(file) };
      } catch (error) {
        yield rejected(file, `cannot read the file: ${(error as Error).message}`);
      }
    }
  }
}

async function* single(path: string): AsyncGenerator<string> {
  yield path;
}
