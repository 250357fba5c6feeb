import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, ENGINES, type TestDatabase } from '../../test/helpers/engines.js';
import { makeMultisportFit, makeRunFit } from '../../test/helpers/fit-files.js';
import { itemsFromBytes } from './import/index.js';
import { FIRST_ATHLETE_NAME, Keel } from './keel.js';

describe.each(ENGINES)('Keel use cases on the %s engine', (engine) => {
  let db: TestDatabase;
  let keel: Keel;

  beforeAll(async () => {
    db = await createTestDatabase(engine);
    keel = await Keel.open(db.config);
  });
  afterAll(async () => {
    await keel?.close();
    await db?.drop();
  });

  it('creates the runner’s own athlete on the first import, never importing into the demo', async () => {
    expect(await keel.defaultAthlete()).toBeUndefined();
    const demo = await keel.createAthlete({ name: 'Demo Dana', units: 'metric', isDemo: true });
    expect((await keel.defaultAthlete())?.id).toBe(demo.id);
    const own = await keel.importTarget();
    expect(own).toMatchObject({ name: FIRST_ATHLETE_NAME, isDemo: false });
    expect((await keel.importTarget()).id).toBe(own.id);
    expect((await keel.defaultAthlete())?.id).toBe(own.id);
  });

  it('imports each running session of a multisport file and says which sessions it skipped', async () => {
    const athlete = await keel.importTarget();
    const report = await keel.importFiles(
      athlete.id,
      itemsFromBytes([{ fileName: 'duathlon.fit', bytes: makeMultisportFit() }]),
    );
    const [file] = report.files;
    expect(file?.status).toBe('imported');
    expect(file?.runs.map((r) => r.status)).toEqual(['imported', 'imported']);
    expect(file?.skippedSessions.map((s) => s.reason)).toEqual(
      expect.arrayContaining(['cycling session skipped']),
    );
    expect(file?.message).toContain('cycling session skipped');
  });

  it('adds nothing when the same files come again, and reports them as duplicates', async () => {
    const athlete = await keel.importTarget();
    const bytes = makeRunFit({ distanceM: 12_000, start: new Date('2026-08-01T07:00:00Z') });
    const before = (await keel.runs(athlete.id)).length;
    const first = await keel.importFiles(athlete.id, itemsFromBytes([{ fileName: 'long.fit', bytes }]));
    const again = await keel.importFiles(
      athlete.id,
      itemsFromBytes([
        { fileName: 'long.fit', bytes },
        { fileName: 'duathlon.fit', bytes: makeMultisportFit() },
      ]),
    );
    expect(first.totals.imported).toBe(1);
    expect(again.totals).toMatchObject({ imported: 0, duplicates: 2 });
    expect((await keel.runs(athlete.id)).length).toBe(before + 1);
  });

  it('finds a run by id or unambiguous prefix, and explains misses', async () => {
    const athlete = await keel.importTarget();
    const [run] = await keel.runs(athlete.id);
    expect(run).toBeDefined();
    const id = run?.id ?? '';
    expect(await keel.findRun(id.toUpperCase())).toMatchObject({ kind: 'found', run: { id } });
    expect(await keel.findRun(id.slice(0, 6))).toMatchObject({ kind: 'found', run: { id } });
    expect(await keel.findRun('zz')).toMatchObject({ kind: 'not-found' });
    expect(await keel.findRun('-')).toMatchObject({ kind: 'not-found' });
  });

  it('serves aligned, thinned series with missing samples as null', async () => {
    const athlete = await keel.importTarget();
    const [run] = await keel.runs(athlete.id);
    const series = await keel.runSeries(run?.id ?? '', 100);
    expect(series?.points).toBe(100);
    for (const values of Object.values(series?.channels ?? {})) expect(values).toHaveLength(100);
    expect(await keel.runSeries(crypto.randomUUID(), 100)).toBeUndefined();
  });

  it('keeps the units the athlete chose', async () => {
    const athlete = await keel.importTarget();
    expect((await keel.updateAthlete(athlete.id, { units: 'imperial' }, '2026-06-01'))?.units).toBe(
      'imperial',
    );
    expect((await keel.athlete(athlete.id))?.units).toBe('imperial');
    expect(await keel.updateAthlete('nope', { units: 'metric' }, '2026-06-01')).toBeUndefined();
  });
});
