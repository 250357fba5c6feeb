import { describe, expect, it } from 'vitest';
import { addDays } from '../../domain/time.js';
import { EXERCISES, exerciseById } from '../exercises/index.js';
import type { Equipment, Exercise } from '../types.js';
import { itemSeconds, SETUP_S, STEP_FRACTION, stepDown, stepUp, targetRange } from './dose.js';
import {
  afterGap,
  doseOn,
  type ProgressionContext,
  type ProgressionHistory,
  replayProgression,
  startingState,
} from './progression.js';
import type { ExerciseLog, FamilyState, ProgressionRule, SessionLog } from './types.js';

const byId = (id: string): Exercise => {
  const exercise = exerciseById(id);
  if (!exercise) throw new Error(`unknown exercise ${id}`);
  return exercise;
};

const DAY0 = '2026-03-02';
const NO_FLAGS: ProgressionContext = { equipment: [], redFlagSpans: [] };

/**
 * One session of one family as the athlete would log it: by default the prescribed rung and dose, done in full
 * with good form at RPE 6 and no pain, three days after the last one. Each field overrides that.
 */
interface Step extends Partial<Omit<ExerciseLog, 'exerciseId'>> {
  exerciseId?: string;
  /** Days since the previous session (the first session is on DAY0 + days). */
  days?: number;
  morning?: number | null;
}

interface Run {
  logs: SessionLog[];
  history: ProgressionHistory;
  /** The family's state after each session. */
  after: FamilyState[];
  rules: ProgressionRule[];
}

/** Logs the steps one by one, each against the dose the log so far prescribes, as an athlete would. */
function run(familyId: string, steps: readonly Step[], context: ProgressionContext = NO_FLAGS): Run {
  const logs: SessionLog[] = [];
  const after: FamilyState[] = [];
  let history = replayProgression([], context);
  let date = DAY0;
  steps.forEach((step, index) => {
    date = addDays(date, step.days ?? (index === 0 ? 0 : 3));
    const due = doseOn(history, familyId, date);
    const { days: _days, morning, exerciseId = due.exerciseId, ...over } = step;
    // A rung other than the prescribed one is logged as done in full: its whole range, every set.
    const switched = exerciseId !== due.exerciseId;
    logs.push({
      id: `s${String(index).padStart(3, '0')}`,
      date,
      painNextMorning: morning ?? null,
      exercises: [
        {
          exerciseId,
          setsDone: switched ? byId(exerciseId).dose.sets.max : due.sets,
          achieved: switched ? targetRange(byId(exerciseId)).max : due.target,
          rpe: 6,
          painDuring: 0,
          goodForm: true,
          ...over,
        },
      ],
    });
    history = replayProgression(logs, context);
    const state = history.states.get(familyId);
    if (!state) throw new Error(`no state for ${familyId}`);
    after.push(state);
  });
  return { logs, history, after, rules: history.events.map((event) => event.rule) };
}

const dose = (state: FamilyState) => ({
  exerciseId: state.exerciseId,
  sets: state.sets,
  target: state.target,
});
const good = (count: number, extra: Step = {}): Step[] => Array.from({ length: count }, () => ({ ...extra }));

