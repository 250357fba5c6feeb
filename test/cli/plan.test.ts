import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { GoalView, PlanView } from '../../src/app/views.js';
import { createTestDatabase, type TestDatabase } from '../helpers/engines.js';
import { writeWeeklyRuns } from '../helpers/fit-files.js';
import { runKeel } from '../helpers/keel-cli.js';

const DAY_MS = 86_400_000;
const isoDay = (daysFromNow: number) =>
  new Date(Date.now() + daysFromNow * DAY_MS).toISOString().slice(0, 10);

describe('keel plan', () => {
  let db: TestDatabase;
  let work: string;
  const keel = (...args: string[]) => runKeel(args, db.env);

  beforeAll(async () => {
    db = await createTestDatabase('embedded');
    work = mkdtempSync(join(tmpdir(), 'keel-plan-'));
    // Four weekly long runs, 9 to 12 km, the last three days ago.
    const files = writeWeeklyRuns(work, 9_000);
    expect((await keel('import', ...files)).code).toBe(0);
  });
  afterAll(async () => {
    await db?.drop();
    rmSync(work, { recursive: true, force: true });
  });

  it('says how to set a goal when there is none', async () => {
    const result = await keel('plan');
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/keel plan --race half --date/);
  });

  it.each([
    [['plan', '--race', 'half'], /both --race and --date/],
    [['plan', '--race', 'far', '--date', isoDay(90)], /--race far: a distance with its unit/],
    [['plan', '--race', '3km', '--date', isoDay(90)], /distanceM: at least 5 km/],
    [['plan', '--race', '10k', '--date', '2027-02-30'], /date: the race day as YYYY-MM-DD/],
  ])('refuses %j with exit 2', async (args, message) => {
    const result = await keel(...args);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(message);
  });

  it('sets a half-marathon goal and prints the plan week by week as JSON', async () => {
    const result = await keel(
      'plan',
      '--race',
      'half',
      '--date',
      isoDay(84),
      '--name',
      'Spring Half',
      '--json',
    );
    expect(result.code, result.stderr).toBe(0);
    const view = JSON.parse(result.stdout) as PlanView;
    expect(view.goal).toMatchObject({ name: 'Spring Half', distanceM: 21_097.5, surface: 'road' });
    expect(view.plan.weeks.length).toBeGreaterThanOrEqual(12);
    for (const week of view.plan.weeks) {
      expect(week).toMatchObject({
        weekStart: expect.any(String),
        longRunM: expect.any(Number),
        volumeM: expect.any(Number),
        gate: { status: expect.stringMatching(/open|held|halted/) },
      });
    }
    expect(view.plan.weeks.at(-1)?.phase).toBe('race');
  });

  it('shows the plan as text, in the athlete’s units', async () => {
    const text = await keel('plan', 'show');
    expect(text.code).toBe(0);
    expect(text.stdout).toMatch(/Spring Half: 21\.1 km road on/);
    expect(text.stdout).toMatch(/week of\s+phase\s+long run/);
    expect(text.stdout).toMatch(/^Next: .*: long run of \d+\.\d km/m);
    expect((await keel('athlete', 'set', '--units', 'imperial')).code).toBe(0);
    const miles = (await keel('plan')).stdout;
    expect(miles).toMatch(/Spring Half: 13\.1 mi road/);
    // The verdict and the notes come from the plan itself: they follow the unit too.
    expect(miles).toMatch(/within reach: long runs build to a peak of \d+\.\d mi/);
    expect(miles).not.toMatch(/\d km\b/);
  });

  it('writes the plan as an iCalendar file', async () => {
    const file = join(work, 'plan.ics');
    const result = await keel('plan', 'ics', file);
    expect(result.code, result.stderr).toBe(0);
    const ics = readFileSync(file, 'utf8');
    const events = Number(/Wrote (\d+) events/.exec(result.stdout)?.[1]);
    expect(events).toBeGreaterThanOrEqual(12);
    expect(ics.match(/BEGIN:VEVENT/g)).toHaveLength(events);
    expect(ics).toMatch(/^BEGIN:VCALENDAR\r\n/);
    expect(ics).toMatch(/SUMMARY:Spring Half \(13\.1 mi\)/);
  });

  it('lists and deletes goals', async () => {
    const goals = JSON.parse((await keel('plan', 'goals', '--json')).stdout) as GoalView[];
    expect(goals.map((g) => g.name)).toEqual(['Spring Half']);
    const deleted = await keel('plan', 'delete', (goals[0] as GoalView).id.slice(0, 8));
    expect(deleted.code).toBe(0);
    expect((await keel('plan', 'goals')).stdout).toMatch(/No goal races yet/);
  });
});
