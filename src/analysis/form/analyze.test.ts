import { describe, expect, it } from 'vitest';
import { defined, NATIVE, testRun } from '../../../test/helpers/form-runs.js';
import type { Streams } from '../../domain/channels.js';
import { analyzeForm } from './analyze.js';
import { formBaselineFrom } from './baseline.js';

describe('analyzeForm', () => {
  it('finds where form starts to drift at the same speed', () => {
    const a = analyzeForm({ streams: testRun(16_000, 9000), channelSources: NATIVE });
    expect(a.evidence).toBe('native-dynamics');
    expect(Math.abs((a.breakdownM ?? 0) - 9000)).toBeLessThanOrEqual(1000);
    const stance = defined(a.metrics.find((m) => m.name === 'stanceTime'));
    expect(stance.driftPct).toBeGreaterThan(5);
    expect(stance.series.distanceM.length).toBe(stance.series.corrected.length);
  });

  it('finds nothing in a steady run without fatigue', () => {
    const a = analyzeForm({ streams: testRun(16_000, null), channelSources: NATIVE });
    expect(a.breakdownM).toBeNull();
    expect(a.metrics.every((m) => !m.votes || m.changeM === null)).toBe(true);
  });

  it('does not read a faster second half as breakdown: speed is corrected for', () => {
    const streams = testRun(14_000, null, {
      blocks: [
        { fromM: 3000, toM: 6000, speedMps: 3.3 },
        { fromM: 8000, toM: 14_000, speedMps: 3.3 },
      ],
    });
    expect(analyzeForm({ streams, channelSources: NATIVE }).breakdownM).toBeNull();
  });

  it('says the answer rests on developer fields when the dynamics come from a Stryd pod', () => {
    const { stanceTimeBalance, verticalRatio, stepLength, ...rest } = testRun(8000, null);
    const a = analyzeForm({
      streams: rest,
      channelSources: {
        cadence: NATIVE.cadence,
        stanceTime: 'dev:Stryd/Ground Time',
        verticalOscillation: 'dev:Stryd/Vertical Oscillation',
        formPower: 'dev:Stryd/Form Power',
        legSpringStiffness: 'dev:Stryd/Leg Spring Stiffness',
      },
    });
    expect(a.evidence).toBe('developer-dynamics');
  });

  it('falls back to cadence, then heart rate, and says so', () => {
    const { time, distance, speed, cadence, heartRate } = testRun(8000, null);
    const cadenceOnly = analyzeForm({
      streams: { time, distance, speed, cadence, heartRate },
      channelSources: NATIVE,
    });
    expect(cadenceOnly.evidence).toBe('cadence-only');
    const hrOnly = analyzeForm({ streams: { time, distance, speed, heartRate }, channelSources: NATIVE });
    expect(hrOnly.evidence).toBe('heart-rate-only');
    expect(hrOnly.notes.join(' ')).toMatch(/weak/);
  });

  it('declines a run too short to judge, with the reason', () => {
    const a = analyzeForm({ streams: testRun(3500, null), channelSources: NATIVE });
    expect(a.evidence).toBe('insufficient');
    expect(a.breakdownM).toBeNull();
    expect(a.notes[0]).toMatch(/too short: 2\.4 km/);
  });

  it('leaves walking breaks out and notes them', () => {
    const streams = testRun(10_000, null, { walkBreaks: [{ atM: 5000, durationS: 120 }] });
    const a = analyzeForm({ streams, channelSources: NATIVE });
    expect(a.notes.join(' ')).toMatch(/2 min of walking left out/);
    expect(a.breakdownM).toBeNull();
  });

  it('learns the athlete’s slopes from past runs', () => {
    const past = analyzeForm({ streams: testRun(10_000, null), channelSources: NATIVE });
    const baseline = formBaselineFrom([past, past]);
    expect(baseline.metrics.stanceTime?.runs).toBe(2);
    const a = analyzeForm({ streams: testRun(16_000, 9000), channelSources: NATIVE, baseline });
    expect(Math.abs((a.breakdownM ?? 0) - 9000)).toBeLessThanOrEqual(1000);
  });

  it('needs two families to agree: one metric drifting alone on a run with several is not a breakdown', () => {
    const steady = testRun(16_000, null);
    const stanceOnly = analyzeForm({
      streams: ramp(steady, 8000, { stanceTime: 0.04 }),
      channelSources: NATIVE,
    });
    const stance = defined(stanceOnly.metrics.find((m) => m.name === 'stanceTime'));
    expect(stance.significant).toBe(true);
    expect(stanceOnly.breakdownM).toBeNull();
    const twoFamilies = analyzeForm({
      streams: ramp(steady, 8000, { stanceTime: 0.04, cadence: -0.02 }),
      channelSources: NATIVE,
    });
    expect(Math.abs(defined(twoFamilies.breakdownM) - 8000)).toBeLessThanOrEqual(1000);
  });

  it('counts one strong metric alone when the run has only one family (cadence only)', () => {
    const { time, distance, speed, cadence } = testRun(16_000, null);
    const a = analyzeForm({
      streams: ramp({ time, distance, speed, cadence }, 8000, { cadence: -0.02 }),
      channelSources: NATIVE,
    });
    expect(a.evidence).toBe('cadence-only');
    expect(Math.abs(defined(a.breakdownM) - 8000)).toBeLessThanOrEqual(1000);
  });
});

/** `streams` with the given channels changed by a share per km from `fromM` on (0.04: +4% per km). */
function ramp(
  streams: Streams,
  fromM: number,
  perKm: Partial<Record<'stanceTime' | 'cadence', number>>,
): Streams {
  const out: Streams = { ...streams };
  const distance = defined(streams.distance);
  for (const [channel, rate] of Object.entries(perKm) as Array<['stanceTime' | 'cadence', number]>) {
    const values = Float64Array.from(defined(streams[channel]));
    for (let i = 0; i < values.length; i++) {
      const km = ((distance[i] as number) - fromM) / 1000;
      if (km > 0) values[i] = (values[i] as number) * (1 + rate * km);
    }
    out[channel] = values;
  }
  return out;
}
