import type { GoalView, PlanView } from '../../src/app/views.js';
import type { GateStatus, PlanPhase, PlanWeek, SpikeBand, SpikeCheck } from '../../src/coach/plan/types.js';
import { addDays, daysBetween, isCalendarDate } from '../../src/domain/time.js';
import { formatDistance, METRES_PER_MILE, parseDistance, type UnitSystem } from '../../src/domain/units.js';
import { formatDay } from './program-format.js';

/** Display helpers for the race plan: the calendar grid, the goal form and the spike guard's words. */

/**
 * The limits of `src/app/plan/input.ts` (5 km to 100 miles), mirrored here so the web bundle does not pull in
 * zod for two numbers (the unit tests check that they still agree).
 */
export const GOAL_DISTANCE_M = { min: 5_000, max: 100 * METRES_PER_MILE } as const;

export const SURFACES = ['road', 'trail', 'track', 'mixed'] as const;
export type Surface = (typeof SURFACES)[number];

export const SURFACE_LABEL: Record<Surface, string> = {
  road: 'Road',
  trail: 'Trail',
  track: 'Track',
  mixed: 'Mixed',
};

/** The races the goal form offers, then a distance of the runner's own. */
export const RACE_CHOICES = [
  { id: '5k', label: '5 km', distanceM: 5_000 },
  { id: '10k', label: '10 km', distanceM: 10_000 },
  { id: 'half', label: 'Half marathon', distanceM: 21_097.5 },
  { id: 'marathon', label: 'Marathon', distanceM: 42_195 },
  { id: '50k', label: '50 km', distanceM: 50_000 },
] as const;
export type RaceChoice = (typeof RACE_CHOICES)[number]['id'] | 'custom';

/** Standard races by name, for a goal without one of its own (a race within 50 m of one is that race). */
const NAMED_DISTANCES: { name: string; distanceM: number }[] = [
  { name: '5 km', distanceM: 5_000 },
  { name: '10 km', distanceM: 10_000 },
  { name: 'Half marathon', distanceM: 21_097.5 },
  { name: 'Marathon', distanceM: 42_195 },
  { name: '50 km', distanceM: 50_000 },
  { name: '50 miles', distanceM: 50 * METRES_PER_MILE },
  { name: '100 km', distanceM: 100_000 },
  { name: '100 miles', distanceM: 100 * METRES_PER_MILE },
];

/** "Half marathon" for 21,097.5 m, else the distance in the athlete's unit ("30.0 km"). */
export function raceDistanceLabel(distanceM: number, units: UnitSystem): string {
  const named = NAMED_DISTANCES.find((race) => Math.abs(race.distanceM - distanceM) <= 50);
  return named ? named.name : formatDistance(distanceM, units, 1);
}

/** The goal's own name, else the race it is: "Lakeside Half Marathon", "Marathon", "30.0 km race". */
export function raceTitle(goal: Pick<GoalView, 'name' | 'distanceM'>, units: UnitSystem): string {
  if (goal.name?.trim()) return goal.name.trim();
  const named = NAMED_DISTANCES.find((race) => Math.abs(race.distanceM - goal.distanceM) <= 50);
  return named ? named.name : `${formatDistance(goal.distanceM, units, 1)} race`;
}

/**
 * "21.1 km (half marathon)": the distance always, the standard race's name when it is one and says more than the
 * distance does ("6.2 mi (10 km)" in miles, plain "10.0 km" in kilometres).
 */
export function raceDistanceText(distanceM: number, units: UnitSystem): string {
  const distance = formatDistance(distanceM, units, 1);
  const named = NAMED_DISTANCES.find((race) => Math.abs(race.distanceM - distanceM) <= 50);
  if (!named) return distance;
  const sameUnit = units === 'metric' ? /\d km$/.test(named.name) : /\d miles$/.test(named.name);
  return sameUnit ? distance : `${distance} (${named.name.toLowerCase()})`;
}

/** "in 72 days, 10 weeks 2 days", "tomorrow", "today", "3 days ago". */
export function countdownText(today: string, date: string): string {
  const days = daysBetween(today, date);
  if (days === 0) return 'today';
  if (days === 1) return 'tomorrow';
  if (days < 0) return `${-days} ${days === -1 ? 'day' : 'days'} ago`;
  if (days < 14) return `in ${days} days`;
  const weeks = Math.floor(days / 7);
  const rest = days % 7;
  return `in ${days} days, ${weeks} weeks${rest === 0 ? '' : ` ${rest} ${rest === 1 ? 'day' : 'days'}`}`;
}

