import { describe, expect, it } from 'vitest';
import { addDays, daysBetween, mondayOf } from '../../domain/time.js';
import { changeValueText, comparePlans } from './compare.js';
import { nextStep } from './next-step.js';
import { planRace } from './plan.js';
import { HALF_MARATHON_M, MARATHON_M, peakFor, peakRangeFor, taperWeeksFor } from './rules.js';
import type { PlanState, RaceGoal } from './types.js';

const TODAY = '2027-01-04'; // a Monday

/** Twelve weeks of three runs a week: a long run on Sundays and two shorter ones. */
function athlete(longM: number, weeklyM: number, overrides: Partial<PlanState> = {}): PlanState {
  const runs: { date: string; distanceM: number }[] = [];
  for (let week = 1; week <= 12; week += 1) {
    const sunday = addDays(TODAY, -1 - 7 * (week - 1));
    const rest = Math.max(0, weeklyM - longM) / 2;
    runs.push({ date: sunday, distanceM: longM });
    if (rest > 0) {
      runs.push({ date: addDays(sunday, -3), distanceM: rest });
      runs.push({ date: addDays(sunday, -5), distanceM: rest });
    }
  }
  return {
    today: TODAY,
    runs,
    painFreeM: null,
    painTrend: null,
    breakdownM: null,
    gates: {
      lastLongRunPainFree: true,
      morningSettled: true,
      programSessionsLast2Weeks: 6,
      programSessionsPlanned2Weeks: 6,
      benchmarksImproving: true,
    },
    redFlagOpen: false,
    units: 'metric',
    ...overrides,
  };
}

const half = (date: string): RaceGoal => ({ distanceM: HALF_MARATHON_M, date, surface: 'road' });

describe('peak long runs by race distance', () => {
  it.each([
    [3_000, 3_600, 6_000],
    [5_000, 6_000, 10_000],
    [10_000, 12_000, 16_000],
    [HALF_MARATHON_M, 16_000, 22_000],
    [MARATHON_M, 29_000, 35_000],
    [50_000, 29_000, 35_000],
    [80_467, 40_233.5, 48_280.2],
    [100_000, 50_000, 60_000],
    [160_934, 50_000, 60_000],
  ])('a %d m race peaks at %d–%d m', (race, min, max) => {
    const range = peakRangeFor(race);
    expect(range.minM).toBeCloseTo(min, 0);
    expect(range.maxM).toBeCloseTo(max, 0);
  });

  it('interpolates between the anchors and aims for the middle', () => {
    const range = peakRangeFor(30_000);
    expect(range.minM).toBeGreaterThan(16_000);
    expect(range.minM).toBeLessThan(29_000);
    expect(peakFor(HALF_MARATHON_M)).toMatchObject({ requiredM: 16_000, targetM: 19_000 });
    expect(peakFor(MARATHON_M)).toMatchObject({ requiredM: 29_000, targetM: 32_000 });
  });

  it.each([
    [5_000, 1],
    [10_000, 1],
    [HALF_MARATHON_M, 2],
    [MARATHON_M, 3],
    [100_000, 3],
  ])('a %d m race peaks %d week(s) before', (race, weeks) => {
    expect(taperWeeksFor(race)).toBe(weeks);
  });
});

