import { describe, expect, it } from 'vitest';
import { emptyPoint, type TrackPoint, TrackRecorder } from './recorder.js';

const at = (timeS: number, values: Partial<TrackPoint> = {}): TrackPoint => ({
  ...emptyPoint(),
  timeS,
  ...values,
});

describe('TrackRecorder', () => {
  it('drops points going back in time or without a time, and merges a point repeated at the same time', () => {
    const recorder = new TrackRecorder();
    recorder.add(at(100, { heartRateBpm: 120 }), { heartRateBpm: 'x:hr' });
    recorder.add(at(99, { heartRateBpm: 200 }), {});
    recorder.add(at(Number.NaN), {});
    recorder.add(at(101, { heartRateBpm: 121 }), { heartRateBpm: 'x:hr' });
    recorder.add(at(101, { cadence: 80 }), { cadence: 'x:cad' });
    const track = recorder.finish();
    expect(Array.from(track.time)).toEqual([100, 101]);
    expect(Array.from(track.fields.heartRateBpm)).toEqual([120, 121]);
    expect(Array.from(track.fields.cadence)).toEqual([Number.NaN, 80]);
    expect(track).toMatchObject({ outOfOrder: 1, untimed: 1 });
  });

  it('marks the first point after a pause as a segment start, not a pause before any point', () => {
    const recorder = new TrackRecorder();
    recorder.pause();
    recorder.add(at(0), {});
    recorder.pause();
    recorder.add(at(0), {});
    recorder.add(at(5), {});
    recorder.pause();
    recorder.add(at(600), {});
    expect([...recorder.finish().segmentStarts]).toEqual([2]);
  });

  it('names each field by the source that gave most of its values', () => {
    const recorder = new TrackRecorder();
    recorder.add(at(1, { heartRateBpm: 120 }), { heartRateBpm: 'gpx:heartrate' });
    recorder.add(at(2, { heartRateBpm: 121 }), { heartRateBpm: 'gpx:gpxtpx:hr' });
    recorder.add(at(3, { heartRateBpm: 122 }), { heartRateBpm: 'gpx:gpxtpx:hr' });
    expect(recorder.finish().sources).toEqual({ heartRateBpm: 'gpx:gpxtpx:hr' });
  });
});
