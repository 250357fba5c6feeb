import type { ExerciseView, ProgramView } from '../../src/app/views.js';
import type { BenchmarkChange, BenchmarkUnit, NormComparison } from '../../src/coach/benchmarks/types.js';
import type { ItemReason, ProgramItem, ProgressionRule } from '../../src/coach/program/types.js';
import {
  type Dose,
  EQUIPMENT,
  type Equipment,
  PROGRAM_REGION_LABELS,
  type ProgramRegion,
} from '../../src/coach/types.js';

/** Display helpers for the program, the session player and the benchmarks. */

/**
 * The limits of `src/app/program/input.ts`, mirrored here so the web bundle does not pull in zod and the whole
 * catalogue for two pairs of numbers (the browser test checks that they still agree).
 */
export const SESSIONS_PER_WEEK = { min: 2, max: 4 } as const;
export const MINUTES_PER_SESSION = { min: 15, max: 60 } as const;

export { EQUIPMENT };

export const EQUIPMENT_LABEL: Record<Equipment, string> = {
  band: 'Resistance band',
  step: 'Step or stair',
  weight: 'Weight (dumbbell, kettlebell)',
};

/** "Feet and ankles". */
export function regionLabel(region: ProgramRegion): string {
  const label = PROGRAM_REGION_LABELS[region];
  return label.charAt(0).toUpperCase() + label.slice(1);
}

export const REASON_LABEL: Record<ItemReason['kind'], string> = {
  coverage: 'Whole body',
  pain: 'Your pain',
  benchmark: 'Benchmark',
  'weaker-side': 'Weaker side',
};

export const RULE_LABEL: Record<ProgressionRule, string> = {
  start: 'Start',
  'volume-up': 'More volume',
  'level-up': 'Next level',
  'set-up': 'One more set',
  'hold-at-top': 'Held at the top',
  'pain-during': 'Pain during',
  'pain-next-morning': 'Pain next morning',
  'morning-pain-rising': 'Morning pain rising',
  incomplete: 'Not completed',
  'missed-weeks': 'Missed weeks',
  'red-flag-pause': 'Paused: red flag',
};

/** Rules that make the work easier or stop it, for their colour. */
export function ruleDirection(rule: ProgressionRule): 'up' | 'down' | 'same' {
  if (rule === 'volume-up' || rule === 'level-up' || rule === 'set-up') return 'up';
  if (rule === 'start' || rule === 'hold-at-top') return 'same';
  return 'down';
}

export function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** "12 reps", "30 s". */
export function targetText(target: number, unit: 'reps' | 's'): string {
  return unit === 's' ? `${target} s` : `${target} ${target === 1 ? 'rep' : 'reps'}`;
}

/** "3 × 12 reps per side, one more set on the left". */
export function doseText(
  item: Pick<ProgramItem, 'sets' | 'target' | 'unit' | 'perSide' | 'extraSetSide'>,
): string {
  const base = `${item.sets} × ${targetText(item.target, item.unit)}${item.perSide ? ' per side' : ''}`;
  return item.extraSetSide ? `${base}, one more set on the ${item.extraSetSide}` : base;
}

/** "2-1-2 s (up, hold, down)". */
export function tempoText(dose: Dose): string | null {
  if (dose.kind !== 'reps') return null;
  const { up, hold, down } = dose.tempoS;
  return `${up}-${hold}-${down} s (up, hold, down)`;
}

/** The catalogue's dosing range, for the exercise details. */
export function doseRangeText(dose: Dose): string {
  const sets = dose.sets.min === dose.sets.max ? `${dose.sets.min}` : `${dose.sets.min}–${dose.sets.max}`;
  const work =
    dose.kind === 'reps'
      ? `${dose.reps.min}–${dose.reps.max} reps`
      : `${dose.holdS.min}–${dose.holdS.max} s holds`;
  return `${sets} sets of ${work}${dose.perSide ? ' per side' : ''}, ${dose.restS} s rest`;
}

export function minutesText(seconds: number): string {
  return `${Math.max(1, Math.round(seconds / 60))} min`;
}

/** "0:45", "1:05" */
export function clockText(seconds: number): string {
  const s = Math.max(0, Math.ceil(seconds));
  return `${Math.floor(s / 60)}:${String(s % 60).padStart(2, '0')}`;
}

/** "Level 2 of 4". */
export function levelText(exercise: Pick<ExerciseView, 'level' | 'ladderLength'>): string {
  return `Level ${exercise.level} of ${exercise.ladderLength}`;
}

export function exerciseName(
  view: Pick<ProgramView, 'exercises'>,
  id: string,
  names?: Map<string, string>,
): string {
  return view.exercises[id]?.name ?? names?.get(id) ?? id;
}

/** Today in the browser's time zone, YYYY-MM-DD. */
export function localToday(now = new Date()): string {
  const y = now.getFullYear();
  const m = String(now.getMonth() + 1).padStart(2, '0');
  const d = String(now.getDate()).padStart(2, '0');
  return `${y}-${m}-${d}`;
}

const dayFormat = new Intl.DateTimeFormat(undefined, {
  weekday: 'short',
  day: 'numeric',
  month: 'short',
  year: 'numeric',
  timeZone: 'UTC',
});
const shortDayFormat = new Intl.DateTimeFormat(undefined, {
  day: 'numeric',
  month: 'short',
  timeZone: 'UTC',
});

/** A calendar day (YYYY-MM-DD) as "Mon, 7 Dec 2026"; the day never shifts with the time zone. */
export function formatDay(day: string, short = false): string {
  const date = new Date(`${day}T00:00:00Z`);
  if (Number.isNaN(date.getTime())) return day;
  return (short ? shortDayFormat : dayFormat).format(date);
}

/** A calendar day as Unix seconds at UTC noon, for charts. */
export function daySeconds(day: string): number {
  return Date.parse(`${day}T12:00:00Z`) / 1000;
}

/** "95 s", "18 reps", "1 fault". */
export function benchmarkValue(value: number, unit: BenchmarkUnit): string {
  const shown = Number.isInteger(value) ? String(value) : value.toFixed(1);
  if (unit === 's') return `${shown} s`;
  const word = unit === 'reps' ? 'rep' : 'fault';
  return `${shown} ${value === 1 ? word : `${word}s`}`;
}

export const UNIT_WORD: Record<BenchmarkUnit, string> = { s: 'seconds', reps: 'reps', faults: 'faults' };

export const COMPARISON_LABEL: Record<NormComparison, string> = {
  below: 'Below norm',
  within: 'Within norm',
  above: 'Above norm',
};

/** "+12 s (+10%) since 7 Nov 2026". */
export function changeText(change: BenchmarkChange, unit: BenchmarkUnit): string {
  const sign = change.absolute > 0 ? '+' : change.absolute < 0 ? '−' : '±';
  const amount = `${sign}${benchmarkValue(Math.abs(change.absolute), unit)}`;
  const percent =
    change.percent === null
      ? ''
      : ` (${change.percent > 0 ? '+' : change.percent < 0 ? '−' : '±'}${Math.round(Math.abs(change.percent))}%)`;
  return `${amount}${percent} since ${formatDay(change.previousOn, true)}`;
}

export function sideLabel(side: 'left' | 'right' | null): string {
  return side === null ? '' : side === 'left' ? 'Left' : 'Right';
}