describe('planRace: a half marathon in 14 weeks', () => {
  const plan = planRace(half('2027-04-11'), athlete(10_000, 25_000));

  it('is feasible, peaks two weeks before the race, and says so', () => {
    expect(plan.feasible).toBe(true);
    expect(plan.earliestSafeDate).toBeNull();
    expect(plan.shorterRaceM).toBeNull();
    expect(plan.peakLongRunM).toBe(19_000);
    expect(plan.verdict).toMatch(/within reach.*19\.0 km on 2027-03-28, 2 weeks before/);
    const peak = plan.weeks.find((week) => week.phase === 'peak');
    expect(peak?.longRunDate).toBe('2027-03-28');
    expect(plan.weeks.at(-1)).toMatchObject({
      phase: 'race',
      longRunDate: '2027-04-11',
      longRunM: HALF_MARATHON_M,
    });
    expect(plan.weeks.map((week) => week.phase).slice(-3)).toEqual(['peak', 'taper', 'race']);
  });

  it('starts from the runner and keeps every training long run within +10%', () => {
    expect(plan.startingLongRunM).toBe(10_000);
    expect(plan.startingVolumeM).toBe(25_000);
    expect(plan.weeks[0]).toMatchObject({ weekStart: TODAY, longRunDate: '2027-01-10', longRunM: 11_000 });
    for (const week of plan.weeks.slice(0, -1)) expect(['within']).toContain(week.spike.band);
    // The race is the one run past the line, and the plan shows it.
    expect(plan.weeks.at(-1)?.spike.band).toBe('over-10');
    expect(plan.weeks.at(-1)?.notes.join(' ')).toMatch(/one run allowed past the \+10% line/);
  });

  it('tapers: the taper week and race week run less than the peak week', () => {
    const peak = plan.weeks.find((week) => week.phase === 'peak');
    const taper = plan.weeks.find((week) => week.phase === 'taper');
    const race = plan.weeks.at(-1);
    if (!peak || !taper || !race) throw new Error('missing weeks');
    expect(taper.longRunM).toBe(0.7 * peak.longRunM);
    expect(taper.volumeM).toBeLessThan(peak.volumeM);
    expect(race.volumeM - race.longRunM).toBe(Math.floor((0.4 * peak.volumeM) / 100) * 100);
  });

  it('grows the week at most 20% at a time toward a long run of about 35%', () => {
    let previous = plan.startingVolumeM;
    for (const week of plan.weeks.filter((w) => w.phase !== 'taper' && w.phase !== 'race')) {
      expect(week.volumeM).toBeLessThanOrEqual(previous * 1.2);
      expect(week.volumeM).toBeGreaterThanOrEqual(week.longRunM);
      previous = week.volumeM;
    }
    const peak = plan.weeks.find((week) => week.phase === 'peak');
    expect(peak?.volumeM).toBe(54_200);
  });

  it('lists its rules with sources', () => {
    expect(plan.rules.map((rule) => rule.id)).toEqual(
      expect.arrayContaining(['spike-limit', 'peak', 'taper', 'gates', 'run-walk', 'red-flag', 'volume']),
    );
    for (const rule of plan.rules) expect(rule.source.length).toBeGreaterThan(10);
  });
});

describe('taper placement', () => {
  it.each([
    [10_000, 1, '2027-03-28'],
    [HALF_MARATHON_M, 2, '2027-03-21'],
    [MARATHON_M, 3, '2027-03-14'],
  ])('a %d m race on 2027-04-04 peaks %d week(s) before, on %s', (distanceM, weeks, peakDate) => {
    const plan = planRace({ distanceM, date: '2027-04-04', surface: 'road' }, athlete(20_000, 60_000));
    expect(plan.taperWeeks).toBe(weeks);
    const peak = plan.weeks.find((week) => week.phase === 'peak');
    expect(peak?.longRunDate).toBe(peakDate);
    expect(plan.weeks.filter((week) => week.phase === 'taper')).toHaveLength(weeks - 1);
    for (const week of plan.weeks.filter((w) => w.phase === 'taper')) {
      expect(week.longRunM).toBeLessThan(peak?.longRunM ?? 0);
      expect(week.volumeM).toBeLessThan(peak?.volumeM ?? 0);
    }
  });

  it('with no weeks left to build, the done long run is the peak', () => {
    const plan = planRace(half('2027-01-17'), athlete(18_000, 40_000));
    expect(plan.weeks.map((week) => week.phase)).toEqual(['taper', 'race']);
    expect(plan.feasible).toBe(true);
    expect(plan.peakLongRunM).toBe(18_000);
    expect(plan.verdict).toMatch(/already covers the peak/);
  });
});

