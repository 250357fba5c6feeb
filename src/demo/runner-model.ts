import type { Random } from '../domain/random.js';

/** How one runner's body answers speed, grade and distance. */
export interface RunnerProfile {
  massKg: number;
  restingHeartRateBpm: number;
  maxHeartRateBpm: number;
  /** Cadence, ground contact time and vertical oscillation when fresh, at `REFERENCE_SPEED_MPS`. */
  cadenceSpm: number;
  stanceTimeMs: number;
  verticalOscillationMm: number;
  /** Share of ground contact on the left foot when fresh. */
  stanceTimeBalanceLeftPct: number;
  /** Distance after which the stabilizers tire and form drifts (the article's "certain distance"). */
  stabilizerEnduranceM: number;
  /** The leg whose stabilizers give out first: its share of ground contact grows. */
  weakSide: 'left' | 'right';
}

export const REFERENCE_SPEED_MPS = 2.8;

/** A recreational runner: values in the middle of the ranges in domain-reference.md section 1. */
export const DEFAULT_RUNNER: RunnerProfile = {
  massKg: 62,
  restingHeartRateBpm: 52,
  maxHeartRateBpm: 188,
  cadenceSpm: 166,
  stanceTimeMs: 262,
  verticalOscillationMm: 84,
  stanceTimeBalanceLeftPct: 49.7,
  stabilizerEnduranceM: 12_500,
  weakSide: 'left',
};

export interface FormSample {
  cadenceSpm: number;
  stanceTimeMs: number;
  stanceTimeBalanceLeftPct: number;
  verticalOscillationMm: number;
  verticalRatioPct: number;
  stepLengthMm: number;
  powerW: number;
  formPowerW: number;
  legSpringStiffnessKnm: number;
}

/*
 * Fatigue drift per km run beyond the stabilizer endurance distance, at the same speed. Sized so that 4–5 km
 * past it gives what domain-reference.md section 1 reports late in long runs: a few steps/min less cadence,
 * a few percent more ground contact, and a growing balance shift. It stops growing after MAX_DRIFT_KM.
 */
const CADENCE_DRIFT_SPM_PER_KM = -0.8;
const STANCE_TIME_DRIFT_PER_KM = 0.013;
const OSCILLATION_DRIFT_PER_KM = 0.016;
const BALANCE_DRIFT_PCT_PER_KM = 0.4;
const POWER_DRIFT_PER_KM = 0.004;
const MAX_DRIFT_KM = 6;

/** Kilometres run past the runner's stabilizer endurance, as far as it still adds drift. */
export function fatigueKm(runner: RunnerProfile, distanceM: number): number {
  return Math.min(MAX_DRIFT_KM, Math.max(0, distanceM - runner.stabilizerEnduranceM) / 1000);
}

/**
 * Running dynamics at one moment. Faster means higher cadence, longer steps, shorter contact and a little
 * more bounce; fatigue adds the drift above; walking has its own gait.
 */
export function formAt(
  runner: RunnerProfile,
  speedMps: number,
  grade: number,
  fatigue: number,
  walking: boolean,
  random: Random,
): FormSample {
  const dv = speedMps - REFERENCE_SPEED_MPS;
  const towardWeakSide = runner.weakSide === 'left' ? 1 : -1;
  const cadenceSpm = walking
    ? 112 + 12 * (speedMps - 1.4) + random.normal(0, 1.5)
    : runner.cadenceSpm + 9 * dv + CADENCE_DRIFT_SPM_PER_KM * fatigue + random.normal(0, 1.2);
  const stanceTimeMs = walking
    ? 390 + random.normal(0, 8)
    : (runner.stanceTimeMs - 45 * dv) * (1 + STANCE_TIME_DRIFT_PER_KM * fatigue) + random.normal(0, 2.5);
  const verticalOscillationMm = walking
    ? 45 + random.normal(0, 2)
    : (runner.verticalOscillationMm + 6 * dv) * (1 + OSCILLATION_DRIFT_PER_KM * fatigue) +
      random.normal(0, 1.5);
  const stepLengthMm = (speedMps / (cadenceSpm / 60)) * 1000;
  const flatPowerW = runner.massKg * speedMps * 1.04 * (1 + POWER_DRIFT_PER_KM * fatigue);
  const climbPowerW = runner.massKg * 9.81 * grade * speedMps;
  const powerW = Math.max(0.3 * flatPowerW, flatPowerW + climbPowerW) + random.normal(0, 4);
  return {
    cadenceSpm,
    stanceTimeMs,
    stanceTimeBalanceLeftPct:
      runner.stanceTimeBalanceLeftPct +
      towardWeakSide * BALANCE_DRIFT_PCT_PER_KM * fatigue +
      random.normal(0, 0.35),
    verticalOscillationMm,
    verticalRatioPct: (100 * verticalOscillationMm) / stepLengthMm,
    stepLengthMm,
    powerW,
    formPowerW: 0.24 * flatPowerW * (1 + OSCILLATION_DRIFT_PER_KM * fatigue) + random.normal(0, 1.5),
    legSpringStiffnessKnm: (10.8 + 0.8 * dv) * (1 - 0.01 * fatigue) + random.normal(0, 0.15),
  };
}

/** Steady-state heart rate for a speed and grade before cardiac drift: 66% of reserve at an easy 2.63 m/s. */
export function heartRateTarget(runner: RunnerProfile, speedMps: number, grade: number): number {
  const reserve = runner.maxHeartRateBpm - runner.restingHeartRateBpm;
  const fraction = Math.min(0.97, Math.max(0.3, 0.66 + 0.34 * (speedMps - 2.63) + 1.1 * grade));
  return runner.restingHeartRateBpm + reserve * fraction;
}
