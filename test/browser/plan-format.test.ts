import { describe, expect, it } from 'vitest';
import { NAMED_RACES, GOAL_DISTANCE_M as SERVER_GOAL_DISTANCE_M } from '../../src/app/plan/input.js';
import { spikeCheck } from '../../src/coach/plan/spike.js';
import type { PlanWeek } from '../../src/coach/plan/types.js';
import { addDays } from '../../src/domain/time.js';
import { parseRoute } from '../../web/src/hooks.js';
import {
  changeSummary,
  changeValue,
  countdownText,
  GOAL_DISTANCE_M,
  goalDistanceM,
  goalErrors,
  goalRangeText,
  longDayText,
  longRunText,
  parseCustomDistance,
  planCalendar,
  RACE_CHOICES,
  raceDistanceLabel,
  raceDistanceText,
  raceTitle,
  spikeLevel,
  spikeTitle,
  WEEKDAYS,
  weekdayIndex,
} from '../../web/src/plan-format.js';

/** The race plan page's pure helpers: the calendar grid, the goal form's parsing and the words, without a browser. */

function week(weekStart: string, over: Partial<PlanWeek> = {}): PlanWeek {
  return {
    weekStart,
    longRunDate: addDays(weekStart, 6),
    phase: 'build',
    longRunM: 14_000,
    volumeM: 40_000,
    runWalk: false,
    gate: { status: 'open', reasons: [] },
    spike: spikeCheck(14_000, 13_000, 'metric'),
    notes: [],
    ...over,
  };
}

describe('the goal form mirrors the server', () => {
  it('has the same distance limits as src/app/plan/input.ts', () => {
    expect(GOAL_DISTANCE_M).toEqual(SERVER_GOAL_DISTANCE_M);
  });

  it('offers the standard races at the distances the server names them', () => {
    expect(Object.fromEntries(RACE_CHOICES.map((r) => [r.id, r.distanceM]))).toEqual({
      '5k': NAMED_RACES['5k'],
      '10k': NAMED_RACES['10k'],
      half: NAMED_RACES.half,
      marathon: NAMED_RACES.marathon,
      '50k': NAMED_RACES['50k'],
    });
  });

  it('routes #/plan to the plan page', () => {
    expect(parseRoute('#/plan')).toEqual({ page: 'plan' });
    expect(parseRoute('#/plan/')).toEqual({ page: 'plan' });
    expect(parseRoute('#/plans')).toEqual({ page: 'not-found', path: '/plans' });
  });
});

