import type { BodyRegion, Side } from '../../domain/pain.js';
import type { StabilizerGroup } from '../../domain/stabilizers.js';
import type { Equipment, ProgramRegion } from '../types.js';

/** What the athlete can give the program. */
export interface ProgramSettings {
  sessionsPerWeek: number;
  minutesPerSession: number;
  equipment: readonly Equipment[];
}

/** A pain the program should answer: from a same-distance pattern or recent pain reports. */
export interface PainFocus {
  region: BodyRegion;
  side: Side | null;
  /** 1 for a same-distance threshold, less for pain without a pattern yet. */
  strength: number;
  /** How the runner would name it, e.g. "left knee pain from about 13.9 km". */
  label: string;
}

/** A benchmark result that should shape the program (from `coach/benchmarks`' findings). */
export interface BenchmarkFocus {
  testId: string;
  groups: readonly StabilizerGroup[];
  weakerSide: 'left' | 'right' | null;
  /** 0..1: below-norm and asymmetric results weigh most. */
  weight: number;
  message: string;
}

/** Where each movement family stands: the rung, the sets, and the reps or hold seconds per set. */
export interface FamilyState {
  familyId: string;
  exerciseId: string;
  sets: number;
  /** Reps per set, or seconds per hold. */
  target: number;
  /** Completed, good-form, RPE ≤ 7 sessions in a row at this dose. */
  goodStreak: number;
  /** The last date this family was logged, or null before its first session. */
  lastLoggedOn: string | null;
}

export type ProgressionRule =
  | 'start'
  | 'volume-up'
  | 'level-up'
  | 'set-up'
  | 'hold-at-top'
  | 'pain-during'
  | 'pain-next-morning'
  | 'morning-pain-rising'
  | 'incomplete'
  | 'missed-weeks'
  | 'red-flag-pause';

/** One change a rule made, for the history the athlete and their therapist read. */
export interface ProgressionEvent {
  date: string;
  familyId: string;
  rule: ProgressionRule;
  from: { exerciseId: string; sets: number; target: number };
  to: { exerciseId: string; sets: number; target: number };
  reason: string;
  source: string;
}

/** What was done of one exercise in a session. */
export interface ExerciseLog {
  exerciseId: string;
  setsDone: number;
  /** Reps or seconds reached in the weakest set (the weaker side's, for one-sided work). */
  achieved: number;
  /** Effort, 0–10 (RPE). */
  rpe: number;
  /** Pain during the exercise, 0–10. */
  painDuring: number;
  /** Every rep or hold done with the form the cues describe. */
  goodForm: boolean;
}

export interface SessionLog {
  id: string;
  date: string;
  exercises: readonly ExerciseLog[];
  /** Pain the morning after, 0–10; null until the athlete says. */
  painNextMorning: number | null;
}

/** Why an exercise is in the program, in plain words, with what it rests on. */
export interface ItemReason {
  kind: 'coverage' | 'pain' | 'benchmark' | 'weaker-side';
  text: string;
}

export interface ProgramItem {
  exerciseId: string;
  familyId: string;
  region: ProgramRegion;
  sets: number;
  /** Reps per set, or seconds per hold. */
  target: number;
  unit: 'reps' | 's';
  perSide: boolean;
  /** One-sided work: the weaker or painful side gets one set more, never less. */
  extraSetSide: 'left' | 'right' | null;
  /** Estimated time for the whole item, rests included. */
  estimatedS: number;
  reasons: ItemReason[];
  /** Paused while a red flag is open: nothing is done or progressed until a clinician has seen it. */
  paused: boolean;
}

export interface ProgramSession {
  /** A, B, C … in the order to do them through the week. */
  label: string;
  items: ProgramItem[];
  estimatedS: number;
}

export interface RegionEmphasis {
  region: ProgramRegion;
  /** 1 = the whole-body baseline every region gets; more = emphasised. */
  weight: number;
  reasons: string[];
}

export interface Prescription {
  settings: ProgramSettings;
  emphasis: RegionEmphasis[];
  sessions: ProgramSession[];
  /** True while a red flag is open: nothing progresses, every item is paused. */
  paused: boolean;
  notes: string[];
}