describe('honesty: a goal out of reach', () => {
  const state = athlete(10_000, 25_000);
  const goal: RaceGoal = { distanceM: MARATHON_M, date: '2027-02-21', surface: 'road' };
  const plan = planRace(goal, state);

  it('says it is not reachable, with the earliest safe date and a shorter race', () => {
    expect(plan.feasible).toBe(false);
    expect(plan.peakLongRunM).toBeLessThan(plan.requiredPeakM);
    expect(plan.verdict).toMatch(/not reachable safely/);
    expect(plan.earliestSafeDate).not.toBeNull();
    const earliest = plan.earliestSafeDate as string;
    expect(daysBetween(goal.date, earliest) % 7).toBe(0);
    expect(planRace({ ...goal, date: earliest }, state).feasible).toBe(true);
    expect(planRace({ ...goal, date: addDays(earliest, -7) }, state).feasible).toBe(false);
    expect(plan.verdict).toContain(earliest);
    expect(plan.shorterRaceM).toBe(HALF_MARATHON_M);
    expect(planRace({ ...goal, distanceM: HALF_MARATHON_M }, state).feasible).toBe(true);
    expect(plan.verdict).toMatch(/Or run a half marathon \(21\.1 km\) on 2027-02-21/);
  });

  it('names the race by its own name, and its usual peak by the kind of race', () => {
    const named = planRace({ ...goal, name: 'Harbour Marathon' }, state);
    expect(named.verdict).toMatch(/^The Harbour Marathon on 2027-02-21 is not reachable safely/);
    expect(named.verdict).toMatch(/the usual peak for a marathon is 29\.0 km to 35\.0 km/);
  });

  it("does not repeat a shorter race's distance when its name already says it", () => {
    const tight = planRace(
      { distanceM: HALF_MARATHON_M, date: '2027-01-24', surface: 'road' },
      athlete(7_000, 20_000),
    );
    expect(tight.shorterRaceM).toBe(5_000);
    expect(tight.verdict).toMatch(/Or run a 5 km on 2027-01-24\./);
  });

  it('still plans the way, within every limit', () => {
    for (const week of plan.weeks.slice(0, -1)) expect(week.spike.band).toBe('within');
  });

  it('reports a date that has passed', () => {
    const passed = planRace(half('2026-12-20'), state);
    expect(passed.feasible).toBe(false);
    expect(passed.weeks).toEqual([]);
    expect(passed.verdict).toMatch(/has passed/);
    expect(passed.earliestSafeDate && passed.earliestSafeDate > TODAY).toBe(true);
  });

  it('starts a runner with no recent runs at 3 km', () => {
    const fresh = planRace(half('2027-09-05'), { ...state, runs: [] });
    expect(fresh.weeks[0]?.longRunM).toBe(3_000);
    expect(fresh.weeks[0]?.spike.band).toBe('no-history');
    expect(fresh.weeks[1]?.longRunM).toBe(3_300);
    expect(fresh.feasible).toBe(true);
  });
});

