import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sampleActivity } from '../../test/helpers/activities.js';
import { createTestDatabase, ENGINES, type TestDatabase } from '../../test/helpers/engines.js';
import type { Activity } from '../domain/activity.js';
import { channelsPresent } from '../domain/channels.js';
import {
  type Database,
  type Db,
  findActivitiesByIdPrefix,
  findKnownSources,
  findRecordingsBetween,
  getActivity,
  getStreams,
  insertAthlete,
  insertRuns,
  listActivities,
  listAthletes,
  listSources,
  openDatabase,
  replaceRecording,
  updateAthlete,
} from './index.js';
import { encodeStreams } from './stream-codec.js';

function encoded({ streams, channelSources, source, ...summary }: Activity) {
  return {
    summary,
    source,
    title: null,
    channelSources,
    channels: channelsPresent(streams),
    sampleCount: streams.time.length,
    streamBlob: encodeStreams(streams),
  };
}

function insertActivity(db: Db, activityId: string, athleteId: string, run: Activity) {
  return insertRuns(db, [{ activityId, sourceId: randomUUID(), athleteId, run: encoded(run) }]);
}

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
    expect((await updateAthlete(database.db, own.id, { units: 'metric' }))?.units).toBe('metric');
    expect(await updateAthlete(database.db, own.id, { sex: 'female', birthYear: 1988 })).toMatchObject({
      units: 'metric',
      sex: 'female',
      birthYear: 1988,
    });
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

  describe('recordings of a run', () => {
    let athleteId: string;
    const activityId = randomUUID();
    const stored = sampleActivity({
      startTime: new Date('2026-03-01T08:00:00Z'),
      distanceM: 10_000,
      source: { format: 'gpx', fileName: 'a.gpx', fileHash: 'hash-a', sessionIndex: 0 },
    });
    beforeAll(async () => {
      athleteId = (await insertAthlete(database.db, { id: randomUUID(), name: 'Dup', units: 'metric' })).id;
      await insertActivity(database.db, activityId, athleteId, stored);
    });

    it('finds a stored file by its hash, for this athlete only', async () => {
      expect(await findKnownSources(database.db, athleteId, ['hash-a', 'hash-z'])).toEqual([
        { fileHash: 'hash-a', sessionIndex: 0, activityId },
      ]);
      const other = await insertAthlete(database.db, { id: randomUUID(), name: 'Other', units: 'metric' });
      expect(await findKnownSources(database.db, other.id, ['hash-a'])).toEqual([]);
    });

    it('finds stored runs by start time with what makes a recording rich', async () => {
      const near = await findRecordingsBetween(
        database.db,
        athleteId,
        new Date('2026-03-01T07:59:00Z'),
        new Date('2026-03-01T08:01:00Z'),
      );
      expect(near).toEqual([
        expect.objectContaining({ activityId, format: 'gpx', sampleCount: stored.streams.time.length }),
      ]);
      expect(
        await findRecordingsBetween(database.db, athleteId, new Date('2026-03-02'), new Date('2026-03-03')),
      ).toEqual([]);
    });

    it('lets a richer recording provide the run and keeps the other as a source', async () => {
      const richer = sampleActivity({
        startTime: new Date('2026-03-01T08:00:02Z'),
        distanceM: 10_050,
        source: { format: 'fit', fileName: 'b.fit', fileHash: 'hash-b', sessionIndex: 0 },
      });
      await replaceRecording(database.db, {
        activityId,
        sourceId: randomUUID(),
        athleteId,
        run: encoded(richer),
      });
      expect(await getActivity(database.db, activityId)).toMatchObject({
        sourceFormat: 'fit',
        sourceFileName: 'b.fit',
        distanceM: 10_050,
      });
      expect((await listSources(database.db, activityId)).map((s) => [s.fileName, s.isPrimary])).toEqual([
        ['b.fit', true],
        ['a.gpx', false],
      ]);
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
