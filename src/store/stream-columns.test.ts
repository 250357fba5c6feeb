import { describe, expect, it } from 'vitest';
import { decodeStreams, encodeStreamColumns, encodeStreams, streamColumns } from './stream-codec.js';

describe('stream columns', () => {
  it('read a stored blob byte for byte and rebuild the very same blob', () => {
    const time = Float64Array.from({ length: 50 }, (_, i) => i);
    const heartRate = Float64Array.from({ length: 50 }, (_, i) => 120.1 + i / 3);
    const lat = Float64Array.from({ length: 50 }, (_, i) => 47.3769 + i * 1e-7);
    const blob = encodeStreams({ time, heartRate, lat });
    const { sampleCount, columns } = streamColumns(blob, 1);
    expect(sampleCount).toBe(50);
    expect(columns.map((c) => [c.name, c.width])).toEqual([
      ['time', 8],
      ['heartRate', 4],
      ['lat', 8],
    ]);
    expect(Buffer.from(encodeStreamColumns(sampleCount, columns))).toEqual(Buffer.from(blob));
  });

  it('keep a channel this Keel does not know, which decoding skips', () => {
    const columns = [
      { name: 'time', width: 8 as const, bytes: new Uint8Array(new Float64Array([0, 1]).buffer) },
      { name: 'muscleOxygen', width: 4 as const, bytes: new Uint8Array(new Float32Array([55, 56]).buffer) },
    ];
    const blob = encodeStreamColumns(2, columns);
    expect(streamColumns(blob, 1).columns.map((c) => c.name)).toEqual(['time', 'muscleOxygen']);
    expect(Object.keys(decodeStreams(blob, 1))).toEqual(['time']);
    expect(() => encodeStreamColumns(3, columns)).toThrow(/channel time has 2 samples, the stream has 3/);
  });
});
