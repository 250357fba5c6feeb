import { dayLabel } from '../../domain/time.js';
import type { UnitSystem } from '../../domain/units.js';
import { distanceWords, raceName } from './plan.js';
import type { NextStep, RacePlan } from './types.js';

/**
 * Today's next step toward the race, for the home page and the top of the plan: the first long run (or the race)
 * on or after the plan's today. Null when the race day has passed and nothing is left to do.
 */
export function nextStep(plan: RacePlan, units: UnitSystem): NextStep | null {
  const week = plan.weeks.find((w) => w.longRunDate >= plan.today);
  if (!week) return null;
  const km = distanceWords(units);
  const when =
    week.longRunDate === plan.today ? `Today (${dayLabel(week.longRunDate)})` : dayLabel(week.longRunDate);
  const runWalk = week.runWalk
    ? ` ${week.notes.find((note) => note.startsWith('Run–walk')) ?? ''}`.trimEnd()
    : '';
  let kind: NextStep['kind'];
  let message: string;
  if (week.gate.status === 'halted') {
    kind = 'halted';
    message = `No running for now: ${week.gate.reasons.join('; ')}. The plan starts again once a clinician has cleared it.`;
  } else if (week.phase === 'race') {
    kind = 'race';
    message = `${when}: race day, the ${raceName(plan.goal, units)} (${km(week.longRunM)}).${runWalk}`;
  } else {
    kind = 'long-run';
    const held = week.gate.status === 'held' ? ` Held there: ${week.gate.reasons.join('; ')}.` : '';
    message = `${when}: long run of ${km(week.longRunM)}, about ${km(week.volumeM)} in the week.${held}${runWalk}`;
  }
  return {
    date: week.longRunDate,
    weekStart: week.weekStart,
    kind,
    distanceM: week.longRunM,
    runWalk: week.runWalk,
    gate: week.gate,
    spike: week.spike,
    message,
  };
}
