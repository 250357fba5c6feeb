/**
 * Keel's exercise catalogue: stabilizer endurance work for the whole body, from the feet to the shoulders
 * (domain-reference §4). Each movement family is a ladder of 3–4 rungs, easiest first; a runner moves up a
 * rung when the top of the dose range is done well, and down one when pain says so.
 */
import type { Exercise, ExerciseFamily } from '../types.js';
import type { FamilyEntry } from './build.js';
import { FOOT_ANKLE_FAMILIES } from './foot-ankle.js';
import { HIP_PELVIS_FAMILIES } from './hip-pelvis.js';
import { KNEE_FAMILIES } from './knee.js';
import { LUMBOPELVIC_CORE_FAMILIES } from './lumbopelvic-core.js';
import { MID_BACK_FAMILIES } from './mid-back.js';
import { UPPER_BACK_SHOULDERS_FAMILIES } from './upper-back-shoulders.js';

// Feet up, in PROGRAM_REGIONS order, so lists and docs read the way the body is built.
const ENTRIES: readonly FamilyEntry[] = [
  ...FOOT_ANKLE_FAMILIES,
  ...KNEE_FAMILIES,
  ...HIP_PELVIS_FAMILIES,
  ...LUMBOPELVIC_CORE_FAMILIES,
  ...MID_BACK_FAMILIES,
  ...UPPER_BACK_SHOULDERS_FAMILIES,
];

export const EXERCISE_FAMILIES: readonly ExerciseFamily[] = ENTRIES.map((entry) => entry.family);
export const EXERCISES: readonly Exercise[] = ENTRIES.flatMap((entry) => entry.exercises);

const exercisesById = new Map(EXERCISES.map((exercise) => [exercise.id, exercise]));
const familiesById = new Map(EXERCISE_FAMILIES.map((family) => [family.id, family]));

export function exerciseById(id: string): Exercise | undefined {
  return exercisesById.get(id);
}

export function familyById(id: string): ExerciseFamily | undefined {
  return familiesById.get(id);
}

function neighbour(exerciseId: string, step: 1 | -1): string | null {
  const exercise = exercisesById.get(exerciseId);
  if (!exercise) return null;
  const ladder = familiesById.get(exercise.family)?.ladder ?? [];
  const at = ladder.indexOf(exerciseId);
  return at < 0 ? null : (ladder[at + step] ?? null);
}

/** The next harder rung of the same family, or null at the top of the ladder or for an unknown id. */
export function nextLevel(exerciseId: string): string | null {
  return neighbour(exerciseId, 1);
}

/** The next easier rung of the same family, or null at the bottom of the ladder or for an unknown id. */
export function previousLevel(exerciseId: string): string | null {
  return neighbour(exerciseId, -1);
}
