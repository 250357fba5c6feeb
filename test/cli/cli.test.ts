import { cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ImportReport, RunDetail, RunListItem, RunSpikeView } from '../../src/app/views.js';
import { corpusDir, corpusFiles } from '../helpers/corpus.js';
import { createTestDatabase, ENGINES, type TestDatabase } from '../helpers/engines.js';
import { makeRunFit } from '../helpers/fit-files.js';
import { runKeel } from '../helpers/keel-cli.js';

const corpus = corpusDir();
const hasCorpus = corpus !== undefined && corpusFiles().length > 0;
const corpusFile = (name: string) => join(corpus ?? '', name);

describe.each(ENGINES)('keel CLI on the %s engine', (engine) => {
  let db: TestDatabase;
  let work: string;
  const keel = (...args: string[]) => runKeel(args, db.env);

  beforeAll(async () => {
    db = await createTestDatabase(engine);
    work = mkdtempSync(join(tmpdir(), 'keel-cli-'));
  });
  afterAll(async () => {
    await db?.drop();
    rmSync(work, { recursive: true, force: true });
  });

  it('lists no runs in an empty database, as text and as JSON', async () => {
    const text = await keel('runs');
    expect(text).toMatchObject({ code: 0 });
    expect(text.stdout).toContain('No runs yet');
    const json = await keel('runs', '--json');
    expect(JSON.parse(json.stdout)).toEqual([]);
  });

  it('imports a generated run, then says it is already stored', async () => {
    const file = join(work, 'generated-10k.fit');
    writeFileSync(file, makeRunFit({ distanceM: 10_000, start: new Date('2026-09-01T06:30:00Z') }));
    const first = await keel('import', file);
    expect(first.code).toBe(0);
    expect(first.stdout).toMatch(/^imported\s+.*generated-10k\.fit: 1 run imported/m);
    expect(first.stdout).toContain('1 imported');
    const second = await keel('import', '--json', file);
    expect(second.code).toBe(0);
    const report = JSON.parse(second.stdout) as ImportReport;
    expect(report.totals).toEqual({ files: 1, imported: 0, duplicates: 1, rejected: 0, skipped: 0 });
    expect(report.files[0]?.message).toMatch(/already imported/);
  });

  it('rejects what is not an activity file with one line and exit code 1, importing the rest', async () => {
    const text = join(work, 'notes.fit');
    writeFileSync(text, 'this is not a FIT file, just notes\n');
    const good = join(work, 'generated-5k.fit');
    writeFileSync(good, makeRunFit({ distanceM: 5_000, start: new Date('2026-09-03T17:00:00Z') }));
    const result = await keel('import', text, good, join(work, 'missing.fit'));
    expect(result.code).toBe(1);
    expect(result.stdout).toMatch(/^rejected\s+.*notes\.fit: \S.*/m);
    expect(result.stdout).toMatch(/^rejected\s+.*missing\.fit: no such file or folder/m);
    expect(result.stdout).toMatch(/^imported\s+.*generated-5k\.fit/m);
    expect(result.stderr).not.toMatch(/at .*\.js:\d+/); // no stack trace
  });

  it('shows a run by a short id, as text and JSON, in the athlete’s units', async () => {
    const runs = JSON.parse((await keel('runs', '--json')).stdout) as RunListItem[];
    expect(runs.map((r) => Math.round(r.distanceM / 1000))).toEqual([5, 10]);
    const [latest] = runs;
    const shown = await keel('run', 'show', latest?.id.slice(0, 8) ?? '');
    expect(shown.code).toBe(0);
    expect(shown.stdout).toMatch(/Distance\s+5\.0\d km/);
    expect(shown.stdout).toMatch(
      /Spike guard\s+5\.0 km is within \+10% of your longest run of the past 30 days \(10\.0 km\)/,
    );
    const json = JSON.parse((await keel('run', 'show', latest?.id ?? '', '--json')).stdout) as RunDetail & {
      spike: RunSpikeView;
    };
    expect(json).toMatchObject({ id: latest?.id, subSport: expect.any(String), source: { format: 'fit' } });
    expect(json.spike).toMatchObject({
      band: 'within',
      distanceM: json.distanceM,
      longestPrior30dM: expect.any(Number),
    });
    expect(json.channels).toEqual(expect.arrayContaining(['time', 'distance', 'heartRate', 'cadence']));
  });

  it('says clearly when a run does not exist', async () => {
    const result = await keel('run', 'show', 'ffffffff');
    expect(result).toMatchObject({ code: 1, stdout: '' });
    expect(result.stderr).toContain('no run with an id starting ffffffff');
  });

  it('exits with 2 on usage errors', async () => {
    expect((await keel('frobnicate')).code).toBe(2);
    expect((await keel('serve', '--port', 'eighty')).code).toBe(2);
    expect((await keel('import')).code).toBe(2);
  });

  describe.skipIf(!hasCorpus)('on real files from KEEL_CORPUS', () => {
    it('imports a folder of real files, skipping other sports and rejecting broken files with reasons', async () => {
      const folder = join(work, 'downloads');
      mkdirSync(folder);
      for (const name of [
        'garmin-fr965-2026-run-74min-rundyn-native-power.fit',
        'garmin-edge500-bike-67min.fit',
        'corrupt-empty-activities-crc-error.fit',
        'garmin-fenix3-duathlon-run-bike-run.fit',
      ]) {
        cpSync(corpusFile(name), join(folder, name));
      }
      const result = await keel('import', '--json', folder);
      expect(result.code).toBe(1);
      const report = JSON.parse(result.stdout) as ImportReport;
      const byName = Object.fromEntries(report.files.map((f) => [f.fileName.split('/').pop(), f]));
      expect(byName['garmin-fr965-2026-run-74min-rundyn-native-power.fit']).toMatchObject({
        status: 'imported',
      });
      expect(byName['garmin-edge500-bike-67min.fit']).toMatchObject({ status: 'skipped' });
      expect(byName['garmin-edge500-bike-67min.fit']?.message).toContain('cycling session skipped');
      expect(byName['corrupt-empty-activities-crc-error.fit']).toMatchObject({ status: 'rejected' });
      expect(byName['garmin-fenix3-duathlon-run-bike-run.fit']?.runs).toHaveLength(2);

      const again = JSON.parse((await keel('import', '--json', folder)).stdout) as ImportReport;
      expect(again.totals.imported).toBe(0);
      expect(again.totals.duplicates).toBe(2);
    });

    it('lists the real runs with their channels', async () => {
      const runs = JSON.parse((await keel('runs', '--json')).stdout) as RunListItem[];
      const fr965 = runs.find((r) => r.device?.includes('fr965'));
      expect(fr965?.channels).toEqual(expect.arrayContaining(['power', 'stanceTime', 'verticalOscillation']));
      const text = await keel('runs');
      expect(text.stdout).toMatch(/2026-05-14 \d\d:\d\d\s+\S+\s+11\.2\d km/);
    });
  });
});

describe('keel on a brand-new data folder', () => {
  it('creates the embedded database on first use and loads the demo athlete once', async () => {
    const dataDir = join(mkdtempSync(join(tmpdir(), 'keel-fresh-')), 'nested', 'data');
    try {
      const first = await runKeel(['demo', '--json'], { KEEL_DATA: dataDir });
      expect(first.code).toBe(0);
      const loaded = JSON.parse(first.stdout);
      expect(loaded).toMatchObject({ status: 'loaded', athlete: { isDemo: true } });
      expect(loaded.athlete.runCount).toBeGreaterThan(36);
      const second = await runKeel(['demo'], { KEEL_DATA: dataDir });
      expect(second.stdout).toContain('already loaded');
      const runs = JSON.parse(
        (await runKeel(['runs', '--json'], { KEEL_DATA: dataDir })).stdout,
      ) as RunListItem[];
      expect(runs).toHaveLength(loaded.athlete.runCount);
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  });
});
