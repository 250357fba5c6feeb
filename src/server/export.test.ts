import { gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../test/helpers/engines.js';
import { makeRunFit } from '../../test/helpers/fit-files.js';
import { multipart } from '../../test/helpers/multipart.js';
import { type ImportReport, itemsFromBytes, Keel } from '../app/index.js';
import { buildApp } from './index.js';

describe('export, spreadsheet and backup routes', () => {
  let db: TestDatabase;
  let keel: Keel;
  let app: ReturnType<typeof buildApp>;
  let athleteId: string;
  const token = 'a'.repeat(64);

  beforeAll(async () => {
    db = await createTestDatabase('embedded');
    keel = await Keel.open(db.config);
    const athlete = await keel.createAthlete({ name: 'Route Runner', units: 'imperial' });
    athleteId = athlete.id;
    await keel.importFiles(
      athleteId,
      itemsFromBytes([{ fileName: 'run.fit', bytes: makeRunFit({ distanceM: 3218.688, durationS: 1000 }) }]),
    );
    await keel.createAthlete({ name: 'Someone Else', units: 'metric' });
    app = buildApp(() => ({ status: 'ready', keel }), { backupToken: token });
  });
  afterAll(async () => {
    await app?.close();
    await keel?.close();
    await db?.drop();
  });

  it('downloads one athlete’s full export, and no one else’s', async () => {
    const response = await app.inject(`/api/athletes/${athleteId}/export`);
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toBe('application/gzip');
    expect(response.headers['content-disposition']).toMatch(
      /^attachment; filename="keel-export-.*\.ndjson\.gz"$/,
    );
    const lines = gunzipSync(response.rawPayload).toString('utf8').trim().split('\n');
    const header = JSON.parse(lines[0] as string);
    expect(header).toMatchObject({
      scope: 'athlete',
      counts: { athlete: 1, activity: 1, activityStream: 1 },
    });
    expect(lines.filter((line) => line.includes('Someone Else'))).toEqual([]);
  });

  it('serves each spreadsheet with distances in metres and in the athlete’s unit', async () => {
    const runs = await app.inject(`/api/athletes/${athleteId}/export/runs.csv`);
    expect(runs.statusCode).toBe(200);
    expect(runs.headers['content-type']).toBe('text/csv; charset=utf-8');
    const [header, row] = runs.body.replace(/^\uFEFF/, '').split('\r\n');
    expect(header).toMatch(/^id,date,start_time_utc,.*,distance_m,distance_mi,/);
    const cells = (row as string).split(',');
    const columns = (header as string).split(',');
    expect(Number(cells[columns.indexOf('distance_mi')])).toBeCloseTo(2, 2);
    for (const file of ['pain.csv', 'benchmarks.csv', 'sessions.csv']) {
      expect((await app.inject(`/api/athletes/${athleteId}/export/${file}`)).statusCode).toBe(200);
    }
    expect((await app.inject(`/api/athletes/${athleteId}/export/athletes.csv`)).statusCode).toBe(404);
  });

  it('makes a backup only for a caller on this machine with the server’s secret', async () => {
    const wrong = await app.inject({
      method: 'POST',
      url: '/api/backup',
      headers: { authorization: 'Bearer x' },
    });
    expect(wrong.statusCode).toBe(403);
    const remote = await app.inject({
      method: 'POST',
      url: '/api/backup',
      headers: { authorization: `Bearer ${token}` },
      remoteAddress: '192.168.1.20',
    });
    expect(remote.statusCode).toBe(403);
    const backup = await app.inject({
      method: 'POST',
      url: '/api/backup',
      headers: { authorization: `Bearer ${token}` },
    });
    expect(backup.statusCode).toBe(200);
    const tar = gunzipSync(backup.rawPayload);
    expect(tar.subarray(257, 262).toString('latin1')).toBe('ustar');
  });

  it('takes an uploaded export into another Keel whole, once, alone, and refuses a damaged one', async () => {
    const exported = (await app.inject(`/api/athletes/${athleteId}/export`)).rawPayload;
    const fresh = await createTestDatabase('embedded');
    const other = await Keel.open(fresh.config);
    const otherApp = buildApp(() => ({ status: 'ready', keel: other }));
    const upload = async (files: { name: string; bytes: Uint8Array }[], accept = 'application/json') => {
      const body = await multipart(files);
      return otherApp.inject({
        method: 'POST',
        url: '/api/imports',
        ...body,
        headers: { ...body.headers, accept },
      });
    };
    try {
      const cut = exported.subarray(0, Math.floor(exported.length * 0.9));
      const damaged = await upload([{ name: 'cut.ndjson.gz', bytes: cut }]);
      expect(damaged.statusCode).toBe(422);
      expect(damaged.json().error).toMatch(/^nothing was imported: .*cut short or damaged/);
      const streamedDamage = await upload([{ name: 'cut.ndjson.gz', bytes: cut }], 'application/x-ndjson');
      expect(JSON.parse(streamedDamage.body.trim().split('\n').at(-1) as string)).toMatchObject({
        type: 'error',
        error: expect.stringMatching(/^nothing was imported: /),
      });
      expect(await other.athletes()).toEqual([]);

      const streamed = await upload(
        [{ name: 'keel-export.ndjson.gz', bytes: exported }],
        'application/x-ndjson',
      );
      const events = streamed.body
        .trim()
        .split('\n')
        .map((line) => JSON.parse(line));
      expect(events.some((e) => e.type === 'progress' && e.totalRecords > 0)).toBe(true);
      const first = events.at(-1).report as ImportReport;
      expect(first.athleteId).toBe(athleteId);
      expect(first.files[0]).toMatchObject({
        fileName: 'keel-export.ndjson.gz',
        status: 'imported',
        message: expect.stringMatching(/^Keel export of \d{4}-\d\d-\d\d: Route Runner imported: 1 run$/),
      });
      expect(await other.runs(athleteId)).toEqual(await keel.runs(athleteId));

      const again = (
        await upload([{ name: 'keel-export.ndjson.gz', bytes: exported }])
      ).json() as ImportReport;
      expect(again.files[0]).toMatchObject({ status: 'duplicate', message: /Route Runner already here/ });

      const mixed = (
        await upload([
          { name: 'keel-export.ndjson.gz', bytes: exported },
          { name: 'run.fit', bytes: makeRunFit({ start: new Date('2026-10-02T06:00:00Z') }) },
        ])
      ).json() as ImportReport;
      expect(mixed.files.map((f) => [f.fileName, f.status])).toEqual(
        expect.arrayContaining([
          ['keel-export.ndjson.gz', 'rejected'],
          ['run.fit', 'imported'],
        ]),
      );
      expect(mixed.files.find((f) => f.status === 'rejected')?.message).toMatch(/upload it on its own/);
      expect((await other.athletes()).map((a) => a.name)).toEqual(['Route Runner']);
    } finally {
      await otherApp.close();
      await other.close();
      await fresh.drop();
    }
  });
});
