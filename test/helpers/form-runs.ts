import { DEFAULT_RUNNER } from '../../src/demo/runner-model.js';
import { generateRun, type RunPlan } from '../../src/demo/synthetic-run.js';
import type { Streams } from '../../src/domain/channels.js';

/** A treadmill run of the demo's runner model for the tests: drift from `driftFromM`, or none. */
export function testRun(distanceM: number, driftFromM: number | null, extra: Partial<RunPlan> = {}): Streams {
  return generateRun({
    seed: 11,
    distanceM,
    speedMps: 2.8,
    course: null,
    runner: { ...DEFAULT_RUNNER, stabilizerEnduranceM: driftFromM ?? Number.POSITIVE_INFINITY },
    ...extra,
  }).samples;
}

export const NATIVE = {
  cadence: 'fit:record.cadence',
  stanceTime: 'fit:record.stance_time',
  stanceTimeBalance: 'fit:record.stance_time_balance',
  verticalOscillation: 'fit:record.vertical_oscillation',
  verticalRatio: 'fit:record.vertical_ratio',
  stepLength: 'fit:record.step_length',
  heartRate: 'fit:record.heart_rate',
} as const;

/** The value, or a failed test when there is none. */
export function defined<T>(value: T | null | undefined): T {
  if (value === null || value === undefined) throw new Error('expected a value');
  return value;
}
