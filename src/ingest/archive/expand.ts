import { createReadStream } from 'node:fs';
import { open as openFile, readFile, stat } from 'node:fs/promises';
import { Readable } from 'node:stream';
import { ChunkReader, collect, gunzip, spilled, tooLarge } from './chunks.js';
import { ArchiveProblem, type Budget } from './limits.js';
import { baseName, judgeMember, notActivityReason, printableName } from './members.js';
import { readStravaIndex } from './strava.js';
import type { ActivityHint, ExpandedItem } from './types.js';
import { messageOf, type ZipOpener, zipInMemory, zipMembers, zipOnDisk } from './zip.js';

/** Bytes to expand: a file on disk and bytes in memory can be opened as zips in place; a stream cannot. */
export type Content =
  | { kind: 'disk'; file: string }
  | { kind: 'memory'; bytes: Uint8Array }
  | { kind: 'stream'; chunks: AsyncIterable<Buffer>; declaredBytes?: number };

/** Content as it is read: a stream's first bytes are looked at before it is decided what it is. */
type Opened =
  | Exclude<Content, { kind: 'stream' }>
  | { kind: 'stream'; reader: ChunkReader; declaredBytes?: number };

export interface Place {
  path: string[];
  /** Containers entered to get here; the outer file is at 0. */
  depth: number;
  hint?: ActivityHint;
}

export interface Expansion {
  budget: Budget;
  tempDir: string;
  onStoredBytes?: (bytes: number) => void;
}

/**
 * Everything in `content`, judged by its bytes: a zip is opened, a gzip unpacked, anything else is a file
 * for the decoders. Whatever goes wrong becomes one `rejected` item at `place`, and the caller moves on.
 */
export async function* expandContent(
  content: Content,
  place: Place,
  expansion: Expansion,
): AsyncGenerator<ExpandedItem> {
  const opened: Opened =
    content.kind === 'stream'
      ? { kind: 'stream', reader: new ChunkReader(content.chunks), declaredBytes: content.declaredBytes }
      : content;
  try {
    const container = containerOf(await headOf(opened));
    const { maxDepth, maxFileBytes } = expansion.budget.limits;
    if (container !== null && place.depth >= maxDepth) {
      throw new ArchiveProblem(`archives nested more than ${maxDepth} deep: not opened`);
    }
    const inner = { ...place, depth: place.depth + 1 };
    if (container === 'zip') {
      yield* opened.kind === 'stream'
        ? // yauzl needs random access, so a zip inside a zip goes to disk rather than into memory.
          spilled(opened.reader, expansion.tempDir, (file) => expandZip(zipOnDisk(file), inner, expansion))
        : expandZip(
            opened.kind === 'disk' ? zipOnDisk(opened.file) : zipInMemory(opened.bytes),
            inner,
            expansion,
          );
    } else if (container === 'gzip') {
      const chunks = gunzip(chunksOf(opened), expansion.budget);
      yield* expandContent({ kind: 'stream', chunks }, inner, expansion);
    } else {
      const bytes = await bytesOf(opened, maxFileBytes);
      yield { kind: 'file', entry: { path: place.path, bytes, ...(place.hint && { hint: place.hint }) } };
    }
  } catch (error) {
    // A bug is not the archive's fault: let it surface.
    if (error instanceof TypeError || error instanceof ReferenceError) throw error;
    yield { kind: 'rejected', path: place.path, reason: reasonOf(error) };
  } finally {
    if (opened.kind === 'stream') await opened.reader.close();
  }
}

async function* expandZip(open: ZipOpener, place: Place, expansion: Expansion): AsyncGenerator<ExpandedItem> {
  const { budget } = expansion;
  const strava = await readStravaIndexes(open, place, expansion);
  yield* strava.problems;
  // Progress counts the outer archive's members as they are left behind, whatever became of them.
  const passed = (bytes: number) => {
    if (place.depth === 1 && bytes > 0) expansion.onStoredBytes?.(bytes);
  };
  let previousBytes = 0;
  for await (const member of zipMembers(open, budget)) {
    passed(previousBytes);
    previousBytes = member.storedBytes;
    if (budget.exhausted) return;
    const verdict = judgeMember(member.facts);
    if (verdict.kind === 'ignore') continue;
    const path = [
      ...place.path,
      verdict.kind === 'read' ? verdict.name : printableName(member.facts.rawName),
    ];
    if (verdict.kind !== 'read') {
      yield { kind: verdict.kind, path, reason: verdict.reason };
      continue;
    }
    if (strava.indexes.has(verdict.name)) continue;
    const notActivity = notActivityReason(verdict.name);
    if (notActivity !== null) {
      yield { kind: 'skipped', path, reason: notActivity };
      continue;
    }
    const hint = strava.hints.get(verdict.name) ?? place.hint;
    if (hint?.isRunning === false) {
      // Decided without reading the file: most of a cyclist-runner's export is skipped at no cost.
      yield { kind: 'skipped', path, reason: `Strava says "${hint.activityType}": not a run` };
      continue;
    }
    if (member.problem !== null) {
      yield { kind: 'rejected', path, reason: member.problem };
      continue;
    }
    const content: Content = { kind: 'stream', chunks: member.data(), declaredBytes: member.declaredBytes };
    yield* expandContent(content, { path, depth: place.depth, ...(hint && { hint }) }, expansion);
  }
  passed(previousBytes);
}

