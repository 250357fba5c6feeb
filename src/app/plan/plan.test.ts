import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, ENGINES, type TestDatabase } from '../../../test/helpers/engines.js';
import { makeRunFit } from '../../../test/helpers/fit-files.js';
import { RED_FLAG_QUESTIONS } from '../../domain/pain.js';
import { addDays, endOfDay } from '../../domain/time.js';
import { InputError } from '../errors.js';
import { itemsFromBytes } from '../import/index.js';
import { Keel } from '../keel.js';
import { reportView } from '../report/view.js';
import { KEEL_VERSION } from '../version.js';
import type { AthleteView } from '../views.js';

const TODAY = '2026-06-19';
const allNo = Object.fromEntries(RED_FLAG_QUESTIONS.map((q) => [q, false]));

/** Six weeks of runs, a long one every Sunday building from 10 km to 15 km. */
function history() {
  return Array.from({ length: 6 }, (_, week) => {
    const day = addDays('2026-05-10', 7 * week);
    const distanceM = 10_000 + week * 1_000;
    return {
      fileName: `long-${day}.fit`,
      bytes: makeRunFit({ distanceM, durationS: distanceM * 0.33, start: new Date(`${day}T07:00:00Z`) }),
    };
  });
}

describe.each(ENGINES)('goal races and the race plan on the %s engine', (engine) => {
  let db: TestDatabase;
  let keel: Keel;
  let athleteId: string;
  let lastRunId: string;

  beforeAll(async () => {
    db = await createTestDatabase(engine);
    keel = await Keel.open(db.config, { today: () => TODAY });
    athleteId = (await keel.createAthlete({ name: 'Rui', units: 'metric' })).id;
    const report = await keel.importFiles(athleteId, itemsFromBytes(history()));
    lastRunId = report.files.at(-1)?.runs[0]?.id as string;
  });
  afterAll(async () => {
    await keel?.close();
    await db?.drop();
  });

  it('has no plan before a goal, and refuses a race day that is not after today', async () => {
    expect(await keel.plan(athleteId, TODAY)).toBeUndefined();
    await expect(
      keel.addGoal(athleteId, { distanceM: 21_097.5, date: TODAY, surface: 'road' }, TODAY),
    ).rejects.toThrow(InputError);
    expect(await keel.goals(athleteId)).toEqual([]);
  });

  it('plans a half marathon from the runs done, week by week to the race, with a taper', async () => {
    const view = await keel.addGoal(
      athleteId,
      { name: 'Autumn Half', distanceM: 21_097.5, date: '2026-09-27', surface: 'road' },
      TODAY,
    );
    expect(view.goal).toMatchObject({ name: 'Autumn Half', date: '2026-09-27', surface: 'road' });
    const { plan } = view;
    expect(plan.feasible).toBe(true);
    expect(plan.startingLongRunM).toBeCloseTo(15_000, -2);
    expect(plan.weeks.at(-1)?.phase).toBe('race');
    expect(plan.weeks.some((w) => w.phase === 'taper')).toBe(true);
    const peak = Math.max(...plan.weeks.filter((w) => w.phase !== 'race').map((w) => w.longRunM));
    const taper = plan.weeks.filter((w) => w.phase === 'taper');
    expect(taper.every((w) => w.longRunM < peak)).toBe(true);
    // The first planned long run stays within +10% of the longest run of the 30 days before it.
    expect(plan.weeks[0]?.longRunM).toBeLessThanOrEqual(15_000 * 1.1 + 1);
    expect(view.changes.items).toEqual([]);
    expect(view.units).toBe('metric');
    expect(view.next).toMatchObject({ kind: 'long-run', date: plan.weeks[0]?.longRunDate });
    expect(view.next?.message).toMatch(/^Sun 21 Jun 2026: long run of \d+\.\d km/);
  });

  it('makes the report from one read that matches each page read on its own, over any window', async () => {
    for (const days of [180, 28]) {
      const asOf = endOfDay(TODAY);
      const [athlete, runs, patterns, form, redFlags, painReports, benchmarks, program, plan] =
        await Promise.all([
          keel.athlete(athleteId),
          keel.runs(athleteId),
          keel.painPatterns(athleteId, asOf, days),
          keel.formSummary(athleteId, asOf, days),
          keel.openRedFlags(athleteId),
          keel.painReports(athleteId),
          keel.benchmarks(athleteId, TODAY),
          keel.program(athleteId, TODAY),
          keel.plan(athleteId, TODAY),
        ]);
      const pageByPage = reportView({
        keelVersion: KEEL_VERSION,
        today: TODAY,
        days,
        athlete: athlete as AthleteView,
        runs,
        patterns,
        form,
        redFlags,
        painReports,
        benchmarks,
        program,
        plan,
      });
      expect(pageByPage.plan).not.toBeNull();
      expect(await keel.report(athleteId, TODAY, days)).toEqual(pageByPage);
    }
  });

  it("writes the plan and the spike guard in the athlete's unit", async () => {
    await keel.updateAthlete(athleteId, { units: 'imperial' }, TODAY);
    const view = await keel.plan(athleteId, TODAY);
    const spike = await keel.runSpike(lastRunId);
    await keel.updateAthlete(athleteId, { units: 'metric' }, TODAY);
    expect(view?.units).toBe('imperial');
    expect(view?.plan.verdict).toMatch(/\d\.\d mi/);
    expect(view?.next?.message).toMatch(/long run of \d+\.\d mi/);
    expect(spike?.message).toMatch(/^9\.3 mi is within \+10%/);
  });

  it('re-plans after a pain report and says what changed', async () => {
    const before = await keel.plan(athleteId, TODAY);
    await keel.addPainReport(athleteId, {
      runId: lastRunId,
      region: 'knee',
      side: 'left',
      onset: { kind: 'distance', distanceM: 12_000 },
      severity: 4,
      nextMorningSeverity: 4,
      redFlags: allNo,
    });
    const after = await keel.plan(athleteId, TODAY);
    expect(after?.plan.weeks[0]?.gate.status).toBe('held');
    expect(after?.plan.weeks[0]?.longRunM).toBeLessThan(before?.plan.weeks[0]?.longRunM ?? 0);
    expect(after?.changes.items.length).toBeGreaterThan(0);
    expect(after?.changes.trigger).toMatch(/pain report/);
  });

  it('halts every week while a red flag is open', async () => {
    const flag = await keel.addPainReport(athleteId, {
      date: TODAY,
      region: 'shin',
      side: 'left',
      onset: { kind: 'during' },
      severity: 5,
      redFlags: { ...allNo, focalBoneTenderness: true },
    });
    expect(flag.triage.level).toBe('stop');
    const view = await keel.plan(athleteId, TODAY);
    expect(view?.plan.weeks.every((w) => w.gate.status === 'halted')).toBe(true);
    await keel.clearRedFlag(flag.id, 'seen by the physio: shin splints, fine to run');
    const cleared = await keel.plan(athleteId, TODAY);
    expect(cleared?.plan.weeks.some((w) => w.gate.status !== 'halted')).toBe(true);
  });

  it('guards every run against the longest of the 30 days before it', async () => {
    const spike = await keel.runSpike(lastRunId);
    expect(spike).toMatchObject({ band: 'within', longestPrior30dM: expect.any(Number) });
    expect(spike?.ratio).toBeCloseTo(15 / 14, 2);
    expect(await keel.runSpike('00000000-0000-4000-8000-000000000000')).toBeUndefined();
  });

  it('deletes a goal, leaving no plan', async () => {
    const [goal] = await keel.goals(athleteId);
    expect(await keel.deleteGoal(goal?.id as string)).toBe(true);
    expect(await keel.plan(athleteId, TODAY)).toBeUndefined();
  });
});
