import { crc32 } from 'node:zlib';
import yauzl, { type Entry, type ZipFile } from 'yauzl';
import { ArchiveProblem, type Budget } from './limits.js';
import type { MemberFacts } from './members.js';

// Names are decoded here rather than by yauzl: its own check turns one unsafe name into an error for the
// whole archive, where Keel reports that member and reads the rest.
const OPTIONS: yauzl.Options = {
  lazyEntries: true,
  autoClose: false,
  decodeStrings: false,
  validateEntrySizes: true,
};

/** Opens the same zip again for each pass over its entries. */
export type ZipOpener = () => Promise<ZipFile>;

export function zipOnDisk(file: string): ZipOpener {
  return () => yauzl.openPromise(file, OPTIONS);
}

export function zipInMemory(bytes: Uint8Array): ZipOpener {
  return () =>
    yauzl.fromBufferPromise(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), OPTIONS);
}

export interface ZipMember {
  facts: MemberFacts;
  /** Checked before reading: encryption, compression method, declared sizes. */
  problem: string | null;
  declaredBytes: number;
  /** Its size inside the archive (compressed), for progress through the archive. */
  storedBytes: number;
  /** The member's content, decompressed, counted against the budget, its CRC-32 checked at the end. */
  data(): AsyncGenerator<Buffer>;
}

/** The members in central-directory order, one at a time: nothing is read until `data()` is. */
export async function* zipMembers(open: ZipOpener, budget: Budget): AsyncGenerator<ZipMember> {
  let zip: ZipFile;
  try {
    zip = await open();
  } catch (error) {
    throw new ArchiveProblem(`not a readable ZIP archive (${messageOf(error)})`);
  }
  try {
    const entries = zip.eachEntry();
    while (true) {
      let next: IteratorResult<Entry>;
      try {
        next = await entries.next();
      } catch (error) {
        throw new ArchiveProblem(`damaged ZIP archive (${messageOf(error)}): the rest of it was not read`);
      }
      if (next.done) return;
      const entry = next.value;
      yield {
        facts: factsOf(entry),
        problem: declaredProblem(entry, budget),
        declaredBytes: entry.uncompressedSize,
        storedBytes: entry.compressedSize,
        data: () => memberData(zip, entry, budget),
      };
    }
  } finally {
    zip.close();
  }
}

function factsOf(entry: Entry): MemberFacts {
  const madeOnUnix = entry.versionMadeBy >> 8 === 3;
  const fileType = (entry.externalFileAttributes >>> 16) & 0o170000;
  return {
    rawName: yauzl.getFileNameLowLevel(
      entry.generalPurposeBitFlag,
      entry.fileNameRaw,
      entry.extraFields,
      true,
    ),
    isDirectory: madeOnUnix && fileType === 0o040000,
    isSymlink: madeOnUnix && fileType === 0o120000,
  };
}

function declaredProblem(entry: Entry, budget: Budget): string | null {
  if (entry.isEncrypted()) return 'encrypted: Keel cannot read password-protected archives';
  if (!entry.canDecodeFileData()) {
    return `compressed with method ${entry.compressionMethod}, which Keel cannot read (only stored and deflated)`;
  }
  try {
    budget.checkRatio(entry.uncompressedSize, entry.compressedSize);
  } catch (error) {
    return messageOf(error);
  }
  return null;
}

async function* memberData(zip: ZipFile, entry: Entry, budget: Budget): AsyncGenerator<Buffer> {
  // yauzl holds each member to its declared size, so the declared ratio checked above is the real one;
  // the CRC is Keel's to check.
  budget.reserve(entry.uncompressedSize);
  const stream = await zip.openReadStreamPromise(entry);
  let crc = 0;
  for await (const chunk of stream as AsyncIterable<Buffer>) {
    budget.spend(chunk.length);
    crc = crc32(chunk, crc);
    yield chunk;
  }
  if (crc !== entry.crc32) {
    throw new ArchiveProblem('corrupt: its checksum (CRC-32) does not match its content');
  }
}

export function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