interface StravaIndexes {
  hints: Map<string, ActivityHint>;
  /** Members read as Strava's activities.csv: not reported again as files. */
  indexes: Set<string>;
  problems: ExpandedItem[];
}

/**
 * A first pass over the central directory for Strava's activities.csv, which may come after the files it
 * describes. Any folder may hold one (an export zipped inside a folder); its "Filename"s are relative to it.
 */
async function readStravaIndexes(
  open: ZipOpener,
  place: Place,
  expansion: Expansion,
): Promise<StravaIndexes> {
  const found: StravaIndexes = { hints: new Map(), indexes: new Set(), problems: [] };
  try {
    for await (const member of zipMembers(open, expansion.budget)) {
      const verdict = judgeMember(member.facts);
      if (verdict.kind !== 'read' || baseName(verdict.name).toLowerCase() !== 'activities.csv') continue;
      try {
        if (member.problem !== null) throw new ArchiveProblem(member.problem);
        if (member.declaredBytes > expansion.budget.limits.maxFileBytes) {
          throw tooLarge(expansion.budget.limits.maxFileBytes);
        }
        const folder = verdict.name.slice(0, verdict.name.length - 'activities.csv'.length);
        const hints = await readStravaIndex(member.data(), folder);
        if (hints === null) continue;
        for (const [name, hint] of hints) found.hints.set(name, hint);
        found.indexes.add(verdict.name);
      } catch (error) {
        found.indexes.add(verdict.name);
        const reason = `Strava's activity list: ${reasonOf(error)}`;
        found.problems.push({ kind: 'rejected', path: [...place.path, verdict.name], reason });
      }
    }
  } catch {
    // A damaged central directory: the second pass reads the members before the damage, then reports it.
  }
  return found;
}

type Container = 'zip' | 'gzip';

function containerOf(head: Buffer): Container | null {
  if (head[0] === 0x1f && head[1] === 0x8b) return 'gzip';
  const isZip = head[0] === 0x50 && head[1] === 0x4b;
  // A local file header, or the end record alone: an empty zip.
  if (isZip && ((head[2] === 0x03 && head[3] === 0x04) || (head[2] === 0x05 && head[3] === 0x06)))
    return 'zip';
  return null;
}

async function headOf(opened: Opened): Promise<Buffer> {
  if (opened.kind === 'stream') return opened.reader.peek(4);
  if (opened.kind === 'memory') return Buffer.from(opened.bytes.subarray(0, 4));
  const handle = await openFile(opened.file, 'r');
  try {
    const head = Buffer.alloc(4);
    const { bytesRead } = await handle.read(head, 0, 4, 0);
    return head.subarray(0, bytesRead);
  } finally {
    await handle.close();
  }
}

function chunksOf(opened: Opened): AsyncIterable<Buffer> {
  if (opened.kind === 'stream') return opened.reader;
  if (opened.kind === 'disk') return createReadStream(opened.file);
  return Readable.from([Buffer.from(opened.bytes.buffer, opened.bytes.byteOffset, opened.bytes.byteLength)]);
}

async function bytesOf(opened: Opened, maxBytes: number): Promise<Uint8Array> {
  if (opened.kind === 'memory') {
    if (opened.bytes.byteLength > maxBytes) throw tooLarge(maxBytes);
    return opened.bytes;
  }
  if (opened.kind === 'disk') {
    if ((await stat(opened.file)).size > maxBytes) throw tooLarge(maxBytes);
    return new Uint8Array(await readFile(opened.file));
  }
  if ((opened.declaredBytes ?? 0) > maxBytes) throw tooLarge(maxBytes);
  return collect(opened.reader, maxBytes);
}

function reasonOf(error: unknown): string {
  if (error instanceof ArchiveProblem) return error.message;
  const code = (error as { code?: unknown }).code;
  if (typeof code === 'string' && code.startsWith('Z_'))
    return `corrupt compressed data (${messageOf(error)})`;
  if (code === 'ENOENT') return 'no such file';
  if (code === 'EACCES') return 'permission denied';
  return messageOf(error);
}
