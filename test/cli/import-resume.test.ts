import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Keel } from '../../src/app/keel.js';
import type { ImportReport } from '../../src/app/views.js';
import { createTestDatabase, ENGINES, type TestDatabase } from '../helpers/engines.js';
import { makeRunFit } from '../helpers/fit-files.js';
import { REPO_ROOT, runKeel } from '../helpers/keel-cli.js';

const FILES = 80;
const KILL_AFTER_LINES = 12;

/** Starts `keel import` and kills it with SIGKILL once it has printed `lines` stored files. */
function importUntilKilled(args: string[], env: Record<string, string>, lines: number): Promise<string> {
  const { KEEL_DATA: _d, KEEL_DATABASE_URL: _u, ...baseEnv } = process.env;
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['bin/keel.js', ...args], {
      env: { ...baseEnv, ...env },
      cwd: REPO_ROOT,
    });
    let stdout = '';
    child.stdout.on('data', (chunk) => {
      stdout += chunk;
      if ((stdout.match(/^imported /gm) ?? []).length >= lines) child.kill('SIGKILL');
    });
    child.on('error', reject);
    child.on('close', (_code, signal) =>
      signal === 'SIGKILL'
        ? resolve(stdout)
        : reject(new Error(`import finished before it could be killed:\n${stdout}`)),
    );
  });
}

describe.each(ENGINES)('an import killed halfway on the %s engine', (engine) => {
  let db: TestDatabase;
  let folder: string;

  beforeAll(() => {
    folder = mkdtempSync(join(tmpdir(), 'keel-resume-'));
    for (let i = 0; i < FILES; i++) {
      const start = new Date(Date.UTC(2026, 0, 1 + i, 6, 0, 0));
      writeFileSync(
        join(folder, `run-${String(i).padStart(3, '0')}.fit`),
        makeRunFit({ distanceM: 3_000, start, seed: i }),
      );
    }
  });
  afterAll(() => rmSync(folder, { recursive: true, force: true }));

  it('leaves only whole runs behind, and running it again stores the rest once', async () => {
    db = await createTestDatabase(engine);
    try {
      const printed = await importUntilKilled(['import', folder], db.env, KILL_AFTER_LINES);
      const printedImported = (printed.match(/^imported /gm) ?? []).length;

      const keel = await Keel.open(db.config);
      let storedAfterKill: number;
      try {
        const athlete = await keel.importTarget();
        const runs = await keel.runs(athlete.id);
        storedAfterKill = runs.length;
        // What was printed was committed; a batch in flight may have been lost, but never half of a run.
        expect(storedAfterKill).toBeGreaterThanOrEqual(printedImported);
        expect(storedAfterKill).toBeLessThan(FILES);
        for (const run of runs) expect((await keel.runSeries(run.id, 10))?.rawPoints).toBeGreaterThan(0);
      } finally {
        await keel.close();
      }

      const resumed = await runKeel(['import', '--json', folder], db.env);
      expect(resumed.code).toBe(0);
      const report = JSON.parse(resumed.stdout) as ImportReport;
      expect(report.totals).toMatchObject({
        files: FILES,
        imported: FILES - storedAfterKill,
        duplicates: storedAfterKill,
      });
      const listed = JSON.parse((await runKeel(['runs', '--json'], db.env)).stdout) as unknown[];
      expect(listed).toHaveLength(FILES);
    } finally {
      await db.drop();
    }
  });
});
