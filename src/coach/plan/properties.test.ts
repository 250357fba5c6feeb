import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays, daysBetween } from '../../domain/time.js';
import { comparePlans } from './compare.js';
import { planRace } from './plan.js';
import {
  FIRST_RUN_M,
  MIN_HELD_LONG_RUN_M,
  STANDARD_RACES,
  taperWeeksFor,
  WEEKLY_VOLUME_CAP,
} from './rules.js';
import { longestInWindow, SPIKE_LIMIT } from './spike.js';
import type { PlanState, RaceGoal, RacePlan } from './types.js';

const DAY0 = '2026-06-01';
// Enough athletes and goals to reach every rule, few enough that the file runs in a few seconds. Keep numRuns a
// whole number: fast-check 4.11 never finishes with a fractional one.
const RUNS = 150;
const EPS = 1e-6;

/** Twelve weeks of running as people do it: a long run, a few shorter ones, the odd week off. */
const history = fc
  .record({
    weeks: fc.array(
      fc.record({
        off: fc.oneof(
          { weight: 6, arbitrary: fc.constant(false) },
          { weight: 1, arbitrary: fc.constant(true) },
        ),
        longM: fc.integer({ min: 1_000, max: 40_000 }),
        others: fc.array(fc.double({ min: 0.2, max: 0.9, noNaN: true }), { maxLength: 5 }),
        longDay: fc.nat({ max: 6 }),
      }),
      { minLength: 12, maxLength: 12 },
    ),
    // Some athletes ran a lot more or less than others; some start from nothing.
    scale: fc.double({ min: 0.1, max: 1.5, noNaN: true }),
    none: fc.oneof({ weight: 9, arbitrary: fc.constant(false) }, { weight: 1, arbitrary: fc.constant(true) }),
  })
  .map(({ weeks, scale, none }) => (today: string) => {
    if (none) return [];
    const runs: { date: string; distanceM: number }[] = [];
    weeks.forEach((w, index) => {
      if (w.off) return;
      const monday = addDays(today, -7 * (index + 1));
      const longM = Math.round(w.longM * scale);
      runs.push({ date: addDays(monday, w.longDay), distanceM: longM });
      w.others.forEach((share, i) => {
        runs.push({ date: addDays(monday, (w.longDay + i + 1) % 7), distanceM: Math.round(longM * share) });
      });
    });
    return runs;
  });

const gates = fc.record({
  lastLongRunPainFree: fc.constantFrom(true, true, false, null),
  morningSettled: fc.constantFrom(true, true, false, null),
  programSessionsLast2Weeks: fc.nat({ max: 8 }),
  programSessionsPlanned2Weeks: fc.constantFrom(0, 4, 6, 8),
  benchmarksImproving: fc.constantFrom(true, true, false, null),
});

const athlete: fc.Arbitrary<PlanState> = fc
  .record({
    day: fc.nat({ max: 365 }),
    history,
    painFreeM: fc.option(fc.integer({ min: 300, max: 30_000 }), { freq: 2 }),
    painTrend: fc.constantFrom('improving' as const, 'stable' as const, 'worsening' as const, null),
    breakdownM: fc.option(fc.integer({ min: 2_000, max: 40_000 })),
    gates,
    redFlagOpen: fc.oneof(
      { weight: 5, arbitrary: fc.constant(false) },
      { weight: 1, arbitrary: fc.constant(true) },
    ),
  })
  .map(({ day, history: runsFor, ...rest }) => {
    const today = addDays(DAY0, day);
    return { today, runs: runsFor(today), units: 'metric' as const, ...rest };
  });

const goalFor = (today: string): fc.Arbitrary<RaceGoal> =>
  fc
    .record({
      distanceM: fc.oneof(
        fc.constantFrom(...STANDARD_RACES.map((race) => race.distanceM)),
        fc.integer({ min: 3_000, max: 170_000 }),
      ),
      // Mostly ahead, from this week to 18 months; sometimes just passed.
      days: fc.oneof(
        { weight: 12, arbitrary: fc.integer({ min: 0, max: 540 }) },
        { weight: 1, arbitrary: fc.integer({ min: -20, max: -1 }) },
      ),
      surface: fc.constantFrom('road' as const, 'trail' as const, 'track' as const, 'mixed' as const),
    })
    .map(({ distanceM, days, surface }) => ({ distanceM, date: addDays(today, days), surface }));

const world = athlete.chain((state) => goalFor(state.today).map((goal) => ({ state, goal })));

const training = (plan: RacePlan) => plan.weeks.filter((week) => week.phase !== 'race');

