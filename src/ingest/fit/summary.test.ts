import { describe, expect, it } from 'vitest';
import type { Streams } from '../../domain/channels.js';
import type { FitSession, TimerEvent } from './model.js';
import { bareSession } from './sessions.js';
import { climbOf, samplesMovingS, summariseRun, timerMovingS } from './summary.js';

const T0 = 1_700_000_000;

const session = (more: Partial<FitSession> = {}): FitSession => ({
  ...bareSession(0, 'running', T0),
  ...more,
});

/** One sample a second for `seconds` seconds at a steady 3 m/s. */
function steadyRun(seconds: number, extra: Partial<Streams> = {}): Streams {
  const time = Float64Array.from({ length: seconds + 1 }, (_, i) => i);
  return {
    time,
    distance: time.map((t) => t * 3),
    speed: time.map(() => 3),
    heartRate: time.map((t) => 140 + (t % 2)),
    ...extra,
  };
}

const event = (offsetS: number, kind: TimerEvent['kind']): TimerEvent => ({ timeS: T0 + offsetS, kind });

describe('summariseRun with a sane session summary', () => {
  it("takes the device's own numbers", () => {
    const { numbers, summaryOverruled, samplesCover } = summariseRun(
      session({
        elapsedS: 1000,
        timerS: 950,
        distanceM: 2990,
        ascentM: 12,
        descentM: 10,
        avgSpeedMps: 3.15,
        maxSpeedMps: 4,
        avgHeartRateBpm: 141,
        maxHeartRateBpm: 160,
        avgCadence: 85.5,
        maxCadence: 95,
        avgPowerW: 250,
        maxPowerW: 400,
      }),
      T0,
      steadyRun(1000),
      [],
      'strides',
    );
    expect(summaryOverruled).toBeNull();
    expect(samplesCover).toBe('all');
    expect(numbers).toEqual({
      elapsedS: 1000,
      movingS: 950,
      distanceM: 2990,
      ascentM: 12,
      descentM: 10,
      avgSpeedMps: 3.15,
      maxSpeedMps: 4,
      avgHeartRateBpm: 141,
      maxHeartRateBpm: 160,
      avgCadenceSpm: 171,
      maxCadenceSpm: 190,
      avgPowerW: 250,
      maxPowerW: 400,
    });
  });

  it('computes what the summary leaves out from the samples', () => {
    const { numbers } = summariseRun(
      session({ elapsedS: 1000, timerS: 1000, distanceM: 3000 }),
      T0,
      steadyRun(1000),
      [],
      null,
    );
    expect(numbers.avgHeartRateBpm).toBeCloseTo(140.5, 2);
    expect(numbers).toMatchObject({
      avgSpeedMps: 3,
      maxSpeedMps: 3,
      maxHeartRateBpm: 141,
      avgCadenceSpm: null,
      avgPowerW: null,
      ascentM: null,
    });
  });

  it("reads the session's cadence in the convention its samples follow, or judges it on its own", () => {
    const steps = summariseRun(session({ elapsedS: 100, avgCadence: 170 }), T0, steadyRun(100), [], 'steps');
    expect(steps.numbers.avgCadenceSpm).toBe(170);
    const noSamples = summariseRun(
      session({ elapsedS: 100, avgCadence: 84 }),
      T0,
      { time: new Float64Array() },
      [],
      null,
    );
    expect(noSamples.numbers.avgCadenceSpm).toBe(168);
  });

  it('works out moving time from timer events when the summary has none', () => {
    const events = [event(0, 'start'), event(300, 'stop'), event(360, 'start'), event(1000, 'stop')];
    const { numbers } = summariseRun(
      session({ elapsedS: 1000, distanceM: 2800 }),
      T0,
      steadyRun(1000),
      events,
      null,
    );
    expect(numbers.movingS).toBe(940);
  });

  it('rejects a timer time longer than the elapsed time', () => {
    const { numbers } = summariseRun(
      session({ elapsedS: 1000, timerS: 5000 }),
      T0,
      steadyRun(1000),
      [],
      null,
    );
    expect(numbers.movingS).toBe(1000);
  });
});

