import { describe, expect, it } from 'vitest';
import { thinStreams } from './thin-series.js';

describe('thinStreams', () => {
  it('leaves short series untouched', () => {
    const streams = { time: new Float64Array([0, 1, 2]) };
    expect(thinStreams(streams, 10)).toBe(streams);
  });

  it('averages buckets and keeps every channel aligned', () => {
    const n = 1000;
    const time = Float64Array.from({ length: n }, (_, i) => i);
    const speed = Float64Array.from({ length: n }, () => 3);
    speed[500] = 300; // a GPS spike
    const thinned = thinStreams({ time, speed }, 100);
    expect(thinned.time.length).toBe(100);
    expect(thinned.speed?.length).toBe(100);
    expect(thinned.time[0]).toBeCloseTo(4.5);
    expect(Math.max(...(thinned.speed ?? []))).toBeLessThan(35);
  });

  it('keeps a bucket with no samples missing and ignores gaps elsewhere', () => {
    const time = Float64Array.from({ length: 8 }, (_, i) => i);
    const heartRate = new Float64Array([Number.NaN, Number.NaN, 140, Number.NaN, 150, 152, 154, 156]);
    const thinned = thinStreams({ time, heartRate }, 4);
    expect(Number.isNaN(thinned.heartRate?.[0])).toBe(true);
    expect(thinned.heartRate?.[1]).toBe(140);
    expect(thinned.heartRate?.[3]).toBe(155);
  });
});
