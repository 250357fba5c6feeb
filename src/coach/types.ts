import type { StabilizerGroup } from '../domain/stabilizers.js';

/**
 * The six regions of the whole-body program (domain-reference §4), from the feet up. The article's fix is
 * endurance of the stabilizers across the entire body, not only where it hurts: every week covers all six.
 */
export const PROGRAM_REGIONS = [
  'foot-ankle',
  'knee',
  'hip-pelvis',
  'lumbopelvic-core',
  'mid-back',
  'upper-back-shoulders',
] as const;
export type ProgramRegion = (typeof PROGRAM_REGIONS)[number];

export const PROGRAM_REGION_LABELS: Record<ProgramRegion, string> = {
  'foot-ankle': 'feet and ankles',
  knee: 'knees',
  'hip-pelvis': 'hips and pelvis',
  'lumbopelvic-core': 'low back and core',
  'mid-back': 'mid back',
  'upper-back-shoulders': 'upper back and shoulders',
};

export const EQUIPMENT = ['band', 'step', 'weight'] as const;
/** What an exercise needs beyond the floor and a wall; an empty list means nothing. */
export type Equipment = (typeof EQUIPMENT)[number];

/** An inclusive range, e.g. 10–15 reps or 20–60 s. */
export interface Range {
  min: number;
  max: number;
}

/**
 * Endurance dosing (domain-reference §4, ACSM 2009 progression models): 2–4 sets, 10–25 reps at a slow tempo or
 * 20–60 s holds, short rests. `perSide`: one-sided exercises are dosed per side, and the weaker side never gets less.
 */
export type Dose =
  | {
      kind: 'reps';
      sets: Range;
      reps: Range;
      /** Seconds for the lifting, held and lowering phases of one rep, e.g. 2-0-2. */
      tempoS: { up: number; hold: number; down: number };
      restS: number;
      perSide: boolean;
    }
  | {
      kind: 'hold';
      sets: Range;
      holdS: Range;
      restS: number;
      perSide: boolean;
    };

/** One rung of a movement family's ladder. */
export interface Exercise {
  /** Stable kebab-case id, e.g. `short-foot-hold`; logs and programs key on it. */
  id: string;
  name: string;
  region: ProgramRegion;
  /** The movement family this rung belongs to, e.g. `heel-raise`. */
  family: string;
  /** 1 = easiest rung of the family. */
  level: number;
  targets: readonly StabilizerGroup[];
  equipment: readonly Equipment[];
  /** How to do it, in order, in Keel's own words. */
  steps: readonly string[];
  /** Short reminders while doing it. */
  cues: readonly string[];
  mistakes: readonly string[];
  dose: Dose;
  /** The evidence or guidance it rests on. */
  source: string;
}

export interface ExerciseFamily {
  id: string;
  name: string;
  region: ProgramRegion;
  /** Exercise ids from easiest to hardest (3–4 rungs). */
  ladder: readonly string[];
}
