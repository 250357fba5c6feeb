import { createRandom, type Random } from '../../domain/random.js';
import { METRES_PER_KM, METRES_PER_MILE } from '../../domain/units.js';
import type { PatternRun, PatternTrend } from './types.js';

/**
 * Training histories with a known truth, for validating the detector. Everything is drawn from ranges rather
 * than fixed values (run counts, spreads, distance mixes, paces, how onsets are reported), so that the detector
 * is checked against many kinds of runner rather than tuned to one.
 */

export const SCENARIOS = [
  /** Onset ~ normal around a threshold T, spread 2–8% of T. */
  'sharp-threshold',
  /** The same with a spread of 8–15%: pain-free runs beyond T are common. */
  'wide-threshold',
  /** Runs planned in whole miles, onsets reported to the half mile. */
  'miles',
  /** Half or more of the painful runs without an onset ("somewhere in the run", or after it). */
  'unknown-onsets',
  /** Pain equally likely at any distance: no pattern. */
  'constant-hazard',
  /** A threshold the runner rarely reaches: 0–5 painful runs. */
  'few-events',
  /** The threshold moves out by 15–40% over some weeks of the window. */
  'moving-out',
  /** The threshold moves in by 15–30% over some weeks of the window. */
  'moving-in',
  /** Onset at a fixed time on feet; pace varies a lot between runs (trails, hills, tempo days). */
  'time-bound',
  /** Two regions at once on the same runs: a threshold, and either a second threshold or a constant hazard. */
  'two-regions',
] as const;
export type Scenario = (typeof SCENARIOS)[number];

export interface SeriesTruth {
  pattern: 'threshold' | 'none';
  /** The median onset distance of a threshold that stays put; null otherwise. */
  thresholdM: number | null;
  trend: PatternTrend;
  basis: 'distance' | 'time' | null;
}

export interface SimulatedSeries {
  label: string;
  truth: SeriesTruth;
  runs: PatternRun[];
}

export interface SimulatedHistory {
  scenario: Scenario;
  seed: number;
  asOf: Date;
  windowDays: number;
  series: SimulatedSeries[];
}

const AS_OF = new Date('2026-06-01T00:00:00Z');
const WINDOW_DAYS = 180;
const DAY_MS = 86_400_000;

/** Where pain would start on a run, given how far through the history (0 first run, 1 now) it is and its pace. */
type PainModel = (progress: number, secondsPerMetre: number, random: Random) => number;

const distanceThreshold =
  (centreM: (progress: number) => number, spread: number): PainModel =>
  (progress, _pace, random) => {
    const centre = centreM(progress);
    return random.normal(centre, spread * centre);
  };

const timeThreshold =
  (centreS: number, spread: number): PainModel =>
  (_progress, secondsPerMetre, random) =>
    random.normal(centreS, spread * centreS) / secondsPerMetre;

const constantHazard =
  (perM: number): PainModel =>
  (_progress, _pace, random) =>
    -Math.log(1 - random.next()) / perM;

interface Region {
  label: string;
  truth: SeriesTruth;
  model: PainModel;
}

interface Habits {
  runs: number;
  spanDays: number;
  units: 'metric' | 'imperial';
  /** Distance of a typical long run's reference point (the threshold, or a long run when there is none). */
  referenceM: number;
  longShare: number;
  /** Long runs grow from this to `longTo` (× reference) over the window: building toward a race. */
  longFrom: number;
  longTo: number;
  secondsPerMetre: number;
  /** Run-to-run pace variation (sd of a multiplier). */
  paceSpread: number;
  plannedInTime: boolean;
  /** Share of painful runs reported without an onset. */
  noOnsetShare: number;
  /** Reported onsets are rounded to half a unit (0.5 km or 0.5 mi) in most histories. */
  roundOnsets: boolean;
  /** Stray pains unrelated to the pattern (a misstep, a cold start), per run. */
  strayRate: number;
  /** How likely the runner stops soon after the pain starts. */
  stopShare: number;
}