describe('dose steps (ACSM 2009: add reps or hold time first, about 10–20% a step)', () => {
  it.each([
    // exercise, from, up, down
    ['glute-bridge', 10, 12, 10],
    ['glute-bridge', 12, 14, 10],
    ['glute-bridge', 14, 15, 12],
    ['glute-bridge', 15, 15, 13],
    ['single-leg-bridge', 16, 18, 14],
    ['single-leg-bridge', 18, 20, 16],
    ['single-leg-bridge', 20, 20, 17],
    ['prone-w-hold', 20, 25, 20],
    ['prone-w-hold', 25, 30, 20],
    ['prone-w-hold', 30, 30, 25],
    ['prone-y-hold', 40, 45, 35],
    ['prone-y-hold', 60, 60, 50],
  ] as const)('%s at %i: up to %i, down to %i', (id, from, up, down) => {
    expect(stepUp(byId(id), from)).toBe(up);
    expect(stepDown(byId(id), from)).toBe(down);
  });

  it('clamps a target outside the range into it', () => {
    expect(stepUp(byId('glute-bridge'), 3)).toBe(10);
    expect(stepDown(byId('glute-bridge'), 40)).toBe(15);
    expect(stepDown(byId('prone-w-hold'), 5)).toBe(20);
  });

  it('moves every target of every exercise by at least 1 rep or 5 s and about 15%, inside the range, holds in 5 s', () => {
    for (const exercise of EXERCISES) {
      const { min, max } = targetRange(exercise);
      const unit = exercise.dose.kind === 'hold' ? 5 : 1;
      for (let target = min; target <= max; target += unit) {
        const label = `${exercise.id} at ${target}`;
        const up = stepUp(exercise, target);
        const down = stepDown(exercise, target);
        if (target === max) expect(up, label).toBe(max);
        else {
          expect(up - target, label).toBeGreaterThanOrEqual(Math.min(unit, max - target));
          expect(up - target, label).toBeLessThanOrEqual(Math.max(unit, target * STEP_FRACTION + unit / 2));
        }
        if (target === min) expect(down, label).toBe(min);
        else {
          expect(target - down, label).toBeGreaterThanOrEqual(Math.min(unit, target - min));
          expect(target - down, label).toBeLessThanOrEqual(
            Math.max(unit, target - target / (1 + STEP_FRACTION) + unit / 2),
          );
        }
        for (const value of [up, down]) {
          expect(value, label).toBeGreaterThanOrEqual(min);
          expect(value, label).toBeLessThanOrEqual(max);
          if (exercise.dose.kind === 'hold') expect(value % 5, label).toBe(0);
        }
      }
    }
  });
});

describe('itemSeconds', () => {
  it.each([
    // Reps at a 2-1-2 tempo (5 s a rep), both legs at once: setup, 2 × 10 reps, one rest of 45 s.
    ['glute-bridge', 2, 10, false, SETUP_S + 2 * 10 * 5 + 45],
    // One-sided: a round is both sides, so 2 sets are 4 sides' work and one rest.
    ['single-leg-bridge', 2, 12, false, SETUP_S + 4 * 12 * 5 + 60],
    // The extra set adds one side's work and one more rest.
    ['single-leg-bridge', 2, 12, true, SETUP_S + 5 * 12 * 5 + 2 * 60],
    ['prone-w-hold', 2, 20, false, SETUP_S + 2 * 20 + 30],
    ['single-leg-balance', 2, 20, true, SETUP_S + 5 * 20 + 2 * 30],
    ['heel-raise-off-step', 3, 15, false, SETUP_S + 6 * 15 * 6 + 2 * 75],
  ] as const)('%s, %i × %i, extra set %s: %i s', (id, sets, target, extra, seconds) => {
    expect(itemSeconds(byId(id), sets, target, extra)).toBe(seconds);
  });
});

describe('startingState', () => {
  it('starts at the easiest rung, fewest sets, bottom of the range, or at the rung first logged', () => {
    expect(startingState('glute-bridge')).toEqual({
      familyId: 'glute-bridge',
      exerciseId: 'glute-bridge',
      sets: 2,
      target: 10,
      goodStreak: 0,
      lastLoggedOn: null,
    });
    expect(dose(startingState('glute-bridge', 'single-leg-bridge-march'))).toEqual({
      exerciseId: 'single-leg-bridge-march',
      sets: 3,
      target: 12,
    });
    expect(() => startingState('no-such-family')).toThrow(/unknown/);
  });
});

