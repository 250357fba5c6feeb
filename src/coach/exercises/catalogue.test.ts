import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { STABILIZER_GROUPS } from '../../domain/stabilizers.js';
import { EQUIPMENT, type Exercise, PROGRAM_REGIONS } from '../types.js';
import { EXERCISE_FAMILIES, EXERCISES, exerciseById, familyById, nextLevel, previousLevel } from './index.js';

const KEBAB = /^[a-z0-9]+(-[a-z0-9]+)*$/;
const byId = (id: string): Exercise => {
  const exercise = exerciseById(id);
  if (!exercise) throw new Error(`unknown exercise ${id}`);
  return exercise;
};

describe('catalogue shape', () => {
  it('holds at least 40 exercises', () => {
    expect(EXERCISES.length).toBeGreaterThanOrEqual(40);
  });

  it('gives every exercise and family a unique kebab-case id', () => {
    for (const ids of [EXERCISES.map((e) => e.id), EXERCISE_FAMILIES.map((f) => f.id)]) {
      expect(new Set(ids).size).toBe(ids.length);
      for (const id of ids) expect(id, id).toMatch(KEBAB);
    }
  });

  it('gives every exercise a unique name', () => {
    const names = EXERCISES.map((e) => e.name);
    expect(new Set(names).size).toBe(names.length);
  });

  it.each(PROGRAM_REGIONS)('covers %s with a family and a no-equipment first rung', (region) => {
    const families = EXERCISE_FAMILIES.filter((f) => f.region === region);
    expect(families.length).toBeGreaterThanOrEqual(1);
    const openToAll = families.filter((f) => byId(f.ladder[0] ?? '').equipment.length === 0);
    expect(openToAll.length, `${region} needs a family anyone can start`).toBeGreaterThanOrEqual(1);
  });

  it('trains every stabilizer group somewhere, as the whole-chain approach needs', () => {
    const trained = new Set(EXERCISES.flatMap((e) => e.targets));
    expect([...STABILIZER_GROUPS].filter((g) => !trained.has(g))).toEqual([]);
  });
});

describe('families', () => {
  it.each(EXERCISE_FAMILIES.map((f) => [f.id, f] as const))(
    '%s is an ordered ladder of 3–4 rungs',
    (_, family) => {
      expect(family.ladder.length).toBeGreaterThanOrEqual(3);
      expect(family.ladder.length).toBeLessThanOrEqual(4);
      family.ladder.forEach((id, i) => {
        const exercise = byId(id);
        expect(exercise.level, id).toBe(i + 1);
        expect(exercise.family, id).toBe(family.id);
        expect(exercise.region, id).toBe(family.region);
      });
    },
  );

  it('puts every exercise in exactly one family, the one it names', () => {
    for (const exercise of EXERCISES) {
      const holders = EXERCISE_FAMILIES.filter((f) => f.ladder.includes(exercise.id));
      expect(
        holders.map((f) => f.id),
        exercise.id,
      ).toEqual([exercise.family]);
    }
  });

  it('never lowers the top of the dose range on a harder rung of the same kind', () => {
    for (const family of EXERCISE_FAMILIES) {
      const rungs = family.ladder.map(byId);
      for (let i = 1; i < rungs.length; i++) {
        const [easier, harder] = [rungs[i - 1]?.dose, rungs[i]?.dose];
        if (!easier || !harder) throw new Error('ladder gap');
        expect(harder.sets.max, rungs[i]?.id).toBeGreaterThanOrEqual(easier.sets.max);
        if (easier.kind === 'reps' && harder.kind === 'reps') {
          expect(harder.reps.max, rungs[i]?.id).toBeGreaterThanOrEqual(easier.reps.max);
        }
        if (easier.kind === 'hold' && harder.kind === 'hold') {
          expect(harder.holdS.max, rungs[i]?.id).toBeGreaterThanOrEqual(easier.holdS.max);
        }
      }
    }
  });
});

