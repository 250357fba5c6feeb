import { randomUUID } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import { type Duplex, Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { createGunzip } from 'node:zlib';
import { ArchiveProblem, type Budget, formatBytes } from './limits.js';

/**
 * A stream of bytes whose first bytes can be looked at before deciding what it is. Whoever opens one closes
 * it, read to the end or not, so that an abandoned member never keeps a file descriptor or inflater alive.
 */
export class ChunkReader implements AsyncIterable<Buffer> {
  private readonly pending: Buffer[] = [];
  private readonly iterator: AsyncIterator<Buffer>;

  constructor(chunks: AsyncIterable<Buffer>) {
    this.iterator = chunks[Symbol.asyncIterator]();
  }

  async peek(byteCount: number): Promise<Buffer> {
    let have = this.pending.reduce((sum, chunk) => sum + chunk.length, 0);
    while (have < byteCount) {
      const next = await this.iterator.next();
      if (next.done) break;
      this.pending.push(next.value);
      have += next.value.length;
    }
    return Buffer.concat(this.pending).subarray(0, byteCount);
  }

  async *[Symbol.asyncIterator](): AsyncGenerator<Buffer> {
    while (this.pending.length > 0) yield this.pending.shift() as Buffer;
    for (let next = await this.iterator.next(); !next.done; next = await this.iterator.next())
      yield next.value;
  }

  async close(): Promise<void> {
    await this.iterator.return?.();
  }
}

/** All of it in memory, refusing (before reading on) anything larger than `maxBytes`. */
export async function collect(chunks: AsyncIterable<Buffer>, maxBytes: number): Promise<Buffer> {
  const parts: Buffer[] = [];
  let total = 0;
  for await (const chunk of chunks) {
    total += chunk.length;
    if (total > maxBytes) throw tooLarge(maxBytes);
    parts.push(chunk);
  }
  return Buffer.concat(parts, total);
}

export function tooLarge(maxBytes: number): ArchiveProblem {
  return new ArchiveProblem(
    `larger than ${formatBytes(maxBytes)} decompressed: too large for an activity file`,
  );
}

/** `source` through `transform`, read at the pace of the consumer; stopping early tears both down. */
export async function* piped<T>(source: AsyncIterable<Buffer>, transform: Duplex): AsyncGenerator<T> {
  const done = pipeline(Readable.from(source), transform);
  // A failure on either side also ends the loop below, which reports it; this only keeps it from going unhandled.
  done.catch(() => {});
  try {
    for await (const item of transform) yield item as T;
    await done;
  } finally {
    transform.destroy();
  }
}

/** Gunzipped, stopped as soon as the output outgrows the input like a bomb does. */
export async function* gunzip(compressed: AsyncIterable<Buffer>, budget: Budget): AsyncGenerator<Buffer> {
  let inBytes = 0;
  let outBytes = 0;
  async function* counted() {
    for await (const chunk of compressed) {
      inBytes += chunk.length;
      yield chunk;
    }
  }
  for await (const chunk of piped<Buffer>(counted(), createGunzip())) {
    outBytes += chunk.length;
    budget.checkRatio(outBytes, inBytes);
    budget.spend(chunk.length);
    yield chunk;
  }
}

/**
 * Writes the stream to a fresh temp file (a random name: never a name from the archive) and expands it with
 * `use`; the file is removed afterwards, whatever happens, including a consumer that stops early.
 */
export async function* spilled<T>(
  chunks: AsyncIterable<Buffer>,
  tempDir: string,
  use: (file: string) => AsyncIterable<T>,
): AsyncGenerator<T> {
  const file = join(tempDir, `keel-archive-${randomUUID()}.zip`);
  try {
    await pipeline(Readable.from(chunks), createWriteStream(file, { flags: 'wx', mode: 0o600 }));
    yield* use(file);
  } finally {
    await rm(file, { force: true });
  }
}
