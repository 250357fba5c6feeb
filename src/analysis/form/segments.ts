import type { Channel, Streams } from '../../domain/channels.js';

/**
 * §8 asks for 100–250 m segments so that neighbouring values are not the same stride twice; 200 m is about a
 * minute of easy running: enough samples for a steady mean even at smart recording's ~7 s, and still 5 points
 * per km for the change point's ±1 km target.
 */
export const SEGMENT_M = 200;
/**
 * The first kilometre is left out: heart rate takes 2–3 minutes to settle and form settles with it (§1's
 * fresh baseline must not hold the first stiff strides). A kilometre is 5–7 minutes at easy pace.
 */
export const WARMUP_M = 1000;
/** A longer gap between samples is a pause (auto-pause, a stopped timer); smart recording stays under ~10 s. */
const MAX_INTERVAL_S = 30;
/** Faster than 7 m/s (2:23/km) is beyond any distance runner's pace: a GPS jump, not running. */
const MAX_SPEED_MPS = 7;
/** Slower than 1 m/s is standing or shuffling at a crossing, whatever the cadence. */
const STOP_SPEED_MPS = 1;
/**
 * Walking cadence is 100–130 steps/min and running cadence 150–195 (§1), so 140 splits the two. Without
 * cadence, 1.8 m/s: below the ~2 m/s walk–run transition speed, with room for slow joggers.
 */
const MIN_RUNNING_CADENCE_SPM = 140;
const MIN_RUNNING_SPEED_MPS = 1.8;
/** A segment counts when at least half of it was run, and a channel when it has values for half its time. */
const MIN_SEGMENT_SHARE = 0.5;
/** Altitude glitches (invalid values, barometer resets) would make grades no road has. */
const MAX_GRADE = 0.3;

/** A run as fixed-distance segments of running only, each a time-weighted mean. */
export interface Segments {
  /** Segment centres along the run's own distance, so they line up with pain onsets. */
  distanceM: Float64Array;
  /** Distance over running time: GPS speed spikes that slipped through average out. */
  speedMps: Float64Array;
  grade: Float64Array;
  values: Partial<Record<Channel, Float64Array>>;
}

export interface CleanedRun {
  /** Segments after the warm-up. */
  segments: Segments;
  distanceM: number;
  /** Where the warm-up ends, along the run's distance. */
  warmupEndM: number;
  excludedS: { paused: number; walking: number; spikes: number };
}

