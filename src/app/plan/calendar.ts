import ical from 'ical-generator';
import { distanceWords, raceName } from '../../coach/plan/plan.js';
import type { PlanWeek } from '../../coach/plan/types.js';
import type { PlanView } from '../views.js';

/**
 * The plan as an iCalendar file (RFC 5545) for calendar apps: one all-day event per long run and one for the race.
 * Each event's UID is the goal and its day, so importing a newer export updates the events instead of adding
 * copies. The stamp is the plan's own day, not the clock: the same plan always gives the same file.
 */
export function planCalendar(view: PlanView): string {
  const { plan, units } = view;
  const km = distanceWords(units);
  const race = raceName(plan.goal, units);
  const calendar = ical({
    name: `Keel: ${race}`,
    description: plan.verdict,
    prodId: { company: 'Keel', product: 'race-plan', language: 'EN' },
  });
  const stamp = new Date(`${plan.today}T00:00:00Z`);
  for (const week of plan.weeks) {
    if (!(week.longRunM > 0)) continue;
    calendar.createEvent({
      id: `${view.goal.id}-${week.longRunDate}@keel`,
      start: new Date(`${week.longRunDate}T00:00:00Z`),
      allDay: true,
      stamp,
      summary: week.phase === 'race' ? `${race} (${km(week.longRunM)})` : longRunSummary(week, km),
      description: [
        `${phaseWords[week.phase]}. The week: about ${km(week.volumeM)} of running.`,
        ...(week.gate.status === 'open'
          ? []
          : [`Gate ${week.gate.status}: ${week.gate.reasons.join('; ')}.`]),
        ...week.notes,
        `Planned by Keel on ${plan.today}. Keel plans again after every run and pain report: export again for the latest.`,
      ].join('\n'),
    });
  }
  return calendar.toString();
}

const phaseWords: Record<PlanWeek['phase'], string> = {
  build: 'Building toward the peak',
  hold: 'Holding the distance',
  peak: 'The peak long run',
  taper: 'Taper',
  race: 'Race week',
};

function longRunSummary(week: PlanWeek, km: (m: number) => string): string {
  const how = week.runWalk ? ', run–walk' : '';
  const held = week.gate.status === 'held' ? ' (held)' : '';
  return `Long run ${km(week.longRunM)}${how}${held}`;
}