describe('the calendar grid', () => {
  const weeks = [
    week('2026-11-30', { phase: 'hold', gate: { status: 'held', reasons: ['the last long run hurt'] } }),
    week('2026-12-07'),
    week('2026-12-14', { phase: 'race', longRunM: 21_097.5, longRunDate: '2026-12-20' }),
  ];
  const grid = planCalendar(weeks, '2026-12-04', '2026-12-20');

  it('gives every week a row of seven days, Monday to Sunday, from its own Monday', () => {
    expect(grid).toHaveLength(3);
    for (const [i, row] of grid.entries()) {
      expect(row.week).toBe(weeks[i]);
      expect(row.days.map((d) => d.weekday)).toEqual([0, 1, 2, 3, 4, 5, 6]);
      expect(row.days[0]?.date).toBe(weeks[i]?.weekStart);
      expect(row.days[6]?.date).toBe(addDays(weeks[i]?.weekStart ?? '', 6));
    }
    expect(WEEKDAYS).toEqual(['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun']);
  });

  it('marks today once, the days before it as past, and the current week', () => {
    const days = grid.flatMap((r) => r.days);
    expect(days.filter((d) => d.isToday).map((d) => d.date)).toEqual(['2026-12-04']);
    expect(days.filter((d) => d.isPast).map((d) => d.date)).toEqual([
      '2026-11-30',
      '2026-12-01',
      '2026-12-02',
      '2026-12-03',
    ]);
    expect(grid.map((r) => r.isCurrent)).toEqual([true, false, false]);
  });

  it('puts each long run on its day and the race on race day, never both', () => {
    const longRuns = grid.flatMap((r) => r.days.filter((d) => d.isLongRun).map((d) => d.date));
    expect(longRuns).toEqual(['2026-12-06', '2026-12-13']);
    const races = grid.flatMap((r) => r.days.filter((d) => d.isRace).map((d) => d.date));
    expect(races).toEqual(['2026-12-20']);
    expect(grid.map((r) => r.isRaceWeek)).toEqual([false, false, true]);
  });

  it('has no long-run day in a halted week', () => {
    const halted = week('2026-11-30', {
      longRunM: 0,
      gate: { status: 'halted', reasons: ['an open red flag'] },
    });
    const [row] = planCalendar([halted], '2026-12-01', '2027-03-01');
    expect(row?.days.some((d) => d.isLongRun || d.isRace)).toBe(false);
    expect(longRunText(halted, 'metric', '2027-03-01')).toBe('No long run: progression is halted');
  });

  it('names the month on the first day of the plan and on the first of each month', () => {
    const months = grid.flatMap((r) =>
      r.days.filter((d) => d.month).map((d) => `${d.dayOfMonth} ${d.month}`),
    );
    expect(months).toEqual(['30 Nov', '1 Dec']);
  });

  it('reads days out in full for screen readers', () => {
    expect(longDayText('2026-11-30')).toBe('Monday 30 November 2026');
    expect(longDayText('2027-02-14')).toBe('Sunday 14 February 2027');
    expect(weekdayIndex('2027-02-14')).toBe(6);
  });

  it('says what the long run is in the athlete unit', () => {
    const runWalk = week('2026-12-07', { runWalk: true, longRunM: 16_093.44 });
    expect(longRunText(runWalk, 'imperial', '2027-03-01')).toMatch(
      /^Long run 10\.0 mi on .+, run–walk offered$/,
    );
    expect(longRunText(runWalk, 'metric', '2027-03-01')).toMatch(/^Long run 16\.1 km on /);
    expect(longRunText(weeks[2] as PlanWeek, 'metric', '2026-12-20')).toMatch(/^Race 21\.1 km on /);
  });
});

describe('race names and distances', () => {
  it('names standard races and gives any other distance in the athlete unit', () => {
    expect(raceDistanceLabel(21_097.5, 'metric')).toBe('Half marathon');
    expect(raceDistanceLabel(42_195, 'imperial')).toBe('Marathon');
    expect(raceDistanceLabel(30_000, 'metric')).toBe('30.0 km');
    expect(raceDistanceLabel(30_000, 'imperial')).toBe('18.6 mi');
    expect(raceDistanceText(21_097.5, 'metric')).toBe('21.1 km (half marathon)');
    expect(raceDistanceText(21_097.5, 'imperial')).toBe('13.1 mi (half marathon)');
    expect(raceDistanceText(30_000, 'metric')).toBe('30.0 km');
    expect(raceDistanceText(10_000, 'metric')).toBe('10.0 km');
    expect(raceDistanceText(10_000, 'imperial')).toBe('6.2 mi (10 km)');
    expect(raceDistanceText(50 * 1609.344, 'imperial')).toBe('50.0 mi');
    expect(raceDistanceText(50 * 1609.344, 'metric')).toBe('80.5 km (50 miles)');
  });

  it('titles a goal by its own name, else by the race', () => {
    expect(raceTitle({ name: ' Lakeside Half ', distanceM: 21_097.5 }, 'metric')).toBe('Lakeside Half');
    expect(raceTitle({ name: null, distanceM: 10_000 }, 'metric')).toBe('10 km');
    expect(raceTitle({ name: '', distanceM: 30_000 }, 'imperial')).toBe('18.6 mi race');
  });

  it('counts the days to a race', () => {
    expect(countdownText('2026-12-04', '2026-12-04')).toBe('today');
    expect(countdownText('2026-12-04', '2026-12-05')).toBe('tomorrow');
    expect(countdownText('2026-12-04', '2026-12-10')).toBe('in 6 days');
    expect(countdownText('2026-12-04', '2027-02-14')).toBe('in 72 days, 10 weeks 2 days');
    expect(countdownText('2026-12-04', '2026-12-25')).toBe('in 21 days, 3 weeks');
    expect(countdownText('2026-12-04', '2026-12-19')).toBe('in 15 days, 2 weeks 1 day');
    expect(countdownText('2026-12-04', '2026-12-01')).toBe('3 days ago');
  });
});