describe('progression: RPE ≤ 7, every set complete, good form, twice in a row (ACSM 2009)', () => {
  it.each<[string, Step[], ProgressionRule[], { exerciseId: string; sets: number; target: number }]>([
    ['one good session: nothing yet', good(1), [], { exerciseId: 'glute-bridge', sets: 2, target: 10 }],
    [
      'two good sessions: volume up',
      good(2),
      ['volume-up'],
      { exerciseId: 'glute-bridge', sets: 2, target: 12 },
    ],
    [
      'RPE 7 counts as good',
      good(2, { rpe: 7 }),
      ['volume-up'],
      { exerciseId: 'glute-bridge', sets: 2, target: 12 },
    ],
    [
      'RPE 8 twice: no progress',
      good(2, { rpe: 8 }),
      [],
      { exerciseId: 'glute-bridge', sets: 2, target: 10 },
    ],
    [
      'RPE 8 between two good sessions breaks the streak',
      [{}, { rpe: 8 }, {}],
      [],
      { exerciseId: 'glute-bridge', sets: 2, target: 10 },
    ],
    [
      'more than prescribed still counts',
      good(2, { setsDone: 3, achieved: 14 }),
      ['volume-up'],
      { exerciseId: 'glute-bridge', sets: 2, target: 12 },
    ],
    [
      'four good sessions: two volume steps',
      good(4),
      ['volume-up', 'volume-up'],
      { exerciseId: 'glute-bridge', sets: 2, target: 14 },
    ],
  ])('%s', (_name, steps, rules, expected) => {
    const result = run('glute-bridge', steps);
    expect(result.rules).toEqual(rules);
    expect(dose(result.after.at(-1) as FamilyState)).toEqual(expected);
  });

  it('climbs the whole ladder: volume, then the next rung from the bottom of its range, then a set, then holds', () => {
    const result = run('glute-bridge', good(2 * 14 + 4));
    expect(result.rules).toEqual([
      ...Array(3).fill('volume-up'),
      'level-up',
      ...Array(4).fill('volume-up'),
      'level-up',
      ...Array(4).fill('volume-up'),
      'set-up',
    ]);
    const doses = result.history.events.map((event) => event.to);
    expect(doses[3]).toEqual({ exerciseId: 'single-leg-bridge', sets: 2, target: 12 });
    // The march's range starts at 3 sets: the level-up raises the sets to its minimum.
    expect(doses[8]).toEqual({ exerciseId: 'single-leg-bridge-march', sets: 3, target: 12 });
    expect(dose(result.after.at(-1) as FamilyState)).toEqual({
      exerciseId: 'single-leg-bridge-march',
      sets: 4,
      target: 20,
    });
    for (const event of result.history.events) {
      expect(event.source).toMatch(/ACSM 2009/);
      expect(event.reason).toContain('→');
    }
  });

  it.each<[string, Equipment[], ProgressionRule[], { exerciseId: string; sets: number; target: number }]>([
    [
      'with a step: the off-step rung',
      ['step'],
      ['level-up'],
      { exerciseId: 'heel-raise-off-step', sets: 3, target: 15 },
    ],
    [
      'without a step: a set more instead',
      [],
      ['set-up'],
      { exerciseId: 'heel-raise-single', sets: 3, target: 20 },
    ],
    [
      'with a band only: a set more instead',
      ['band'],
      ['set-up'],
      { exerciseId: 'heel-raise-single', sets: 3, target: 20 },
    ],
  ])('at the top of the single-leg heel raise range %s', (_name, equipment, rules, expected) => {
    // 12 → 14 → 16 → 18 → 20 reps takes four volume steps, eight sessions; two more decide the next move.
    const result = run('heel-raise', [{ exerciseId: 'heel-raise-single' }, ...good(9)], {
      equipment,
      redFlagSpans: [],
    });
    expect(result.rules).toEqual([...Array(4).fill('volume-up'), ...rules]);
    expect(dose(result.after.at(-1) as FamilyState)).toEqual(expected);
  });

  it('holds at the top of the ladder without an event once sets are at their maximum', () => {
    const result = run('heel-raise', [{ exerciseId: 'heel-raise-single' }, ...good(15)]);
    expect(result.rules).toEqual([...Array(4).fill('volume-up'), 'set-up']);
    expect(dose(result.after.at(-1) as FamilyState)).toEqual({
      exerciseId: 'heel-raise-single',
      sets: 3,
      target: 20,
    });
  });

  it('moves holds in 5 s', () => {
    const result = run('prone-ytw', good(6));
    expect(result.history.events.map((event) => event.to)).toEqual([
      { exerciseId: 'prone-w-hold', sets: 2, target: 25 },
      { exerciseId: 'prone-w-hold', sets: 2, target: 30 },
      { exerciseId: 'prone-t-hold', sets: 2, target: 20 },
    ]);
  });
});

