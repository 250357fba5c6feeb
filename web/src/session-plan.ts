import type { ExerciseView } from '../../src/app/views.js';
import type { ProgramItem, ProgramSession } from '../../src/coach/program/types.js';

/**
 * Today's session as the player walks through it: one step per set and side, with a rest between rounds. A round is
 * every side's set (one side rests while the other works, as the program's time estimate counts it); the extra set
 * of one-sided work goes to `extraSetSide` after the regular rounds.
 */

export type Side = 'left' | 'right';

export interface WorkStep {
  kind: 'work';
  /** Index into the session's items. */
  item: number;
  exerciseId: string;
  /** 1-based round, and how many rounds this side has in all (the extra set included). */
  round: number;
  rounds: number;
  side: Side | null;
  extra: boolean;
  /** Reps per set or seconds per hold. */
  target: number;
  unit: 'reps' | 's';
  /** Seconds per rep, up, held and down; null for holds. */
  tempo: { up: number; hold: number; down: number } | null;
}

export interface RestStep {
  kind: 'rest';
  item: number;
  seconds: number;
}

export type Step = WorkStep | RestStep;

/** Items the player walks through: paused ones are left out (they are not to be done). */
export function activeItems(session: ProgramSession): { item: ProgramItem; index: number }[] {
  return session.items.map((item, index) => ({ item, index })).filter(({ item }) => !item.paused);
}

export function buildSteps(session: ProgramSession, exercises: Record<string, ExerciseView>): Step[] {
  const steps: Step[] = [];
  for (const { item, index } of activeItems(session)) {
    const exercise = exercises[item.exerciseId];
    const dose = exercise?.dose;
    const tempo = dose?.kind === 'reps' ? dose.tempoS : null;
    const restS = dose?.restS ?? 45;
    const sides: (Side | null)[] = item.perSide ? ['left', 'right'] : [null];
    const extraSide = item.perSide ? item.extraSetSide : null;
    const roundsFor = (side: Side | null) => item.sets + (side !== null && side === extraSide ? 1 : 0);
    const work = (round: number, side: Side | null, extra: boolean): WorkStep => ({
      kind: 'work',
      item: index,
      exerciseId: item.exerciseId,
      round,
      rounds: roundsFor(side),
      side,
      extra,
      target: item.target,
      unit: item.unit,
      tempo: item.unit === 'reps' ? tempo : null,
    });
    for (let round = 1; round <= item.sets; round++) {
      if (round > 1) steps.push({ kind: 'rest', item: index, seconds: restS });
      for (const side of sides) steps.push(work(round, side, false));
    }
    if (extraSide) {
      steps.push({ kind: 'rest', item: index, seconds: restS });
      steps.push(work(item.sets + 1, extraSide, true));
    }
  }
  return steps;
}

/** Where a rep stands: which rep (0-based), its phase, and how far through the phase. */
export interface RepPosition {
  rep: number;
  phase: 'up' | 'hold' | 'down';
  phaseLeftS: number;
}

export function repPosition(
  elapsedS: number,
  tempo: { up: number; hold: number; down: number },
): RepPosition {
  const repS = Math.max(0.5, tempo.up + tempo.hold + tempo.down);
  const rep = Math.floor(elapsedS / repS);
  const into = elapsedS - rep * repS;
  if (into < tempo.up) return { rep, phase: 'up', phaseLeftS: tempo.up - into };
  if (into < tempo.up + tempo.hold) return { rep, phase: 'hold', phaseLeftS: tempo.up + tempo.hold - into };
  return { rep, phase: 'down', phaseLeftS: repS - into };
}

/** Seconds one set takes at the prescribed tempo. */
export function workSeconds(step: WorkStep): number {
  if (step.unit === 's' || !step.tempo) return step.target;
  return step.target * Math.max(0.5, step.tempo.up + step.tempo.hold + step.tempo.down);
}

/** What the player recorded of one set. */
export interface SetRecord {
  side: Side | null;
  extra: boolean;
  achieved: number;
}

