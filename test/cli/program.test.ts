import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type {
  BenchmarkResultView,
  BenchmarksView,
  ProgramView,
  SessionLogView,
} from '../../src/app/views.js';
import { PROGRAM_REGIONS } from '../../src/coach/types.js';
import { createTestDatabase, type TestDatabase } from '../helpers/engines.js';
import { makeRunFit } from '../helpers/fit-files.js';
import { runKeel } from '../helpers/keel-cli.js';

const DAY_MS = 86_400_000;
const isoDay = (daysAgo: number) => new Date(Date.now() - daysAgo * DAY_MS).toISOString().slice(0, 10);

describe('keel bench, keel program and keel exercise', () => {
  let db: TestDatabase;
  let work: string;
  const keel = (...args: string[]) => runKeel(args, db.env);

  beforeAll(async () => {
    db = await createTestDatabase('embedded');
    work = mkdtempSync(join(tmpdir(), 'keel-program-'));
    const file = join(work, 'run.fit');
    writeFileSync(
      file,
      makeRunFit({ distanceM: 10_000, durationS: 3_300, start: new Date(Date.now() - 3 * DAY_MS) }),
    );
    expect((await keel('import', file)).code).toBe(0);
    const pain = await keel(
      'pain',
      'add',
      '--date',
      isoDay(3),
      '--region',
      'knee',
      '--side',
      'left',
      '--onset',
      'during',
      '--severity',
      '3',
      '--no-red-flags',
    );
    expect(pain.code, pain.stderr).toBe(0);
    const profile = await keel('athlete', 'set', '--sex', 'female', '--birth-year', '1990', '--json');
    expect(profile.code, profile.stderr).toBe(0);
    expect(JSON.parse(profile.stdout)).toMatchObject({ sex: 'female', birthYear: 1990 });
  });
  afterAll(async () => {
    await db?.drop();
    rmSync(work, { recursive: true, force: true });
  });

  it('lists the battery with each protocol', async () => {
    const result = await keel('bench', 'tests');
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/Side bridge \[side-bridge\] \(s, each side\)/);
    const tests = JSON.parse((await keel('bench', 'tests', '--json')).stdout) as { id: string }[];
    expect(tests.map((t) => t.id)).toContain('trunk-flexor');
  });

  it('stores a test day written as TEST=VALUE and TEST=LEFT/RIGHT', async () => {
    const result = await keel(
      'bench',
      'add',
      'trunk-flexor=98',
      'side-bridge=52/68',
      'single-leg-heel-raise:left=19',
      '--date',
      isoDay(30),
      '--json',
    );
    expect(result.code, result.stderr).toBe(0);
    const stored = JSON.parse(result.stdout) as BenchmarkResultView[];
    expect(stored.map((r) => [r.testId, r.side, r.value])).toEqual([
      ['trunk-flexor', null, 98],
      ['side-bridge', 'left', 52],
      ['side-bridge', 'right', 68],
      ['single-leg-heel-raise', 'left', 19],
    ]);
    const text = await keel('bench', 'add', 'side-bridge=60/70', '--date', isoDay(2));
    expect(text.code).toBe(0);
    expect(text.stdout).toMatch(/Stored 2 results/);
    expect(text.stdout).toMatch(/Side bridge\s+left\s+60 s\s+below the norm\s+\+8 s since/);
    expect(text.stdout).toMatch(/left weaker \(86% of the other side\)/);
  });

  it.each([
    [['bench', 'add', 'side-bridge=61'], /side: Side bridge is done per side/],
    [['bench', 'add', 'trunk-flexor=abc'], /trunk-flexor: "abc" is not a number/],
    [['bench', 'add', 'plank'], /write TEST=VALUE/],
    [['bench', 'add', 'no-such-test=3'], /"no-such-test" is not a Keel benchmark test/],
    [['program', 'set', '--sessions', '6', '--minutes', '30'], /at most 4 sessions a week/],
    [['program', 'set', '--sessions', '3', '--minutes', '30', '--equipment', 'kettlebell'], /equipment/],
    [['program', 'log'], /--as-prescribed, or one --item/],
    [['athlete', 'set', '--sex', 'x'], /sex: female or male/],
    [['athlete', 'set'], /nothing to change/],
    [['program', 'log', '--as-prescribed'], /--rpe N/],
    [['program', 'log', '--item', 'wall-sit=two'], /EXERCISE=SETSxREPS/],
    [['program', 'log', '--item', 'no-such=2x10', '--rpe', '5'], /not an exercise in Keel's catalogue/],
  ])('refuses %j with exit 2 and says what is wrong', async (args, message) => {
    const result = await keel(...args);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(message);
  });

  it('lists results against norms and previous results as JSON, none of the refused ones among them', async () => {
    const view = JSON.parse((await keel('bench', 'list', '--json')).stdout) as BenchmarksView;
    expect(view.results).toHaveLength(6);
    expect(view.evaluation.latestSessionOn).toBe(isoDay(2));
    expect(view.findings.length).toBeGreaterThan(0);
    const history = await keel('bench', 'list', '--history');
    expect(history.stdout).toMatch(/Every result:/);
  });

  it('prescribes a program covering every region, with the reasons on request', async () => {
    const set = await keel(
      'program',
      'set',
      '--sessions',
      '2',
      '--minutes',
      '20',
      '--equipment',
      'band',
      '--json',
    );
    expect(set.code, set.stderr).toBe(0);
    const view = JSON.parse(set.stdout) as ProgramView;
    expect(view.settings).toMatchObject({ sessionsPerWeek: 2, minutesPerSession: 20, equipment: ['band'] });
    const regions = new Set(view.prescription.sessions.flatMap((s) => s.items.map((i) => i.region)));
    expect([...regions].sort()).toEqual([...PROGRAM_REGIONS].sort());
    const text = await keel('program', '--why');
    expect(text.code).toBe(0);
    expect(text.stdout).toMatch(/Session A \(about \d+ min\)/);
    expect(text.stdout).toMatch(/why: Your left knee pain/);
  });

  let loggedId = '';

  it('logs the next session as prescribed with one exercise changed, and re-prescribes from it', async () => {
    const before = JSON.parse((await keel('program', '--json')).stdout) as ProgramView;
    const first = before.today.session.items[0];
    if (!first) throw new Error('no item');
    const logged = await keel(
      'program',
      'log',
      '--as-prescribed',
      '--rpe',
      '6',
      '--item',
      `${first.exerciseId}=${first.sets}x${first.target},pain=6`,
      '--json',
    );
    expect(logged.code, logged.stderr).toBe(0);
    const log = JSON.parse(logged.stdout) as SessionLogView;
    loggedId = log.id;
    expect(log.label).toBe(before.today.label);
    expect(log.exercises).toHaveLength(before.today.session.items.length);
    expect(log.exercises.find((e) => e.exerciseId === first.exerciseId)?.painDuring).toBe(6);

    const after = JSON.parse((await keel('program', '--json')).stdout) as ProgramView;
    expect(after.events.some((e) => e.rule === 'pain-during' && e.familyId === first.familyId)).toBe(true);
    expect(after.today.doneThisWeek).toBe(before.today.doneThisWeek + 1);
  });

  it('adds the next morning’s pain to the logged session', async () => {
    const morning = await keel('program', 'morning', loggedId.slice(0, 8), '--pain', '1');
    expect(morning.code, morning.stderr).toBe(0);
    expect(morning.stdout).toMatch(/morning pain 1\/10/);
    const sessions = JSON.parse((await keel('program', 'sessions', '--json')).stdout) as SessionLogView[];
    expect(sessions.map((s) => s.painNextMorning)).toEqual([1]);
  });

  it('deletes the logged session', async () => {
    const deleted = await keel('program', 'delete', loggedId.slice(0, 8));
    expect(deleted.code).toBe(0);
    expect((await keel('program', 'sessions')).stdout).toMatch(/No sessions logged yet/);
  });

  it('explains an exercise and lists the catalogue', async () => {
    const one = await keel('exercise', 'side-plank');
    expect(one.code).toBe(0);
    expect(one.stdout).toMatch(/Side plank .*level 2 of 3/);
    expect(one.stdout).toMatch(/Common mistakes:/);
    const all = await keel('exercise');
    expect(all.stdout.split('\n').length).toBeGreaterThan(40);
    const missing = await keel('exercise', 'no-such');
    expect(missing.code).toBe(1);
  });
});