describe('endurance dosing (domain-reference §4)', () => {
  it.each(EXERCISES.map((e) => [e.id, e] as const))('%s is dosed within the limits', (_, { dose }) => {
    expect(Number.isInteger(dose.sets.min) && Number.isInteger(dose.sets.max)).toBe(true);
    expect(dose.sets.min).toBeGreaterThanOrEqual(2);
    expect(dose.sets.max).toBeLessThanOrEqual(4);
    expect(dose.sets.min).toBeLessThanOrEqual(dose.sets.max);
    expect(dose.restS).toBeGreaterThan(0);
    if (dose.kind === 'reps') {
      expect(dose.reps.min).toBeGreaterThanOrEqual(10);
      expect(dose.reps.max).toBeLessThanOrEqual(25);
      expect(dose.reps.min).toBeLessThanOrEqual(dose.reps.max);
      // Slow: at least 2 s each way, and a pause short enough to stay a rep rather than a hold.
      expect(dose.tempoS.up).toBeGreaterThanOrEqual(2);
      expect(dose.tempoS.down).toBeGreaterThanOrEqual(2);
      expect(Math.max(dose.tempoS.up, dose.tempoS.down)).toBeLessThanOrEqual(4);
      expect(dose.tempoS.hold).toBeGreaterThanOrEqual(0);
      expect(dose.tempoS.hold).toBeLessThanOrEqual(3);
      if (dose.reps.max <= 15) {
        expect(dose.restS).toBeLessThanOrEqual(60);
      } else {
        expect(dose.restS).toBeGreaterThanOrEqual(60);
        expect(dose.restS).toBeLessThanOrEqual(120);
      }
    } else {
      expect(dose.holdS.min).toBeGreaterThanOrEqual(20);
      expect(dose.holdS.max).toBeLessThanOrEqual(60);
      expect(dose.holdS.min).toBeLessThanOrEqual(dose.holdS.max);
      expect(dose.restS).toBeLessThanOrEqual(60);
    }
  });

  it('starts every first rung in the novice range', () => {
    for (const exercise of EXERCISES.filter((e) => e.level === 1)) {
      const { dose } = exercise;
      expect(dose.sets.max, exercise.id).toBeLessThanOrEqual(3);
      if (dose.kind === 'reps') expect(dose.reps.max, exercise.id).toBeLessThanOrEqual(15);
      else expect(dose.holdS.max, exercise.id).toBeLessThanOrEqual(30);
    }
  });

  it('doses one-sided and alternating exercises per side and two-sided ones for both', () => {
    const oneSided =
      /single-leg|single-arm|side-plank|side-lying|clamshell|split-squat|step-down|hip-hike|pallof|band-inversion|terminal-knee|bird-dog|dead-bug|thoracic-rotation|side-step/;
    const twoSided =
      /double|wall-sit|^glute-bridge$|spanish|heel-squeeze|pull-apart|wall-slide|wall-angel|prone-/;
    for (const { id, dose } of EXERCISES) {
      if (oneSided.test(id)) expect(dose.perSide, id).toBe(true);
      if (twoSided.test(id)) expect(dose.perSide, id).toBe(false);
    }
  });
});

describe('content', () => {
  it.each(EXERCISES.map((e) => [e.id, e] as const))('%s says what, how and why', (_, exercise) => {
    expect(exercise.name.trim()).not.toBe('');
    expect(exercise.targets.length).toBeGreaterThan(0);
    expect(new Set(exercise.targets).size).toBe(exercise.targets.length);
    for (const target of exercise.targets) expect(STABILIZER_GROUPS).toContain(target);
    expect(new Set(exercise.equipment).size).toBe(exercise.equipment.length);
    for (const item of exercise.equipment) expect(EQUIPMENT).toContain(item);
    expect(exercise.steps.length).toBeGreaterThanOrEqual(3);
    expect(exercise.steps.length).toBeLessThanOrEqual(6);
    expect(exercise.cues.length).toBeGreaterThanOrEqual(2);
    expect(exercise.cues.length).toBeLessThanOrEqual(4);
    expect(exercise.mistakes.length).toBeGreaterThanOrEqual(2);
    expect(exercise.mistakes.length).toBeLessThanOrEqual(4);
    for (const line of [...exercise.steps, ...exercise.cues, ...exercise.mistakes]) {
      expect(line, exercise.id).toMatch(/^[A-Z].*\.$/);
      // Short enough to read mid-set on a phone.
      expect(line.length, line).toBeLessThanOrEqual(100);
    }
    expect(exercise.source).toContain('ACSM 2009');
    expect(exercise.source).toContain('§4');
  });
});

describe('lookups', () => {
  it('finds exercises and families by id and nothing for unknown ids', () => {
    expect(exerciseById('heel-raise-single')?.family).toBe('heel-raise');
    expect(familyById('heel-raise')?.ladder[0]).toBe('heel-raise-double');
    expect(exerciseById('no-such-exercise')).toBeUndefined();
    expect(familyById('no-such-family')).toBeUndefined();
  });

  it('steps through a ladder rung by rung and stops at both ends', () => {
    expect(nextLevel('heel-raise-double')).toBe('heel-raise-single');
    expect(previousLevel('heel-raise-single')).toBe('heel-raise-double');
    expect(previousLevel('heel-raise-double')).toBeNull();
    expect(nextLevel('heel-raise-off-step')).toBeNull();
    expect(nextLevel('no-such-exercise')).toBeNull();
    expect(previousLevel('no-such-exercise')).toBeNull();
  });

  it.each(EXERCISE_FAMILIES.map((f) => [f.id, f] as const))('walks %s both ways', (_, family) => {
    const first = family.ladder[0] ?? '';
    const last = family.ladder.at(-1) ?? '';
    const up = [first];
    for (let id = nextLevel(first); id !== null; id = nextLevel(id)) up.push(id);
    const down = [last];
    for (let id = previousLevel(last); id !== null; id = previousLevel(id)) down.push(id);
    expect(up).toEqual(family.ladder);
    expect(down.reverse()).toEqual(family.ladder);
  });
});

describe('docs/exercises.md', () => {
  // Read from the repository root, where the test runner starts.
  const doc = readFileSync('docs/exercises.md', 'utf8');
  const rowIds = [...doc.matchAll(/^\|\s*`([a-z0-9-]+)`\s*\|/gm)].map((m) => m[1]);

  it('lists every exercise once, each family in ladder order', () => {
    expect([...rowIds].sort()).toEqual(EXERCISES.map((e) => e.id).sort());
    for (const family of EXERCISE_FAMILIES) {
      expect(doc, family.id).toContain(`\`${family.id}\``);
      const positions = family.ladder.map((id) => rowIds.indexOf(id));
      expect(positions, family.id).toEqual([...positions].sort((a, b) => a - b));
    }
  });
});
