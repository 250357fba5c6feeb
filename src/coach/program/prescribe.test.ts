import { describe, expect, it } from 'vitest';
import { EXERCISE_FAMILIES, exerciseById } from '../exercises/index.js';
import { type Equipment, type Exercise, PROGRAM_REGIONS } from '../types.js';
import { targetRange } from './dose.js';
import { type PrescriptionInput, prescribe } from './prescribe.js';
import { type ProgressionHistory, replayProgression } from './progression.js';
import type { BenchmarkFocus, FamilyState, PainFocus, ProgramItem, ProgramSettings } from './types.js';

const TODAY = '2026-03-16';
const EMPTY: ProgressionHistory = replayProgression([], { equipment: [], redFlagSpans: [] });

const byId = (id: string): Exercise => {
  const exercise = exerciseById(id);
  if (!exercise) throw new Error(`unknown exercise ${id}`);
  return exercise;
};

const LEFT_KNEE: PainFocus = {
  region: 'knee',
  side: 'left',
  strength: 1,
  label: 'left knee pain from about 13.9 km',
};

const RIGHT_SIDE_BRIDGE: BenchmarkFocus = {
  testId: 'side-bridge',
  groups: ['trunk-lateral', 'hip-abductors'],
  weakerSide: 'right',
  weight: 0.8,
  message: 'Side bridge: your right side reaches 70% of your left.',
};

function input(
  over: Partial<Omit<PrescriptionInput, 'settings'>> & { settings?: Partial<ProgramSettings> } = {},
): PrescriptionInput {
  return {
    pains: [],
    benchmarks: [],
    history: EMPTY,
    date: TODAY,
    redFlagOpen: false,
    ...over,
    settings: { sessionsPerWeek: 3, minutesPerSession: 25, equipment: [], ...over.settings },
  };
}

const items = (sessions: { items: ProgramItem[] }[]) => sessions.flatMap((session) => session.items);

/** Every family at the top of its ladder, the most sets, the top of the range: an athlete months into the program. */
function toppedOut(equipment: readonly Equipment[]): ProgressionHistory {
  const states = new Map<string, FamilyState>();
  for (const family of EXERCISE_FAMILIES) {
    const top = [...family.ladder]
      .reverse()
      .map(byId)
      .find((exercise) => exercise.equipment.every((item) => equipment.includes(item)));
    if (!top) continue;
    states.set(family.id, {
      familyId: family.id,
      exerciseId: top.id,
      sets: top.dose.sets.max,
      target: targetRange(top).max,
      goodStreak: 0,
      lastLoggedOn: TODAY,
    });
  }
  return { states, events: [] };
}

