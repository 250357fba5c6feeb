import type { Activity } from '../domain/activity.js';
import type { Channel, Streams } from '../domain/channels.js';
import { lastFinite, maxOf } from './series.js';

/**
 * No runner sustains 10 m/s between two samples: the 400 m world record averages 9.3 m/s and a 100 m
 * sprinter's top speed (~12 m/s) lasts a second or two. A sample above it is GPS or sensor noise.
 */
export const MAX_RUNNING_SPEED_MPS = 10;
/** Matches the FIT importer: averaging over 8 m/s (28.8 km/h) is a ride or drive recorded as a run. */
const MAX_AVERAGE_RUN_SPEED_MPS = 8;
/** GPS watches did not exist before 2000: an earlier start comes from a clock that was never set. */
const EARLIEST_START_MS = Date.UTC(2000, 0, 1);
/**
 * Pure code has no clock to say "more than a day in the future", so the bound is absolute: far enough ahead
 * that no real run reaches it, near enough to catch a clock that wrapped or a garbage timestamp.
 */
const LATEST_START_MS = Date.UTC(2090, 0, 1);

interface Bounds {
  label: string;
  min: number;
  max: number;
  /** How a sample outside says it, e.g. "outside 25–250 bpm". */
  outside: string;
  /** Zero is a sensor that dropped out (devices write 0 for "no value"), counted on its own. */
  zeroIsMissing?: boolean;
}

const BOUNDS: Partial<Record<Channel, Bounds>> = {
  speed: { label: 'speed', min: 0, max: MAX_RUNNING_SPEED_MPS, outside: 'above 36 km/h or negative' },
  // 25 bpm is below the lowest resting rates recorded in endurance athletes (~27 bpm); 250 is above any
  // measured maximum (~220 in the young): beyond either, a strap lost contact or counted double.
  heartRate: { label: 'heart rate', min: 25, max: 250, outside: 'outside 25–250 bpm', zeroIsMissing: true },
  // 260 steps/min (4.3 steps/s) is a 100 m sprinter's top rate; over a training run it is a sensor
  // double-counting. Below 40 steps/min (a step every 1.5 s) nobody walks, let alone runs: such values are
  // a footpod or wrist sensor ramping up after a stop (the corpus's Suunto TCX starts at 2 steps/min).
  cadence: { label: 'cadence', min: 40, max: 260, outside: 'outside 40–260 steps/min', zeroIsMissing: true },
  // The Dead Sea shore (-430 m) and Everest (8849 m) bound where anyone runs; beyond is an invalid reading.
  altitude: { label: 'altitude', min: -450, max: 9000, outside: 'outside -450–9000 m' },
};

export type PlausibleRun =
  | { kind: 'plausible'; activity: Activity; warnings: string[] }
  | { kind: 'implausible'; reason: string };

/**
 * Holds every decoded run, whatever its format, to the same bounds, so that no absurd value is stored as
 * truth: a run starting outside 2000–2090 or averaging a car's speed is refused with the reason; samples
 * outside their channel's bounds become NaN (missing) and a summary value outside them is recomputed from
 * what is left, with one warning per kind of fix saying how many samples it touched.
 */
