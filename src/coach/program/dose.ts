import type { Exercise, Range } from '../types.js';

/**
 * Seconds to get into position and read the cues before an exercise. Keel's estimate, only used to keep a session
 * inside the athlete's minutes.
 */
export const SETUP_S = 20;

/**
 * Domain-reference §4 (ACSM 2009 progression models): add reps or hold time first, about 10–20% a step. Keel takes
 * the middle, 15%, and at least one rep or 5 s so that small targets still move.
 */
export const STEP_FRACTION = 0.15;
const MIN_STEP = { reps: 1, hold: 5 } as const;

export function targetRange(exercise: Exercise): Range {
  return exercise.dose.kind === 'reps' ? exercise.dose.reps : exercise.dose.holdS;
}

export function targetUnit(exercise: Exercise): 'reps' | 's' {
  return exercise.dose.kind === 'reps' ? 'reps' : 's';
}

/** Holds move in whole 5 s so a timer and a runner can both count them. */
function roundTarget(exercise: Exercise, value: number): number {
  return exercise.dose.kind === 'hold' ? Math.round(value / 5) * 5 : Math.round(value);
}

export function clampTarget(exercise: Exercise, target: number): number {
  const { min, max } = targetRange(exercise);
  return Math.min(max, Math.max(min, target));
}

/** One volume step up, capped at the top of the exercise's range. */
export function stepUp(exercise: Exercise, target: number): number {
  const next = Math.max(
    target + MIN_STEP[exercise.dose.kind],
    roundTarget(exercise, target * (1 + STEP_FRACTION)),
  );
  return clampTarget(exercise, next);
}

/** One volume step down, floored at the bottom of the exercise's range. */
export function stepDown(exercise: Exercise, target: number): number {
  const previous = Math.min(
    target - MIN_STEP[exercise.dose.kind],
    roundTarget(exercise, target / (1 + STEP_FRACTION)),
  );
  return clampTarget(exercise, previous);
}

/**
 * Time for one programmed exercise: every set's work on each side, the rest between rounds (one side rests while
 * the other works, so a round is both sides), and the setup.
 */
export function itemSeconds(exercise: Exercise, sets: number, target: number, extraSet: boolean): number {
  const { dose } = exercise;
  const perSet =
    dose.kind === 'reps' ? target * (dose.tempoS.up + dose.tempoS.hold + dose.tempoS.down) : target;
  const setsDone = sets * (dose.perSide ? 2 : 1) + (extraSet ? 1 : 0);
  const rounds = sets + (extraSet ? 1 : 0);
  return SETUP_S + setsDone * perSet + Math.max(0, rounds - 1) * dose.restS;
}
