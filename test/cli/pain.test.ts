import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ImportReport, PainPatternView, PainReportView } from '../../src/app/views.js';
import { createTestDatabase, type TestDatabase } from '../helpers/engines.js';
import { makeRunFit } from '../helpers/fit-files.js';
import { runKeel } from '../helpers/keel-cli.js';

const DAY_MS = 86_400_000;
const isoDay = (daysAgo: number) => new Date(Date.now() - daysAgo * DAY_MS).toISOString().slice(0, 10);

/**
 * A spreadsheet of 36 runs over the last four months: the left knee hurts at 12 km (± a few hundred metres) on
 * every run that goes past it, never before. Dates count back from today so the detector's 180-day window holds
 * them whenever the test runs.
 */
function thresholdLog(): string {
  const lines = ['date,distance_km,duration,pain_region,pain_side,pain_onset_km,pain_severity,notes'];
  for (let i = 0; i < 36; i++) {
    const km = 6 + ((i * 7) % 12) + 0.4;
    const minutes = Math.round(km * 5.8);
    const duration = `${Math.floor(minutes / 60)}:${String(minutes % 60).padStart(2, '0')}:00`;
    const painful = km > 12.3;
    const onset = painful ? (12 + (((i * 3) % 5) - 2) * 0.15).toFixed(2) : '';
    lines.push(
      `${isoDay(120 - i * 3)},${km.toFixed(1)},${duration},${painful ? 'knee' : ''},${painful ? 'left' : ''},${onset},${painful ? 4 : ''},`,
    );
  }
  return `${lines.join('\n')}\n`;
}

describe('keel pain and keel pattern', () => {
  let db: TestDatabase;
  let work: string;
  let runPrefix: string;
  const keel = (...args: string[]) => runKeel(args, db.env);

  beforeAll(async () => {
    db = await createTestDatabase('embedded');
    work = mkdtempSync(join(tmpdir(), 'keel-pain-'));
    const file = join(work, 'long.fit');
    writeFileSync(
      file,
      makeRunFit({ distanceM: 15_000, durationS: 5_400, start: new Date(Date.now() - 2 * DAY_MS) }),
    );
    const imported = JSON.parse((await keel('import', '--json', file)).stdout) as ImportReport;
    runPrefix = (imported.files[0]?.runs[0]?.id ?? '').slice(0, 8);
  });
  afterAll(async () => {
    await db?.drop();
    rmSync(work, { recursive: true, force: true });
  });

  it('records pain on a run by its short id and prints the triage with its reasons', async () => {
    const result = await keel(
      'pain',
      'add',
      '--run',
      runPrefix,
      '--region',
      'knee',
      '--side',
      'left',
      '--aspect',
      'front',
      '--onset',
      '12.5km',
      '--severity',
      '4',
      '--action',
      'slowed',
      '--no-red-flags',
    );
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/left knee \(front\), 4\/10 at 12\.5 km/);
    expect(result.stdout).toMatch(/Triage: fine to continue/);
    expect(result.stdout).toMatch(/does not diagnose/);
  });

  it('stops the runner on a red flag, lists it as open, and clears it with a note', async () => {
    const added = await keel(
      'pain',
      'add',
      '--json',
      '--run',
      runPrefix,
      '--region',
      'shin',
      '--side',
      'right',
      '--onset',
      '1:05:00',
      '--severity',
      '5',
      '--no-red-flags',
      '--yes',
      'focalBoneTenderness',
    );
    expect(added.code).toBe(0);
    const report = JSON.parse(added.stdout) as PainReportView;
    expect(report.triage).toMatchObject({ level: 'stop', redFlag: true });
    expect(report.onsetS).toBe(3_900);
    expect(report.onsetM).toBeGreaterThan(10_000);

    const list = await keel('pain', 'list');
    expect(list.stdout).toMatch(/1 open red flag/);
    const cleared = await keel(
      'pain',
      'clear',
      report.id.slice(0, 8),
      '--note',
      'physio: no bone tenderness on exam',
    );
    expect(cleared.code).toBe(0);
    expect(cleared.stdout).toMatch(/cleared .*physio/);
    expect((await keel('pain', 'list')).stdout).not.toMatch(/open red flag/);
  });

  it('re-triages when the next morning is added', async () => {
    const [latest] = JSON.parse((await keel('pain', 'list', '--json')).stdout) as PainReportView[];
    const updated = await keel('pain', 'update', (latest?.id ?? '').slice(0, 8), '--morning', '4', '--json');
    expect(JSON.parse(updated.stdout)).toMatchObject({ nextMorningSeverity: 4 });
  });

  it.each([
    [['--severity', '11'], /severity/],
    [['--severity', '4', '--onset', 'soonish'], /--onset soonish/],
    [['--severity', '4', '--yes', 'kneeFellOff'], /not a red-flag question/],
  ])('refuses bad values with a usage error (%j)', async (extra, message) => {
    const args = [
      'pain',
      'add',
      '--date',
      isoDay(1),
      '--region',
      'knee',
      '--side',
      'left',
      '--onset',
      '3km',
      '--severity',
      '4',
      ...extra,
    ];
    const result = await keel(...args);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(message);
  });

  it('refuses an onset past the run’s end, storing nothing', async () => {
    const before = JSON.parse((await keel('pain', 'list', '--json')).stdout) as unknown[];
    const result = await keel(
      'pain',
      'add',
      '--run',
      runPrefix,
      '--region',
      'knee',
      '--side',
      'left',
      '--onset',
      '30km',
      '--severity',
      '3',
    );
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/beyond the run's 15\.0 km/);
    expect(JSON.parse((await keel('pain', 'list', '--json')).stdout)).toHaveLength(before.length);
  });

  it('imports a training log and finds the left-knee threshold in it', async () => {
    const log = join(work, 'log.csv');
    writeFileSync(log, `${thresholdLog()}${isoDay(1)},ten,1:00:00,,,,,\n`);
    const imported = await keel('import', log);
    expect(imported.code).toBe(1);
    expect(imported.stdout).toMatch(/training log .*log\.csv: 37 rows: 36 new runs/);
    expect(imported.stdout).toMatch(/line 38 +rejected +distance_km "ten"/);
    const again = JSON.parse((await keel('import', '--json', log)).stdout) as ImportReport;
    expect(again.trainingLogs[0]?.totals).toMatchObject({ imported: 0, duplicates: 36 });

    const patterns = JSON.parse((await keel('pattern', '--json')).stdout) as PainPatternView[];
    const knee = patterns.find((p) => p.region === 'knee' && p.side === 'left');
    expect(knee).toMatchObject({ status: 'threshold', basis: expect.any(String) });
    expect(knee?.onsetM).toBeGreaterThan(11_400);
    expect(knee?.onsetM).toBeLessThan(12_600);
    expect(knee?.explanation.headline).toMatch(/km/);
    const text = await keel('pattern');
    expect(text.stdout).toContain(knee?.explanation.headline ?? '');
  });

  it('lists the red-flag questions with their names', async () => {
    const questions = JSON.parse((await keel('pain', 'questions', '--json')).stdout) as { name: string }[];
    expect(questions.map((q) => q.name)).toContain('calfSwollenWarmTender');
  });
});
