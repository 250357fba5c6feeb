import type { Aspect, PainAction, PainCharacter } from '../domain/pain.js';
import type { Random } from '../domain/random.js';

/** A pain report as the demo athlete would give it after a run. */
export interface DemoPain {
  region: 'knee';
  side: 'left';
  /** Front of the knee around the kneecap, sometimes felt more on its outer side: patellofemoral-like. */
  aspect: Extract<Aspect, 'front' | 'outer'>;
  onsetM: number;
  /** Seconds since the start (pauses included) when it began. */
  onsetS: number;
  /** 0–10. */
  severity: number;
  nextMorningSeverity: number;
  character: Extract<PainCharacter, 'ache' | 'sharp'>;
  action: PainAction;
}

/** Where her knee started to hurt before she did anything about it. */
export const PAIN_ONSET_M = 14_000;
/** How far either side of it the onset falls from one run to the next. */
export const PAIN_ONSET_JITTER_M = 700;
/** She took up whole-body stabilizer work after stopping early in week 10; it shows from week 12. */
export const STABILIZER_WORK_SHOWS_FROM_WEEK = 12;
const ONSET_GAIN_PER_WEEK_M = 400;
/** Her form starts to drift this much before the pain. */
const DRIFT_LEAD_M = { min: 1000, max: 2000 };

/**
 * Her painful runs in order: worse and worse until she stops early (week 10), then milder once the
 * stabilizer work takes hold. More episodes than these repeat the last.
 */
const EPISODES: ReadonlyArray<{ severity: number; action: PainAction }> = [
  { severity: 3, action: 'continued' },
  { severity: 4, action: 'slowed' },
  { severity: 5, action: 'walked' },
  { severity: 6, action: 'stopped' },
  { severity: 4, action: 'slowed' },
  { severity: 4, action: 'continued' },
  { severity: 3, action: 'continued' },
];

/** The distance around which pain starts in a week of the block. */
export function painOnsetCentreM(week: number): number {
  return PAIN_ONSET_M + Math.max(0, week - STABILIZER_WORK_SHOWS_FROM_WEEK + 1) * ONSET_GAIN_PER_WEEK_M;
}

export interface RunPainOutlook {
  /** Where pain would start on this run, if it goes that far. */
  onsetM: number;
  /** Where her form starts to drift: the stabilizers tiring. */
  stabilizerEnduranceM: number;
}

export function painOutlook(week: number, random: Random): RunPainOutlook {
  const onsetM = painOnsetCentreM(week) + random.uniform(-PAIN_ONSET_JITTER_M, PAIN_ONSET_JITTER_M);
  return { onsetM, stabilizerEnduranceM: onsetM - random.uniform(DRIFT_LEAD_M.min, DRIFT_LEAD_M.max) };
}

/** The report for her `episode`-th painful run (0-based); `onsetS` is filled in once the run is simulated. */
export function painReport(episode: number, onsetM: number, random: Random): Omit<DemoPain, 'onsetS'> {
  const { severity, action } = EPISODES[Math.min(episode, EPISODES.length - 1)] ?? {
    severity: 4,
    action: 'slowed',
  };
  return {
    region: 'knee',
    side: 'left',
    aspect: random.chance(0.25) ? 'outer' : 'front',
    onsetM,
    severity,
    nextMorningSeverity: Math.max(0, severity - random.int(2, 3)),
    character: severity >= 5 ? 'sharp' : 'ache',
    action,
  };
}