describe('the goal form', () => {
  it('reads a custom distance in the athlete unit, or with its own unit', () => {
    expect(parseCustomDistance('30', 'metric')).toBe(30_000);
    expect(parseCustomDistance('42,2', 'metric')).toBeCloseTo(42_200, 6);
    expect(parseCustomDistance('30', 'imperial')).toBeCloseTo(48_280.32, 6);
    expect(parseCustomDistance('50 mi', 'metric')).toBeCloseTo(80_467.2, 6);
    expect(parseCustomDistance('25km', 'imperial')).toBe(25_000);
    for (const bad of ['', 'far', '0', '-5', '5 parsecs'])
      expect(parseCustomDistance(bad, 'metric')).toBeNull();
  });

  it('takes a standard race at its distance and a custom one as typed', () => {
    expect(goalDistanceM('half', '', 'imperial')).toBe(21_097.5);
    expect(goalDistanceM('custom', '20', 'imperial')).toBeCloseTo(32_186.88, 6);
    expect(goalDistanceM('custom', '', 'metric')).toBeNull();
    expect(goalRangeText('metric')).toBe('5 km to 161 km');
    expect(goalRangeText('imperial')).toBe('3.1 mi to 100 mi');
  });

  it('puts each server error under the field it names', () => {
    expect(goalErrors('date: the race day 2020-01-01 must be after today (2026-12-04)')).toEqual({
      fields: { date: 'the race day 2020-01-01 must be after today (2026-12-04)' },
      general: [],
    });
    expect(
      goalErrors('body.distanceM: at least 5 km; body.date: the race day as YYYY-MM-DD, e.g. 2027-04-11'),
    ).toEqual({
      fields: { distanceM: 'at least 5 km', date: 'the race day as YYYY-MM-DD, e.g. 2027-04-11' },
      general: [],
    });
    expect(goalErrors('no athlete with id x')).toEqual({ fields: {}, general: ['no athlete with id x'] });
  });
});

describe('the spike guard and what changed', () => {
  it('is quiet within +10%, a caution at 10–30% over, stronger beyond', () => {
    expect(spikeLevel('no-history')).toBe('quiet');
    expect(spikeLevel('within')).toBe('quiet');
    expect(spikeLevel('over-10')).toBe('caution');
    expect(spikeLevel('over-30')).toBe('strong');
    expect(spikeLevel('over-100')).toBe('strong');
  });

  it('titles a spike by how far over it is', () => {
    expect(spikeTitle(spikeCheck(21_097.5, 19_000, 'metric'))).toBe(
      '11% longer than your 30-day longest run',
    );
    expect(spikeTitle(spikeCheck(15_000, 10_000, 'metric'))).toBe('50% longer than your 30-day longest run');
    expect(spikeTitle(spikeCheck(25_000, 10_000, 'metric'))).toBe(
      'More than double your 30-day longest run (+150%)',
    );
    expect(spikeTitle(spikeCheck(10_000, 10_000, 'metric'))).toBe('Within +10% of your 30-day longest run');
    expect(spikeTitle(spikeCheck(10_000, null, 'metric'))).toBe(
      'No run in the 30 days before to compare with',
    );
  });

  it('gives changed values in the athlete unit and in words', () => {
    expect(changeValue('longRunM', 14_800, 'metric')).toBe('14.8 km');
    expect(changeValue('longRunM', 16_093.44, 'imperial')).toBe('10.0 mi');
    expect(changeValue('week', null, 'metric')).toBe('not planned');
    expect(changeValue('week', 13_500, 'metric')).toBe('13.5 km');
    expect(changeValue('runWalk', true, 'metric')).toBe('yes');
    expect(changeValue('phase', 'hold', 'metric')).toBe('hold');
    expect(changeValue('gateStatus', 'held', 'metric')).toBe('gate held');
    expect(changeValue('earliestSafeDate', '2027-03-14', 'metric')).toMatch(/2027/);
    expect(
      changeSummary(
        { weekStart: '2026-11-30', field: 'longRunM', from: 14_800, to: 13_500, why: 'because …' },
        'metric',
      ),
    ).toEqual({ label: 'Long run', from: '14.8 km', to: '13.5 km' });
  });
});