/**
 * The custom race distance the runner typed, in metres: a bare number is in their unit ("30" → 30 km or 30 mi);
 * a number with a unit ("50 mi", "42.2km") is taken as written; a comma may be the decimal mark. Null otherwise.
 */
export function parseCustomDistance(text: string, units: UnitSystem): number | null {
  const trimmed = text.trim().replace(',', '.');
  if (/^(\d+(\.\d*)?|\.\d+)$/.test(trimmed)) {
    const value = Number(trimmed);
    return value > 0 ? (units === 'imperial' ? value * METRES_PER_MILE : value * 1000) : null;
  }
  const metres = parseDistance(trimmed);
  return metres !== null && metres > 0 ? metres : null;
}

/** The goal form's race: a standard race's distance, or the custom one (null when it cannot be read). */
export function goalDistanceM(choice: RaceChoice, customText: string, units: UnitSystem): number | null {
  if (choice === 'custom') return parseCustomDistance(customText, units);
  return RACE_CHOICES.find((race) => race.id === choice)?.distanceM ?? null;
}

/** "5.0 km to 100.0 mi" in the athlete's unit: the range a goal may have. */
export function goalRangeText(units: UnitSystem): string {
  return units === 'imperial'
    ? `${formatDistance(GOAL_DISTANCE_M.min, units, 1)} to ${formatDistance(GOAL_DISTANCE_M.max, units, 0)}`
    : `${formatDistance(GOAL_DISTANCE_M.min, units, 0)} to ${formatDistance(GOAL_DISTANCE_M.max, units, 0)}`;
}

export type GoalField = 'name' | 'distanceM' | 'date' | 'surface';

/**
 * The server's 422 message split by the field it names: "date: the race day … must be after today (…)",
 * "body.distanceM: at least 5 km; body.date: …". What names no field is general.
 */
export function goalErrors(message: string): {
  fields: Partial<Record<GoalField, string>>;
  general: string[];
} {
  const fields: Partial<Record<GoalField, string>> = {};
  const general: string[] = [];
  for (const part of message.split(/;\s+(?=(?:body\.)?(?:name|distanceM|date|surface)\b)/)) {
    const match = /^(?:body\.)?(name|distanceM|date|surface):\s*(.*)$/s.exec(part.trim());
    if (match) {
      const field = match[1] as GoalField;
      fields[field] = fields[field] ? `${fields[field]}; ${match[2]}` : (match[2] ?? '');
    } else if (part.trim()) general.push(part.trim());
  }
  return { fields, general };
}

/* ---------- the calendar ---------- */

export const WEEKDAYS = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'] as const;
export const WEEKDAYS_LONG = [
  'Monday',
  'Tuesday',
  'Wednesday',
  'Thursday',
  'Friday',
  'Saturday',
  'Sunday',
] as const;
const MONTHS_LONG = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
] as const;

export interface CalendarDay {
  /** YYYY-MM-DD. */
  date: string;
  /** 0 is Monday, 6 Sunday. */
  weekday: number;
  dayOfMonth: number;
  /** "Dec" on the first day of the plan and on the 1st of a month, so a row reads without a month header. */
  month: string | null;
  isToday: boolean;
  isPast: boolean;
  /** The week's long run (not the race) falls on this day. */
  isLongRun: boolean;
  isRace: boolean;
}

export interface CalendarWeek {
  week: PlanWeek;
  days: CalendarDay[];
  /** Today falls in this week. */
  isCurrent: boolean;
  isRaceWeek: boolean;
}

function monthLong(date: string): string {
  return MONTHS_LONG[Number(date.slice(5, 7)) - 1] ?? '';
}

/** Monday 0 … Sunday 6 of a calendar day. */
export function weekdayIndex(date: string): number {
  return (new Date(`${date}T00:00:00Z`).getUTCDay() + 6) % 7;
}

/**
 * The plan as calendar rows: one per week, Monday to Sunday, each day knowing whether it is today, past, the
 * week's long run or the race. A week's row starts on its own Monday (`weekStart`).
 */
export function planCalendar(weeks: readonly PlanWeek[], today: string, raceDate: string): CalendarWeek[] {
  return weeks.map((week, w) => {
    const days: CalendarDay[] = [];
    for (let i = 0; i < 7; i++) {
      const date = addDays(week.weekStart, i);
      const dayOfMonth = Number(date.slice(8, 10));
      const isRace = date === raceDate;
      days.push({
        date,
        weekday: weekdayIndex(date),
        dayOfMonth,
        month: (w === 0 && i === 0) || dayOfMonth === 1 ? monthLong(date).slice(0, 3) : null,
        isToday: date === today,
        isPast: date < today,
        isLongRun: !isRace && date === week.longRunDate && week.longRunM > 0,
        isRace,
      });
    }
    return {
      week,
      days,
      isCurrent: days.some((d) => d.isToday),
      isRaceWeek: days.some((d) => d.isRace),
    };
  });
}