export function checkPlausibility(run: Activity): PlausibleRun {
  const startMs = run.startTime.getTime();
  if (Number.isNaN(startMs)) return { kind: 'implausible', reason: 'it has no valid start time' };
  if (startMs < EARLIEST_START_MS || startMs >= LATEST_START_MS) {
    const when = run.startTime.toISOString().replace('.000Z', 'Z');
    const bound = startMs < EARLIEST_START_MS ? 'before 2000' : 'after 2090';
    return {
      kind: 'implausible',
      reason: `its start time ${when} is ${bound}: the device clock was not set`,
    };
  }
  if (run.movingS >= 60 && run.distanceM / run.movingS > MAX_AVERAGE_RUN_SPEED_MPS) {
    const kmh = ((run.distanceM / run.movingS) * 3.6).toFixed(1);
    return { kind: 'implausible', reason: `an average of ${kmh} km/h is no run (a ride recorded as a run?)` };
  }

  const warnings: string[] = [];
  const streams: Streams = { ...run.streams };
  const channelSources = { ...run.channelSources };
  for (const [channel, bounds] of Object.entries(BOUNDS) as [Channel, Bounds][]) {
    if (channel === 'time') continue;
    const values = streams[channel];
    if (values === undefined) continue;
    const { cleaned, zeros, outside } = clean(values, bounds);
    if (zeros > 0) warnings.push(`${bounds.label}: ${count(zeros)} zero samples treated as missing`);
    if (outside > 0)
      warnings.push(`${bounds.label}: ${count(outside)} samples ${bounds.outside} treated as missing`);
    streams[channel] = cleaned;
  }
  const distance = streams.distance;
  if (distance !== undefined) {
    const { cleaned, dropped } = monotonicDistance(distance);
    if (dropped > 0)
      warnings.push(`distance: ${count(dropped)} samples negative or going backwards treated as missing`);
    streams.distance = cleaned;
  }
  for (const channel of Object.keys(streams) as Channel[]) {
    if (channel === 'time') continue;
    if (!streams[channel]?.some((v) => !Number.isNaN(v))) {
      delete streams[channel];
      delete channelSources[channel];
    }
  }

  const summary = { ...run, streams, channelSources };
  const fixed: string[] = [];
  const refit = (
    value: number | null,
    bounds: Bounds | undefined,
    fallback: () => number | null,
    name: string,
  ): number | null => {
    if (value === null || bounds === undefined || (value >= bounds.min && value <= bounds.max)) return value;
    fixed.push(name);
    return fallback();
  };
  summary.maxSpeedMps = refit(run.maxSpeedMps, BOUNDS.speed, () => maxOf(streams.speed), 'maximum speed');
  summary.maxHeartRateBpm = refit(
    run.maxHeartRateBpm,
    BOUNDS.heartRate,
    () => maxOf(streams.heartRate),
    'maximum heart rate',
  );
  summary.avgHeartRateBpm = refit(run.avgHeartRateBpm, BOUNDS.heartRate, () => null, 'average heart rate');
  summary.maxCadenceSpm = refit(
    run.maxCadenceSpm,
    BOUNDS.cadence,
    () => maxOf(streams.cadence),
    'maximum cadence',
  );
  summary.avgCadenceSpm = refit(run.avgCadenceSpm, BOUNDS.cadence, () => null, 'average cadence');
  if (!(run.distanceM >= 0)) {
    summary.distanceM = lastFinite(streams.distance) ?? 0;
    fixed.push('distance');
  }
  if (fixed.length > 0) warnings.push(`summary: implausible ${fixed.join(', ')} recomputed from the samples`);
  return { kind: 'plausible', activity: summary, warnings };
}

function clean(
  values: Float64Array,
  bounds: Bounds,
): { cleaned: Float64Array; zeros: number; outside: number } {
  const cleaned = values.slice();
  let zeros = 0;
  let outside = 0;
  for (let i = 0; i < cleaned.length; i++) {
    const v = cleaned[i] ?? Number.NaN;
    if (Number.isNaN(v)) continue;
    if (v === 0 && bounds.zeroIsMissing === true) zeros++;
    else if (v < bounds.min || v > bounds.max) outside++;
    else continue;
    cleaned[i] = Number.NaN;
  }
  return { cleaned, zeros, outside };
}

/**
 * Cumulative distance never decreases and is never negative. As in the FIT importer, a value above a later
 * one is the wrong one (a spike, or a count the device later took back), so no sample claims ground the
 * runner gave back.
 */
function monotonicDistance(values: Float64Array): { cleaned: Float64Array; dropped: number } {
  const cleaned = values.slice();
  let dropped = 0;
  let laterMin = Number.POSITIVE_INFINITY;
  for (let i = cleaned.length - 1; i >= 0; i--) {
    const v = cleaned[i] ?? Number.NaN;
    if (Number.isNaN(v)) continue;
    if (v > laterMin || v < 0) {
      cleaned[i] = Number.NaN;
      dropped++;
    } else {
      laterMin = v;
    }
  }
  return { cleaned, dropped };
}

function count(n: number): string {
  return n.toLocaleString('en-US');
}
