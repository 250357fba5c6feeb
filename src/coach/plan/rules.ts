import type { PlanRule } from './types.js';

/**
 * The planning rules and their thresholds. Each constant says where it comes from; Keel's own choices, which no
 * study sets, say so. docs/race-plan.md gives the same rules in prose.
 */

export const SOURCES = {
  runsafe: 'Garmin-RUNSAFE: Frandsen, Nielsen et al., BJSM 2025; domain-reference §5',
  peaks:
    'domain-reference §5, typical peak long runs (10 km → 12–16 km, half → 16–22 km, marathon → 29–35 km)',
  taper: 'domain-reference §5: peak long run ~2 weeks before a half, ~3 before a marathon',
  bosquet: 'Bosquet et al. 2007, taper meta-analysis (Med Sci Sports Exerc 39:1358): volume cut 41–60%',
  nielsen:
    'Nielsen et al. 2014, JOSPT 44:739 (weekly increases > 30% and distance-related injuries); Buist et al. 2008, Am J Sports Med 36:33 (a 10%-rule program did not reduce injuries); domain-reference §5',
  runWalk: 'domain-reference §5: run–walk extends the distance before fatigue-related breakdown',
  painMonitoring: 'Silbernagel et al. 2007 pain-monitoring model (settled next morning); domain-reference §4',
  redFlag: 'domain-reference §6: a red flag means stop running and see a clinician',
  keel: "Keel's own choice (no study sets it); see docs/race-plan.md",
} as const;

export const KM = 1000;
export const HALF_MARATHON_M = 21_097.5;
export const MARATHON_M = 42_195;

/** Standard races, shortest first: the shorter race Keel offers is the longest of these reachable by the date. */
export const STANDARD_RACES = [
  { distanceM: 5_000, name: '5 km' },
  { distanceM: 10_000, name: '10 km' },
  { distanceM: HALF_MARATHON_M, name: 'half marathon' },
  { distanceM: MARATHON_M, name: 'marathon' },
  { distanceM: 50_000, name: '50 km' },
  { distanceM: 80_467, name: '50 miles' },
  { distanceM: 100_000, name: '100 km' },
  { distanceM: 160_934, name: '100 miles' },
] as const;

/**
 * Anchors for the usual peak long run by race distance. 10 km, half and marathon are §5's. The 5 km row
 * (6–10 km, 1.2–2 × the race) is Keel's, in line with the 10 km row (1.2–1.6 ×). Between anchors the range is
 * interpolated linearly; below 5 km it stays 1.2–2 × the race.
 */
export const PEAK_ANCHORS = [
  { raceM: 5_000, minM: 6_000, maxM: 10_000 },
  { raceM: 10_000, minM: 12_000, maxM: 16_000 },
  { raceM: HALF_MARATHON_M, minM: 16_000, maxM: 22_000 },
  { raceM: MARATHON_M, minM: 29_000, maxM: 35_000 },
] as const;

/**
 * Keel's choice for ultras: the peak long run is 50–60% of the race, never less than a marathon's 29–35 km and
 * never more than 50–60 km. Single runs longer than that add more injury risk than fitness; ultra plans build on
 * with back-to-back long runs, which Keel does not plan.
 */
export const ULTRA_PEAK_SHARE = { min: 0.5, max: 0.6 } as const;
export const ULTRA_PEAK_CAP_M = { min: 50_000, max: 60_000 } as const;

/** Keel's choice: the plan aims for the middle of the usual range; the bottom of the range is the least it needs. */
export const PEAK_TARGET_POINT = 0.5;

/**
 * Weeks from the peak long run to the race. §5: 2 before a half, 3 before a marathon. Keel's choices: 1 week for
 * races under 15 km (with race week, about the 8–14 day taper Bosquet 2007 found best); 3 weeks for ultras too.
 * The cut-offs sit between the standard distances.
 */
export function taperWeeksFor(raceM: number): number {
  if (raceM < 15_000) return 1;
  if (raceM < 30_000) return 2;
  return 3;
}

/**
 * Training volume over the taper steps down linearly from the peak week to this share of it in race week (race
 * excluded), so the taper as a whole cuts 40–60% (Bosquet 2007: 41–60%). Long runs in taper weeks take the same
 * share of the peak long run. The linear shape is Keel's choice.
 */
export const TAPER_FINAL_SHARE = 0.4;

export function taperShare(weeksBeforeRace: number, taperWeeks: number): number {
  return TAPER_FINAL_SHARE + ((1 - TAPER_FINAL_SHARE) * weeksBeforeRace) / taperWeeks;
}

/**
 * Keel's choice: the long run is about 35% of the week (the middle of the usual 30–40%). The volume grows toward
 * long run ÷ 0.35; a runner who already runs more keeps their volume.
 */
export const LONG_RUN_SHARE = 0.35;

/**
 * Keel's choice: the week's running grows at most 20% over the week before. Nielsen 2014 associated increases
 * above 30% with more distance-related injuries, so 20% keeps a margin; Buist 2008 found a 10%-rule program no
 * safer, and a 10% cap would keep the volume behind long runs that may themselves grow 10% a week.
 */
export const WEEKLY_VOLUME_CAP = 0.2;

/**
 * Keel's choice: with no run in the 30 days before, the first long run is 3 km (run–walk if that is beyond the
 * pain-free distance), and a recent weekly volume below 3 km counts as 3 km.
 */
export const FIRST_RUN_M = 3_000;

/** Keel's choice: a held long run never drops below 1 km; closer in than that, the run–walk is the long run. */
export const MIN_HELD_LONG_RUN_M = 1_000;

/**
 * Keel's choice: program sessions count as done when at least two thirds of those planned in the last two weeks
 * were logged, in whole sessions (4 of 6, 2 of 3).
 */