describe('race plan properties', () => {
  it('no planned long run exceeds +10% of the longest run, done or planned, of the 30 days before it', () => {
    let checked = 0;
    fc.assert(
      fc.property(world, ({ state, goal }) => {
        const plan = planRace(goal, state);
        const runs: { date: string; distanceM: number }[] = [...state.runs];
        for (const week of training(plan)) {
          const prior = longestInWindow(runs, week.longRunDate);
          if (prior === null) expect(week.longRunM).toBeLessThanOrEqual(FIRST_RUN_M);
          else expect(week.longRunM).toBeLessThanOrEqual(prior * (1 + SPIKE_LIMIT) + EPS);
          expect(['within', 'no-history']).toContain(week.spike.band);
          expect(week.spike.longestPrior30dM).toBe(prior);
          runs.push({ date: week.longRunDate, distanceM: week.longRunM });
          checked += 1;
        }
      }),
      { numRuns: RUNS },
    );
    expect(checked).toBeGreaterThan(RUNS * 5);
  });

  it('grows the week at most 20% at a time, and the week always holds its long run', () => {
    fc.assert(
      fc.property(world, ({ state, goal }) => {
        const plan = planRace(goal, state);
        let previous = Math.max(plan.startingVolumeM, FIRST_RUN_M);
        for (const week of training(plan)) {
          expect(week.volumeM).toBeLessThanOrEqual(previous * (1 + WEEKLY_VOLUME_CAP) + EPS);
          expect(week.volumeM).toBeGreaterThanOrEqual(week.longRunM);
          previous = week.volumeM;
        }
      }),
      { numRuns: RUNS },
    );
  });

  it('nothing progresses while a red flag is open', () => {
    fc.assert(
      fc.property(
        world.map(({ state, goal }) => ({ state: { ...state, redFlagOpen: true }, goal })),
        ({ state, goal }) => {
          const plan = planRace(goal, state);
          expect(plan.feasible).toBe(false);
          expect(plan.verdict).toMatch(/see a clinician/);
          expect(plan.earliestSafeDate).toBeNull();
          expect(plan.shorterRaceM).toBeNull();
          for (const week of plan.weeks) {
            expect(week.gate.status).toBe('halted');
            expect(week.longRunM).toBe(0);
            expect(week.volumeM).toBe(0);
            expect(week.phase === 'build' || week.phase === 'peak').toBe(false);
          }
        },
      ),
      { numRuns: Math.ceil(RUNS / 3) },
    );
  });

  it('calls a goal feasible exactly when its own peak reaches the needed peak, and never one that +10% a week cannot reach', () => {
    let infeasible = 0;
    let feasible = 0;
    let beyondReach = 0;
    fc.assert(
      fc.property(world, ({ state, goal }) => {
        const plan = planRace(goal, state);
        const passed = daysBetween(state.today, goal.date) < 0;
        expect(plan.feasible).toBe(!state.redFlagOpen && !passed && plan.peakLongRunM >= plan.requiredPeakM);
        const peak = plan.weeks.find((week) => week.phase === 'peak');
        if (peak) {
          expect(plan.peakLongRunM).toBe(peak.longRunM);
          expect(Math.max(...training(plan).map((week) => week.longRunM))).toBe(peak.longRunM);
          expect(daysBetween(peak.longRunDate, goal.date)).toBe(7 * taperWeeksFor(goal.distanceM));
        }
        // An oracle outside the planner: from the longest recent run (or the 3 km first run), long runs on
        // n weeks can at most multiply it by 1.1^n. A goal that needs more is out of reach.
        if (!state.redFlagOpen && !passed) {
          const recent = state.runs
            .filter((run) => daysBetween(run.date, state.today) <= 40)
            .reduce((max, run) => Math.max(max, run.distanceM), FIRST_RUN_M / (1 + SPIKE_LIMIT));
          const buildWeeks = training(plan).filter((week) => week.phase !== 'taper').length;
          const reachable = recent * (1 + SPIKE_LIMIT) ** buildWeeks;
          if (plan.requiredPeakM > reachable + EPS) {
            beyondReach += 1;
            expect(plan.feasible).toBe(false);
          }
        }
        if (plan.feasible) {
          feasible += 1;
          expect(plan.earliestSafeDate).toBeNull();
          expect(plan.verdict).toMatch(/within reach/);
        } else if (!state.redFlagOpen) {
          infeasible += 1;
          expect(plan.verdict).toMatch(/not reachable safely|has passed/);
          if (plan.earliestSafeDate !== null) {
            expect(plan.earliestSafeDate > goal.date).toBe(true);
            expect(plan.earliestSafeDate >= state.today).toBe(true);
            expect(planRace({ ...goal, date: plan.earliestSafeDate }, state).feasible).toBe(true);
          }
          if (plan.shorterRaceM !== null) {
            expect(plan.shorterRaceM).toBeLessThan(goal.distanceM);
            expect(planRace({ ...goal, distanceM: plan.shorterRaceM }, state).feasible).toBe(true);
          }
        }
      }),
      { numRuns: RUNS },
    );
    // Guards against a generator that never reaches one side of the rule.
    expect(feasible).toBeGreaterThan(RUNS / 10);
    expect(infeasible).toBeGreaterThan(RUNS / 10);
    expect(beyondReach).toBeGreaterThan(RUNS / 20);
  });

  it('puts the taper in place: long runs and volume lower in the final weeks than at the peak', () => {
    let tapers = 0;
    fc.assert(
      fc.property(world, ({ state, goal }) => {
        const plan = planRace(goal, state);
        if (plan.weeks.length === 0 || state.redFlagOpen) return;
        const phases = plan.weeks.map((week) => week.phase);
        expect(phases.at(-1)).toBe('race');
        expect(phases.filter((p) => p === 'race')).toHaveLength(1);
        // Build and hold, at most one peak, then the taper, then the race.
        expect(phases.join(' ')).toMatch(/^((build|hold) )*(peak )?(taper )*race$/);
        const taperWeeks = Math.min(taperWeeksFor(goal.distanceM) - 1, plan.weeks.length - 1);
        expect(phases.filter((p) => p === 'taper')).toHaveLength(taperWeeks);
        for (const week of plan.weeks.filter((w) => w.phase === 'taper')) {
          tapers += 1;
          if (plan.peakLongRunM > 0) expect(week.longRunM).toBeLessThan(plan.peakLongRunM);
          else expect(week.longRunM).toBe(0);
          expect(week.volumeM).toBeLessThan(plan.peakVolumeM);
        }
        const race = plan.weeks.at(-1);
        expect(race?.longRunM).toBe(goal.distanceM);
        expect((race?.volumeM ?? 0) - goal.distanceM).toBeLessThan(plan.peakVolumeM);
      }),
      { numRuns: RUNS },
    );
    expect(tapers).toBeGreaterThan(RUNS / 2);
  });

  it('holds the next long run while a gate is closed, and offers run–walk beyond the pain-free distance', () => {
    let held = 0;
    fc.assert(
      fc.property(world, ({ state, goal }) => {
        const plan = planRace(goal, state);
        const first = plan.weeks[0];
        if (!first || first.phase === 'race' || state.redFlagOpen) return;
        const g = state.gates;
        const pattern = state.painFreeM !== null;
        const closed =
          state.painTrend === 'worsening' ||
          g.lastLongRunPainFree === false ||
          g.morningSettled === false ||
          (pattern &&
            g.programSessionsPlanned2Weeks > 0 &&
            3 * g.programSessionsLast2Weeks < 2 * g.programSessionsPlanned2Weeks) ||
          (pattern && g.benchmarksImproving === false);
        expect(first.gate.status).toBe(closed ? 'held' : 'open');
        if (closed) {
          held += 1;
          const prior = longestInWindow(state.runs, first.longRunDate);
          const ceiling =
            state.painFreeM !== null
              ? Math.max(state.painFreeM, MIN_HELD_LONG_RUN_M)
              : (prior ?? FIRST_RUN_M);
          expect(first.longRunM).toBeLessThanOrEqual(ceiling);
        }
        for (const week of plan.weeks) {
          const beyond =
            (state.painFreeM !== null && week.longRunM > state.painFreeM) ||
            (state.breakdownM !== null && week.longRunM > state.breakdownM);
          expect(week.runWalk).toBe(beyond);
        }
      }),
      { numRuns: RUNS },
    );
    expect(held).toBeGreaterThan(RUNS / 10);
  });

  it('is deterministic, leaves its input alone, ignores the order of the runs, and a plan has no changes from itself', () => {
    fc.assert(
      fc.property(world, fc.integer(), ({ state, goal }, seed) => {
        const frozen = structuredClone(state);
        const plan = planRace(goal, state);
        expect(state).toEqual(frozen);
        expect(planRace(goal, state)).toEqual(plan);
        const reordered = [...state.runs].sort(
          (a, b) => ((a.distanceM * 31 + seed) % 97) - ((b.distanceM * 31 + seed) % 97),
        );
        expect(planRace(goal, { ...state, runs: reordered })).toEqual(plan);
        expect(comparePlans(plan, plan, 'metric')).toEqual([]);
      }),
      { numRuns: Math.ceil(RUNS / 3) },
    );
  });
});
