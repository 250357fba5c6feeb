import { describe, expect, it } from 'vitest';
import { buildObservations, ONSET_FLOOR_M, onsetOf } from './observations.js';
import type { PatternRun } from './types.js';

const run = (distanceM: number, durationS: number, pain: PatternRun['pain'] = null): PatternRun => ({
  runId: `r${distanceM}`,
  startTime: new Date('2026-05-01T07:00:00Z'),
  distanceM,
  durationS,
  pain,
});
const pain = (onsetM: number | null, onsetS: number | null) => ({ onsetM, onsetS, severity: 4 });

describe('buildObservations', () => {
  it('makes a painful run with an onset an event, a pain-free run right-censored, no onset interval-censored', () => {
    const { distance, time } = buildObservations([
      run(10_000, 3000, pain(8000, 2400)),
      run(6000, 1800),
      run(15_000, 4500, pain(null, null)),
    ]);
    expect(distance.map((o) => [o.kind, o.at])).toEqual([
      ['exact', 8000],
      ['right', 6000],
      ['interval', 15_000],
    ]);
    expect(time?.map((o) => [o.kind, o.at])).toEqual([
      ['exact', 2400],
      ['right', 1800],
      ['interval', 4500],
    ]);
  });

  it('fills the missing scale from the run average pace', () => {
    expect(onsetOf(run(10_000, 3000, pain(8000, null)))).toEqual({ m: 8000, s: 2400 });
    expect(onsetOf(run(10_000, 3000, pain(null, 1500)))).toEqual({ m: 5000, s: 1500 });
  });

  it('keeps onsets inside the run and off zero', () => {
    expect(onsetOf(run(10_000, 3000, pain(12_000, null))).m).toBe(10_000);
    expect(onsetOf(run(10_000, 3000, pain(0, null))).m).toBe(ONSET_FLOOR_M);
  });

  it('takes a figure that is not a number as no onset', () => {
    expect(onsetOf(run(10_000, 3000, pain(Number.NaN, null)))).toEqual({ m: null, s: null });
    expect(buildObservations([run(10_000, 3000, pain(Number.NaN, null))]).distance[0]?.kind).toBe('interval');
  });

  it('has no time scale when a run has no duration, since the two would differ in runs', () => {
    const sets = buildObservations([run(10_000, 3000, pain(8000, null)), run(5000, 0)]);
    expect(sets.time).toBeNull();
    expect(sets.distance).toHaveLength(2);
  });

  it('sums log(distance / time) over the onsets, the Jacobian between the two fits', () => {
    const sets = buildObservations([
      run(10_000, 3000, pain(8000, 2000)),
      run(12_000, 3600, pain(9000, 3000)),
    ]);
    expect(sets.logSpeedAtOnsets).toBeCloseTo(Math.log(4) + Math.log(3), 12);
  });
});