/**
 * The log entry the player suggests for one item: the regular sets finished (every side counted, so a side left
 * out counts against the set) and the weakest set reached; null when nothing of it was done.
 */
export function suggestedLog(
  item: Pick<ProgramItem, 'sets' | 'target' | 'perSide'>,
  records: readonly SetRecord[],
): { setsDone: number; achieved: number } | null {
  if (records.length === 0) return null;
  const sides: (Side | null)[] = item.perSide ? ['left', 'right'] : [null];
  const regular = records.filter((r) => !r.extra);
  const setsDone = Math.min(item.sets, ...sides.map((side) => regular.filter((r) => r.side === side).length));
  const achieved = Math.min(...records.map((r) => r.achieved));
  return { setsDone, achieved: Math.max(0, Math.round(achieved)) };
}

/** Seconds to get into position before a set that follows without a tap (after a rest, or the other side). */
export const LEAD_IN_S = 5;
/** The last seconds of a hold, a rest or a lead-in get a pip each. */
const COUNTDOWN_S = 3;

export type Phase = 'ready' | 'lead' | 'work' | 'rest' | 'finished';

export interface PlayerState {
  index: number;
  phase: Phase;
  elapsedS: number;
  paused: boolean;
  /** What was done, by `item:round:side`, so a set done again replaces the first try. */
  records: Record<string, SetRecord & { item: number }>;
  /** Cues to play for the last change, and a counter that moves whenever there are new ones. */
  cues: CueName[];
  cueSeq: number;
}

export type CueName = 'rep' | 'start' | 'count' | 'end' | 'tick';

export type PlayerAction =
  | { type: 'start' }
  | { type: 'tick'; dt: number }
  | { type: 'pause' }
  | { type: 'resume' }
  | { type: 'done-early' }
  | { type: 'skip' }
  | { type: 'back' }
  | { type: 'next-exercise' }
  | { type: 'finish' };

export function initialPlayer(): PlayerState {
  return { index: 0, phase: 'ready', elapsedS: 0, paused: false, records: {}, cues: [], cueSeq: 0 };
}

function recordKey(step: WorkStep): string {
  return `${step.item}:${step.round}:${step.side ?? 'both'}`;
}

/** The phase a step opens in when the player gets to it from `from`. */
function openPhase(steps: readonly Step[], index: number, from: number | null): Phase {
  const step = steps[index];
  if (!step) return 'finished';
  if (step.kind === 'rest') return 'rest';
  const before = from === null ? undefined : steps[from];
  if (!before || before.item !== step.item) return 'ready';
  // The rest was the time to get ready; the other side needs a few seconds to change position.
  return before.kind === 'rest' ? 'work' : 'lead';
}

function goTo(
  state: PlayerState,
  steps: readonly Step[],
  index: number,
  cues: CueName[],
  from: number | null,
): PlayerState {
  const phase = index >= steps.length ? 'finished' : openPhase(steps, index, from);
  const all: CueName[] = phase === 'work' ? [...cues, 'start'] : cues;
  return {
    ...state,
    index: Math.min(index, steps.length),
    phase,
    elapsedS: 0,
    paused: false,
    cues: all,
    cueSeq: all.length > 0 ? state.cueSeq + 1 : state.cueSeq,
  };
}

function record(state: PlayerState, step: WorkStep, achieved: number): PlayerState['records'] {
  return {
    ...state.records,
    [recordKey(step)]: { item: step.item, side: step.side, extra: step.extra, achieved },
  };
}

/** Whole seconds crossed going from `before` to `after` seconds left, among the last `COUNTDOWN_S`. */
function countdownCrossed(leftBefore: number, leftAfter: number): number {
  let n = 0;
  for (let s = COUNTDOWN_S; s >= 1; s--) if (leftBefore > s && leftAfter <= s) n++;
  return n;
}

