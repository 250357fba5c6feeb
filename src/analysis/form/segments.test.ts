import { describe, expect, it } from 'vitest';
import { defined } from '../../../test/helpers/form-runs.js';
import { cleanRun, SEGMENT_M, WARMUP_M } from './segments.js';

/** 1 Hz at `speed` m/s with cadence 170, as columns. */
function steady(seconds: number, speed = 3) {
  const time = Float64Array.from({ length: seconds }, (_, i) => i);
  return {
    time,
    distance: time.map((t) => t * speed),
    speed: time.map(() => speed),
    cadence: time.map(() => 170),
    stanceTime: time.map(() => 250),
  };
}

describe('cleanRun', () => {
  it('cuts the run into 200 m segments after the first kilometre', () => {
    const run = defined(cleanRun(steady(2000), ['stanceTime']));
    const { distanceM } = run.segments;
    expect(distanceM[0]).toBe(WARMUP_M + SEGMENT_M / 2);
    expect(defined(distanceM[1]) - defined(distanceM[0])).toBe(SEGMENT_M);
    expect(run.segments.speedMps[0]).toBeCloseTo(3, 6);
    expect(run.segments.values.stanceTime?.[0]).toBe(250);
  });

  it('leaves out walking (cadence under 140) and counts it', () => {
    const s = steady(2000);
    for (let i = 600; i < 700; i++) {
      s.cadence[i] = 115;
      s.stanceTime[i] = 400;
    }
    const run = defined(cleanRun(s, ['stanceTime']));
    expect(run.excludedS.walking).toBe(100);
    expect(Math.max(...defined(run.segments.values.stanceTime))).toBe(250);
  });

  it('treats a long gap between samples as a pause, not as running', () => {
    const s = steady(2000);
    for (let i = 1000; i < 2000; i++) s.time[i] = (s.time[i] as number) + 300;
    const run = defined(cleanRun(s, ['stanceTime']));
    expect(run.excludedS.paused).toBe(301);
  });

  it('drops GPS speed spikes', () => {
    const s = steady(2000);
    s.speed[800] = 25;
    expect(defined(cleanRun(s, ['stanceTime'])).excludedS.spikes).toBe(1);
  });

  it('weights by time, so sparse smart recording gives the same means as 1 Hz', () => {
    const dense = steady(3000);
    dense.stanceTime = dense.time.map((t) => 240 + (t % 14 < 7 ? 0 : 20));
    const keep = [...dense.time.keys()].filter((i) => i % 7 === 0);
    const pick = (a: Float64Array) => Float64Array.from(keep, (i) => a[i] as number);
    const sparse = {
      time: pick(dense.time),
      distance: pick(dense.distance),
      speed: pick(dense.speed),
      cadence: pick(dense.cadence),
      stanceTime: pick(dense.stanceTime),
    };
    const a = defined(defined(cleanRun(dense, ['stanceTime'])).segments.values.stanceTime);
    const b = defined(defined(cleanRun(sparse, ['stanceTime'])).segments.values.stanceTime);
    const mean = (x: Float64Array) => x.reduce((p, v) => p + v, 0) / x.length;
    expect(mean(b)).toBeCloseTo(mean(a), 0);
  });

  it('reads grade from altitude over neighbouring segments', () => {
    const s = { ...steady(2000), altitude: steady(2000).distance.map((d) => 0.05 * d) };
    const run = defined(cleanRun(s, []));
    expect(run.segments.grade[3]).toBeCloseTo(0.05, 3);
  });

  it('gives nothing without distance or speed', () => {
    expect(cleanRun({ time: Float64Array.from([0, 1, 2]) }, [])).toBeNull();
  });
});
