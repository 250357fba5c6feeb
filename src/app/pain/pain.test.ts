import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, ENGINES, type TestDatabase } from '../../../test/helpers/engines.js';
import { makeRunFit } from '../../../test/helpers/fit-files.js';
import { RED_FLAG_QUESTIONS } from '../../domain/pain.js';
import { InputError } from '../errors.js';
import { itemsFromBytes } from '../import/index.js';
import { Keel } from '../keel.js';
import type { PainReportBody } from './input.js';

const allNo = Object.fromEntries(RED_FLAG_QUESTIONS.map((q) => [q, false]));
const encoder = new TextEncoder();

describe.each(ENGINES)('pain reports and training logs on the %s engine', (engine) => {
  let db: TestDatabase;
  let keel: Keel;
  let athleteId: string;
  let runId: string;

  const report = (over: Partial<PainReportBody> = {}): PainReportBody => ({
    runId,
    region: 'knee',
    side: 'left',
    onset: { kind: 'distance', distanceM: 9_000 },
    severity: 4,
    redFlags: allNo,
    ...over,
  });

  beforeAll(async () => {
    db = await createTestDatabase(engine);
    keel = await Keel.open(db.config);
    athleteId = (await keel.importTarget()).id;
    // 12 km in an hour, 08:00 local (UTC+2) on 2 August.
    const imported = await keel.importFiles(
      athleteId,
      itemsFromBytes([
        {
          fileName: 'long.fit',
          bytes: makeRunFit({ distanceM: 12_000, durationS: 3_600, start: new Date('2026-08-02T06:00:00Z') }),
        },
      ]),
    );
    runId = imported.files[0]?.runs[0]?.id as string;
  });
  afterAll(async () => {
    await keel?.close();
    await db?.drop();
  });

  it('places an onset given as a distance on the run in time too, and takes the run’s local date', async () => {
    const stored = await keel.addPainReport(athleteId, report({ runId: runId.slice(0, 8) }));
    expect(stored).toMatchObject({ runId, date: '2026-08-02', onsetM: 9_000, severity: 4 });
    // 9 of 12 km at an even pace is about three quarters of the hour.
    expect(stored.onsetS).toBeGreaterThan(2_400);
    expect(stored.onsetS).toBeLessThan(3_000);
    expect(stored.triage.level).toBe('monitor');
    expect(await keel.runPainReports(runId)).toHaveLength(1);
  });

  it('places an onset given as a time on the run as a distance', async () => {
    const stored = await keel.addPainReport(athleteId, report({ onset: { kind: 'time', elapsedS: 1_800 } }));
    expect(stored.onsetS).toBe(1_800);
    expect(stored.onsetM).toBeGreaterThan(5_000);
    expect(stored.onsetM).toBeLessThan(7_000);
  });

  it('refuses an onset beyond the run’s end and stores nothing', async () => {
    const before = (await keel.painReports(athleteId)).length;
    await expect(
      keel.addPainReport(athleteId, report({ onset: { kind: 'distance', distanceM: 15_000 } })),
    ).rejects.toThrow(InputError);
    await expect(keel.addPainReport(athleteId, report({ runId: '00000000' }))).rejects.toThrow(/no run/);
    expect(await keel.painReports(athleteId)).toHaveLength(before);
  });

  it('stores a red flag with the report, keeps it open until cleared, and says why', async () => {
    const flagged = await keel.addPainReport(
      athleteId,
      report({
        runId: null,
        date: '2026-08-03',
        onset: { kind: 'after' },
        redFlags: { ...allNo, painAtRestOrNight: true },
      }),
    );
    expect(flagged.triage).toMatchObject({ level: 'stop', redFlag: true });
    expect(flagged.triage.reasons[0]?.rule).toMatch(/rest-or-night/);
    expect((await keel.openRedFlags(athleteId)).map((r) => r.id)).toEqual([flagged.id]);

    const cleared = await keel.clearRedFlag(flagged.id, 'physio, 5 Aug: no bone stress signs');
    expect(cleared?.cleared?.note).toBe('physio, 5 Aug: no bone stress signs');
    expect(await keel.openRedFlags(athleteId)).toEqual([]);
  });

  it('triages again when the next morning’s pain comes in', async () => {
    const first = await keel.addPainReport(athleteId, report({ severity: 3 }));
    expect(first.triage.level).toBe('monitor');
    // The CLI passes options it was not given as undefined: they keep what is stored.
    const morning = await keel.updatePainReport(first.id, { nextMorningSeverity: 8, severity: undefined });
    expect(morning?.nextMorningSeverity).toBe(8);
    expect(morning?.triage.level).toBe('stop');
    expect(await keel.deletePainReport(first.id)).toBe(true);
    expect(await keel.painReport(first.id)).toBeUndefined();
  });

  it('imports a training log: attaches rows to recorded runs, adds the rest, reports bad rows by line', async () => {
    const csv = [
      'date,distance_km,duration,pain_region,pain_side,pain_onset_km,pain_severity,notes',
      // The recorded run of 2 August (12.0 km), written down as 11.8 km.
      '2026-08-02,11.8,1:00:00,knee,left,9.5,5,long one',
      '2026-08-05,8.0,0:44:00,,,,,easy',
      '2026-08-07,14.0,1:20:00,knee,left,,6,',
      '2026-08-09,10.0,0:52:00,knee,sideways,,3,',
      '',
      '2026-08-11,ten,0:52:00,,,,,',
    ].join('\n');
    const first = await keel.importTrainingLog(athleteId, 'log.csv', encoder.encode(csv));
    expect(first.rows.map((r) => [r.line, r.status])).toEqual([
      [2, 'attached'],
      [3, 'imported'],
      [4, 'imported'],
      [5, 'rejected'],
      [7, 'rejected'],
    ]);
    expect(first.rows[0]?.runId).toBe(runId);
    expect(first.rows[3]?.message).toMatch(/pain_side "sideways"/);
    expect(first.totals).toMatchObject({ painReports: 2, rejected: 2 });
    const logged = (await keel.runs(athleteId)).filter((r) => r.logged);
    expect(logged.map((r) => r.distanceM).sort()).toEqual([14_000, 8_000]);

    const again = await keel.importTrainingLog(athleteId, 'log.csv', encoder.encode(csv));
    expect(again.totals).toMatchObject({ imported: 0, attached: 0, duplicates: 3, painReports: 0 });
    expect((await keel.runs(athleteId)).filter((r) => r.logged)).toHaveLength(2);
  });

  it('replaces a logged run with its recording when the file comes later, keeping its pain report', async () => {
    const before = await keel.runs(athleteId);
    const loggedRun = before.find((r) => r.logged && r.distanceM === 14_000);
    const reports = await keel.runPainReports(loggedRun?.id as string);
    expect(reports).toHaveLength(1);
    const imported = await keel.importFiles(
      athleteId,
      itemsFromBytes([
        {
          fileName: 'aug7.fit',
          bytes: makeRunFit({ distanceM: 14_100, durationS: 4_800, start: new Date('2026-08-07T05:30:00Z') }),
        },
      ]),
    );
    expect(imported.files[0]?.runs[0]).toMatchObject({ id: loggedRun?.id, status: 'merged' });
    const after = await keel.runs(athleteId);
    expect(after).toHaveLength(before.length);
    const replaced = after.find((r) => r.id === loggedRun?.id);
    expect(replaced).toMatchObject({ logged: false, distanceM: 14_100 });
    expect(await keel.runPainReports(replaced?.id as string)).toHaveLength(1);
    expect(await keel.runSeries(replaced?.id as string, 100)).toBeDefined();
  });

  it('reads a training log in miles', async () => {
    const csv =
      'date;distance_mi;duration;pain_region;pain_side;pain_onset_mi;pain_severity\n2026-09-01;5,0;0:45:00;shin;right;4,5;3\n';
    const result = await keel.importTrainingLog(athleteId, 'miles.csv', encoder.encode(csv));
    expect(result.rows[0]).toMatchObject({ status: 'imported' });
    const [stored] = (await keel.painReports(athleteId)).filter((r) => r.region === 'shin');
    expect(stored?.onsetM).toBeCloseTo(4.5 * 1609.344, 3);
  });

  it('says plainly when a CSV is not a training log', async () => {
    const result = await keel.importTrainingLog(
      athleteId,
      'strava.csv',
      encoder.encode('Activity ID,Activity Date\n1,x\n'),
    );
    expect(result.rows).toEqual([
      expect.objectContaining({ status: 'rejected', message: expect.stringMatching(/not a training log/) }),
    ]);
  });
});