function baseHabits(random: Random, referenceM: number): Habits {
  const longFrom = random.uniform(0.85, 1.1);
  return {
    runs: random.int(8, 60),
    spanDays: random.uniform(60, WINDOW_DAYS - 1),
    units: random.chance(0.8) ? 'metric' : 'imperial',
    referenceM,
    longShare: random.uniform(0.15, 0.5),
    longFrom,
    longTo: random.chance(0.5) ? longFrom : longFrom + random.uniform(0.1, 0.4),
    secondsPerMetre: random.uniform(270, 420) / METRES_PER_KM,
    paceSpread: random.uniform(0.02, 0.06),
    plannedInTime: false,
    noOnsetShare: random.chance(0.5) ? 0 : random.uniform(0, 0.3),
    roundOnsets: random.chance(0.8),
    strayRate: random.chance(0.25) ? 0.03 : 0,
    stopShare: random.uniform(0, 0.4),
  };
}

const stillThreshold = (thresholdM: number): SeriesTruth => ({
  pattern: 'threshold',
  thresholdM,
  trend: 'stable',
  basis: 'distance',
});

function sharpRegion(random: Random, label: string, thresholdM: number, spread: [number, number]): Region {
  return {
    label,
    truth: stillThreshold(thresholdM),
    model: distanceThreshold(() => thresholdM, random.uniform(...spread)),
  };
}

function noPatternRegion(random: Random, label: string): Region {
  return {
    label,
    truth: { pattern: 'none', thresholdM: null, trend: 'stable', basis: null },
    model: constantHazard(random.uniform(0.015, 0.06) / METRES_PER_KM),
  };
}

function movingRegion(random: Random, thresholdM: number, change: number): Region {
  const from = random.uniform(0, 0.4);
  const to = random.uniform(from + 0.3, 1);
  const centre = (progress: number) =>
    thresholdM * (1 + change * Math.min(1, Math.max(0, (progress - from) / (to - from))));
  return {
    label: 'knee',
    truth: {
      pattern: 'threshold',
      thresholdM: null,
      trend: change > 0 ? 'improving' : 'worsening',
      basis: 'distance',
    },
    model: distanceThreshold(centre, random.uniform(0.02, 0.08)),
  };
}

const thresholdKm = (random: Random) => random.uniform(6, 25) * METRES_PER_KM;

function setUp(scenario: Scenario, random: Random): { habits: Habits; regions: Region[] } {
  switch (scenario) {
    case 'sharp-threshold':
    case 'wide-threshold': {
      const t = thresholdKm(random);
      const spread: [number, number] = scenario === 'sharp-threshold' ? [0.02, 0.08] : [0.08, 0.15];
      return { habits: baseHabits(random, t), regions: [sharpRegion(random, 'knee', t, spread)] };
    }
    case 'miles': {
      const t = random.uniform(4, 15) * METRES_PER_MILE;
      return {
        habits: { ...baseHabits(random, t), units: 'imperial' },
        regions: [sharpRegion(random, 'knee', t, [0.02, 0.08])],
      };
    }
    case 'unknown-onsets': {
      const t = thresholdKm(random);
      return {
        habits: { ...baseHabits(random, t), noOnsetShare: random.uniform(0.5, 1) },
        regions: [sharpRegion(random, 'knee', t, [0.02, 0.08])],
      };
    }
    case 'constant-hazard':
      return { habits: baseHabits(random, thresholdKm(random)), regions: [noPatternRegion(random, 'knee')] };
    case 'few-events': {
      const t = thresholdKm(random);
      return {
        habits: { ...baseHabits(random, t), longShare: random.uniform(0.02, 0.1) },
        regions: [sharpRegion(random, 'knee', t, [0.02, 0.08])],
      };
    }
    case 'moving-out':
    case 'moving-in': {
      const t = thresholdKm(random);
      const change = scenario === 'moving-out' ? random.uniform(0.15, 0.4) : -random.uniform(0.15, 0.3);
      return { habits: baseHabits(random, t), regions: [movingRegion(random, t, change)] };
    }
    case 'time-bound': {
      const habits = baseHabits(random, 0);
      const centreS = random.uniform(40, 150) * 60;
      return {
        habits: {
          ...habits,
          referenceM: centreS / habits.secondsPerMetre,
          paceSpread: random.uniform(0.08, 0.15),
          plannedInTime: true,
        },
        regions: [
          {
            label: 'shin',
            truth: { pattern: 'threshold', thresholdM: null, trend: 'stable', basis: 'time' },
            model: timeThreshold(centreS, random.uniform(0.02, 0.08)),
          },
        ],
      };
    }
    case 'two-regions': {
      const t = thresholdKm(random);
      const other = random.chance(0.5)
        ? sharpRegion(
            random,
            'hip',
            t * (random.chance(0.5) ? random.uniform(0.6, 0.85) : random.uniform(1.2, 1.5)),
            [0.02, 0.08],
          )
        : noPatternRegion(random, 'hip');
      return {
        habits: baseHabits(random, t),
        regions: [sharpRegion(random, 'knee', t, [0.02, 0.08]), other],
      };
    }
  }
}