describe('regression by the pain-monitoring model (Silbernagel 2007)', () => {
  // Two good sessions first put the glute bridge at 2 × 12, one volume step above the bottom of its range.
  const warmed = good(2);
  it.each<[string, Step[], ProgressionRule | null, { exerciseId: string; sets: number; target: number }]>([
    [
      'pain 5/10 during is accepted',
      [...warmed, { painDuring: 5 }],
      null,
      { exerciseId: 'glute-bridge', sets: 2, target: 12 },
    ],
    [
      'pain 6/10 during: a volume step down',
      [...warmed, { painDuring: 6 }],
      'pain-during',
      { exerciseId: 'glute-bridge', sets: 2, target: 10 },
    ],
    [
      'pain 10/10 during: still one step',
      [...warmed, { painDuring: 10 }],
      'pain-during',
      { exerciseId: 'glute-bridge', sets: 2, target: 10 },
    ],
    [
      'pain 6/10 during at the bottom of the range: the rung below, bottom of its range',
      [{ exerciseId: 'single-leg-bridge', painDuring: 6 }],
      'pain-during',
      { exerciseId: 'glute-bridge', sets: 2, target: 10 },
    ],
    [
      'pain 6/10 at the easiest rung and the bottom of the range: nothing lower, but the breach is recorded',
      [{ painDuring: 6 }],
      'pain-during',
      { exerciseId: 'glute-bridge', sets: 2, target: 10 },
    ],
    [
      '2/10 next morning has settled',
      [...warmed, { morning: 2 }],
      null,
      { exerciseId: 'glute-bridge', sets: 2, target: 12 },
    ],
    [
      '3/10 next morning has not: a step down',
      [...warmed, { morning: 3 }],
      'pain-next-morning',
      { exerciseId: 'glute-bridge', sets: 2, target: 10 },
    ],
    [
      'morning pain above every morning of the two weeks before: a step down',
      [{ morning: 0 }, { morning: 0 }, { morning: 1 }],
      'morning-pain-rising',
      { exerciseId: 'glute-bridge', sets: 2, target: 10 },
    ],
    [
      'morning pain equal to the two-week high is not rising',
      [{ morning: 1 }, { morning: 1 }, { morning: 1 }],
      null,
      { exerciseId: 'glute-bridge', sets: 2, target: 12 },
    ],
    [
      'a morning from 14 days before still counts',
      [{ morning: 2 }, { morning: 0, days: 10 }, { morning: 2, days: 4 }],
      null,
      { exerciseId: 'glute-bridge', sets: 2, target: 12 },
    ],
    [
      'a morning from 15 days before no longer does',
      [{ morning: 2 }, { morning: 0, days: 11 }, { morning: 2, days: 4 }],
      'morning-pain-rising',
      { exerciseId: 'glute-bridge', sets: 2, target: 10 },
    ],
    [
      'no morning answered yet: no rule about it',
      [...warmed, { morning: null }],
      null,
      { exerciseId: 'glute-bridge', sets: 2, target: 12 },
    ],
  ])('%s', (_name, steps, rule, expected) => {
    const result = run('glute-bridge', steps);
    const regressions = result.history.events.filter((event) => event.rule !== 'volume-up');
    expect(regressions.map((event) => event.rule)).toEqual(rule ? [rule] : []);
    for (const event of regressions) {
      expect(event.date).toBe(result.logs.at(-1)?.date);
      expect(event.source).toMatch(/Silbernagel et al\. 2007/);
    }
    expect(dose(result.after.at(-1) as FamilyState)).toEqual(expected);
  });

  it.each<[string, Equipment[], { exerciseId: string; sets: number; target: number }]>([
    [
      'with a band: the rung below, bottom of its range',
      ['step', 'band'],
      { exerciseId: 'terminal-knee-extension', sets: 2, target: 10 },
    ],
    [
      'without a band: nothing lower it can do, so the dose stays',
      ['step'],
      { exerciseId: 'step-down-low', sets: 2, target: 10 },
    ],
  ])('pain at the bottom of the low step-down %s', (_name, equipment, expected) => {
    const result = run('step-down', [{ exerciseId: 'step-down-low', painDuring: 6 }], {
      equipment,
      redFlagSpans: [],
    });
    expect(result.rules).toEqual(['pain-during']);
    expect(dose(result.after.at(-1) as FamilyState)).toEqual(expected);
  });

  it('a pain-limited session never counts toward progression', () => {
    const result = run('glute-bridge', [{}, { painDuring: 6 }, {}]);
    expect(result.rules).toEqual(['pain-during']);
    expect(result.after.at(-1)?.goodStreak).toBe(1);
  });

  it('a breach at the floor keeps the dose and says it is already the easiest', () => {
    const [event] = run('glute-bridge', [{ morning: 4 }]).history.events;
    expect(event?.rule).toBe('pain-next-morning');
    expect(event?.to).toEqual(event?.from);
    expect(event?.reason).toMatch(/already the easiest/);
  });
});

