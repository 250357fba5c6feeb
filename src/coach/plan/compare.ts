import { daysBetween, mondayOf } from '../../domain/time.js';
import { formatDistance, type UnitSystem } from '../../domain/units.js';
import type { PlanBasis, PlanChange, PlanWeek, RacePlan } from './types.js';

/**
 * What changed between two plans for the same goal, and why: after every logged run and pain report the plan is
 * made again, and the athlete sees each week whose long run, volume, phase, run–walk or gate moved, with the
 * change in what the plan was made from and the new week's own reason. Plan-wide changes carry an empty weekStart.
 * Weeks that are over by the new plan's today are not changes.
 */

/** A change's value for the athlete to read: distances (fields ending in M, and whole weeks) in their unit. */
export function changeValueText(field: string, value: unknown, units: UnitSystem): string {
  if (value === null || value === undefined) return field === 'week' ? 'none' : 'unknown';
  if (typeof value === 'number' && (field.endsWith('M') || field === 'week'))
    return formatDistance(value, units, 1);
  if (typeof value === 'boolean') return value ? 'yes' : 'no';
  return String(value);
}

function yesNo(value: boolean | null): string {
  return value === null ? 'no answer' : value ? 'yes' : 'no';
}

/** The differences in what the two plans were made from, in plain words. */
function basisChanges(
  before: PlanBasis | undefined,
  after: PlanBasis | undefined,
  todayBefore: string,
  todayAfter: string,
  units: UnitSystem,
): string[] {
  const km = (m: number | null) => changeValueText('distanceM', m, units);
  const out: string[] = [];
  if (todayBefore !== todayAfter) out.push(`re-planned on ${todayAfter} (was ${todayBefore})`);
  // A plan stored before the basis was kept cannot say what it was made from.
  if (!before || !after) return out;
  if (before.longestRecentM !== after.longestRecentM) {
    out.push(`longest run of the last 30 days ${km(before.longestRecentM)} → ${km(after.longestRecentM)}`);
  }
  if (Math.round(before.weeklyVolumeM / 100) !== Math.round(after.weeklyVolumeM / 100)) {
    out.push(`recent weekly volume ${km(before.weeklyVolumeM)} → ${km(after.weeklyVolumeM)}`);
  }
  if (before.painFreeM !== after.painFreeM) {
    out.push(`pain-free distance ${km(before.painFreeM)} → ${km(after.painFreeM)}`);
  }
  if (before.painTrend !== after.painTrend) {
    out.push(`pain trend ${before.painTrend ?? 'none'} → ${after.painTrend ?? 'none'}`);
  }
  if (before.breakdownM !== after.breakdownM) {
    out.push(`form-breakdown distance ${km(before.breakdownM)} → ${km(after.breakdownM)}`);
  }
  const g0 = before.gates;
  const g1 = after.gates;
  if (g0.lastLongRunPainFree !== g1.lastLongRunPainFree) {
    out.push(`last long run pain-free: ${yesNo(g0.lastLongRunPainFree)} → ${yesNo(g1.lastLongRunPainFree)}`);
  }
  if (g0.morningSettled !== g1.morningSettled) {
    out.push(`next morning settled: ${yesNo(g0.morningSettled)} → ${yesNo(g1.morningSettled)}`);
  }
  if (
    g0.programSessionsLast2Weeks !== g1.programSessionsLast2Weeks ||
    g0.programSessionsPlanned2Weeks !== g1.programSessionsPlanned2Weeks
  ) {
    out.push(
      `program sessions ${g0.programSessionsLast2Weeks}/${g0.programSessionsPlanned2Weeks} → ${g1.programSessionsLast2Weeks}/${g1.programSessionsPlanned2Weeks}`,
    );
  }
  if (g0.benchmarksImproving !== g1.benchmarksImproving) {
    out.push(`benchmarks improving: ${yesNo(g0.benchmarksImproving)} → ${yesNo(g1.benchmarksImproving)}`);
  }
  if (before.redFlagOpen !== after.redFlagOpen) {
    out.push(after.redFlagOpen ? 'a red flag was opened' : 'the red flag was cleared');
  }
  return out;
}

const WEEK_FIELDS = ['longRunM', 'volumeM', 'phase', 'runWalk', 'gateStatus'] as const;
type WeekField = (typeof WEEK_FIELDS)[number];

function fieldOf(week: PlanWeek, field: WeekField): unknown {
  return field === 'gateStatus' ? week.gate.status : week[field];
}

function weekReason(week: PlanWeek): string {
  if (week.gate.status !== 'open') return week.gate.reasons.join('; ');
  return week.notes[0] ?? '';
}

/** What moved from `before` to `after`, and why, in words in `units` (the weeks' own notes keep the unit they were made in). */
export function comparePlans(before: RacePlan, after: RacePlan, units: UnitSystem): PlanChange[] {
  const changes: PlanChange[] = [];
  const inputs = basisChanges(before.basis, after.basis, before.today, after.today, units);
  const because = inputs.length > 0 ? `because ${inputs.join('; ')}` : 'the inputs are the same';
  const why = (detail: string) => (detail ? `${because}. ${detail}` : `${because}.`);

  const plain: [string, unknown, unknown][] = [
    ['goal.distanceM', before.goal.distanceM, after.goal.distanceM],
    ['goal.date', before.goal.date, after.goal.date],
    ['feasible', before.feasible, after.feasible],
    ['peakLongRunM', before.peakLongRunM, after.peakLongRunM],
    ['earliestSafeDate', before.earliestSafeDate, after.earliestSafeDate],
    ['shorterRaceM', before.shorterRaceM, after.shorterRaceM],
  ];
  for (const [field, from, to] of plain) {
    if (from !== to) changes.push({ weekStart: '', field, from, to, why: why(after.verdict) });
  }

  const thisWeek = mondayOf(after.today);
  const beforeWeeks = new Map(before.weeks.map((week) => [week.weekStart, week]));
  const afterWeeks = new Map(after.weeks.map((week) => [week.weekStart, week]));
  for (const week of before.weeks) {
    if (afterWeeks.has(week.weekStart) || daysBetween(week.weekStart, thisWeek) > 0) continue;
    changes.push({
      weekStart: week.weekStart,
      field: 'week',
      from: week.longRunM,
      to: null,
      why: why('This week is no longer in the plan.'),
    });
  }
  for (const week of after.weeks) {
    const old = beforeWeeks.get(week.weekStart);
    if (!old) {
      changes.push({
        weekStart: week.weekStart,
        field: 'week',
        from: null,
        to: week.longRunM,
        why: why(`New week in the plan. ${weekReason(week)}`.trim()),
      });
      continue;
    }
    for (const field of WEEK_FIELDS) {
      const from = fieldOf(old, field);
      const to = fieldOf(week, field);
      if (from !== to)
        changes.push({ weekStart: week.weekStart, field, from, to, why: why(weekReason(week)) });
    }
  }
  return changes;
}