/** Drops pauses, walking, speed spikes and the warm-up, and aggregates `channels` into 200 m segments. */
export function cleanRun(streams: Streams, channels: readonly Channel[]): CleanedRun | null {
  const { time } = streams;
  const n = time.length;
  const distance = streams.distance ?? integratedDistance(streams);
  if (n < 2 || distance === null) return null;
  const startM = firstFinite(distance);
  const endM = lastFinite(distance);
  if (startM === null || endM === null || endM <= startM) return null;

  const size = Math.floor((endM - startM) / SEGMENT_M) + 1;
  const runS = new Float64Array(size);
  const runM = new Float64Array(size);
  const present = channels.filter((c) => streams[c as Exclude<Channel, 'time'>] !== undefined);
  const sums = present.map(() => new Float64Array(size));
  const weights = present.map(() => new Float64Array(size));
  const altitude = streams.altitude;
  const altSum = new Float64Array(size);
  const altWeight = new Float64Array(size);
  const excludedS = { paused: 0, walking: 0, spikes: 0 };
  const { speed, cadence } = streams;

  for (let i = 1; i < n; i++) {
    const dt = (time[i] as number) - (time[i - 1] as number);
    if (!(dt > 0)) continue;
    if (dt > MAX_INTERVAL_S) {
      excludedS.paused += dt;
      continue;
    }
    const d0 = distance[i - 1] as number;
    const d1 = distance[i] as number;
    const dd = d1 - d0;
    if (!Number.isFinite(dd)) continue;
    const measured = speed?.[i] ?? Number.NaN;
    const v = Number.isFinite(measured) ? measured : dd / dt;
    if (v > MAX_SPEED_MPS || dd / dt > MAX_SPEED_MPS) {
      excludedS.spikes += dt;
      continue;
    }
    if (!(v >= STOP_SPEED_MPS)) {
      excludedS.paused += dt;
      continue;
    }
    const spm = cadence?.[i] ?? Number.NaN;
    if (Number.isFinite(spm) ? spm < MIN_RUNNING_CADENCE_SPM : v < MIN_RUNNING_SPEED_MPS) {
      excludedS.walking += dt;
      continue;
    }
    const k = Math.min(size - 1, Math.max(0, Math.floor(((d0 + d1) / 2 - startM) / SEGMENT_M)));
    runS[k] = (runS[k] as number) + dt;
    runM[k] = (runM[k] as number) + dd;
    for (let c = 0; c < present.length; c++) {
      const value = streams[present[c] as Exclude<Channel, 'time'>]?.[i] ?? Number.NaN;
      if (Number.isNaN(value)) continue;
      const sum = sums[c] as Float64Array;
      const weight = weights[c] as Float64Array;
      sum[k] = (sum[k] as number) + dt * value;
      weight[k] = (weight[k] as number) + dt;
    }
    const alt = altitude?.[i] ?? Number.NaN;
    if (Number.isFinite(alt)) {
      altSum[k] = (altSum[k] as number) + dt * alt;
      altWeight[k] = (altWeight[k] as number) + dt;
    }
  }

  const warmupEndM = startM + WARMUP_M;
  const kept: number[] = [];
  for (let k = 0; k < size; k++) {
    const segmentStart = startM + k * SEGMENT_M;
    if (segmentStart >= warmupEndM && (runM[k] as number) >= MIN_SEGMENT_SHARE * SEGMENT_M) kept.push(k);
  }
  const m = kept.length;
  const segments: Segments = {
    distanceM: new Float64Array(m),
    speedMps: new Float64Array(m),
    grade: new Float64Array(m),
    values: {},
  };
  const meanAltitude = new Float64Array(m);
  kept.forEach((k, j) => {
    segments.distanceM[j] = startM + (k + 0.5) * SEGMENT_M;
    segments.speedMps[j] = (runM[k] as number) / (runS[k] as number);
    meanAltitude[j] =
      (altWeight[k] as number) > 0 ? (altSum[k] as number) / (altWeight[k] as number) : Number.NaN;
  });
  present.forEach((channel, c) => {
    const out = new Float64Array(m);
    kept.forEach((k, j) => {
      const w = (weights[c] as Float64Array)[k] as number;
      out[j] =
        w >= MIN_SEGMENT_SHARE * (runS[k] as number)
          ? ((sums[c] as Float64Array)[k] as number) / w
          : Number.NaN;
    });
    segments.values[channel] = out;
  });
  fillGrades(segments.distanceM, meanAltitude, segments.grade);
  return { segments, distanceM: endM - startM, warmupEndM, excludedS };
}

/**
 * Grade over the neighbouring segments (400 m, one-sided at the ends): a 1–2 m barometric wobble is then under
 * half a percent of grade.
 */
function fillGrades(distanceM: Float64Array, altitude: Float64Array, grade: Float64Array): void {
  const m = distanceM.length;
  for (let j = 0; j < m; j++) {
    const a = Math.max(0, j - 1);
    const b = Math.min(m - 1, j + 1);
    const rise = (altitude[b] as number) - (altitude[a] as number);
    const run = (distanceM[b] as number) - (distanceM[a] as number);
    const g = run > 0 ? rise / run : Number.NaN;
    grade[j] = Number.isFinite(g) ? Math.max(-MAX_GRADE, Math.min(MAX_GRADE, g)) : 0;
  }
}

/** Distance from speed when a file has no distance channel (some treadmill and app files). */
function integratedDistance(streams: Streams): Float64Array | null {
  const { speed, time } = streams;
  if (!speed) return null;
  const out = new Float64Array(time.length);
  for (let i = 1; i < time.length; i++) {
    const dt = (time[i] as number) - (time[i - 1] as number);
    const v = speed[i] as number;
    out[i] = (out[i - 1] as number) + (Number.isFinite(v) && dt > 0 && dt <= MAX_INTERVAL_S ? v * dt : 0);
  }
  return out;
}

function firstFinite(values: Float64Array): number | null {
  for (const v of values) if (Number.isFinite(v)) return v;
  return null;
}

function lastFinite(values: Float64Array): number | null {
  for (let i = values.length - 1; i >= 0; i--) if (Number.isFinite(values[i])) return values[i] as number;
  return null;
}