describe('incomplete sessions (Keel: twice in a row means the dose is too much)', () => {
  const warmed = good(2);
  it.each<[string, Step[], ProgressionRule[], number]>([
    ['one set short once: nothing', [...warmed, { setsDone: 1 }], ['volume-up'], 12],
    [
      'one set short twice: a step down',
      [...warmed, { setsDone: 1 }, { setsDone: 1 }],
      ['volume-up', 'incomplete'],
      10,
    ],
    ['reps short twice', [...warmed, { achieved: 8 }, { achieved: 11 }], ['volume-up', 'incomplete'], 10],
    [
      'poor form twice',
      [...warmed, { goodForm: false }, { goodForm: false }],
      ['volume-up', 'incomplete'],
      10,
    ],
    [
      'incomplete, complete, incomplete: not in a row',
      [...warmed, { setsDone: 1 }, { rpe: 8 }, { setsDone: 1 }],
      ['volume-up'],
      12,
    ],
    [
      'three in a row: the count restarts after the step down',
      [...warmed, { setsDone: 1 }, { setsDone: 1 }, { setsDone: 1 }],
      ['volume-up', 'incomplete'],
      10,
    ],
    [
      'a pain step between two incomplete sessions: not twice at the same dose',
      [...warmed, ...good(2), { setsDone: 1 }, { painDuring: 6 }, { setsDone: 1 }],
      ['volume-up', 'volume-up', 'pain-during'],
      12,
    ],
  ])('%s', (_name, steps, rules, target) => {
    const result = run('glute-bridge', steps);
    expect(result.rules).toEqual(rules);
    expect(result.after.at(-1)?.target).toBe(target);
    expect(result.after.at(-1)?.goodStreak).toBe(0);
  });
});

