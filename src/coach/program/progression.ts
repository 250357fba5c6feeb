import {
  ACCEPTABLE_MAX_SEVERITY,
  MORNING_TREND_WINDOW_DAYS,
  SETTLED_MAX_SEVERITY,
} from '../../analysis/triage/index.js';
import { daysBetween } from '../../domain/time.js';
import { exerciseById, familyById } from '../exercises/index.js';
import type { Equipment, Exercise } from '../types.js';
import { clampTarget, stepDown, stepUp, targetRange, targetUnit } from './dose.js';
import type { ExerciseLog, FamilyState, ProgressionEvent, ProgressionRule, SessionLog } from './types.js';

/**
 * Progression and regression by written rules (domain-reference §4). Each rule's threshold and source is here and
 * in docs/program.md; `replayProgression` folds the whole session log through them, so the current dose of every
 * exercise, and the history of why it moved, follow from the log alone.
 */

/** §4: progress when every set was completed with good form and effort left in reserve, RPE ≤ 7 of 10 … */
export const PROGRESS_MAX_RPE = 7;
/** … twice in a row. */
export const PROGRESS_STREAK = 2;
/** Keel's choice: two incomplete sessions in a row mean the dose is beyond the athlete today; one is a bad day. */
export const INCOMPLETE_STREAK = 2;
/**
 * A missed week, read as a gap between sessions of this many days or more: two or three sessions a week (§4) leave
 * at most a few days between them, and a fortnight means a whole week went by without one.
 */
export const MISSED_WEEK_GAP_DAYS = 14;
/** Keel's choice: after a month off, restart at the bottom of the range; after two, one rung lower. */
export const RESTART_GAP_DAYS = 28;
export const LEVEL_DOWN_GAP_DAYS = 56;

const SOURCES = {
  acsm: 'ACSM 2009 position stand, progression models in resistance training (Med Sci Sports Exerc 41:687); domain-reference §4',
  painMonitoring:
    'Silbernagel et al. 2007, pain-monitoring model (Am J Sports Med 35:897), after Thomeé 1997; domain-reference §4',
  redFlag: 'domain-reference §4 and §6: a red flag means stop and see a clinician',
  keel: "Keel's own rule (no study sets it); see docs/program.md",
} as const;

export interface ProgressionContext {
  equipment: readonly Equipment[];
  /** Days from `from` to `to` (inclusive; `to` null while still open) on which a red flag was open. */
  redFlagSpans: readonly { from: string; to: string | null }[];
}

export interface ProgressionHistory {
  /** Every family logged so far, keyed by family id. */
  states: ReadonlyMap<string, FamilyState>;
  /** Oldest first. */
  events: readonly ProgressionEvent[];
}

function hasEquipment(exercise: Exercise, equipment: readonly Equipment[]): boolean {
  return exercise.equipment.every((item) => equipment.includes(item));
}

function knownExercise(id: string): Exercise {
  const exercise = exerciseById(id);
  if (!exercise) throw new Error(`unknown exercise "${id}"`);
  return exercise;
}

/** Where a family starts: its easiest rung (or the rung first logged), at the bottom of the range, fewest sets. */
export function startingState(familyId: string, exerciseId?: string): FamilyState {
  const family = familyById(familyId);
  if (!family) throw new Error(`unknown exercise family "${familyId}"`);
  const first = knownExercise(exerciseId ?? (family.ladder[0] as string));
  return {
    familyId,
    exerciseId: first.id,
    sets: first.dose.sets.min,
    target: targetRange(first).min,
    goodStreak: 0,
    lastLoggedOn: null,
  };
}

/** The rung `step` places above (+1) or below (−1) this one, or null at the end of the ladder. */
function neighbour(exercise: Exercise, step: 1 | -1): Exercise | null {
  const family = familyById(exercise.family);
  const id = family?.ladder[family.ladder.indexOf(exercise.id) + step];
  return id === undefined ? null : knownExercise(id);
}