/** The player's rules: what each tap and each tick of the clock does. */
export function playerReducer(steps: readonly Step[], state: PlayerState, action: PlayerAction): PlayerState {
  const step = steps[state.index];
  switch (action.type) {
    case 'start':
      if (state.phase !== 'ready') return state;
      return { ...state, phase: 'lead', elapsedS: 0, paused: false };
    case 'pause':
      return state.phase === 'ready' || state.phase === 'finished' ? state : { ...state, paused: true };
    case 'resume':
      return { ...state, paused: false };
    case 'finish':
      return { ...state, phase: 'finished', paused: false };
    case 'skip':
      return goTo(state, steps, state.index + 1, [], state.index);
    case 'back': {
      let index = Math.max(0, state.index - 1);
      if (state.phase === 'finished') index = Math.max(0, steps.length - 1);
      while (index > 0 && steps[index]?.kind === 'rest') index--;
      return { ...goTo(state, steps, index, [], null), phase: steps.length > 0 ? 'ready' : 'finished' };
    }
    case 'next-exercise': {
      const item = step?.item;
      let index = state.index;
      while (index < steps.length && steps[index]?.item === item) index++;
      return goTo(state, steps, index, [], null);
    }
    case 'done-early': {
      if (step?.kind !== 'work' || state.phase !== 'work') return state;
      const achieved =
        step.unit === 'reps' && step.tempo
          ? Math.min(
              step.target,
              Math.floor(state.elapsedS / Math.max(0.5, step.tempo.up + step.tempo.hold + step.tempo.down)),
            )
          : Math.min(step.target, Math.floor(state.elapsedS));
      return goTo(
        { ...state, records: record(state, step, achieved) },
        steps,
        state.index + 1,
        ['end'],
        state.index,
      );
    }
    case 'tick': {
      if (state.paused || !step || action.dt <= 0) return state;
      const before = state.elapsedS;
      const after = before + action.dt;
      if (state.phase === 'lead') {
        if (after < LEAD_IN_S) {
          const n = countdownCrossed(LEAD_IN_S - before, LEAD_IN_S - after);
          return n > 0
            ? { ...state, elapsedS: after, cues: Array<CueName>(n).fill('count'), cueSeq: state.cueSeq + 1 }
            : { ...state, elapsedS: after };
        }
        // Into the set, with the start tone: the rest of this tick counts toward it.
        const entered: PlayerState = { ...state, phase: 'work', elapsedS: 0, cues: [] };
        const next = playerReducer(steps, entered, { type: 'tick', dt: after - LEAD_IN_S });
        const fresh = next.cueSeq !== entered.cueSeq ? next.cues : [];
        return { ...next, cues: ['start', ...fresh], cueSeq: Math.max(next.cueSeq, state.cueSeq) + 1 };
      }
      if (state.phase === 'rest' && step.kind === 'rest') {
        if (after < step.seconds) {
          const n = countdownCrossed(step.seconds - before, step.seconds - after);
          return n > 0
            ? { ...state, elapsedS: after, cues: Array<CueName>(n).fill('count'), cueSeq: state.cueSeq + 1 }
            : { ...state, elapsedS: after };
        }
        return goTo(state, steps, state.index + 1, [], state.index);
      }
      if (state.phase === 'work' && step.kind === 'work') {
        const total = workSeconds(step);
        const fresh: CueName[] = [];
        if (step.unit === 'reps' && step.tempo) {
          const repS = Math.max(0.5, step.tempo.up + step.tempo.hold + step.tempo.down);
          const repsBefore = Math.floor(before / repS);
          const repsAfter = Math.min(step.target, Math.floor(Math.min(after, total) / repS));
          // A tick on the start of every rep after the first (the start tone opens the first).
          for (let r = repsBefore + 1; r <= repsAfter && r < step.target; r++) fresh.push('rep');
        } else {
          fresh.push(...Array<CueName>(countdownCrossed(total - before, total - after)).fill('count'));
        }
        if (after >= total) {
          return goTo(
            { ...state, records: record(state, step, step.target) },
            steps,
            state.index + 1,
            [...fresh, 'end'],
            state.index,
          );
        }
        return fresh.length > 0
          ? { ...state, elapsedS: after, cues: fresh, cueSeq: state.cueSeq + 1 }
          : { ...state, elapsedS: after };
      }
      return state;
    }
  }
}
