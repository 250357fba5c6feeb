import { open, readdir, stat } from 'node:fs/promises';
import { basename, extname, join } from 'node:path';
import { type ExpandedItem, expandFile } from '../../ingest/archive/index.js';
import { looksLikeTrainingLog } from '../../ingest/training-log/parse.js';
import type { FileImportResult } from '../views.js';
import type { ImportItem } from './prepare-file.js';
import { rejectedResult } from './store-batch.js';

/** What Keel picks up when walking a folder; a file named on the command line is always tried, by content. */
const FOLDER_EXTENSIONS = new Set(['.fit', '.tcx', '.gpx', '.zip', '.gz']);

/** How far through its inputs an import is, in bytes as they are on disk (archives compressed). */
export interface InputProgress {
  totalBytes: number;
  doneBytes: number;
}

export interface ImportSources {
  items: AsyncIterable<ImportItem | FileImportResult>;
  progress: InputProgress;
}

export interface SourceFile {
  /** Where to read it. */
  path: string;
  /** How the runner knows it (an upload's own name rather than its temporary path). */
  displayName: string;
  size: number;
}

async function* walk(folder: string): AsyncGenerator<string> {
  const entries = await readdir(folder, { withFileTypes: true });
  entries.sort((a, b) => a.name.localeCompare(b.name));
  for (const entry of entries) {
    if (entry.name.startsWith('.')) continue;
    const path = join(folder, entry.name);
    if (entry.isDirectory()) yield* walk(path);
    else if (entry.isFile() && FOLDER_EXTENSIONS.has(extname(entry.name).toLowerCase())) yield path;
  }
}

/**
 * The files behind command-line paths, folders walked recursively. Listed up front (names and sizes only, so
 * cheap even for 100,000 files) to know the total for progress; paths that cannot be read become rejections.
 */
export async function listSourceFiles(
  paths: string[],
): Promise<{ files: SourceFile[]; problems: FileImportResult[] }> {
  const files: SourceFile[] = [];
  const problems: FileImportResult[] = [];
  for (const path of paths) {
    let isFolder: boolean;
    try {
      isFolder = (await stat(path)).isDirectory();
    } catch {
      problems.push(rejectedResult(path, 'no such file or folder'));
      continue;
    }
    for await (const file of isFolder ? walk(path) : single(path)) {
      try {
        files.push({ path: file, displayName: file, size: (await stat(file)).size });
      } catch (error) {
        problems.push(rejectedResult(file, `cannot read the file: ${(error as Error).message}`));
      }
    }
  }
  return { files, problems };
}

async function* single(path: string): AsyncGenerator<string> {
  yield path;
}

/**
 * Every activity file in these files, archives expanded as they are read (never whole into memory), in order.
 * An archive member's name shows where it came from: "export.zip › activities/123.fit.gz".
 */
export function importSources(files: SourceFile[], problems: FileImportResult[] = []): ImportSources {
  const progress: InputProgress = { totalBytes: files.reduce((sum, f) => sum + f.size, 0), doneBytes: 0 };
  async function* items(): AsyncGenerator<ImportItem | FileImportResult> {
    yield* problems;
    for (const file of files) {
      let counted = 0;
      const onStoredBytes = (bytes: number) => {
        counted += bytes;
        progress.doneBytes += bytes;
      };
      for await (const expanded of expandFile(file.path, { onStoredBytes })) yield toItem(file, expanded);
      progress.doneBytes += file.size - counted;
    }
  }
  return { items: items(), progress };
}

function toItem(file: SourceFile, expanded: ExpandedItem): ImportItem | FileImportResult {
  const path = expanded.kind === 'file' ? expanded.entry.path : expanded.path;
  const members = path.slice(1);
  const fileName = [file.displayName, ...members].join(' › ');
  if (expanded.kind === 'rejected') return rejectedResult(fileName, expanded.reason);
  if (expanded.kind === 'skipped') {
    return { fileName, status: 'skipped', message: expanded.reason, runs: [], skippedSessions: [] };
  }
  const sourceName = [basename(file.displayName), ...members].join(' › ');
  const title = expanded.entry.hint?.name;
  return { fileName, sourceName, bytes: expanded.entry.bytes, ...(title ? { title } : {}) };
}

/** Files already in memory (the demo, tests): each one on its own, by content, no archive expansion. */
export function itemsFromBytes(files: { fileName: string; bytes: Uint8Array }[]): ImportItem[] {
  return files.map((f) => ({ fileName: f.fileName, sourceName: basename(f.fileName), bytes: f.bytes }));
}

/**
 * Training-log spreadsheets among the files a runner named, told apart by their header row: they are imported as
 * rows of runs and pain, not decoded as activity files. Folders are not searched for them (an export's own CSV
 * files are not training logs).
 */
export async function splitTrainingLogs(
  files: SourceFile[],
): Promise<{ logs: SourceFile[]; activityFiles: SourceFile[] }> {
  const logs: SourceFile[] = [];
  const activityFiles: SourceFile[] = [];
  for (const file of files) {
    const isLog =
      extname(file.displayName).toLowerCase() === '.csv' && looksLikeTrainingLog(await head(file.path));
    (isLog ? logs : activityFiles).push(file);
  }
  return { logs, activityFiles };
}

async function head(path: string): Promise<Uint8Array> {
  const handle = await open(path);
  try {
    const buffer = new Uint8Array(4096);
    const { bytesRead } = await handle.read(buffer, 0, buffer.length, 0);
    return buffer.subarray(0, bytesRead);
  } finally {
    await handle.close();
  }
}
