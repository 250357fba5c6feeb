import { gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../test/helpers/engines.js';
import { makeRunFit } from '../../test/helpers/fit-files.js';
import { itemsFromBytes, Keel } from '../app/index.js';
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
});