export const PROGRAM_ADHERENCE = { done: 2, of: 3 } as const;

/** Keel's choice: Keel projects at most two years ahead when looking for the earliest safe date. */
export const MAX_SEARCH_WEEKS = 104;

/** Planned distances are rounded down: to 100 m from 1 km up, to 10 m below, so rounding never crosses a limit. */
export function roundDownM(m: number): number {
  if (!(m > 0)) return 0;
  return m >= 1_000 ? Math.floor(m / 100) * 100 : Math.floor(m / 10) * 10;
}

function interpolate(x: number, x0: number, x1: number, y0: number, y1: number): number {
  return y0 + ((y1 - y0) * (x - x0)) / (x1 - x0);
}

/** The usual range of peak long runs for a race of `raceM` metres. */
export function peakRangeFor(raceM: number): { minM: number; maxM: number } {
  const first = PEAK_ANCHORS[0];
  const last = PEAK_ANCHORS[PEAK_ANCHORS.length - 1] as (typeof PEAK_ANCHORS)[number];
  if (raceM <= first.raceM) {
    return { minM: (raceM * first.minM) / first.raceM, maxM: (raceM * first.maxM) / first.raceM };
  }
  if (raceM >= last.raceM) {
    return {
      minM: Math.min(ULTRA_PEAK_CAP_M.min, Math.max(last.minM, raceM * ULTRA_PEAK_SHARE.min)),
      maxM: Math.min(ULTRA_PEAK_CAP_M.max, Math.max(last.maxM, raceM * ULTRA_PEAK_SHARE.max)),
    };
  }
  for (let i = 1; i < PEAK_ANCHORS.length; i += 1) {
    const lo = PEAK_ANCHORS[i - 1] as (typeof PEAK_ANCHORS)[number];
    const hi = PEAK_ANCHORS[i] as (typeof PEAK_ANCHORS)[number];
    if (raceM <= hi.raceM) {
      return {
        minM: interpolate(raceM, lo.raceM, hi.raceM, lo.minM, hi.minM),
        maxM: interpolate(raceM, lo.raceM, hi.raceM, lo.maxM, hi.maxM),
      };
    }
  }
  return { minM: last.minM, maxM: last.maxM };
}

/** The least peak the race needs (rounded down like every planned distance) and the peak the plan aims for. */
export function peakFor(raceM: number): { requiredM: number; targetM: number; minM: number; maxM: number } {
  const { minM, maxM } = peakRangeFor(raceM);
  return {
    minM,
    maxM,
    requiredM: roundDownM(minM),
    targetM: roundDownM(minM + (maxM - minM) * PEAK_TARGET_POINT),
  };
}

/** The rules a plan follows, in the words the athlete reads. */
export const PLAN_RULES: readonly PlanRule[] = [
  {
    id: 'spike-limit',
    text: 'No planned long run is more than 10% longer than the longest run, done or planned, of the 30 days before it: in RUNSAFE, single runs 10–30% over carried about 1.64 times the injury rate, 30–100% over 1.52, more than double 2.28.',
    source: SOURCES.runsafe,
  },
  {
    id: 'long-run-step',
    text: 'A long run grows at most 10% over the week before, so that after a held week the climb restarts from where the body is, not from an older, longer run.',
    source: SOURCES.keel,
  },
  {
    id: 'peak',
    text: 'The plan aims for the middle of the usual peak long run for the race distance and needs at least the bottom of it: 10 km → 12–16 km, half marathon → 16–22 km, marathon → 29–35 km; 5 km → 6–10 km (Keel); ultras 50–60% of the race, at least 29–35 km and at most 50–60 km (Keel).',
    source: `${SOURCES.peaks}; ${SOURCES.keel}`,
  },
  {
    id: 'taper',
    text: 'The peak long run comes 2 weeks before a half marathon and 3 before a marathon (1 before races under 15 km, 3 before ultras: Keel); training volume then steps down to 40% of the peak week in race week, cutting 40–60% over the taper.',
    source: `${SOURCES.taper}; ${SOURCES.bosquet}`,
  },
  {
    id: 'race-exempt',
    text: 'The race itself is the one run allowed past the +10% line: the peak and taper prepare for it. Its spike band is still shown.',
    source: SOURCES.keel,
  },
  {
    id: 'gates',
    text: 'Long runs are held at the pain-free distance (no progression without a pain pattern) until the gates open: the last long run pain-free, the next morning settled, pain not arriving earlier run to run, and — with a pain pattern — at least 2 of 3 planned program sessions done in the last two weeks and the benchmarks not falling behind. A gate with no answer yet does not hold the plan.',
    source: `${SOURCES.painMonitoring}; ${SOURCES.keel}`,
  },
  {
    id: 'run-walk',
    text: 'A long run beyond the pain-free distance or the form-breakdown distance is offered as run–walk.',
    source: SOURCES.runWalk,
  },
  {
    id: 'red-flag',
    text: 'While a red flag is open, nothing progresses: no running is planned until a clinician has seen it.',
    source: SOURCES.redFlag,
  },
  {
    id: 'volume',
    text: 'The week grows toward a long run of about 35% of it (Keel), at most 20% a week (Keel, below the 30% Nielsen 2014 linked to distance-related injuries; Buist 2008 found the 10% rule no safer); a long run never needs more than the week can hold.',
    source: `${SOURCES.nielsen}; ${SOURCES.keel}`,
  },
  {
    id: 'honesty',
    text: 'When the needed peak cannot be reached by the race date under these rules, with the taper in place, the plan says so and offers the earliest safe date and the longest standard race reachable by the date.',
    source: SOURCES.keel,
  },
];
