import { describe, expect, it } from 'vitest';
import { nextStep } from '../../coach/plan/next-step.js';
import { planRace } from '../../coach/plan/plan.js';
import type { PlanState } from '../../coach/plan/types.js';
import { addDays } from '../../domain/time.js';
import type { UnitSystem } from '../../domain/units.js';
import type { PlanView } from '../views.js';
import { planCalendar } from './calendar.js';

const TODAY = '2027-01-04';

function view(units: UnitSystem, overrides: Partial<PlanState> = {}): PlanView {
  const runs = Array.from({ length: 8 }, (_, i) => ({ date: addDays(TODAY, -1 - 7 * i), distanceM: 12_000 }));
  const state: PlanState = {
    today: TODAY,
    runs,
    painFreeM: 11_000,
    painTrend: 'stable',
    breakdownM: null,
    gates: {
      lastLongRunPainFree: false,
      morningSettled: true,
      programSessionsLast2Weeks: 6,
      programSessionsPlanned2Weeks: 6,
      benchmarksImproving: true,
    },
    redFlagOpen: false,
    units,
    ...overrides,
  };
  const goal = { distanceM: 21_097.5, date: '2027-04-11', surface: 'road' as const, name: 'Harbour Half' };
  const plan = planRace(goal, state);
  const goalView = { id: 'goal-1', ...goal, createdAt: `${TODAY}T00:00:00.000Z` };
  return {
    athleteId: 'a',
    goal: goalView,
    goals: [goalView],
    units,
    plan,
    next: nextStep(plan, units),
    changes: { trigger: null, madeOn: null, items: [] },
  };
}

/** RFC 5545 §3.1: lines end in CRLF and a long line folds into continuation lines that start with a space. */
function unfold(ics: string): string[] {
  return ics.replace(/\r\n /g, '').split('\r\n');
}

describe('planCalendar: the plan as iCalendar', () => {
  it('has one all-day event per long run and one for the race, each on its day with a stable UID', () => {
    const v = view('metric');
    const ics = planCalendar(v);
    const lines = unfold(ics);
    const planned = v.plan.weeks.filter((week) => week.longRunM > 0);
    expect(lines[0]).toBe('BEGIN:VCALENDAR');
    expect(lines.filter((line) => line === 'BEGIN:VEVENT')).toHaveLength(planned.length);
    expect(lines.filter((line) => line.startsWith('DTSTART;VALUE=DATE:'))).toEqual(
      planned.map((week) => `DTSTART;VALUE=DATE:${week.longRunDate.replaceAll('-', '')}`),
    );
    expect(lines.filter((line) => line.startsWith('UID:'))).toEqual(
      planned.map((week) => `UID:goal-1-${week.longRunDate}@keel`),
    );
    expect(lines).toContain('SUMMARY:Harbour Half (21.1 km)');
    // The held first week says so, with its reason.
    expect(lines.find((line) => line.startsWith('SUMMARY:Long run'))).toMatch(
      /^SUMMARY:Long run 11\.0 km.*\(held\)$/,
    );
    expect(lines.join('\n')).toMatch(/Gate held: the last long run was not pain-free/);
    expect(
      lines
        .filter((line) => line.startsWith('DTSTAMP:'))
        .every((line) => line === 'DTSTAMP:20270104T000000Z'),
    ).toBe(true);
  });

  it('folds long lines at 75 octets and escapes commas and semicolons (RFC 5545 §3.1, §3.3.11)', () => {
    const ics = planCalendar(view('metric'));
    for (const line of ics.split('\r\n')) expect(Buffer.byteLength(line, 'utf8')).toBeLessThanOrEqual(75);
    const descriptions = unfold(ics).filter((line) => line.startsWith('DESCRIPTION:'));
    expect(descriptions.some((line) => /\\[;,]/.test(line))).toBe(true);
    for (const line of descriptions) expect(line).not.toMatch(/[^\\][;,]/);
  });

  it("writes distances in the athlete's unit, and the same plan always gives the same file", () => {
    const ics = planCalendar(view('imperial'));
    expect(unfold(ics)).toContain('SUMMARY:Harbour Half (13.1 mi)');
    expect(ics).not.toMatch(/\d km\b/);
    expect(planCalendar(view('imperial'))).toBe(ics);
  });

  it('has no events while a red flag halts the plan', () => {
    expect(planCalendar(view('metric', { redFlagOpen: true }))).not.toMatch(/BEGIN:VEVENT/);
  });
});
