import { existsSync, mkdirSync, renameSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { PGlite } from '@electric-sql/pglite';
import { lockDataFolder } from './database.js';

/** A file that is not a backup of a Keel database, or cannot be read as one. */
export class BackupError extends Error {}

/**
 * Replaces the embedded database in `dataDir` with a backup made by `Database.dumpDataDir`. Refuses while any
 * process holds the folder (DataFolderInUseError); unpacks and opens the backup in a folder beside the live one
 * first, so a bad file changes nothing, and only then swaps the two.
 */
export async function restoreEmbedded(dataDir: string, backup: Uint8Array): Promise<{ athletes: number }> {
  const tar = unpack(backup);
  mkdirSync(dataDir, { recursive: true });
  const releaseLock = lockDataFolder(dataDir);
  const live = join(dataDir, 'pg');
  const staging = join(dataDir, `pg.restoring-${process.pid}`);
  const replaced = join(dataDir, `pg.replaced-${process.pid}`);
  try {
    rmSync(staging, { recursive: true, force: true });
    let athletes: number;
    try {
      athletes = await openAndCount(staging, new Blob([tar]));
    } catch (error) {
      rmSync(staging, { recursive: true, force: true });
      throw new BackupError(`not a backup of a Keel database: ${(error as Error).message}`);
    }
    // Two renames: if the machine stops between them, the previous database is still whole in pg.replaced-….
    if (existsSync(live)) renameSync(live, replaced);
    renameSync(staging, live);
    rmSync(replaced, { recursive: true, force: true });
    return { athletes };
  } finally {
    releaseLock();
  }
}

/**
 * The tar inside the gzip, checked here: PGlite gunzips with a web stream whose errors on a damaged file escape as
 * an uncaught exception, and a plain tar Blob it reads directly.
 */
function unpack(backup: Uint8Array): Uint8Array<ArrayBuffer> {
  let tar: Buffer;
  try {
    tar = gunzipSync(backup);
  } catch (error) {
    throw new BackupError(`not a complete gzip file (${(error as Error).message})`);
  }
  if (tar.subarray(257, 262).toString('latin1') !== 'ustar')
    throw new BackupError('not a tar archive inside');
  return new Uint8Array(tar.buffer, tar.byteOffset, tar.byteLength) as Uint8Array<ArrayBuffer>;
}

async function openAndCount(folder: string, tarball: Blob): Promise<number> {
  const client = new PGlite(folder, { loadDataDir: tarball });
  try {
    await client.waitReady;
    const result = await client.query<{ n: number }>('select count(*)::int as n from athlete');
    return result.rows[0]?.n ?? 0;
  } finally {
    await client.close();
  }
}
