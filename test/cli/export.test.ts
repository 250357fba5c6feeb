import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ExportImportReport } from '../../src/app/index.js';
import { startKeelServer } from '../helpers/browser-server.js';
import { createTestDatabase, type TestDatabase } from '../helpers/engines.js';
import { runKeel } from '../helpers/keel-cli.js';

const GOLDEN = new URL('../fixtures/keel-export-v1.ndjson.gz', import.meta.url).pathname;
const goldenLines = () => gunzipSync(readFileSync(GOLDEN)).toString('utf8').split('\n');

describe('keel export, import of an export, backup and restore', () => {
  let db: TestDatabase;
  let work: string;
  const keel = (...args: string[]) => runKeel(args, db.env);
  const backupFile = () => join(work, 'keel-backup.tar.gz');

  beforeAll(async () => {
    db = await createTestDatabase('embedded');
    work = mkdtempSync(join(tmpdir(), 'keel-cli-export-'));
  });
  afterAll(async () => {
    await db?.drop();
    rmSync(work, { recursive: true, force: true });
  });

  it('imports an export, exports the same records again, and writes the spreadsheets', async () => {
    const imported = await keel('import', GOLDEN, '--json');
    expect(imported.code, imported.stderr).toBe(0);
    const report = JSON.parse(imported.stdout) as ExportImportReport;
    expect(report.athletes).toEqual([expect.objectContaining({ name: 'Golden Runner', status: 'imported' })]);
    expect(report.imported).toMatchObject({ activity: 2, activityStream: 2, painReport: 1, planSnapshot: 1 });

    const file = join(work, 'again.ndjson.gz');
    const exported = await keel('export', file, '--json');
    expect(exported.code, exported.stderr).toBe(0);
    expect(JSON.parse(exported.stdout)).toMatchObject({ file, formatVersion: 1, counts: report.imported });
    expect(gunzipSync(readFileSync(file)).toString('utf8').split('\n').slice(1)).toEqual(
      goldenLines().slice(1),
    );

    const csv = await keel('export', '--csv', join(work, 'sheets'), '--json');
    expect(csv.code, csv.stderr).toBe(0);
    expect(
      JSON.parse(csv.stdout).files.map((f: { table: string; rows: number }) => [f.table, f.rows]),
    ).toEqual([
      ['runs', 2],
      ['pain', 1],
      ['benchmarks', 1],
      ['sessions', 1],
    ]);
    const pain = readFileSync(join(work, 'sheets', 'pain.csv'), 'utf8');
    expect(pain).toMatch(/^\uFEFFid,date,run_id,region,side,.*onset_m,onset_km,/);
    expect(pain).toContain(',knee,left,lateral,distance,4000,4,');
  });

  it('refuses a damaged export whole (exit 1) and a half-given command (exit 2)', async () => {
    const lines = goldenLines();
    const at = lines.findIndex((line) => line.startsWith('{"type":"goalRace"'));
    lines[at] = (lines[at] as string).replace('"raceDate":"2027-03-28"', '"raceDate":"2027-02-30"');
    const damaged = join(work, 'damaged.ndjson.gz');
    writeFileSync(damaged, gzipSync(lines.join('\n')));
    const refused = await keel('import', damaged);
    expect(refused.code).toBe(1);
    expect(refused.stdout).toBe('');
    expect(refused.stderr.trim().split('\n').at(-1)).toBe(
      `keel: nothing was imported: damaged.ndjson.gz, line ${at + 1}: data.raceDate: a date as YYYY-MM-DD`,
    );
    expect((await keel('export')).code).toBe(2);
    const server = await runKeel(['backup', join(work, 'x.tar.gz')], {
      KEEL_DATABASE_URL: 'postgres://keel@127.0.0.1:1/keel',
    });
    expect(server.code).toBe(1);
    expect(server.stderr).toMatch(/PostgreSQL server .*back it up with pg_dump/);
  });

  // After the first test: the database holds the golden athlete, so `keel serve --demo` loads no demo.
  it('backs up through a running server and refuses to restore under it', async () => {
    const dataDir = db.env.KEEL_DATA as string;
    const server = await startKeelServer(dataDir);
    try {
      // Ready means it holds the data folder and has written where `keel backup` finds it.
      for (let i = 0; i < 600; i++) {
        const health = (await (await fetch(`${server.url}/api/health`)).json()) as { status: string };
        if (health.status !== 'starting') break;
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
      expect(existsSync(join(dataDir, 'keel.server.json'))).toBe(true);
      const backup = await keel('backup', backupFile(), '--json');
      expect(backup.code, backup.stderr).toBe(0);
      expect(JSON.parse(backup.stdout)).toMatchObject({ file: backupFile(), madeBy: 'the running server' });

      const refused = await keel('restore', backupFile());
      expect(refused.code).toBe(1);
      expect(refused.stderr).toMatch(
        /in use by another Keel process \(pid \d+\): stop it first, then restore/,
      );
    } finally {
      const exited = new Promise((resolve) => server.process.once('exit', resolve));
      server.process.kill('SIGTERM');
      await exited;
    }
    expect(existsSync(join(dataDir, 'keel.server.json'))).toBe(false);
  });

  it('restores the backup once nothing holds the database', async () => {
    const restored = await keel('restore', backupFile(), '--json');
    expect(restored.code, restored.stderr).toBe(0);
    expect(JSON.parse(restored.stdout)).toMatchObject({ file: backupFile(), athletes: 1 });
  });
});
