import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { afterAll, expect, it } from 'vitest';
import { writeZip, type ZipMember } from '../../../test/helpers/archives.js';
import { expandFile } from './index.js';

const MEMBERS = 200;
const MEMBER_BYTES = 2 * 1024 * 1024;
const MB = 1024 * 1024;

const work = mkdtempSync(join(tmpdir(), 'keel-archive-memory-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** A real collection, so that what is measured is what is still held, not garbage waiting for collection. */
function collectGarbage(): () => void {
  setFlagsFromString('--expose-gc');
  return runInNewContext('gc') as () => void;
}

function* bigMembers(): Generator<ZipMember> {
  const content = randomBytes(MEMBER_BYTES);
  for (let i = 0; i < MEMBERS; i++) {
    // Stored, not deflated: random bytes do not compress, and writing is then as fast as the disk.
    yield { name: `runs/${String(i).padStart(4, '0')}.fit`, bytes: content, compress: false };
  }
}

it('expands a 400 MB archive from disk holding a few MB at a time', async () => {
  const file = join(work, 'big.zip');
  await writeZip(file, bigMembers());
  const gc = collectGarbage();
  const held = async () => {
    gc();
    // Array buffers are freed by a sweeper after the collection: let it finish, then collect again.
    await new Promise((resolve) => setImmediate(resolve));
    gc();
    const { heapUsed, arrayBuffers } = process.memoryUsage();
    return heapUsed + arrayBuffers;
  };
  const before = await held();
  let peak = 0;
  let files = 0;
  let bytes = 0;
  for await (const item of expandFile(file)) {
    if (item.kind !== 'file') throw new Error(`${item.kind}: ${item.reason}`);
    files += 1;
    bytes += item.entry.bytes.byteLength;
    if (files % 20 === 0) peak = Math.max(peak, (await held()) - before);
  }
  expect(files).toBe(MEMBERS);
  expect(bytes).toBe(MEMBERS * MEMBER_BYTES);
  // The member in hand (2 MB) and read buffers: holding on to what was expanded would be 400 MB.
  expect(peak).toBeLessThan(16 * MB);
});
