import { MAX_RUNNING_SPEED_MPS } from '../plausibility.js';

/** The IUGG mean Earth radius: haversine on a sphere errs by under 0.5% against the ellipsoid. */
const EARTH_RADIUS_M = 6_371_008.8;

export function haversineM(lat1: number, lon1: number, lat2: number, lon2: number): number {
  const rad = Math.PI / 180;
  const dLat = (lat2 - lat1) * rad;
  const dLon = (lon2 - lon1) * rad;
  const a = Math.sin(dLat / 2) ** 2 + Math.cos(lat1 * rad) * Math.cos(lat2 * rad) * Math.sin(dLon / 2) ** 2;
  return 2 * EARTH_RADIUS_M * Math.asin(Math.min(1, Math.sqrt(a)));
}

/**
 * A standing receiver's fixes wander by a few metres (consumer GNSS: ~2–5 m CEP in open sky), so a move
 * shorter than this from the last accepted fix is not yet counted as ground covered. Keel's own choice,
 * checked on the corpus's TCX files: with 5 m, distance from positions lands within 0.03–1.6% of the
 * devices' own (mean 0.5%; 3 m gives a mean of 0.6%, 0 m 0.7%, counting more wander).
 */
export const JITTER_RADIUS_M = 5;

/**
 * Below this speed between accepted fixes the runner is stopped: 0.5 m/s (1.8 km/h, 33 min/km) is well
 * under a slow walk (~1.1 m/s), yet wander that escapes JITTER_RADIUS_M over a stop rarely reaches it.
 * Keel's own choice (gpxpy's `get_moving_data` uses the same idea with a fixed stopped-speed threshold): on
 * the corpus's TCX files it gives moving times within 0–3.5% of the devices' timers, except an FR610 run
 * whose single 60:00 lap stops the timer before the track ends.
 */
export const STOPPED_BELOW_MPS = 0.5;

/** A jump that stays put this many fixes in a row is where the runner really is (signal regained), not noise. */
const TELEPORT_CONFIRMATIONS = 3;

export interface GpsPath {
  /** Cumulative metres per point; NaN before the first fix. */
  distance: Float64Array;
  distanceM: number;
  movingS: number;
  /** Fixes dropped for implying more than MAX_RUNNING_SPEED_MPS from the last accepted one. */
  jumpsDropped: number;
}

/**
 * Distance and moving time from positions. Each fix is measured from the last accepted one (the anchor):
 * wander within JITTER_RADIUS_M never moves the anchor, so a stop adds nothing however long it lasts, while
 * a moving runner moves it every few metres and loses nothing on a straight line. A fix implying more than
 * MAX_RUNNING_SPEED_MPS from the anchor is dropped, unless the next fixes confirm it, when the anchor jumps
 * there without counting the jump. An interval between anchors slower than STOPPED_BELOW_MPS holds a stop:
 * only its last step counts, and only when that step is itself a move. Nothing is counted across a segment
 * start (a pause).
 */
export function gpsPath(
  time: Float64Array,
  lat: Float64Array,
  lon: Float64Array,
  segmentStarts: ReadonlySet<number>,
): GpsPath {
  const distance = new Float64Array(time.length).fill(Number.NaN);
  let anchor = -1;
  let total = 0;
  let movingS = 0;
  let jumpsDropped = 0;
  let jumpRun = 0;
  let seenFix = false;
  for (let i = 0; i < time.length; i++) {
    if (segmentStarts.has(i)) anchor = -1;
    const la = lat[i] ?? Number.NaN;
    const lo = lon[i] ?? Number.NaN;
    if (Number.isNaN(la) || Number.isNaN(lo)) {
      if (seenFix) distance[i] = total;
      continue;
    }
    seenFix = true;
    if (anchor < 0) {
      anchor = i;
      distance[i] = total;
      continue;
    }
    const d = haversineM(lat[anchor] ?? 0, lon[anchor] ?? 0, la, lo);
    const dt = (time[i] ?? 0) - (time[anchor] ?? 0);
    if (d < JITTER_RADIUS_M) {
      jumpRun = 0;
    } else if (d > MAX_RUNNING_SPEED_MPS * dt) {
      jumpRun++;
      jumpsDropped++;
      if (jumpRun >= TELEPORT_CONFIRMATIONS) {
        anchor = i;
        jumpRun = 0;
      }
    } else {
      jumpRun = 0;
      if (d >= STOPPED_BELOW_MPS * dt) {
        total += d;
        movingS += dt;
      } else {
        // Slow from the anchor's time: a stop lies in between. If the last step is a move, the runner set
        // off again then, and the ground counts, with that step's time; otherwise it was wander.
        const stepS = (time[i] ?? 0) - (time[i - 1] ?? 0);
        const stepM = haversineM(lat[i - 1] ?? la, lon[i - 1] ?? lo, la, lo);
        if (stepM >= STOPPED_BELOW_MPS * stepS) {
          total += d;
          movingS += Math.min(stepS, dt);
        }
      }
      anchor = i;
    }
    distance[i] = total;
  }
  return { distance, distanceM: total, movingS, jumpsDropped };
}

/**
 * Speed per point as the distance covered over a centred window of about SPEED_WINDOW_S, within a segment:
 * one-second GPS steps are too noisy to chart as pace.
 */
const SPEED_WINDOW_S = 10;

export function speedFromDistance(
  time: Float64Array,
  distance: Float64Array,
  segmentStarts: ReadonlySet<number>,
): Float64Array {
  const speed = new Float64Array(time.length).fill(Number.NaN);
  let segment = 0;
  const segmentOf = new Int32Array(time.length);
  for (let i = 0; i < time.length; i++) {
    if (segmentStarts.has(i)) segment++;
    segmentOf[i] = segment;
  }
  let lo = 0;
  let hi = 0;
  for (let i = 0; i < time.length; i++) {
    const t = time[i] ?? 0;
    while (lo < i && (t - (time[lo] ?? 0) > SPEED_WINDOW_S / 2 || segmentOf[lo] !== segmentOf[i])) lo++;
    if (hi < i) hi = i;
    while (
      hi + 1 < time.length &&
      (time[hi + 1] ?? 0) - t <= SPEED_WINDOW_S / 2 &&
      segmentOf[hi + 1] === segmentOf[i]
    )
      hi++;
    const dt = (time[hi] ?? 0) - (time[lo] ?? 0);
    const dd = (distance[hi] ?? Number.NaN) - (distance[lo] ?? Number.NaN);
    if (dt > 0 && !Number.isNaN(dd)) speed[i] = dd / dt;
  }
  return speed;
}
