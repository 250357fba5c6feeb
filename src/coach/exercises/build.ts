import type { Dose, Exercise, ExerciseFamily, ProgramRegion } from '../types.js';

/** A rung as written in a region file: region, family and level come from the ladder it sits in. */
export type Rung = Omit<Exercise, 'region' | 'family' | 'level'>;

export interface FamilyEntry {
  family: ExerciseFamily;
  exercises: readonly Exercise[];
}

/**
 * Builds one family from its rungs, easiest first. Level and family come from the position in the list so a
 * rung cannot claim a level or family its ladder contradicts.
 */
export function ladder(
  meta: { id: string; name: string; region: ProgramRegion },
  rungs: readonly Rung[],
): FamilyEntry {
  const exercises = rungs.map(
    (rung, i): Exercise => ({ ...rung, region: meta.region, family: meta.id, level: i + 1 }),
  );
  return { family: { ...meta, ladder: exercises.map((e) => e.id) }, exercises };
}

type Pair = readonly [number, number];

export function reps(d: {
  sets: Pair;
  reps: Pair;
  /** Seconds up, held, down. */
  tempo: readonly [number, number, number];
  restS: number;
  perSide: boolean;
}): Dose {
  return {
    kind: 'reps',
    sets: { min: d.sets[0], max: d.sets[1] },
    reps: { min: d.reps[0], max: d.reps[1] },
    tempoS: { up: d.tempo[0], hold: d.tempo[1], down: d.tempo[2] },
    restS: d.restS,
    perSide: d.perSide,
  };
}

export function hold(d: { sets: Pair; holdS: Pair; restS: number; perSide: boolean }): Dose {
  return {
    kind: 'hold',
    sets: { min: d.sets[0], max: d.sets[1] },
    holdS: { min: d.holdS[0], max: d.holdS[1] },
    restS: d.restS,
    perSide: d.perSide,
  };
}