const round = (value: number, step: number) => Math.round(value / step) * step;

export function simulateHistory(scenario: Scenario, seed: number): SimulatedHistory {
  const random = createRandom(seed);
  const { habits, regions } = setUp(scenario, random);
  const unitM = habits.units === 'imperial' ? METRES_PER_MILE : METRES_PER_KM;
  const runs: PatternRun[][] = regions.map(() => []);
  const days = Array.from({ length: habits.runs }, () => random.uniform(0, habits.spanDays)).sort(
    (a, b) => b - a,
  );
  days.forEach((daysAgo, index) => {
    const progress = 1 - daysAgo / habits.spanDays;
    const long = random.chance(habits.longShare);
    const reach = long
      ? (habits.longFrom + (habits.longTo - habits.longFrom) * progress) * random.uniform(1, 1.3)
      : random.uniform(0.35, 0.8);
    const secondsPerMetre =
      habits.secondsPerMetre * (long ? 1.04 : 1) * Math.max(0.7, random.normal(1, habits.paceSpread));
    // Time-planned runs go out for a duration at whatever pace the day gives; the others for a distance, in
    // whole miles for runners who think in miles.
    let plannedM = habits.plannedInTime
      ? (reach * habits.referenceM * habits.secondsPerMetre) / secondsPerMetre
      : reach * habits.referenceM;
    if (habits.units === 'imperial' && !habits.plannedInTime)
      plannedM = Math.max(2, Math.round(plannedM / unitM)) * unitM;
    const latent = regions.map((region) => {
      const onset = region.model(progress, secondsPerMetre, random);
      const stray = random.chance(habits.strayRate)
        ? random.uniform(0.05, 1) * plannedM
        : Number.POSITIVE_INFINITY;
      return Math.max(50, Math.min(onset, stray));
    });
    const first = Math.min(...latent);
    // GPS and footpods measure a planned run to within about 1%; a runner who stops for the pain does so soon
    // after it starts, so the pain always falls inside the run.
    const measuredM = plannedM * random.normal(1, 0.01);
    const stops = first < measuredM && random.chance(habits.stopShare);
    const distanceM = stops ? Math.min(measuredM, first + random.uniform(0.05, 1.5) * unitM) : measuredM;
    const durationS = distanceM * secondsPerMetre;
    const startTime = new Date(AS_OF.getTime() - daysAgo * DAY_MS);
    latent.forEach((onset, r) => {
      const runId = `run-${index}`;
      if (!(onset < distanceM)) {
        runs[r]?.push({ runId, startTime, distanceM, durationS, pain: null });
        return;
      }
      const severity = random.int(2, 7);
      if (random.chance(habits.noOnsetShare)) {
        runs[r]?.push({
          runId,
          startTime,
          distanceM,
          durationS,
          pain: { onsetM: null, onsetS: null, severity },
        });
        return;
      }
      // Runners read the onset off the watch and round it (never past the run's end: the app would refuse it);
      // the watch's own record, both figures, is exact.
      const told = Math.min(distanceM, onset * random.normal(1, 0.02));
      const way = random.next();
      const pain =
        way < 0.6
          ? {
              onsetM: habits.roundOnsets
                ? Math.min(distanceM, Math.max(unitM / 2, round(told, unitM / 2)))
                : told,
              onsetS: null,
              severity,
            }
          : way < 0.75
            ? {
                onsetM: null,
                onsetS: Math.min(durationS, Math.max(60, round(told * secondsPerMetre, 60))),
                severity,
              }
            : { onsetM: onset, onsetS: onset * secondsPerMetre, severity };
      runs[r]?.push({ runId, startTime, distanceM, durationS, pain });
    });
  });
  return {
    scenario,
    seed,
    asOf: AS_OF,
    windowDays: WINDOW_DAYS,
    series: regions.map((region, r) => ({ label: region.label, truth: region.truth, runs: runs[r] ?? [] })),
  };
}