describe('a left knee pain', () => {
  const program = prescribe(input({ pains: [LEFT_KNEE] }));
  const all = items(program.sessions);

  it('emphasises the hip and knee stabilizers above the baseline and above the back and shoulders', () => {
    const weight = (region: string) => program.emphasis.find((entry) => entry.region === region)?.weight ?? 0;
    expect(weight('knee')).toBeGreaterThan(1);
    expect(weight('hip-pelvis')).toBeGreaterThan(1);
    expect(weight('knee')).toBeGreaterThan(weight('mid-back'));
    expect(weight('hip-pelvis')).toBeGreaterThan(weight('upper-back-shoulders'));
    expect(weight('mid-back')).toBe(1);
    // Emphasis is sorted heaviest first, and the knee and hip are in the heaviest group.
    expect(program.emphasis[0]?.weight).toBe(Math.max(weight('knee'), weight('hip-pelvis')));
  });

  it('does the knee and hip work three times a week and every other region at least twice', () => {
    const perWeek = (region: string) => all.filter((item) => item.region === region).length;
    expect(perWeek('knee')).toBeGreaterThanOrEqual(3);
    expect(perWeek('hip-pelvis')).toBeGreaterThanOrEqual(3);
    for (const region of PROGRAM_REGIONS) expect(perWeek(region), region).toBeGreaterThanOrEqual(2);
  });

  it('names the pain in the reasons of the knee and hip exercises', () => {
    for (const item of all.filter((entry) => entry.region === 'knee' || entry.region === 'hip-pelvis')) {
      const painReasons = item.reasons.filter((reason) => reason.kind === 'pain');
      expect(painReasons.length, item.exerciseId).toBeGreaterThan(0);
      expect(painReasons.some((reason) => reason.text.includes(LEFT_KNEE.label))).toBe(true);
    }
    expect(program.emphasis.find((entry) => entry.region === 'knee')?.reasons.join(' ')).toContain(
      LEFT_KNEE.label,
    );
  });

  it('explains every exercise, coverage first', () => {
    for (const item of all) expect(item.reasons[0]?.kind).toBe('coverage');
  });

  it('gives the left side the extra set on one-sided work for the muscles the pain points to, never the right', () => {
    const sided = all.filter((item) => item.extraSetSide !== null);
    expect(sided.length).toBeGreaterThan(0);
    for (const item of sided) {
      expect(item.extraSetSide).toBe('left');
      expect(item.perSide).toBe(true);
      expect(item.reasons.at(-1)).toEqual({
        kind: 'weaker-side',
        text: `One set more on the left side, never less: ${LEFT_KNEE.label}`,
      });
    }
    // A one-sided exercise for muscles the knee pain does not implicate gets no extra set.
    const upper = all.filter((item) => item.region === 'upper-back-shoulders' || item.region === 'mid-back');
    for (const item of upper) expect(item.extraSetSide).toBeNull();
  });

  it('a pain on both sides emphasises without an extra set on either', () => {
    const both = prescribe(input({ pains: [{ ...LEFT_KNEE, side: 'both', label: 'knee pain' }] }));
    expect(items(both.sessions).every((item) => item.extraSetSide === null)).toBe(true);
  });
});

describe('a benchmark asymmetry', () => {
  it('outranks the painful side: the measured weaker side gets the extra set where both speak', () => {
    const program = prescribe(input({ pains: [LEFT_KNEE], benchmarks: [RIGHT_SIDE_BRIDGE] }));
    const all = items(program.sessions);
    const trained = all.filter((item) =>
      byId(item.exerciseId).targets.some((group) => RIGHT_SIDE_BRIDGE.groups.includes(group)),
    );
    expect(trained.some((item) => item.perSide)).toBe(true);
    for (const item of trained.filter((entry) => entry.perSide)) expect(item.extraSetSide).toBe('right');
    const named = all.filter((item) =>
      item.reasons.some((reason) => reason.text === RIGHT_SIDE_BRIDGE.message),
    );
    expect(named.length).toBeGreaterThan(0);
  });

  it('without a side, emphasises but adds no extra set', () => {
    const program = prescribe(input({ benchmarks: [{ ...RIGHT_SIDE_BRIDGE, weakerSide: null }] }));
    expect(items(program.sessions).every((item) => item.extraSetSide === null)).toBe(true);
    const core = program.emphasis.find((entry) => entry.region === 'lumbopelvic-core');
    expect(core?.weight).toBeGreaterThan(1);
    expect(core?.reasons).toContain(RIGHT_SIDE_BRIDGE.message);
  });
});

describe('a red flag', () => {
  it('pauses every item and says why, first', () => {
    const program = prescribe(input({ pains: [LEFT_KNEE], redFlagOpen: true }));
    expect(program.paused).toBe(true);
    expect(items(program.sessions).length).toBeGreaterThan(0);
    expect(items(program.sessions).every((item) => item.paused)).toBe(true);
    expect(program.notes[0]).toMatch(/red flag.*paused.*clinician/i);
  });

  it('without one, nothing is paused and no note is added', () => {
    const program = prescribe(input());
    expect(program.paused).toBe(false);
    expect(items(program.sessions).some((item) => item.paused)).toBe(false);
    expect(program.notes).toEqual([]);
  });
});

