import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ImportReport, RunDetail, RunListItem } from '../../src/app/views.js';
import { makeGarminExport, makeStravaExport } from '../helpers/archives.js';
import { createTestDatabase, ENGINES, type TestDatabase } from '../helpers/engines.js';
import { makeRunFit } from '../helpers/fit-files.js';
import { stravaGpxOf } from '../helpers/gpx-files.js';
import { runKeel } from '../helpers/keel-cli.js';

describe.each(ENGINES)('importing exports and other recordings on the %s engine', (engine) => {
  let db: TestDatabase;
  let work: string;
  const keel = (...args: string[]) => runKeel(args, db.env);
  const importJson = async (...paths: string[]) => {
    const result = await keel('import', '--json', ...paths);
    return { code: result.code, report: JSON.parse(result.stdout) as ImportReport };
  };
  const runs = async () => JSON.parse((await keel('runs', '--json')).stdout) as RunListItem[];

  beforeAll(async () => {
    db = await createTestDatabase(engine);
    work = mkdtempSync(join(tmpdir(), 'keel-archives-'));
  });
  afterAll(async () => {
    await db?.drop();
    rmSync(work, { recursive: true, force: true });
  });

  it('imports a Strava bulk export with its names, skipping what is not a run, and adds nothing the second time', async () => {
    const { zip, activities } = await makeStravaExport(3, { extraTypes: ['Ride', 'Swim'] });
    const file = join(work, 'export_12345.zip');
    writeFileSync(file, zip);
    const first = await importJson(file);
    expect(first.report.totals.imported).toBe(4); // three FIT runs and the GPX run
    const skipped = first.report.files.filter((f) => f.status === 'skipped').map((f) => f.message);
    expect(skipped).toEqual(
      expect.arrayContaining([expect.stringContaining('Ride'), expect.stringContaining('Swim')]),
    );
    expect(first.report.files.find((f) => f.status === 'imported')?.fileName).toMatch(
      /^.*export_12345\.zip › activities\/\d+\.(fit|gpx)\.gz$/,
    );
    const names = (await runs()).map((r) => r.name);
    for (const a of activities.filter((a) => a.type === 'Run' && a.file)) expect(names).toContain(a.name);

    const second = await importJson(file);
    expect(second.report.totals).toMatchObject({ imported: 0, duplicates: 4 });
    expect(await runs()).toHaveLength(4);
  });

  it('imports a Garmin Connect export through its nested zips, once', async () => {
    const { zip, fitPaths } = await makeGarminExport({ parts: 2, runsPerPart: 3 });
    const file = join(work, 'garmin-export.zip');
    writeFileSync(file, zip);
    const before = (await runs()).length;
    const first = await importJson(file);
    expect(first.report.totals.imported).toBe(fitPaths.length);
    const second = await importJson(file);
    expect(second.report.totals).toMatchObject({ imported: 0, duplicates: fitPaths.length });
    expect(await runs()).toHaveLength(before + fitPaths.length);
  });

  it('keeps one run when Strava’s GPX and the watch’s FIT record it, using the richer FIT whatever the order', async () => {
    const run = { distanceM: 6_000, durationS: 1_900, start: new Date('2026-10-04T07:15:00Z'), seed: 77 };
    const gpx = join(work, 'strava-morning-run.gpx');
    const fit = join(work, 'watch-morning-run.fit');
    writeFileSync(gpx, stravaGpxOf(run));
    writeFileSync(fit, makeRunFit({ ...run, withPower: true }));
    const before = (await runs()).length;

    const fromGpx = await importJson(gpx);
    expect(fromGpx.report.totals.imported).toBe(1);
    const runId = fromGpx.report.files[0]?.runs[0]?.id ?? '';
    const fromFit = await importJson(fit);
    expect(fromFit.report.totals).toMatchObject({ imported: 0, duplicates: 1 });
    expect(fromFit.report.files[0]?.runs[0]).toMatchObject({ id: runId, status: 'merged' });
    expect(fromFit.report.files[0]?.message).toContain('richer');
    expect(await runs()).toHaveLength(before + 1);

    const shown = JSON.parse((await keel('run', 'show', '--json', runId)).stdout) as RunDetail;
    expect(shown.source.format).toBe('fit');
    expect(shown.channels).toEqual(expect.arrayContaining(['power', 'stanceTime']));
    expect(shown.recordings.map((r) => [r.format, r.isPrimary])).toEqual([
      ['fit', true],
      ['gpx', false],
    ]);
    // The poorer recording arriving later changes nothing but the list of sources.
    const again = await importJson(gpx);
    expect(again.report.files[0]?.runs[0]).toMatchObject({ id: runId, status: 'duplicate' });
  });
});
