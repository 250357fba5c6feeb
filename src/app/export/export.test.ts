import { createWriteStream, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gunzipSync, gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, ENGINES, type TestDatabase } from '../../../test/helpers/engines.js';
import {
  type Database,
  listAthleteIds,
  openDatabase,
  readStreamRows,
  readTransferRows,
  TRANSFER_TABLES,
  type TransferTable,
} from '../../store/index.js';
import { decodeStreams } from '../../store/stream-codec.js';
import { loadDemo } from '../demo.js';
import { InputError } from '../errors.js';
import { Keel } from '../keel.js';
import { RECORD_TYPES } from './format.js';
import { isKeelExport } from './read.js';

const GOLDEN_V1 = fileURLToPath(new URL('../../../test/fixtures/keel-export-v1.ndjson.gz', import.meta.url));

/** Every row of every table, streams included (their stored bytes), as the database holds them. */
async function snapshot(database: Database) {
  const ids = await listAthleteIds(database.db);
  const tables: Partial<Record<TransferTable, unknown[]>> = {};
  for (const name of Object.keys(TRANSFER_TABLES) as TransferTable[]) {
    if (name === 'activityStream') continue;
    tables[name] = await readTransferRows(database.db, name, ids);
  }
  const activityIds = (tables.activity as { id: string }[]).map((run) => run.id);
  tables.activityStream = (await readStreamRows(database.db, activityIds)).map((row) => ({
    ...row,
    data: Buffer.from(row.data).toString('hex'),
  }));
  return tables;
}

async function exportTo(keel: Keel, file: string) {
  const out = createWriteStream(file);
  const header = await keel.exportData(out);
  return { header, lines: gunzipSync(readFileSync(file)).toString('utf8').split('\n') };
}