type Span = ProgressionContext['redFlagSpans'][number];

function within(date: string, span: Span): boolean {
  return daysBetween(span.from, date) >= 0 && (span.to === null || daysBetween(date, span.to) >= 0);
}

function redFlagSpanOn(date: string, context: ProgressionContext): Span | null {
  return context.redFlagSpans.find((span) => within(date, span)) ?? null;
}

type Dose = Pick<FamilyState, 'exerciseId' | 'sets' | 'target'>;

const STEP_BACK_RULES: ReadonlySet<ProgressionRule> = new Set([
  'pain-during',
  'pain-next-morning',
  'morning-pain-rising',
  'incomplete',
]);

function doseOf(state: FamilyState): Dose {
  return { exerciseId: state.exerciseId, sets: state.sets, target: state.target };
}

/**
 * One step easier: less volume while there is room, else the nearest rung below that the athlete has the equipment
 * for, at the bottom of its range. With none, the dose stays: a rung the athlete cannot do is no step down.
 */
function easier(state: FamilyState, context: ProgressionContext): Dose {
  const exercise = knownExercise(state.exerciseId);
  const lower = stepDown(exercise, state.target);
  if (lower < state.target) return { ...doseOf(state), target: lower };
  let below = neighbour(exercise, -1);
  while (below && !hasEquipment(below, context.equipment)) below = neighbour(below, -1);
  if (!below) return doseOf(state);
  return {
    exerciseId: below.id,
    sets: Math.min(state.sets, below.dose.sets.max),
    target: targetRange(below).min,
  };
}

/** One step harder: volume first, then the next rung the athlete has the equipment for, then a set more. */
function harder(state: FamilyState, context: ProgressionContext): { dose: Dose; rule: ProgressionRule } {
  const exercise = knownExercise(state.exerciseId);
  const higher = stepUp(exercise, state.target);
  if (higher > state.target) return { dose: { ...doseOf(state), target: higher }, rule: 'volume-up' };
  const above = neighbour(exercise, 1);
  if (above && hasEquipment(above, context.equipment)) {
    const sets = Math.min(above.dose.sets.max, Math.max(state.sets, above.dose.sets.min));
    return { dose: { exerciseId: above.id, sets, target: targetRange(above).min }, rule: 'level-up' };
  }
  if (state.sets < exercise.dose.sets.max) {
    return { dose: { ...doseOf(state), sets: state.sets + 1 }, rule: 'set-up' };
  }
  return { dose: doseOf(state), rule: 'hold-at-top' };
}

function describe(dose: Dose): string {
  const exercise = knownExercise(dose.exerciseId);
  return `${exercise.name}, ${dose.sets} × ${dose.target} ${targetUnit(exercise)}`;
}

interface Replay {
  states: Map<string, FamilyState>;
  events: ProgressionEvent[];
  incompleteStreaks: Map<string, number>;
}

function move(
  replay: Replay,
  state: FamilyState,
  date: string,
  rule: ProgressionRule,
  to: Dose,
  why: string,
  source: string,
): FamilyState {
  const from = doseOf(state);
  const next: FamilyState = { ...state, ...to, goodStreak: 0 };
  const changed = from.exerciseId !== to.exerciseId || from.sets !== to.sets || from.target !== to.target;
  // "Twice in a row" means twice at one dose: a new dose starts the count of incomplete sessions again.
  if (changed) replay.incompleteStreaks.delete(state.familyId);
  // A step back that cannot go lower is still news: the athlete and their therapist must see the breach.
  const stepBack = STEP_BACK_RULES.has(rule);
  if (changed || rule === 'red-flag-pause' || stepBack) {
    const reason = changed
      ? `${why} ${describe(from)} → ${describe(to)}.`
      : stepBack
        ? `${why} ${describe(from)} is already the easiest: it stays there; if the pain keeps coming back, ask a clinician.`
        : why;
    replay.events.push({ date, familyId: state.familyId, rule, from, to, reason, source });
  }
  return next;
}

