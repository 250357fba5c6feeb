import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, ENGINES, type TestDatabase } from '../../../test/helpers/engines.js';
import { PROGRAM_REGIONS } from '../../coach/types.js';
import { RED_FLAG_QUESTIONS } from '../../domain/pain.js';
import { InputError } from '../errors.js';
import { Keel } from '../keel.js';
import type { ProgramView } from '../views.js';
import { type SessionLogBody, sessionLogBody } from './input.js';

const TODAY = '2026-06-19';

/** Every item of the next session, done as prescribed at the given effort and pain. */
function asPrescribed(view: ProgramView, date: string, rpe: number, painDuring = 0): SessionLogBody {
  return sessionLogBody.parse({
    date,
    label: view.today.label,
    exercises: view.today.session.items.map((item) => ({
      exerciseId: item.exerciseId,
      setsDone: item.sets,
      achieved: item.target,
      rpe,
      painDuring,
      goodForm: true,
    })),
    painNextMorning: 1,
  });
}

describe.each(ENGINES)('program and benchmarks on the %s engine', (engine) => {
  let db: TestDatabase;
  let keel: Keel;
  let athleteId: string;

  beforeAll(async () => {
    db = await createTestDatabase(engine);
    keel = await Keel.open(db.config);
    athleteId = (await keel.createAthlete({ name: 'Ines', units: 'metric', sex: 'female', birthYear: 1990 }))
      .id;
  });
  afterAll(async () => {
    await keel?.close();
    await db?.drop();
  });

  it('prescribes every region on the default settings before anything is saved', async () => {
    const view = await keel.program(athleteId, TODAY);
    expect(view.settings).toMatchObject({ sessionsPerWeek: 3, minutesPerSession: 25, saved: false });
    const regions = new Set(view.prescription.sessions.flatMap((s) => s.items.map((i) => i.region)));
    expect([...regions].sort()).toEqual([...PROGRAM_REGIONS].sort());
    expect(view.today).toMatchObject({ label: 'A', doneThisWeek: 0, weekStart: '2026-06-15' });
    expect(view.lastSession).toBeNull();
  });

  it('saves settings, replacing the earlier ones, and prescribes within them', async () => {
    await keel.setProgramSettings(athleteId, { sessionsPerWeek: 4, minutesPerSession: 20, equipment: [] });
    const saved = await keel.setProgramSettings(athleteId, {
      sessionsPerWeek: 2,
      minutesPerSession: 30,
      equipment: ['band'],
    });
    expect(saved).toMatchObject({
      sessionsPerWeek: 2,
      minutesPerSession: 30,
      equipment: ['band'],
      saved: true,
    });
    const view = await keel.program(athleteId, TODAY);
    expect(view.prescription.sessions).toHaveLength(2);
    for (const session of view.prescription.sessions) expect(session.estimatedS).toBeLessThanOrEqual(30 * 60);
  });

  it('moves an exercise up after two easy complete sessions, and records why', async () => {
    const first = await keel.program(athleteId, '2026-06-15');
    await keel.logSession(athleteId, asPrescribed(first, '2026-06-15', 6), TODAY);
    const second = await keel.program(athleteId, '2026-06-17');
    expect(second.today).toMatchObject({ label: 'B', doneThisWeek: 1 });
    await keel.logSession(athleteId, asPrescribed(second, '2026-06-17', 6), TODAY);
    const third = await keel.program(athleteId, '2026-06-18');
    await keel.logSession(athleteId, asPrescribed(third, '2026-06-18', 6), TODAY);

    const view = await keel.program(athleteId, TODAY);
    const ups = view.events.filter((e) => e.rule === 'volume-up');
    expect(ups.length).toBeGreaterThan(0);
    const up = ups[0];
    expect(up?.to.target).toBeGreaterThan(up?.from.target ?? Infinity);
    expect(up?.source).toMatch(/ACSM/);
    expect(view.lastSession?.date).toBe('2026-06-18');
    expect(view.adherence.at(-1)).toEqual({ weekStart: '2026-06-15', planned: 2, done: 3 });
  });

  it('adds the next morning’s pain later, and a rising morning steps the exercise back', async () => {
    const view = await keel.program(athleteId, TODAY);
    const log = await keel.logSession(athleteId, asPrescribed(view, TODAY, 6), TODAY);
    expect(log.painNextMorning).toBe(1);
    const updated = await keel.updateSessionLog(log.id, { painNextMorning: 4 });
    expect(updated).toMatchObject({ id: log.id, painNextMorning: 4, note: null });
    const after = await keel.program(athleteId, TODAY);
    expect(after.events.some((e) => e.date === TODAY && e.rule === 'pain-next-morning')).toBe(true);
    expect(await keel.deleteSessionLog(log.id)).toBe(true);
    expect(await keel.deleteSessionLog(log.id)).toBe(false);
    const replayed = await keel.program(athleteId, TODAY);
    expect(replayed.events.some((e) => e.date === TODAY)).toBe(false);
  });

  it('refuses a session dated after today and stores nothing', async () => {
    const view = await keel.program(athleteId, TODAY);
    const before = (await keel.sessionLogs(athleteId)).length;
    await expect(keel.logSession(athleteId, asPrescribed(view, '2026-06-20', 6), TODAY)).rejects.toThrow(
      InputError,
    );
    expect(await keel.sessionLogs(athleteId)).toHaveLength(before);
  });

  it('pauses everything while a red flag is open', async () => {
    const report = await keel.addPainReport(athleteId, {
      date: TODAY,
      region: 'knee',
      side: 'left',
      onset: { kind: 'during' },
      severity: 6,
      redFlags: { ...Object.fromEntries(RED_FLAG_QUESTIONS.map((q) => [q, false])), swelling: true },
    });
    expect(report.triage.level).toBe('stop');
    const view = await keel.program(athleteId, TODAY);
    expect(view.prescription.paused).toBe(true);
    expect(view.openRedFlagIds).toEqual([report.id]);
    expect(view.prescription.sessions.every((s) => s.items.every((i) => i.paused))).toBe(true);
    await keel.clearRedFlag(report.id, 'seen by the physio');
    expect((await keel.program(athleteId, TODAY)).prescription.paused).toBe(false);
  });

  it('stores a test day and compares it with the norm and with the previous one', async () => {
    await keel.addBenchmarks(
      athleteId,
      {
        results: [
          { testId: 'side-bridge', takenOn: '2026-05-01', side: 'left', value: 50, note: null },
          { testId: 'side-bridge', takenOn: '2026-05-01', side: 'right', value: 70, note: null },
        ],
      },
      TODAY,
    );
    const stored = await keel.addBenchmarks(
      athleteId,
      {
        results: [
          { testId: 'side-bridge', takenOn: '2026-06-01', side: 'left', value: 60, note: 'felt strong' },
          { testId: 'side-bridge', takenOn: '2026-06-01', side: 'right', value: 72, note: null },
        ],
      },
      TODAY,
    );
    expect(stored.map((r) => [r.side, r.value, r.note])).toEqual([
      ['left', 60, 'felt strong'],
      ['right', 72, null],
    ]);
    const view = await keel.benchmarks(athleteId, TODAY);
    expect(view.profile).toEqual({ sex: 'female', birthYear: 1990 });
    expect(view.results).toHaveLength(4);
    const test = view.evaluation.tests.find((t) => t.testId === 'side-bridge');
    expect(test?.sides.map((s) => [s.side, s.value, s.change?.previousValue])).toEqual([
      ['left', 60, 50],
      ['right', 72, 70],
    ]);
    expect(test?.symmetry?.weakerSide).toBe('left');
    expect(view.evaluation.retestDue).toBe('2026-06-29');
    expect(view.findings.some((f) => f.weakerSide === 'left')).toBe(true);

    // The program leans to the weaker left side it measured.
    const program = await keel.program(athleteId, TODAY);
    const sided = program.prescription.sessions.flatMap((s) => s.items).filter((i) => i.extraSetSide);
    expect(sided.length).toBeGreaterThan(0);
    expect(sided.every((i) => i.extraSetSide === 'left')).toBe(true);

    expect(await keel.deleteBenchmark(stored[0]?.id as string)).toBe(true);
    expect((await keel.benchmarks(athleteId, TODAY)).results).toHaveLength(3);
  });

  it('refuses results dated after today, all of the day’s or none', async () => {
    await expect(
      keel.addBenchmarks(
        athleteId,
        {
          results: [
            { testId: 'trunk-flexor', takenOn: TODAY, side: null, value: 100, note: null },
            { testId: 'trunk-extensor', takenOn: '2026-07-01', side: null, value: 100, note: null },
          ],
        },
        TODAY,
      ),
    ).rejects.toThrow(/results\.1\.takenOn/);
    expect((await keel.benchmarks(athleteId, TODAY)).results).toHaveLength(3);
  });

  it('says so for an athlete who does not exist', async () => {
    await expect(keel.program('00000000-0000-4000-8000-000000000000', TODAY)).rejects.toThrow(/no athlete/);
  });
});