describe.each(ENGINES)('full export and re-import on the %s engine', (engine) => {
  let source: TestDatabase;
  let target: TestDatabase;
  let work: string;
  let keel: Keel;
  let exported: Awaited<ReturnType<typeof exportTo>>;
  const exportFile = () => join(work, 'keel-export.ndjson.gz');

  beforeAll(async () => {
    work = mkdtempSync(join(tmpdir(), 'keel-export-'));
    [source, target] = await Promise.all([createTestDatabase(engine), createTestDatabase(engine)]);
    keel = await Keel.open(source.config);
    const demo = await loadDemo(keel, new Date('2026-11-30T12:00:00Z'));
    // What the demo does not have: a cleared red flag, a report on no run, a second athlete.
    const [report] = await keel.painReports(demo.athlete.id);
    await keel.updatePainReport(report?.id as string, { redFlags: { painAtRestOrNight: true } });
    await keel.clearRedFlag(report?.id as string, 'Seen by Dr Weiss: "fine to run", she said.');
    const other = await keel.createAthlete({
      name: 'Ünal, "Ü"',
      units: 'imperial',
      birthYear: 1980,
      sex: 'male',
    });
    await keel.addPainReport(other.id, {
      date: '2026-11-20',
      region: 'knee',
      side: 'left',
      onset: { kind: 'after' },
      severity: 2,
      redFlags: {},
      note: 'line one\nline two',
    });
    exported = await exportTo(keel, exportFile());
  });
  afterAll(async () => {
    await keel?.close();
    await Promise.all([source?.drop(), target?.drop()]);
    rmSync(work, { recursive: true, force: true });
  });

  it('writes a versioned NDJSON file with a header, every row in table order and an end line', () => {
    const { header, lines } = exported;
    expect(lines[0]).toMatch(/^\{"format":"keel-export","formatVersion":1,/);
    expect(JSON.parse(lines.at(-2) as string)).toEqual({ type: 'end' });
    expect(lines.at(-1)).toBe('');
    const types = lines.slice(1, -2).map((line) => JSON.parse(line).type as string);
    expect(types).toEqual(
      [...types].sort((a, b) => RECORD_TYPES.indexOf(a as never) - RECORD_TYPES.indexOf(b as never)),
    );
    for (const type of RECORD_TYPES) expect(types.filter((t) => t === type).length).toBe(header.counts[type]);
    expect(header.counts.athlete).toBe(2);
    expect(header.counts.activityStream).toBe(header.counts.activity);
    expect(header.counts.activity).toBeGreaterThan(30);
    expect(header.counts.planSnapshot).toBeGreaterThan(0);
  });

  it('gives back every row exactly in an empty database, streams byte for byte, and exports the same file again', async () => {
    expect(await isKeelExport(exportFile())).toBe(true);
    const copy = await Keel.open(target.config);
    try {
      const report = await copy.importExport(exportFile(), 'keel-export.ndjson.gz');
      expect(report.imported).toEqual(exported.header.counts);
      expect(report.athletes.map((a) => a.status)).toEqual(['imported', 'imported']);
      const again = await exportTo(copy, join(work, 'again.ndjson.gz'));
      expect(again.lines.slice(1)).toEqual(exported.lines.slice(1));
      expect({ ...again.header, exportedAt: null }).toEqual({ ...exported.header, exportedAt: null });
      // Importing the same file again adds nothing: its athletes are there already.
      const twice = await copy.importExport(exportFile(), 'keel-export.ndjson.gz');
      expect(twice.athletes.map((a) => a.status)).toEqual(['already-present', 'already-present']);
      expect(Object.values(twice.imported).every((n) => n === 0)).toBe(true);
      expect(twice.skipped).toEqual(exported.header.counts);
    } finally {
      await copy.close();
    }
  });

  it('stores the same rows, microseconds and stored stream bytes included', async () => {
    await keel.close();
    const [a, b] = [await openDatabase(source.config), await openDatabase(target.config)];
    try {
      const [left, right] = [await snapshot(a), await snapshot(b)];
      expect(right).toEqual(left);
      const stamps = (left.painReport as { createdAt: string }[]).map((r) => r.createdAt);
      expect(stamps.every((s) => /\.\d{6}Z$/.test(s))).toBe(true);
      const stream = (left.activityStream as { data: string; codecVersion: number }[])[0];
      const streams = decodeStreams(
        Buffer.from(stream?.data as string, 'hex'),
        stream?.codecVersion as number,
      );
      expect(streams.time.length).toBeGreaterThan(100);
    } finally {
      await a.close();
      await b.close();
      keel = await Keel.open(source.config);
    }
  });

  it('refuses a damaged file with the line and field, and leaves the database as it was', async () => {
    const lines = [...exported.lines];
    const at = lines.findIndex((line) => line.startsWith('{"type":"painReport"'));
    const record = JSON.parse(lines[at] as string);
    record.data.severity = 11;
    lines[at] = JSON.stringify(record);
    const damaged = join(work, 'damaged.ndjson.gz');
    writeFileSync(damaged, gzipSync(lines.join('\n')));
    const fresh = await createTestDatabase(engine);
    const copy = await Keel.open(fresh.config);
    try {
      const error = await copy.importExport(damaged, 'damaged.ndjson.gz').catch((e: unknown) => e);
      expect(error).toBeInstanceOf(InputError);
      expect((error as Error).message).toBe(
        `damaged.ndjson.gz, line ${at + 1}: data.severity: Too big: expected number to be <=10`,
      );
      expect(await copy.athletes()).toEqual([]);

      const cut = join(work, 'cut.ndjson.gz');
      const whole = readFileSync(exportFile());
      writeFileSync(cut, whole.subarray(0, Math.floor(whole.length * 0.9)));
      await expect(copy.importExport(cut, 'cut.ndjson.gz')).rejects.toThrow(/cut short or damaged/);
      expect(await copy.athletes()).toEqual([]);
    } finally {
      await copy.close();
      await fresh.drop();
    }
  });

  it('reads the golden export of format version 1', async () => {
    const fresh = await createTestDatabase(engine);
    const copy = await Keel.open(fresh.config);
    try {
      const report = await copy.importExport(GOLDEN_V1, 'keel-export-v1.ndjson.gz');
      expect(report).toMatchObject({ formatVersion: 1, keelVersion: '0.1.0' });
      const [athlete] = await copy.athletes();
      expect(athlete).toMatchObject({
        name: 'Golden Runner',
        units: 'metric',
        birthYear: 1988,
        sex: 'female',
      });
      const runs = await copy.runs(athlete?.id as string);
      expect(runs.map((run) => Math.round(run.distanceM))).toEqual([5000, 3000]);
      const series = await copy.runSeries(runs[1]?.id as string, 100_000);
      expect(series?.rawPoints).toBe(series?.points);
      expect(series?.channels.time?.[0]).toBe(0);
      expect(series?.channels.distance?.at(-1)).toBeCloseTo(3000, 0);
      const pain = await copy.painReports(athlete?.id as string);
      expect(pain.map((p) => [p.region, p.side, p.severity])).toEqual([['knee', 'left', 4]]);
      const benchmarks = await copy.benchmarks(athlete?.id as string, '2026-11-30');
      expect(benchmarks.results.map((r) => [r.testId, r.value])).toEqual([['trunk-extensor', 75]]);
      const sessions = await copy.sessionLogs(athlete?.id as string);
      expect(sessions.map((s) => s.exercises.length)).toEqual([1]);
      const goals = await copy.goals(athlete?.id as string);
      expect(goals.map((g) => [g.date, g.distanceM])).toEqual([['2027-03-28', 21_097.5]]);
    } finally {
      await copy.close();
      await fresh.drop();
    }
  });
});