/**
 * The missed-week rule, applied before a session (and when showing today's program): a week off keeps the dose,
 * two or three cost a volume step for each week beyond the first, a month restarts at the bottom of the range,
 * two months one rung lower.
 */
export function afterGap(state: FamilyState, date: string): { dose: Dose; weeks: number } | null {
  if (state.lastLoggedOn === null) return null;
  const gap = daysBetween(state.lastLoggedOn, date);
  if (gap < MISSED_WEEK_GAP_DAYS) return null;
  const weeks = Math.floor(gap / 7) - 1;
  const exercise = knownExercise(state.exerciseId);
  if (gap >= LEVEL_DOWN_GAP_DAYS) {
    const below = neighbour(exercise, -1) ?? exercise;
    return {
      dose: { exerciseId: below.id, sets: below.dose.sets.min, target: targetRange(below).min },
      weeks,
    };
  }
  if (gap >= RESTART_GAP_DAYS) {
    return { dose: { ...doseOf(state), target: targetRange(exercise).min }, weeks };
  }
  let target = state.target;
  for (let week = 1; week < weeks; week += 1) target = stepDown(exercise, target);
  return { dose: { ...doseOf(state), target }, weeks };
}

function applyGap(replay: Replay, state: FamilyState, date: string): FamilyState {
  const gap = afterGap(state, date);
  if (!gap) return state;
  return move(
    replay,
    state,
    date,
    'missed-weeks',
    gap.dose,
    `${gap.weeks} week${gap.weeks === 1 ? '' : 's'} without this exercise: back to where the body is now.`,
    SOURCES.keel,
  );
}

/** The highest next-morning pain in the 14 days before `date` (the triage rule's window), or null. */
function recentMorningHigh(logs: readonly SessionLog[], index: number): number | null {
  const date = logs[index]?.date as string;
  let high: number | null = null;
  for (let i = index - 1; i >= 0; i -= 1) {
    const earlier = logs[i] as SessionLog;
    const days = daysBetween(earlier.date, date);
    if (days > MORNING_TREND_WINDOW_DAYS) break;
    if (days >= 1 && earlier.painNextMorning !== null) high = Math.max(high ?? 0, earlier.painNextMorning);
  }
  return high;
}

