import { climbOf } from '../fit/summary.js';

/**
 * Half-width of the centred moving mean applied to altitude before ascent is summed. GPS altitude wanders
 * by metres from fix to fix, and climbOf's 5 m hysteresis alone lets a wander of more than 5 m count; the
 * mean over ±15 s (about 45 m of running) removes the wander while a real rise of 10 m over a minute
 * survives. Keel's own choice: the corpus holds no reference climb, and on it the smoothing takes 1% (Strava,
 * barometric or DEM-corrected) to 30% (a Venu Sq, GPS altitude only) off the climb.
 */
const SMOOTHING_HALF_WINDOW_S = 15;

/** Altitude smoothed by a centred moving mean over time, NaN samples ignored and kept NaN. */
export function smoothAltitude(time: Float64Array, altitude: Float64Array): Float64Array {
  const smoothed = new Float64Array(altitude.length).fill(Number.NaN);
  let lo = 0;
  let hi = -1;
  let sum = 0;
  let count = 0;
  for (let i = 0; i < altitude.length; i++) {
    const t = time[i] ?? 0;
    while (hi + 1 < altitude.length && (time[hi + 1] ?? 0) - t <= SMOOTHING_HALF_WINDOW_S) {
      hi++;
      const v = altitude[hi] ?? Number.NaN;
      if (!Number.isNaN(v)) {
        sum += v;
        count++;
      }
    }
    while (t - (time[lo] ?? 0) > SMOOTHING_HALF_WINDOW_S) {
      const v = altitude[lo] ?? Number.NaN;
      if (!Number.isNaN(v)) {
        sum -= v;
        count--;
      }
      lo++;
    }
    if (!Number.isNaN(altitude[i] ?? Number.NaN) && count > 0) smoothed[i] = sum / count;
  }
  return smoothed;
}

/** Ascent and descent of a track: smoothed first, then summed with climbOf's hysteresis. */
export function trackClimb(
  time: Float64Array,
  altitude: Float64Array,
): { ascentM: number; descentM: number } | null {
  return climbOf(smoothAltitude(time, altitude));
}
