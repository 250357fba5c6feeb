import type { UnitSystem } from '../../domain/units.js';
import type { SpikeCheck } from './spike.js';

export type { SpikeBand, SpikeCheck } from './spike.js';

/** A goal race: 5 km to 100 miles, or any custom distance. */
export interface RaceGoal {
  distanceM: number;
  /** YYYY-MM-DD. */
  date: string;
  surface: 'road' | 'trail' | 'track' | 'mixed';
  name?: string | null;
}

export interface PlanGates {
  /** Was the last long run pain-free? Null: no answer yet. */
  lastLongRunPainFree: boolean | null;
  /** Was the next morning settled (pain ≤ 2/10)? Null: no answer yet. */
  morningSettled: boolean | null;
  programSessionsLast2Weeks: number;
  programSessionsPlanned2Weeks: number;
  /** Are the benchmark results improving? Null: not tested (twice) yet. */
  benchmarksImproving: boolean | null;
}

/** Everything the plan is made from: what the body has done and what it says, as of `today`. */
export interface PlanState {
  /** YYYY-MM-DD: the plan has no clock. */
  today: string;
  /** Done runs, any order, at least the last 12 weeks. */
  runs: readonly { date: string; distanceM: number }[];
  /** The pain pattern's pain-free distance (null: no pattern). */
  painFreeM: number | null;
  painTrend: 'improving' | 'stable' | 'worsening' | null;
  /** Form-breakdown distance (median "holds to"), null if unknown. */
  breakdownM: number | null;
  gates: PlanGates;
  redFlagOpen: boolean;
  /** The distance unit the plan's words are written in. */
  units: UnitSystem;
}

export type PlanPhase = 'build' | 'hold' | 'peak' | 'taper' | 'race';
export type GateStatus = 'open' | 'held' | 'halted';

export interface PlanWeek {
  /** Monday of the week. */
  weekStart: string;
  /** The day of the week's long run (the race's weekday, so the peak falls whole weeks before it). */
  longRunDate: string;
  phase: PlanPhase;
  /** The long run, metres; the race itself in race week; 0 while halted. */
  longRunM: number;
  /** The week's running, metres, the long run (and in race week the race) included. */
  volumeM: number;
  /** Run–walk offered: the long run goes beyond the pain-free or form-breakdown distance. */
  runWalk: boolean;
  gate: { status: GateStatus; reasons: string[] };
  /** The long run against the longest run (done or planned) of the 30 days before it. */
  spike: SpikeCheck;
  notes: string[];
}

export interface PlanRule {
  id: string;
  text: string;
  source: string;
}

/** What the plan was made from, so that a re-plan can say what changed. */
export interface PlanBasis {
  longestRecentM: number | null;
  weeklyVolumeM: number;
  painFreeM: number | null;
  painTrend: PlanState['painTrend'];
  breakdownM: number | null;
  gates: PlanGates;
  redFlagOpen: boolean;
}

export interface RacePlan {
  goal: RaceGoal;
  today: string;
  feasible: boolean;
  /** Plain words: can the goal be reached safely, and if not, why and what instead. */
  verdict: string;
  /** When the goal is not reachable: the earliest race date (same weekday) that is, under the same rules. */
  earliestSafeDate: string | null;
  /** When the goal is not reachable: the longest standard race that is, on the goal's date. */
  shorterRaceM: number | null;
  /** The longest long run the plan reaches before the taper (a done run when there is no time left to build). */
  peakLongRunM: number;
  /** The week's volume at that peak (with no time left to build: the recent weekly volume, at least that run). */
  peakVolumeM: number;
  /** The peak the plan aims for: the middle of the usual range for the race. */
  targetPeakM: number;
  /** The least peak long run the race needs: the bottom of the usual range. */
  requiredPeakM: number;
  /** The usual range of peak long runs for this race distance. */
  peakRange: { minM: number; maxM: number };
  /** Whole weeks from the peak long run to the race. */
  taperWeeks: number;
  weeks: PlanWeek[];
  /** The longest run of the 30 days up to today (0 if none). */
  startingLongRunM: number;
  /** The recent weekly volume the plan grows from. */
  startingVolumeM: number;
  rules: PlanRule[];
  notes: string[];
  basis: PlanBasis;
}

/** What to do next toward the race: the coming long run, the race itself, or nothing while halted. */
export interface NextStep {
  /** YYYY-MM-DD: the day of the next long run (or the race) on or after today. */
  date: string;
  /** Monday of that day's week. */
  weekStart: string;
  kind: 'long-run' | 'race' | 'halted';
  /** The long run or the race, metres; 0 while halted. */
  distanceM: number;
  runWalk: boolean;
  gate: PlanWeek['gate'];
  spike: SpikeCheck;
  /** One plain sentence, in the athlete's distance unit. */
  message: string;
}

export interface PlanChange {
  weekStart: string;
  field: string;
  from: unknown;
  to: unknown;
  why: string;
}
