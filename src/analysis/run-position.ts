import type { Streams } from '../domain/channels.js';

/**
 * Where in a run a moment falls: the time at a distance and the distance at a time, read off the run's own
 * samples by linear interpolation. A runner gives a pain's onset one way (at 14 km, or after 1:10); the detector
 * compares onsets both ways (distance-bound or time-bound pain). Time is seconds since the start, pauses
 * included, as the samples record it.
 */

/** Seconds since the start when the run reached `distanceM`; null without distance samples or beyond the end. */
export function elapsedAtDistance(streams: Streams, distanceM: number): number | null {
  return interpolate(streams.distance, streams.time, distanceM);
}

/** Metres covered `elapsedS` seconds after the start; null without distance samples or beyond the end. */
export function distanceAtElapsed(streams: Streams, elapsedS: number): number | null {
  return streams.distance ? interpolate(streams.time, streams.distance, elapsedS) : null;
}

/**
 * `to` at the first point where the non-decreasing `from` reaches `at`, interpolated between the samples either
 * side; samples where either value is missing are passed over.
 */
function interpolate(
  from: Float64Array | undefined,
  to: Float64Array | undefined,
  at: number,
): number | null {
  if (!from || !to || !Number.isFinite(at)) return null;
  let previous = -1;
  for (let i = 0; i < from.length; i++) {
    const x = from[i] as number;
    const y = to[i] as number;
    if (Number.isNaN(x) || Number.isNaN(y)) continue;
    if (x >= at) {
      if (previous < 0) return y;
      const x0 = from[previous] as number;
      const y0 = to[previous] as number;
      return x === x0 ? y : y0 + ((y - y0) * (at - x0)) / (x - x0);
    }
    previous = i;
  }
  return null;
}
