import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sampleActivity } from '../../test/helpers/activities.js';
import { createTestDatabase, ENGINES, type TestDatabase } from '../../test/helpers/engines.js';
import {
  type Database,
  findActivitiesByIdPrefix,
  findDuplicate,
  getActivity,
  getStreams,
  insertActivity,
  insertAthlete,
  listActivities,
  listAthletes,
  openDatabase,
  updateAthleteUnits,
} from './index.js';

describe.each(ENGINES)('store on the %s engine', (engine) => {
  let testDb: TestDatabase;
  let database: Database;

  beforeAll(async () => {
    testDb = await createTestDatabase(engine);
    database = await openDatabase(testDb.config);
  });
  afterAll(async () => {
    await database?.close();
    await testDb?.drop();
  });

  it('applies migrations again without harm when reopened', async () => {
    await database.close();
    database = await openDatabase(testDb.config);
    expect(await listAthletes(database.db)).toEqual([]);
  });

  it('lists athletes with run counts, own athletes before the demo', async () => {
    const demo = await insertAthlete(database.db, {
      id: randomUUID(),
      name: 'Demo',
      units: 'metric',
      isDemo: true,
    });
    const own = await insertAthlete(database.db, { id: randomUUID(), name: 'Ana', units: 'imperial' });
    await insertActivity(database.db, randomUUID(), demo.id, sampleActivity());
    const athletes = await listAthletes(database.db);
    expect(athletes.map((a) => [a.name, a.runCount])).toEqual([
      ['Ana', 0],
      ['Demo', 1],
    ]);
    expect((await updateAthleteUnits(database.db, own.id, 'metric'))?.units).toBe('metric');
  });

  it('stores a run with its streams and reads both back exactly', async () => {
    const athlete = await insertAthlete(database.db, { id: randomUUID(), name: 'Runs', units: 'metric' });
    const run = sampleActivity({ startTime: new Date('2026-06-01T06:00:00Z'), samples: 3600 });
    const id = randomUUID();
    await insertActivity(database.db, id, athlete.id, run);
    const row = await getActivity(database.db, id);
    expect(row).toMatchObject({
      athleteId: athlete.id,
      distanceM: run.distanceM,
      startTime: run.startTime,
      utcOffsetMin: 120,
      channels: ['time', 'distance', 'speed', 'heartRate'],
      device: run.device,
      channelSources: { heartRate: 'fit:record.heart_rate' },
    });
    const streams = await getStreams(database.db, id);
    expect(Array.from(streams?.distance ?? [])).toEqual(Array.from(run.streams.distance ?? []));
    expect(streams?.heartRate?.[3599]).toBeCloseTo(run.streams.heartRate?.[3599] ?? 0, 4);
    expect((await findActivitiesByIdPrefix(database.db, id.slice(0, 8))).map((r) => r.id)).toEqual([id]);
  });

  it('lists an athlete’s runs newest first and only theirs', async () => {
    const athlete = await insertAthlete(database.db, { id: randomUUID(), name: 'Order', units: 'metric' });
    for (const day of ['2026-01-02', '2026-01-05', '2026-01-03']) {
      await insertActivity(
        database.db,
        randomUUID(),
        athlete.id,
        sampleActivity({
          startTime: new Date(`${day}T07:00:00Z`),
          source: { format: 'fit', fileName: day, fileHash: day, sessionIndex: 0 },
        }),
      );
    }
    const runs = await listActivities(database.db, athlete.id);
    expect(runs.map((r) => r.startTime.toISOString().slice(0, 10))).toEqual([
      '2026-01-05',
      '2026-01-03',
      '2026-01-02',
    ]);
  });

  describe('duplicates', () => {
    let athleteId: string;
    const stored = sampleActivity({
      startTime: new Date('2026-03-01T08:00:00Z'),
      distanceM: 10_000,
      source: { format: 'fit', fileName: 'a.fit', fileHash: 'hash-a', sessionIndex: 0 },
    });
    beforeAll(async () => {
      athleteId = (await insertAthlete(database.db, { id: randomUUID(), name: 'Dup', units: 'metric' })).id;
      await insertActivity(database.db, randomUUID(), athleteId, stored);
    });

    it.each([
      [
        'the same file and session',
        { fileHash: 'hash-a', sessionIndex: 0, startTime: new Date('2030-01-01'), distanceM: 1 },
        true,
      ],
      [
        'another session of the same file',
        { fileHash: 'hash-a', sessionIndex: 1, startTime: new Date('2030-01-01'), distanceM: 1 },
        false,
      ],
      [
        'the same run re-exported (start +30 s, distance +1%)',
        {
          fileHash: 'hash-b',
          sessionIndex: 0,
          startTime: new Date('2026-03-01T08:00:30Z'),
          distanceM: 10_100,
        },
        true,
      ],
      [
        'a run starting 2 minutes later',
        {
          fileHash: 'hash-b',
          sessionIndex: 0,
          startTime: new Date('2026-03-01T08:02:00Z'),
          distanceM: 10_000,
        },
        false,
      ],
      [
        'the same start but a different distance',
        {
          fileHash: 'hash-b',
          sessionIndex: 0,
          startTime: new Date('2026-03-01T08:00:00Z'),
          distanceM: 12_000,
        },
        false,
      ],
    ])('%s → duplicate: %s', async (_name, candidate, isDuplicate) => {
      expect(Boolean(await findDuplicate(database.db, athleteId, candidate))).toBe(isDuplicate);
    });

    it('does not see another athlete’s runs as duplicates', async () => {
      const other = await insertAthlete(database.db, { id: randomUUID(), name: 'Other', units: 'metric' });
      expect(
        await findDuplicate(database.db, other.id, {
          fileHash: 'hash-a',
          sessionIndex: 0,
          startTime: stored.startTime,
          distanceM: 10_000,
        }),
      ).toBeUndefined();
    });
  });

  it('rolls a failed transaction back completely', async () => {
    const athlete = await insertAthlete(database.db, { id: randomUUID(), name: 'Tx', units: 'metric' });
    await expect(
      database.db.transaction(async (tx) => {
        await insertActivity(tx, randomUUID(), athlete.id, sampleActivity());
        throw new Error('power cut');
      }),
    ).rejects.toThrow('power cut');
    expect(await listActivities(database.db, athlete.id)).toEqual([]);
  });
});
