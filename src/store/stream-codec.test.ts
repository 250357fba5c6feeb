import { describe, expect, it } from 'vitest';
import { decodeStreams, encodeStreams, STREAM_CODEC_VERSION } from './stream-codec.js';

describe('stream codec', () => {
  it('round-trips every channel, keeping NaN gaps and float64 precision where it matters', () => {
    const n = 500;
    const time = Float64Array.from({ length: n }, (_, i) => i);
    const distance = Float64Array.from({ length: n }, (_, i) => i * 2.87654321);
    const lat = Float64Array.from({ length: n }, (_, i) => 47.123456789 + i * 1e-7);
    const heartRate = Float64Array.from({ length: n }, (_, i) => (i % 50 === 0 ? Number.NaN : 140 + (i % 7)));
    const blob = encodeStreams({ time, distance, lat, heartRate });
    const back = decodeStreams(blob, STREAM_CODEC_VERSION);
    expect(Object.keys(back).sort()).toEqual(['distance', 'heartRate', 'lat', 'time']);
    expect(Array.from(back.distance ?? [])).toEqual(Array.from(distance));
    expect(Array.from(back.lat ?? [])).toEqual(Array.from(lat));
    expect(Number.isNaN(back.heartRate?.[0])).toBe(true);
    expect(back.heartRate?.[3]).toBe(143);
  });

  it('compresses a steady 3-hour run well below its raw float64 size', () => {
    const n = 3 * 3600;
    const time = Float64Array.from({ length: n }, (_, i) => i);
    const heartRate = Float64Array.from({ length: n }, (_, i) => 150 + Math.round(Math.sin(i / 60) * 5));
    const blob = encodeStreams({ time, heartRate });
    expect(blob.byteLength).toBeLessThan(n * 16 * 0.5);
  });

  it('refuses a codec version it does not know', () => {
    const blob = encodeStreams({ time: new Float64Array([0, 1]) });
    expect(() => decodeStreams(blob, 99)).toThrow(/version 99/);
  });

  it('refuses streams whose channels disagree in length', () => {
    expect(() => encodeStreams({ time: new Float64Array(3), speed: new Float64Array(2) })).toThrow(/speed/);
  });
});