describe('red flags: pause, one event per span, no progression while open', () => {
  const span = (from: number, to: number | null) => ({
    from: addDays(DAY0, from),
    to: to === null ? null : addDays(DAY0, to),
  });

  it('pauses once per span and progresses again only after it closes', () => {
    // Sessions every 3 days: days 0, 3, 6, 9, 12, 15, 18; the flag is open from day 5 to day 13.
    const result = run('glute-bridge', good(7), { equipment: [], redFlagSpans: [span(5, 13)] });
    expect(result.history.events.map((event) => [event.rule, event.date])).toEqual([
      ['volume-up', addDays(DAY0, 3)],
      ['red-flag-pause', addDays(DAY0, 6)],
      ['volume-up', addDays(DAY0, 18)],
    ]);
    const pause = result.history.events[1];
    expect(pause?.from).toEqual(pause?.to);
    expect(pause?.source).toMatch(/red flag/);
    expect(result.after.map((state) => state.target)).toEqual([10, 12, 12, 12, 12, 12, 14]);
  });

  it('an open span holds every family where it is, with one pause each', () => {
    const context = { equipment: [], redFlagSpans: [span(0, null)] };
    const logs: SessionLog[] = Array.from({ length: 8 }, (_, index) => ({
      id: `s${index}`,
      date: addDays(DAY0, index * 2),
      painNextMorning: 0,
      exercises: [
        { exerciseId: 'glute-bridge', setsDone: 2, achieved: 10, rpe: 3, painDuring: 0, goodForm: true },
        { exerciseId: 'prone-w-hold', setsDone: 2, achieved: 20, rpe: 3, painDuring: 0, goodForm: true },
      ],
    }));
    const history = replayProgression(logs, context);
    expect(history.events.map((event) => [event.familyId, event.rule])).toEqual([
      ['glute-bridge', 'red-flag-pause'],
      ['prone-ytw', 'red-flag-pause'],
    ]);
    expect(dose(history.states.get('glute-bridge') as FamilyState)).toEqual(
      dose(startingState('glute-bridge')),
    );
  });

  it('two spans: one pause in each', () => {
    const result = run('glute-bridge', good(8), {
      equipment: [],
      redFlagSpans: [span(2, 4), span(11, 16)],
    });
    expect(result.rules.filter((rule) => rule === 'red-flag-pause')).toHaveLength(2);
  });

  it('a pain breach under a red flag still steps down: regressing is not progressing', () => {
    const result = run('glute-bridge', [...good(2), { painDuring: 7 }, {}], {
      equipment: [],
      redFlagSpans: [span(5, null)],
    });
    expect(result.rules).toEqual(['volume-up', 'pain-during', 'red-flag-pause']);
    expect(result.after.at(-1)?.target).toBe(10);
  });
});

describe('missed weeks (Keel: a week off keeps the dose)', () => {
  const state: FamilyState = {
    familyId: 'glute-bridge',
    exerciseId: 'single-leg-bridge',
    sets: 3,
    target: 18,
    goodStreak: 1,
    lastLoggedOn: DAY0,
  };
  it.each<[number, { exerciseId: string; sets: number; target: number } | null, number]>([
    [7, null, 0],
    [13, null, 0],
    // Fourteen days: one whole week went by without a session; the dose holds.
    [14, { exerciseId: 'single-leg-bridge', sets: 3, target: 18 }, 1],
    [20, { exerciseId: 'single-leg-bridge', sets: 3, target: 18 }, 1],
    // Two missed weeks: one volume step down for the week beyond the first.
    [21, { exerciseId: 'single-leg-bridge', sets: 3, target: 16 }, 2],
    [27, { exerciseId: 'single-leg-bridge', sets: 3, target: 16 }, 2],
    // A month: the bottom of the range, same rung.
    [28, { exerciseId: 'single-leg-bridge', sets: 3, target: 12 }, 3],
    [55, { exerciseId: 'single-leg-bridge', sets: 3, target: 12 }, 6],
    // Two months: one rung lower, fewest sets, bottom of its range.
    [56, { exerciseId: 'glute-bridge', sets: 2, target: 10 }, 7],
    [400, { exerciseId: 'glute-bridge', sets: 2, target: 10 }, 56],
  ])('%i days after the last session', (days, expected, weeks) => {
    const gap = afterGap(state, addDays(DAY0, days));
    if (expected === null) {
      expect(gap).toBeNull();
    } else {
      expect(gap).toEqual({ dose: expected, weeks });
    }
  });

  it('never applies before the first session, and stays on the easiest rung at the bottom', () => {
    expect(afterGap(startingState('glute-bridge'), '2030-01-01')).toBeNull();
    expect(
      afterGap({ ...startingState('glute-bridge'), target: 14, lastLoggedOn: DAY0 }, addDays(DAY0, 60)),
    ).toEqual({
      dose: { exerciseId: 'glute-bridge', sets: 2, target: 10 },
      weeks: 7,
    });
  });

  it('doseOn applies the gap to today and keeps the dose within a fortnight', () => {
    const history = run('glute-bridge', good(4)).history;
    const last = history.states.get('glute-bridge') as FamilyState;
    expect(dose(doseOn(history, 'glute-bridge', addDays(last.lastLoggedOn as string, 13)))).toEqual(
      dose(last),
    );
    expect(doseOn(history, 'glute-bridge', addDays(last.lastLoggedOn as string, 21)).target).toBe(12);
    expect(doseOn(history, 'glute-bridge', addDays(last.lastLoggedOn as string, 28)).target).toBe(10);
    expect(dose(doseOn(history, 'prone-ytw', DAY0))).toEqual(dose(startingState('prone-ytw')));
  });

  it.each<[string, Step[], ProgressionRule[], number, number]>([
    [
      'back after 21 days: a missed-weeks step, then the session counts',
      [...good(4), { days: 21 }],
      ['volume-up', 'volume-up', 'missed-weeks'],
      12,
      1,
    ],
    [
      'back after 14 days: same dose, but the streak starts again',
      [...good(3), { days: 14 }],
      ['volume-up'],
      12,
      1,
    ],
    [
      'back after 28 days: the bottom of the range',
      [...good(4), { days: 28 }],
      ['volume-up', 'volume-up', 'missed-weeks'],
      10,
      1,
    ],
  ])('%s', (_name, steps, rules, target, streak) => {
    const result = run('glute-bridge', steps);
    expect(result.rules).toEqual(rules);
    const missed = result.history.events.find((event) => event.rule === 'missed-weeks');
    if (missed) expect(missed.reason).toMatch(/week/);
    expect(result.after.at(-1)?.target).toBe(target);
    expect(result.after.at(-1)?.goodStreak).toBe(streak);
  });
});