describe('gates: long runs held at the pain-free distance until they open', () => {
  const base = athlete(10_000, 30_000, { painFreeM: 8_000, painTrend: 'stable' });
  const goal = half('2027-05-02');
  const gates = base.gates;

  it.each([
    ['all gates open', {}, {}, 'open'],
    ['last long run painful', { lastLongRunPainFree: false }, {}, 'held'],
    ['morning not settled', { morningSettled: false }, {}, 'held'],
    ['benchmarks not improving', { benchmarksImproving: false }, {}, 'held'],
    ['benchmarks not yet retested', { benchmarksImproving: null }, {}, 'open'],
    ['no answer on the last long run', { lastLongRunPainFree: null, morningSettled: null }, {}, 'open'],
    ['program 4 of 6 (two thirds)', { programSessionsLast2Weeks: 4 }, {}, 'open'],
    ['program 3 of 6', { programSessionsLast2Weeks: 3 }, {}, 'held'],
    ['program 2 of 4', { programSessionsLast2Weeks: 2, programSessionsPlanned2Weeks: 4 }, {}, 'held'],
    ['no program planned', { programSessionsLast2Weeks: 0, programSessionsPlanned2Weeks: 0 }, {}, 'open'],
    ['pain arriving earlier', {}, { painTrend: 'worsening' as const }, 'held'],
    [
      'no pain pattern: program and benchmarks do not gate',
      { programSessionsLast2Weeks: 0, benchmarksImproving: false },
      { painFreeM: null },
      'open',
    ],
    ['no pain pattern, painful last long run', { lastLongRunPainFree: false }, { painFreeM: null }, 'held'],
  ] as const)('%s → %s', (_label, gateChange, stateChange, status) => {
    const state: PlanState = { ...base, ...stateChange, gates: { ...gates, ...gateChange } };
    const plan = planRace(goal, state);
    const first = plan.weeks[0];
    if (!first) throw new Error('no weeks');
    expect(first.gate.status).toBe(status);
    if (status === 'held') {
      expect(first.phase).toBe('hold');
      // Held at the pain-free distance, or with no pattern no longer than the recent longest.
      expect(first.longRunM).toBe(state.painFreeM ?? 10_000);
      expect(first.runWalk).toBe(false);
      expect(first.volumeM).toBeLessThanOrEqual(plan.startingVolumeM);
      expect(plan.verdict).toMatch(/This week the long run holds/);
      expect(first.gate.reasons.length).toBeGreaterThan(0);
    } else {
      expect(first.longRunM).toBe(11_000);
      expect(first.runWalk).toBe(state.painFreeM !== null);
    }
    // The weeks after are a projection, climbing again from the held week by at most 10%.
    const second = plan.weeks[1];
    expect(second?.gate.reasons[0]).toMatch(/projected/);
    expect(second?.longRunM).toBeLessThanOrEqual(first.longRunM * 1.1);
  });

  it('offers run–walk beyond the pain-free distance, and names where it starts', () => {
    const plan = planRace(goal, base);
    for (const week of plan.weeks) {
      expect(week.runWalk).toBe(week.longRunM > 8_000);
      if (week.runWalk) expect(week.notes.join(' ')).toMatch(/run to 8\.0 km \(the pain-free distance\)/);
    }
  });

  it('offers run–walk beyond the form-breakdown distance', () => {
    const plan = planRace(goal, athlete(10_000, 30_000, { breakdownM: 12_000 }));
    const beyond = plan.weeks.find((week) => week.longRunM > 12_000);
    expect(beyond?.runWalk).toBe(true);
    expect(beyond?.notes.join(' ')).toMatch(/form-breakdown distance/);
    expect(plan.weeks[0]?.runWalk).toBe(false);
  });

  it('notes the gates with no answer yet', () => {
    const plan = planRace(goal, { ...base, gates: { ...gates, benchmarksImproving: null } });
    expect(plan.notes.join(' ')).toMatch(/benchmarks have not been retested/);
  });
});

describe('red flags', () => {
  it('halts every week: nothing progresses, the verdict says see a clinician', () => {
    const state = athlete(15_000, 40_000, { redFlagOpen: true, painFreeM: 8_000 });
    const plan = planRace(half('2027-04-11'), state);
    expect(plan.feasible).toBe(false);
    expect(plan.verdict).toMatch(/red flag.*see a clinician/);
    expect(plan.earliestSafeDate).toBeNull();
    expect(plan.shorterRaceM).toBeNull();
    expect(plan.weeks.length).toBeGreaterThan(10);
    for (const week of plan.weeks) {
      expect(week.gate.status).toBe('halted');
      expect(week.longRunM).toBe(0);
      expect(week.volumeM).toBe(0);
      expect(week.runWalk).toBe(false);
    }
  });
});

describe('comparePlans: what changed and why', () => {
  it('names the weeks that moved and the input that moved them', () => {
    const state = athlete(10_000, 30_000, { painFreeM: 8_000, painTrend: 'stable' });
    const goal = half('2027-05-02');
    const before = planRace(goal, { ...state, gates: { ...state.gates, lastLongRunPainFree: false } });
    const after = planRace(goal, state);
    const changes = comparePlans(before, after, 'metric');
    const first = changes.find((change) => change.weekStart === TODAY && change.field === 'longRunM');
    expect(first).toMatchObject({ from: 8_000, to: 11_000 });
    expect(first?.why).toMatch(/last long run pain-free: no → yes/);
    expect(changes.find((c) => c.weekStart === TODAY && c.field === 'gateStatus')).toMatchObject({
      from: 'held',
      to: 'open',
    });
    expect(comparePlans(after, after, 'metric')).toEqual([]);
  });

  it('reports a red flag and weeks that leave the plan, but not weeks that are over', () => {
    const state = athlete(10_000, 30_000);
    const before = planRace(half('2027-05-02'), state);
    const later = { ...state, today: addDays(TODAY, 14), redFlagOpen: true };
    const after = planRace(half('2027-04-25'), later);
    const changes = comparePlans(before, after, 'metric');
    expect(changes.some((c) => c.field === 'goal.date')).toBe(true);
    expect(changes.find((c) => c.field === 'feasible')?.why).toMatch(/a red flag was opened/);
    const dropped = changes.filter((c) => c.field === 'week' && c.to === null).map((c) => c.weekStart);
    expect(dropped).toEqual([mondayOf('2027-05-02')]);
    expect(changes.some((c) => c.weekStart < mondayOf(later.today) && c.weekStart !== '')).toBe(false);
  });
});

