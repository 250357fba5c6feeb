import type { ActivitySummary } from '../../domain/activity.js';
import type { Streams } from '../../domain/channels.js';
import { formatDistance, formatDuration } from '../../domain/units.js';
import { type CadenceConvention, detectCadenceConvention, stepsFactor } from './cadence.js';
import type { FitSession, TimerEvent } from './model.js';

export type RunNumbers = Omit<
  ActivitySummary,
  'sport' | 'subSport' | 'startTime' | 'utcOffsetMin' | 'device'
>;

export interface RunSummary {
  numbers: RunNumbers;
  /** Why the session's own summary was set aside for what its samples say, when it was. */
  summaryOverruled: string | null;
  /** How much of the run the samples span: less than all when a damaged file lost the rest. */
  samplesCover: 'all' | 'part' | 'none';
}

/**
 * A run's summary. The session message's numbers are the device's own and win while they are sane and cover
 * the samples; a summary that ends before its samples do (a Suunto that never wrote its final lap) or falls
 * short of their distance is set aside, and everything is computed from the samples and timer events. Values
 * the summary lacks are computed from the samples too, unless the samples cover only part of the run: a
 * partial climb or maximum would pass for the whole run's.
 */
export function summariseRun(
  session: FitSession,
  startS: number,
  streams: Streams,
  timerEvents: readonly TimerEvent[],
  cadence: CadenceConvention | null,
): RunSummary {
  const { time } = streams;
  const lastOffsetS = time.length > 0 ? (time[time.length - 1] ?? null) : null;
  const samplesDistanceM = lastFinite(streams.distance);
  const summaryElapsedS = positive(session.elapsedS);
  const summaryDistanceM = positive(session.distanceM);

  const summaryOverruled = overruled(summaryElapsedS, summaryDistanceM, lastOffsetS, samplesDistanceM);
  const trusted = summaryElapsedS !== null && summaryOverruled === null;
  const summary = trusted ? session : null;

  const elapsedS = trusted ? summaryElapsedS : Math.max(summaryElapsedS ?? 0, lastOffsetS ?? 0);
  const gapS = pauseGapS(time);
  const timerS = summary?.timerS ?? null;
  const movingS = Math.min(
    elapsedS,
    timerS !== null && timerS > 0 && timerS <= elapsedS + 1
      ? timerS
      : (timerMovingS(timerEvents, startS, startS + elapsedS) ?? samplesMovingS(time, gapS)),
  );
  const distanceM = (trusted ? summaryDistanceM : null) ?? samplesDistanceM ?? summaryDistanceM ?? 0;
  const samplesCover =
    lastOffsetS === null ? 'none' : lastOffsetS >= elapsedS - Math.max(60, 0.02 * elapsedS) ? 'all' : 'part';
  const fromSamples = samplesCover === 'all';
  const climb =
    summary?.ascentM != null
      ? { ascentM: summary.ascentM, descentM: summary.descentM }
      : fromSamples
        ? climbOf(streams.altitude)
        : null;

  const cadenceFactor = stepsFactor(
    cadence ?? detectCadenceConvention([summary?.avgCadence ?? 0]) ?? 'strides',
  );
  const stream = (values: Float64Array | undefined) => ({
    mean: fromSamples ? timeWeightedMean(values, time, gapS) : null,
    max: fromSamples ? maxOf(values) : null,
  });
  const speed = stream(streams.speed);
  const heartRate = stream(streams.heartRate);
  const steps = stream(streams.cadence);
  const power = stream(streams.power);

  return {
    summaryOverruled,
    samplesCover,
    numbers: {
      elapsedS,
      movingS,
      distanceM,
      ascentM: climb?.ascentM ?? null,
      descentM: climb?.descentM ?? null,
      avgSpeedMps: summary?.avgSpeedMps ?? (movingS > 0 && distanceM > 0 ? distanceM / movingS : speed.mean),
      maxSpeedMps: summary?.maxSpeedMps ?? speed.max,
      avgHeartRateBpm: summary?.avgHeartRateBpm ?? heartRate.mean,
      maxHeartRateBpm: summary?.maxHeartRateBpm ?? heartRate.max,
      avgCadenceSpm: summary?.avgCadence != null ? summary.avgCadence * cadenceFactor : steps.mean,
      maxCadenceSpm: summary?.maxCadence != null ? summary.maxCadence * cadenceFactor : steps.max,
      avgPowerW: summary?.avgPowerW ?? power.mean,
      maxPowerW: summary?.maxPowerW ?? power.max,
    },
  };
}

