import { daysBetween } from '../../domain/time.js';
import { formatDistance, type UnitSystem } from '../../domain/units.js';

/**
 * The spike guard for any run, planned or done (domain-reference §5). Garmin-RUNSAFE (Frandsen, Nielsen et al.,
 * BJSM 2025; 5,205 runners, 588,071 sessions) found that one session longer than the longest run of the previous
 * 30 days raised the overuse-injury rate, while the acute:chronic workload ratio and week-to-week changes did not.
 * Its practical rule: keep every run within +10% of the 30-day longest.
 */

export type SpikeBand = 'no-history' | 'within' | 'over-10' | 'over-30' | 'over-100';

export interface SpikeCheck {
  distanceM: number;
  /** The longest run of the 30 days before this one; null when there was none. */
  longestPrior30dM: number | null;
  /** distanceM ÷ longestPrior30dM: 1.10 is 10% longer. Null without history. */
  ratio: number | null;
  band: SpikeBand;
  /** RUNSAFE's hazard ratio for the band against runs within +10% (1 for those); null without history. */
  hazardRatio: number | null;
  /** The +10% line: the longest this run may be. Null without history. */
  limitM: number | null;
  /** Plain words for the athlete. */
  message: string;
  source: string;
}

/** RUNSAFE's practical rule: every run within +10% of the longest run of the previous 30 days. */
export const SPIKE_LIMIT = 0.1;
/** The window RUNSAFE compares against. */
export const SPIKE_WINDOW_DAYS = 30;
/** Below a millimetre, a difference is rounding: 11 km against 10 km is exactly +10%, not over. */
const EPSILON_M = 1e-3;

export const SPIKE_SOURCE =
  'Garmin-RUNSAFE: Frandsen, Nielsen et al., BJSM 2025 (5,205 runners, 588,071 sessions); domain-reference §5';

/**
 * RUNSAFE's bands, by how much longer a run is than the 30-day longest: > 10–30% (hazard ratio ≈ 1.64),
 * > 30–100% (≈ 1.52), > 100% (≈ 2.28), each against runs within +10%. A band's upper edge belongs to it:
 * exactly +30% is "over 10%", exactly +100% is "over 30%".
 */
export const SPIKE_BANDS = [
  { band: 'over-10', aboveIncrease: 0.1, hazardRatio: 1.64 },
  { band: 'over-30', aboveIncrease: 0.3, hazardRatio: 1.52 },
  { band: 'over-100', aboveIncrease: 1, hazardRatio: 2.28 },
] as const satisfies readonly { band: SpikeBand; aboveIncrease: number; hazardRatio: number }[];

/** Where a run of `distanceM` stands against the longest run of the 30 days before it; words in `units`. */
export function spikeCheck(
  distanceM: number,
  longestPrior30dM: number | null,
  units: UnitSystem,
): SpikeCheck {
  const km = (m: number) => formatDistance(m, units, 1);
  if (longestPrior30dM === null || !(longestPrior30dM > 0)) {
    return {
      distanceM,
      longestPrior30dM: null,
      ratio: null,
      band: 'no-history',
      hazardRatio: null,
      limitM: null,
      message: `No run in the 30 days before to compare ${km(distanceM)} with: start short and build from there.`,
      source: SPIKE_SOURCE,
    };
  }
  const ratio = distanceM / longestPrior30dM;
  const limitM = longestPrior30dM * (1 + SPIKE_LIMIT);
  let band: SpikeBand = 'within';
  let hazardRatio = 1;
  for (const b of SPIKE_BANDS) {
    if (distanceM > longestPrior30dM * (1 + b.aboveIncrease) + EPSILON_M) {
      band = b.band;
      hazardRatio = b.hazardRatio;
    }
  }
  const percent = Math.round((ratio - 1) * 100);
  const message =
    band === 'within'
      ? `${km(distanceM)} is within +10% of your longest run of the past 30 days (${km(longestPrior30dM)}).`
      : `${km(distanceM)} is ${percent}% longer than your longest run of the past 30 days (${km(longestPrior30dM)}). ` +
        `In RUNSAFE, runs ${band === 'over-10' ? '10–30%' : band === 'over-30' ? '30–100%' : 'more than 100%'} ` +
        `over carried about ${hazardRatio} times the injury rate of runs within +10%. Keep it to ${km(limitM)}.`;
  return {
    distanceM,
    longestPrior30dM,
    ratio,
    band,
    hazardRatio,
    limitM,
    message,
    source: SPIKE_SOURCE,
  };
}

/**
 * The longest run in the `days` days strictly before `beforeDate` (runs on `beforeDate` itself do not count; a run
 * exactly `days` days before does). Null when there is none longer than zero.
 */
export function longestInWindow(
  runs: readonly { date: string; distanceM: number }[],
  beforeDate: string,
  days = SPIKE_WINDOW_DAYS,
): number | null {
  let longest: number | null = null;
  for (const run of runs) {
    const ago = daysBetween(run.date, beforeDate);
    if (ago < 1 || ago > days || !(run.distanceM > 0)) continue;
    if (longest === null || run.distanceM > longest) longest = run.distanceM;
  }
  return longest;
}