describe('equipment', () => {
  it.each<[Equipment[]]>([[[]], [['band']], [['step']], [['weight']], [['band', 'step', 'weight']]])(
    'with %j, prescribes only exercises that need nothing more, and still covers every region',
    (equipment) => {
      const program = prescribe(input({ settings: { equipment }, pains: [LEFT_KNEE] }));
      const all = items(program.sessions);
      for (const item of all) {
        for (const need of byId(item.exerciseId).equipment)
          expect(equipment, item.exerciseId).toContain(need);
      }
      expect(new Set(all.map((item) => item.region))).toEqual(new Set(PROGRAM_REGIONS));
    },
  );

  it('falls back to the hardest rung below the logged one that the equipment allows', () => {
    const history = toppedOut(['band', 'step', 'weight']);
    const program = prescribe(
      input({ history, settings: { equipment: [], minutesPerSession: 60, sessionsPerWeek: 4 } }),
    );
    const heel = items(program.sessions).find((item) => item.familyId === 'heel-raise');
    expect(heel?.exerciseId).toBe('heel-raise-single');
    const all = items(program.sessions);
    expect(all.some((item) => byId(item.exerciseId).equipment.length > 0)).toBe(false);
  });
});

describe('time', () => {
  it('starting doses fit two 15-minute sessions without a note', () => {
    const program = prescribe(input({ settings: { sessionsPerWeek: 2, minutesPerSession: 15 } }));
    expect(program.notes).toEqual([]);
    for (const session of program.sessions) expect(session.estimatedS).toBeLessThanOrEqual(15 * 60);
  });

  it('says so when only the fewest sets fit', () => {
    const equipment: Equipment[] = ['band', 'step', 'weight'];
    const program = prescribe(
      input({
        history: toppedOut(equipment),
        settings: { equipment, sessionsPerWeek: 4, minutesPerSession: 20 },
      }),
    );
    expect(program.notes).toEqual([
      'The time you have fits every region only at the fewest sets; more minutes would allow more.',
    ]);
    const all = items(program.sessions);
    for (const item of all) expect(item.sets).toBe(byId(item.exerciseId).dose.sets.min);
    expect(new Set(all.map((item) => item.region))).toEqual(new Set(PROGRAM_REGIONS));
  });

  it('trims the doses and says so when not even the fewest sets fit, rather than drop a region', () => {
    const equipment: Equipment[] = ['band', 'step', 'weight'];
    const program = prescribe(
      input({
        history: toppedOut(equipment),
        pains: [LEFT_KNEE],
        settings: { equipment, sessionsPerWeek: 2, minutesPerSession: 15 },
      }),
    );
    expect(program.notes).toEqual([
      'The time you have fits every region only at lighter doses than your log has earned; more minutes would allow the full doses.',
    ]);
    const all = items(program.sessions);
    expect(new Set(all.map((item) => item.region))).toEqual(new Set(PROGRAM_REGIONS));
    for (const session of program.sessions) expect(session.estimatedS).toBeLessThanOrEqual(15 * 60);
  });

  it('labels sessions A, B, C … and orders each from the feet up', () => {
    const program = prescribe(input({ settings: { sessionsPerWeek: 4 } }));
    expect(program.sessions.map((session) => session.label)).toEqual(['A', 'B', 'C', 'D']);
    for (const session of program.sessions) {
      const order = session.items.map((item) => PROGRAM_REGIONS.indexOf(item.region));
      expect(order).toEqual([...order].sort((a, b) => a - b));
    }
  });
});

describe('doses follow the log', () => {
  it('prescribes the replayed dose, and the missed-week rule up to today', () => {
    const logs = [0, 3, 6, 9].map((day) => ({
      id: `s${day}`,
      date: `2026-02-${String(2 + day).padStart(2, '0')}`,
      painNextMorning: 0,
      exercises: [
        { exerciseId: 'glute-bridge', setsDone: 2, achieved: 20, rpe: 5, painDuring: 0, goodForm: true },
      ],
    }));
    const history = replayProgression(logs, { equipment: [], redFlagSpans: [] });
    const bridge = (date: string) =>
      items(
        prescribe(input({ history, date, settings: { sessionsPerWeek: 4, minutesPerSession: 60 } })).sessions,
      ).find((item) => item.familyId === 'glute-bridge');
    expect(bridge('2026-02-12')?.target).toBe(14);
    // 21 days after the last session: one volume step down.
    expect(bridge('2026-03-04')?.target).toBe(12);
  });
});
