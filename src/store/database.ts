import { closeSync, mkdirSync, openSync, readFileSync, rmSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { PGlite, types } from '@electric-sql/pglite';
import { drizzle as drizzleNodePg } from 'drizzle-orm/node-postgres';
import { migrate as migrateNodePg } from 'drizzle-orm/node-postgres/migrator';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import pg from 'pg';
import * as schema from './schema.js';

export type DatabaseConfig = { engine: 'embedded'; dataDir: string } | { engine: 'server'; url: string };

/** The query handle repositories use; the same type for both engines and inside transactions. */
export type Db = PgDatabase<PgQueryResultHKT, typeof schema>;

export interface Database {
  readonly engine: DatabaseConfig['engine'];
  readonly db: Db;
  /**
   * A consistent copy of the embedded data folder as a gzip tarball (PGlite's own format, read back by
   * `restoreEmbedded`); absent on the server engine, whose backups are pg_dump's job.
   */
  readonly dumpDataDir?: () => Promise<Blob>;
  close(): Promise<void>;
}

// Resolved from this module so it works from src/ (tests) and dist/ (the built CLI) alike.
const MIGRATIONS_FOLDER = fileURLToPath(new URL('../../migrations', import.meta.url));

// Any constant shared by all Keel processes; it serialises migrations when several app processes start at once.
const MIGRATION_LOCK_KEY = 7_305_114;

export class DataFolderInUseError extends Error {}

export async function openDatabase(config: DatabaseConfig): Promise<Database> {
  return config.engine === 'embedded' ? openEmbedded(config.dataDir) : openServer(config.url);
}

async function openEmbedded(dataDir: string): Promise<Database> {
  mkdirSync(dataDir, { recursive: true });
  const releaseLock = lockDataFolder(dataDir);
  try {
    const client = new PGlite(join(dataDir, 'pg'), { serializers: byteaSerializers, parsers: byteaParsers });
    await client.waitReady;
    const db = drizzlePglite({ client, schema });
    await migratePglite(db, { migrationsFolder: MIGRATIONS_FOLDER });
    return {
      engine: 'embedded',
      db: db as unknown as Db,
      async dumpDataDir() {
        // Flushed pages make the copy quick to open. PGlite's dump waits only for the statement in flight, so it
        // runs inside a transaction of its own: no other transaction is then halfway through its statements.
        await client.exec('CHECKPOINT');
        return client.transaction(() => client.dumpDataDir('gzip'));
      },
      async close() {
        await client.close();
        releaseLock();
      },
    };
  } catch (error) {
    releaseLock();
    throw error;
  }
}

/**
 * PGlite's own bytea codec converts byte by byte through arrays of strings: storing activity samples ran at about
 * 2 MB/s, a third of a bulk import's time. A serializer that hands the bytes back unchanged makes PGlite send them
 * as a binary parameter (its protocol writer does so for any ArrayBuffer view, though its types promise strings),
 * and Node's hex codec reads them back (measured 2.2 → 22 MB/s stored, 78 MB/s read; `docs/performance.md`).
 */
const byteaSerializers = {
  [types.BYTEA]: ((bytes: Uint8Array) => bytes) as unknown as (value: unknown) => string,
};
const byteaParsers = {
  [types.BYTEA]: (text: string) => {
    const bytes = Buffer.from(text.slice(2), 'hex');
    return new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  },
};

async function openServer(url: string): Promise<Database> {
  const migrator = new pg.Client({ connectionString: url });
  await migrator.connect();
  try {
    await migrator.query('select pg_advisory_lock($1)', [MIGRATION_LOCK_KEY]);
    await migrateNodePg(drizzleNodePg({ client: migrator, schema }), { migrationsFolder: MIGRATIONS_FOLDER });
  } finally {
    await migrator.end();
  }
  const pool = new pg.Pool({ connectionString: url, max: 10 });
  const db = drizzleNodePg({ client: pool, schema });
  return {
    engine: 'server',
    db: db as unknown as Db,
    close: () => pool.end(),
  };
}

/**
 * PGlite is a single-process database: a second process opening the same folder would corrupt it. A lock
 * file naming the owner's pid turns that into a clear message; a lock left by a dead process is taken over.
 */
export function lockDataFolder(dataDir: string): () => void {
  const lockPath = join(dataDir, 'keel.lock');
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const fd = openSync(lockPath, 'wx');
      writeSync(fd, String(process.pid));
      closeSync(fd);
      return () => rmSync(lockPath, { force: true });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const owner = Number.parseInt(readFileSync(lockPath, 'utf8'), 10);
      if (Number.isInteger(owner) && owner !== process.pid && isAlive(owner)) {
        throw new DataFolderInUseError(
          `the data folder ${dataDir} is in use by another Keel process (pid ${owner}); ` +
            'stop it first, or use the web app it serves',
        );
      }
      rmSync(lockPath, { force: true });
    }
  }
  throw new DataFolderInUseError(`could not lock the data folder ${dataDir}`);
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
