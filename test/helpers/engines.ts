import { randomBytes } from 'node:crypto';
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { inject } from 'vitest';
import type { DatabaseConfig } from '../../src/store/database.js';

export const ENGINES = ['embedded', 'server'] as const;
export type Engine = (typeof ENGINES)[number];

export interface TestDatabase {
  config: DatabaseConfig;
  /** Environment for a spawned `keel`: KEEL_DATA or KEEL_DATABASE_URL. */
  env: Record<string, string>;
  drop(): Promise<void>;
}

/** A new, empty, migrated database on the given engine, for one test file or one test. */
export async function createTestDatabase(engine: Engine): Promise<TestDatabase> {
  if (engine === 'embedded') {
    const dataDir = mkdtempSync(join(tmpdir(), 'keel-test-data-'));
    cpSync(inject('embeddedTemplateDir'), dataDir, { recursive: true });
    return {
      config: { engine, dataDir },
      env: { KEEL_DATA: dataDir },
      async drop() {
        rmSync(dataDir, { recursive: true, force: true });
      },
    };
  }
  const adminUrl = inject('pgAdminUrl');
  const name = `keel_test_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  const url = adminUrl.replace(/\/postgres$/, `/${name}`);
  return {
    config: { engine, url },
    env: { KEEL_DATABASE_URL: url },
    async drop() {
      const client = new pg.Client({ connectionString: adminUrl });
      await client.connect();
      await client.query(`drop database if exists ${name} with (force)`);
      await client.end();
    },
  };
}