describe('logging a different rung', () => {
  it.each<[string, Step[], { exerciseId: string; sets: number; target: number }]>([
    [
      'a harder rung becomes the prescription',
      [{ exerciseId: 'single-leg-bridge' }],
      { exerciseId: 'single-leg-bridge', sets: 2, target: 12 },
    ],
    [
      'its target is kept when it fits the new range',
      [...good(4), { exerciseId: 'single-leg-bridge', achieved: 14 }],
      { exerciseId: 'single-leg-bridge', sets: 2, target: 14 },
    ],
    [
      'an easier rung clamps the target into its range',
      [{ exerciseId: 'single-leg-bridge-march' }, ...good(4), { exerciseId: 'glute-bridge' }],
      { exerciseId: 'glute-bridge', sets: 3, target: 15 },
    ],
    [
      'from reps to holds: the bottom of the hold range, in whole 5 s',
      // Six good sessions take the heel raise to 23 reps, which is inside the hold's 20–30 s.
      [{ exerciseId: 'short-foot-heel-raise' }, ...good(5), { exerciseId: 'short-foot-hold' }],
      { exerciseId: 'short-foot-hold', sets: 3, target: 20 },
    ],
    [
      'from holds to reps: the bottom of the rep range, not seconds read as reps',
      [{ exerciseId: 'side-plank' }, ...good(4), { exerciseId: 'side-plank-reach' }],
      { exerciseId: 'side-plank-reach', sets: 3, target: 10 },
    ],
  ])('%s', (_name, steps, expected) => {
    const familyId = byId(steps[0]?.exerciseId ?? 'glute-bridge').family;
    const result = run(familyId, steps);
    expect(dose(result.after.at(-1) as FamilyState)).toEqual(expected);
  });

  it('the switch starts a new streak on the new rung', () => {
    const result = run('glute-bridge', [{}, { exerciseId: 'single-leg-bridge' }, {}]);
    expect(result.rules).toEqual(['volume-up']);
    expect(result.history.events[0]?.from).toEqual({ exerciseId: 'single-leg-bridge', sets: 2, target: 12 });
  });

  it('rejects an exercise that is not in the catalogue', () => {
    expect(() =>
      replayProgression(
        [
          {
            id: 'x',
            date: DAY0,
            painNextMorning: null,
            exercises: [
              { exerciseId: 'nope', setsDone: 1, achieved: 1, rpe: 1, painDuring: 0, goodForm: true },
            ],
          },
        ],
        NO_FLAGS,
      ),
    ).toThrow(/unknown exercise/);
  });
});