function logOne(
  replay: Replay,
  stateBefore: FamilyState,
  log: ExerciseLog,
  session: { date: string; painNextMorning: number | null; morningHigh: number | null },
  context: ProgressionContext,
): FamilyState {
  const { date } = session;
  let state = applyGap(replay, stateBefore, date);
  // Doing a different rung of the family than prescribed makes that rung the prescription from now on.
  if (log.exerciseId !== state.exerciseId) {
    const done = knownExercise(log.exerciseId);
    const sameUnit = targetUnit(done) === targetUnit(knownExercise(state.exerciseId));
    state = {
      ...state,
      exerciseId: done.id,
      sets: Math.min(done.dose.sets.max, Math.max(done.dose.sets.min, state.sets)),
      // Reps do not convert to seconds: a rung counted the other way starts at the bottom of its range.
      target: sameUnit ? clampTarget(done, state.target) : targetRange(done).min,
      goodStreak: 0,
    };
    replay.incompleteStreaks.delete(state.familyId);
  }
  state = { ...state, lastLoggedOn: date };

  const complete = log.setsDone >= state.sets && log.achieved >= state.target && log.goodForm;
  // Counted before the pain and red-flag rules return, so that every session at this dose breaks or extends the run.
  const misses = complete ? 0 : (replay.incompleteStreaks.get(state.familyId) ?? 0) + 1;
  replay.incompleteStreaks.set(state.familyId, misses);

  if (log.painDuring > ACCEPTABLE_MAX_SEVERITY) {
    return move(
      replay,
      state,
      date,
      'pain-during',
      easier(state, context),
      `Pain of ${log.painDuring}/10 during the exercise is above the 5/10 the pain-monitoring model accepts: one step easier.`,
      SOURCES.painMonitoring,
    );
  }
  const morning = session.painNextMorning;
  if (morning !== null && morning > SETTLED_MAX_SEVERITY) {
    return move(
      replay,
      state,
      date,
      'pain-next-morning',
      easier(state, context),
      `Pain of ${morning}/10 the next morning had not settled (2/10 or less): one step easier.`,
      SOURCES.painMonitoring,
    );
  }
  if (morning !== null && session.morningHigh !== null && morning > session.morningHigh) {
    return move(
      replay,
      state,
      date,
      'morning-pain-rising',
      easier(state, context),
      `Morning pain of ${morning}/10 is higher than on any morning of the two weeks before (at most ${session.morningHigh}/10); it must not rise from week to week: one step easier.`,
      SOURCES.painMonitoring,
    );
  }
  const redFlag = redFlagSpanOn(date, context);
  if (redFlag) {
    const alreadyPaused = replay.events.some(
      (event) =>
        event.familyId === state.familyId && event.rule === 'red-flag-pause' && within(event.date, redFlag),
    );
    if (alreadyPaused) return { ...state, goodStreak: 0 };
    return move(
      replay,
      state,
      date,
      'red-flag-pause',
      doseOf(state),
      'A red flag was open: nothing progresses until a clinician has seen it and it is cleared.',
      SOURCES.redFlag,
    );
  }

  if (!complete) {
    if (misses < INCOMPLETE_STREAK) return { ...state, goodStreak: 0 };
    replay.incompleteStreaks.set(state.familyId, 0);
    return move(
      replay,
      state,
      date,
      'incomplete',
      easier(state, context),
      `Two sessions in a row without every set done in good form: one step easier.`,
      SOURCES.keel,
    );
  }
  if (log.rpe > PROGRESS_MAX_RPE) return { ...state, goodStreak: 0 };

  const streak = state.goodStreak + 1;
  if (streak < PROGRESS_STREAK) return { ...state, goodStreak: streak };
  const { dose, rule } = harder(state, context);
  if (rule === 'hold-at-top') return { ...state, goodStreak: streak };
  const why =
    rule === 'volume-up'
      ? `Every set done in good form at effort ${PROGRESS_MAX_RPE}/10 or less, twice in a row: more volume.`
      : rule === 'level-up'
        ? 'The top of the range, done well twice in a row: the next rung, from the bottom of its range.'
        : 'The top of the ladder, done well twice in a row: one set more.';
  return move(replay, state, date, rule, dose, why, SOURCES.acsm);
}

/** Folds the session logs, in date order, through the rules. */
export function replayProgression(
  logs: readonly SessionLog[],
  context: ProgressionContext,
): ProgressionHistory {
  const sorted = [...logs].sort((a, b) => a.date.localeCompare(b.date) || a.id.localeCompare(b.id));
  const replay: Replay = { states: new Map(), events: [], incompleteStreaks: new Map() };
  sorted.forEach((session, index) => {
    const morningHigh = recentMorningHigh(sorted, index);
    for (const log of session.exercises) {
      const exercise = knownExercise(log.exerciseId);
      const before = replay.states.get(exercise.family) ?? startingState(exercise.family, exercise.id);
      const state = logOne(
        replay,
        before,
        log,
        { date: session.date, painNextMorning: session.painNextMorning, morningHigh },
        context,
      );
      replay.states.set(exercise.family, state);
    }
  });
  return { states: replay.states, events: replay.events };
}

/**
 * Every family's dose on `date`: the replayed state with the missed-week rule applied for the time since, or the
 * starting dose for a family never logged.
 */
export function doseOn(history: ProgressionHistory, familyId: string, date: string): FamilyState {
  const state = history.states.get(familyId) ?? startingState(familyId);
  const gap = afterGap(state, date);
  return gap ? { ...state, ...gap.dose, goodStreak: 0 } : state;
}