function overruled(
  summaryElapsedS: number | null,
  summaryDistanceM: number | null,
  lastOffsetS: number | null,
  samplesDistanceM: number | null,
): string | null {
  if (summaryElapsedS === null) return null;
  if (lastOffsetS !== null && lastOffsetS > summaryElapsedS + Math.max(60, 0.02 * summaryElapsedS)) {
    return `the session summary covers ${formatDuration(summaryElapsedS)} but the samples run to ${formatDuration(lastOffsetS)}`;
  }
  if (
    summaryDistanceM !== null &&
    samplesDistanceM !== null &&
    samplesDistanceM > summaryDistanceM * 1.02 + 50
  ) {
    return `the session summary says ${formatDistance(summaryDistanceM, 'metric')} but the samples reach ${formatDistance(samplesDistanceM, 'metric')}`;
  }
  return null;
}

/** Time the timer ran within [startS, endS), from timer start and stop events; null when there are none. */
export function timerMovingS(events: readonly TimerEvent[], startS: number, endS: number): number | null {
  // null: no event seen yet, so whether the timer ran at the start is known only from the first event.
  let running: boolean | null = null;
  let since = startS;
  let total = 0;
  for (const event of events) {
    if (event.timeS >= endS) break;
    const at = Math.max(event.timeS, startS);
    if (event.kind === 'start') {
      if (running !== true) since = at;
      running = true;
    } else {
      if (running !== false) total += at - since;
      running = false;
    }
  }
  if (running === null) return null;
  return running ? total + (endS - since) : total;
}

/** Time between samples, leaving out gaps long enough to be pauses. */
export function samplesMovingS(time: Float64Array, gapS: number): number {
  let total = 0;
  for (let i = 1; i < time.length; i++) {
    const dt = (time[i] ?? 0) - (time[i - 1] ?? 0);
    if (dt <= gapS) total += dt;
  }
  return total;
}

/** A gap between samples above which the runner paused: well above the recording interval, smart or not. */
function pauseGapS(time: Float64Array): number {
  const steps: number[] = [];
  for (let i = 1; i < time.length; i++) steps.push((time[i] ?? 0) - (time[i - 1] ?? 0));
  steps.sort((a, b) => a - b);
  return Math.max(10, 5 * (steps[steps.length >> 1] ?? 1));
}

const CLIMB_HYSTERESIS_M = 5;

/**
 * Ascent and descent with a 5 m hysteresis, so that barometer and GPS noise don't add up: a climb counts
 * once the altitude has risen 5 m above the last turning point, and then every metre it keeps rising.
 */
export function climbOf(altitude: Float64Array | undefined): { ascentM: number; descentM: number } | null {
  const valid = Array.from(altitude ?? []).filter((v) => !Number.isNaN(v));
  const [first] = valid;
  if (first === undefined || valid.length < 2) return null;
  let reference = first;
  let climbing: boolean | null = null;
  let ascentM = 0;
  let descentM = 0;
  for (const v of valid) {
    const rise = v - reference;
    if (rise > 0 && (climbing === true || rise >= CLIMB_HYSTERESIS_M)) {
      ascentM += rise;
      climbing = true;
      reference = v;
    } else if (rise < 0 && (climbing === false || -rise >= CLIMB_HYSTERESIS_M)) {
      descentM -= rise;
      climbing = false;
      reference = v;
    }
  }
  return { ascentM: Math.round(ascentM * 10) / 10, descentM: Math.round(descentM * 10) / 10 };
}

/** Mean weighted by the time each sample stands for, pauses left out. */
function timeWeightedMean(values: Float64Array | undefined, time: Float64Array, gapS: number): number | null {
  if (values === undefined) return null;
  let sum = 0;
  let weight = 0;
  for (let i = 0; i < values.length; i++) {
    const v = values[i] ?? Number.NaN;
    if (Number.isNaN(v)) continue;
    const dt = i + 1 < time.length ? (time[i + 1] ?? 0) - (time[i] ?? 0) : 1;
    const w = dt <= gapS ? dt : 0;
    sum += v * w;
    weight += w;
  }
  return weight > 0 ? sum / weight : null;
}

function maxOf(values: Float64Array | undefined): number | null {
  let max: number | null = null;
  for (const v of values ?? []) if (!Number.isNaN(v) && (max === null || v > max)) max = v;
  return max;
}

function lastFinite(values: Float64Array | undefined): number | null {
  if (values === undefined) return null;
  for (let i = values.length - 1; i >= 0; i--) {
    const v = values[i] ?? Number.NaN;
    if (!Number.isNaN(v)) return v;
  }
  return null;
}

function positive(value: number | null): number | null {
  return value !== null && value > 0 ? value : null;
}