describe('summariseRun with a broken or missing summary', () => {
  it('sets aside a summary that ends long before its samples (a Suunto without its final lap)', () => {
    const { numbers, summaryOverruled } = summariseRun(
      session({ elapsedS: 4035, timerS: 4035, avgHeartRateBpm: 150 }),
      T0,
      steadyRun(4961),
      [],
      null,
    );
    expect(summaryOverruled).toBe('the session summary covers 1:07:15 but the samples run to 1:22:41');
    expect(numbers).toMatchObject({ elapsedS: 4961, movingS: 4961, distanceM: 14883 });
    expect(numbers.avgHeartRateBpm).toBeCloseTo(140.5, 2);
  });

  it('sets aside a summary whose distance falls short of the samples', () => {
    const { numbers, summaryOverruled } = summariseRun(
      session({ elapsedS: 1000, timerS: 1000, distanceM: 1000 }),
      T0,
      steadyRun(1000),
      [],
      null,
    );
    expect(summaryOverruled).toBe('the session summary says 1.00 km but the samples reach 3.00 km');
    expect(numbers.distanceM).toBe(3000);
  });

  it('builds a session without summary from its samples, pauses left out of moving time', () => {
    const time = Float64Array.from([0, 1, 2, 3, 100, 101, 102]);
    const { numbers, summaryOverruled } = summariseRun(
      session(),
      T0,
      {
        time,
        distance: time.map((t) => t * 2),
        altitude: Float64Array.from([100, 103, 106, 110, 104, 100, 99]),
      },
      [],
      null,
    );
    expect(summaryOverruled).toBeNull();
    expect(numbers).toMatchObject({ elapsedS: 102, movingS: 5, distanceM: 204, ascentM: 10, descentM: 11 });
  });

  it("keeps partial samples out of the summary's climb and maxima", () => {
    const { numbers, samplesCover } = summariseRun(
      session({ elapsedS: 3558, timerS: 3558, distanceM: 11274 }),
      T0,
      steadyRun(314, { altitude: Float64Array.from({ length: 315 }, (_, i) => 1080 + i / 10) }),
      [],
      null,
    );
    expect(samplesCover).toBe('part');
    expect(numbers).toMatchObject({
      distanceM: 11274,
      movingS: 3558,
      ascentM: null,
      maxSpeedMps: null,
      avgHeartRateBpm: null,
    });
    expect(numbers.avgSpeedMps).toBeCloseTo(11274 / 3558);
  });
});

describe('timerMovingS', () => {
  it('sums the time the timer ran within the session, ignoring repeated starts', () => {
    const events = [
      event(0, 'start'),
      event(10, 'start'),
      event(100, 'stop'),
      event(150, 'start'),
      event(200, 'stop'),
    ];
    expect(timerMovingS(events, T0, T0 + 300)).toBe(150);
  });

  it('clips to the session: a timer started in an earlier session of a multisport file runs on', () => {
    const events = [event(-5000, 'start'), event(500, 'stop'), event(507, 'start')];
    expect(timerMovingS(events, T0, T0 + 1000)).toBe(993);
  });

  it('takes a first stop to mean the timer ran from the start, and knows nothing without events', () => {
    expect(timerMovingS([event(400, 'stop')], T0, T0 + 1000)).toBe(400);
    expect(timerMovingS([event(2000, 'start')], T0, T0 + 1000)).toBeNull();
  });
});

describe('samplesMovingS and climbOf', () => {
  it('leaves gaps longer than the pause limit out of moving time', () => {
    expect(samplesMovingS(Float64Array.from([0, 5, 10, 40, 45]), 10)).toBe(15);
  });

  it('counts climb past a 5 m hysteresis, so that noise does not add up', () => {
    expect(climbOf(Float64Array.from([100, 102, 100, 102, 100, 106, Number.NaN, 112, 104]))).toEqual({
      ascentM: 12,
      descentM: 8,
    });
    expect(climbOf(undefined)).toBeNull();
    expect(climbOf(Float64Array.from([Number.NaN, 5]))).toBeNull();
  });
});
