import { CHANNELS, type Channel, type Streams } from '../domain/channels.js';

/**
 * Thins a run's samples to at most `maxPoints` for display by averaging consecutive buckets of samples,
 * ignoring missing (NaN) values. Averaging rather than picking every n-th sample keeps a chart honest: a
 * single GPS speed spike is diluted instead of surviving or vanishing by chance. Missing stays missing.
 */
export function thinStreams(streams: Streams, maxPoints: number): Streams {
  const n = streams.time.length;
  if (maxPoints < 1) throw new RangeError('maxPoints must be at least 1');
  if (n <= maxPoints) return streams;
  const bucketCount = maxPoints;
  const out: Partial<Record<Channel, Float64Array>> = {};
  for (const channel of CHANNELS) {
    const values = streams[channel];
    if (!values) continue;
    const thinned = new Float64Array(bucketCount);
    for (let b = 0; b < bucketCount; b++) {
      const from = Math.floor((b * n) / bucketCount);
      const to = Math.floor(((b + 1) * n) / bucketCount);
      let sum = 0;
      let count = 0;
      for (let i = from; i < to; i++) {
        const v = values[i] as number;
        if (!Number.isNaN(v)) {
          sum += v;
          count++;
        }
      }
      thinned[b] = count > 0 ? sum / count : Number.NaN;
    }
    out[channel] = thinned;
  }
  return out as Streams;
}
