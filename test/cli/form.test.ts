import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FormSummaryView, ImportReport } from '../../src/app/views.js';
import { createTestDatabase, type TestDatabase } from '../helpers/engines.js';
import { makeRunFit } from '../helpers/fit-files.js';
import { runKeel } from '../helpers/keel-cli.js';

describe('keel form', () => {
  let db: TestDatabase;
  let work: string;
  let runId: string;
  const keel = (...args: string[]) => runKeel(args, db.env);

  beforeAll(async () => {
    db = await createTestDatabase('embedded');
    work = mkdtempSync(join(tmpdir(), 'keel-form-'));
    const file = join(work, 'long.fit');
    const start = new Date(Date.now() - 2 * 86_400_000);
    writeFileSync(
      file,
      makeRunFit({
        distanceM: 16_000,
        durationS: 5_700,
        start,
        withDynamics: true,
        fatigueFromM: 10_000,
        seed: 7,
      }),
    );
    const imported = JSON.parse((await keel('import', '--json', file)).stdout) as ImportReport;
    runId = imported.files[0]?.runs[0]?.id ?? '';
  });
  afterAll(async () => {
    await db?.drop();
    rmSync(work, { recursive: true, force: true });
  });

  it('says where one run’s form began to drift, and on what evidence', async () => {
    const text = await keel('form', runId.slice(0, 8));
    expect(text.code).toBe(0);
    expect(text.stdout).toMatch(/Form began to drift at (9|10|11)\.\d km of 16\.0 km/);
    expect(text.stdout).toMatch(/Evidence: running dynamics recorded by the watch/);
    expect(text.stdout).toMatch(/Ground contact time/);

    const json = JSON.parse((await keel('form', runId, '--json')).stdout);
    expect(Object.keys(json).sort()).toEqual(
      ['analysedM', 'breakdownM', 'distanceM', 'evidence', 'metrics', 'notes', 'painOnsetM', 'runId'].sort(),
    );
    expect(json.metrics[0]).toEqual(
      expect.objectContaining({
        name: expect.any(String),
        baseline: expect.any(Number),
        driftPct: expect.any(Number),
      }),
    );
    expect(json.metrics[0]).not.toHaveProperty('series');
  });

  it('summarises form across runs', async () => {
    const summary = JSON.parse((await keel('form', '--json')).stdout) as FormSummaryView;
    expect(summary).toMatchObject({ analysed: 1, breakdowns: 1 });
    expect(summary.runs[0]?.runId).toBe(runId);
    expect((await keel('form', 'zzzz')).code).toBe(1);
  });
});