/** "Monday 30 November 2026", for screen readers (the grid shows "Mon 30"). */
export function longDayText(date: string): string {
  if (!isCalendarDate(date)) return date;
  return `${WEEKDAYS_LONG[weekdayIndex(date)]} ${Number(date.slice(8, 10))} ${monthLong(date)} ${date.slice(0, 4)}`;
}

export const PHASE_LABEL: Record<PlanPhase, string> = {
  build: 'Build',
  hold: 'Hold',
  peak: 'Peak',
  taper: 'Taper',
  race: 'Race',
};

/** The gate's badge: "hold" is also a phase (the peak held until the taper), so a held gate says "gate". */
export const GATE_LABEL: Record<GateStatus, string> = {
  open: 'Gates open',
  held: 'Gate held',
  halted: 'Halted',
};

/** The week's long run in words: "Long run 13.5 km on Sun, 6 Dec 2026, run–walk offered". */
export function longRunText(week: PlanWeek, units: UnitSystem, raceDate: string): string {
  if (week.gate.status === 'halted' || week.longRunM <= 0) return 'No long run: progression is halted';
  const what = week.longRunDate === raceDate ? 'Race' : 'Long run';
  return `${what} ${formatDistance(week.longRunM, units, 1)} on ${formatDay(week.longRunDate)}${
    week.runWalk ? ', run–walk offered' : ''
  }`;
}

/* ---------- the spike guard ---------- */

/** How loudly to show a spike: within the line is quiet, 10–30% over a caution, beyond that a strong warning. */
export function spikeLevel(band: SpikeBand): 'quiet' | 'caution' | 'strong' {
  if (band === 'over-10') return 'caution';
  if (band === 'over-30' || band === 'over-100') return 'strong';
  return 'quiet';
}

/** The notice's title: "15% longer than your 30-day longest run". */
export function spikeTitle(spike: SpikeCheck): string {
  if (spike.band === 'no-history') return 'No run in the 30 days before to compare with';
  if (spike.band === 'within' || spike.ratio === null) return 'Within +10% of your 30-day longest run';
  if (spike.band === 'over-100') return `More than double your 30-day longest run (+${percentOver(spike)}%)`;
  return `${percentOver(spike)}% longer than your 30-day longest run`;
}

function percentOver(spike: SpikeCheck): number {
  return Math.round(((spike.ratio ?? 1) - 1) * 100);
}

/* ---------- what changed ---------- */

const CHANGE_FIELD_LABEL: Record<string, string> = {
  longRunM: 'Long run',
  volumeM: "Week's volume",
  phase: 'Phase',
  runWalk: 'Run–walk',
  gateStatus: 'Gate',
  week: 'Week',
  'goal.distanceM': 'Race distance',
  'goal.date': 'Race day',
  feasible: 'Within reach',
  peakLongRunM: 'Peak long run',
  earliestSafeDate: 'Earliest safe date',
  shorterRaceM: 'Shorter race',
};

export function changeFieldLabel(field: string): string {
  return CHANGE_FIELD_LABEL[field] ?? field;
}

/** A changed value for the athlete: distances in their unit, days as dates, phases and gates in words. */
export function changeValue(field: string, value: unknown, units: UnitSystem): string {
  if (value === null || value === undefined) return field === 'week' ? 'not planned' : 'none';
  if (typeof value === 'number' && (field.endsWith('M') || field === 'week'))
    return formatDistance(value, units, 1);
  if (typeof value === 'boolean') return value ? 'yes' : 'no';
  if (typeof value === 'string' && field === 'phase' && value in PHASE_LABEL)
    return PHASE_LABEL[value as PlanPhase].toLowerCase();
  if (typeof value === 'string' && field === 'gateStatus' && value in GATE_LABEL)
    return GATE_LABEL[value as GateStatus].toLowerCase();
  if (typeof value === 'string' && isCalendarDate(value)) return formatDay(value);
  return String(value);
}

/** "Long run: 14.8 km → 13.5 km". */
export function changeSummary(
  item: PlanView['changes']['items'][number],
  units: UnitSystem,
): { label: string; from: string; to: string } {
  return {
    label: changeFieldLabel(item.field),
    from: changeValue(item.field, item.from, units),
    to: changeValue(item.field, item.to, units),
  };
}