describe("words in the athlete's unit", () => {
  it('writes the verdict, notes, spike messages and changes in miles for an imperial athlete', () => {
    const state = athlete(10_000, 30_000, { painFreeM: 8_000, painTrend: 'stable', units: 'imperial' });
    const goal = half('2027-05-02');
    const held = planRace(goal, { ...state, gates: { ...state.gates, lastLongRunPainFree: false } });
    const open = planRace(goal, state);
    const words = [
      held.verdict,
      ...held.notes,
      ...held.weeks.flatMap((week) => [...week.notes, week.spike.message]),
      ...comparePlans(held, open, 'imperial').map((change) => change.why),
    ].join('\n');
    expect(words).toMatch(/\d mi\b/);
    expect(words).not.toMatch(/\d km\b/);
    expect(held.verdict).toMatch(/holds at 5\.0 mi/); // 8 km pain-free
  });

  it.each([
    ['longRunM', 16_093.44, 'imperial', '10.0 mi'],
    ['longRunM', 16_000, 'metric', '16.0 km'],
    ['week', null, 'metric', 'none'],
    ['shorterRaceM', null, 'metric', 'unknown'],
    ['feasible', true, 'metric', 'yes'],
    ['gateStatus', 'held', 'metric', 'held'],
    ['goal.date', '2027-05-02', 'metric', '2027-05-02'],
  ] as const)('changeValueText(%s, %s, %s) → %s', (field, value, units, text) => {
    expect(changeValueText(field, value, units)).toBe(text);
  });
});

describe('nextStep: what to do next toward the race', () => {
  it('is the first long run on or after today, with its distance and the week around it', () => {
    const plan = planRace(half('2027-05-02'), athlete(10_000, 30_000));
    const step = nextStep(plan, 'metric');
    const first = plan.weeks[0];
    expect(step).toMatchObject({ kind: 'long-run', date: first?.longRunDate, distanceM: first?.longRunM });
    expect(step?.message).toMatch(/^Sun 10 Jan 2027: long run of 11\.0 km, about/);
  });

  it('says why the long run is held', () => {
    const state = athlete(10_000, 30_000, { painFreeM: 8_000, painTrend: 'stable' });
    const plan = planRace(half('2027-05-02'), {
      ...state,
      gates: { ...state.gates, lastLongRunPainFree: false },
    });
    const step = nextStep(plan, 'metric');
    expect(step?.gate.status).toBe('held');
    expect(step?.message).toMatch(/Held there: the last long run was not pain-free/);
  });

  it('is the race itself in race week, and "today" on race day', () => {
    const plan = planRace(half('2027-01-09'), athlete(18_000, 40_000));
    expect(nextStep(plan, 'imperial')).toMatchObject({ kind: 'race', date: '2027-01-09' });
    expect(nextStep(plan, 'imperial')?.message).toMatch(/race day, the half marathon \(13\.1 mi\)/);
    const raceDay = planRace(half(TODAY), athlete(18_000, 40_000));
    expect(nextStep(raceDay, 'metric')?.message).toMatch(/^Today \(Mon 4 Jan 2027\): race day/);
  });

  it('is halted while a red flag is open, and null once the race has passed', () => {
    const halted = planRace(half('2027-05-02'), athlete(10_000, 30_000, { redFlagOpen: true }));
    expect(nextStep(halted, 'metric')).toMatchObject({ kind: 'halted', distanceM: 0 });
    expect(nextStep(halted, 'metric')?.message).toMatch(/No running for now: a red flag is open/);
    expect(nextStep(planRace(half('2026-12-20'), athlete(10_000, 30_000)), 'metric')).toBeNull();
  });
});
