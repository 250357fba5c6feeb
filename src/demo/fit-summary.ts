import type { Streams } from '../domain/channels.js';

/** A stretch of a session with the timer stopped, in seconds since the session's start. */
export interface TimerPause {
  startS: number;
  endS: number;
  /** Auto-pause (the watch saw the runner stop) or the runner pressed stop. */
  trigger?: 'manual' | 'auto';
}

/** What a lap or session message says about its samples, in Keel's units; null where the channel is absent. */
export interface SegmentSummary {
  startS: number;
  endS: number;
  elapsedS: number;
  timerS: number;
  distanceM: number;
  ascentM: number | null;
  descentM: number | null;
  avgSpeedMps: number | null;
  maxSpeedMps: number | null;
  avgHeartRateBpm: number | null;
  maxHeartRateBpm: number | null;
  /** Steps/min for running and walking, rpm otherwise, as in the samples. */
  avgCadence: number | null;
  maxCadence: number | null;
  /** Steps (running, walking) or revolutions counted from the cadence. */
  totalCycles: number | null;
  avgPowerW: number | null;
  maxPowerW: number | null;
  avgStanceTimeMs: number | null;
  avgStanceTimeBalancePct: number | null;
  avgVerticalOscillationMm: number | null;
  avgVerticalRatioPct: number | null;
  avgStepLengthMm: number | null;
}

/** Seconds the timer ran between two moments of a session. */
export function timerSeconds(fromS: number, toS: number, pauses: readonly TimerPause[]): number {
  let paused = 0;
  for (const p of pauses) paused += Math.max(0, Math.min(toS, p.endS) - Math.max(fromS, p.startS));
  return toS - fromS - paused;
}

/**
 * Summarises samples `from..to` (indices, inclusive). Averages are weighted by timer time to the next sample,
 * as a watch does, because smart recording leaves uneven gaps between samples.
 */
export function summarise(
  samples: Streams,
  from: number,
  to: number,
  pauses: readonly TimerPause[],
): SegmentSummary {
  const time = samples.time;
  const at = (values: Float64Array | undefined, i: number) => values?.[i] ?? Number.NaN;
  const startS = at(time, from);
  const endS = at(time, to);
  const weights = new Float64Array(to - from + 1);
  for (let i = from; i < to; i++) weights[i - from] = timerSeconds(at(time, i), at(time, i + 1), pauses);
  if (from === to) weights[0] = 1;

  const mean = (values: Float64Array | undefined): number | null => {
    if (!values) return null;
    let sum = 0;
    let weight = 0;
    for (let i = from; i <= to; i++) {
      const v = at(values, i);
      const w = weights[i - from] ?? 0;
      if (Number.isNaN(v) || w === 0) continue;
      sum += v * w;
      weight += w;
    }
    return weight > 0 ? sum / weight : null;
  };
  const max = (values: Float64Array | undefined): number | null => {
    if (!values) return null;
    let best = Number.NEGATIVE_INFINITY;
    for (let i = from; i <= to; i++) if (at(values, i) > best) best = at(values, i);
    return Number.isFinite(best) ? best : null;
  };
  const climb = (sign: 1 | -1): number | null => {
    const altitude = samples.altitude;
    if (!altitude) return null;
    let total = 0;
    for (let i = from; i < to; i++) {
      const step = sign * (at(altitude, i + 1) - at(altitude, i));
      if (step > 0) total += step;
    }
    return total;
  };
  const cycles = (): number | null => {
    const cadence = samples.cadence;
    if (!cadence) return null;
    let total = 0;
    for (let i = from; i <= to; i++) {
      const c = at(cadence, i);
      if (!Number.isNaN(c)) total += (c * (weights[i - from] ?? 0)) / 60;
    }
    return total;
  };

  const elapsedS = endS - startS;
  const timerS = timerSeconds(startS, endS, pauses);
  const distanceM = samples.distance ? at(samples.distance, to) - at(samples.distance, from) : 0;
  return {
    startS,
    endS,
    elapsedS,
    timerS,
    distanceM,
    ascentM: climb(1),
    descentM: climb(-1),
    avgSpeedMps: samples.distance && timerS > 0 ? distanceM / timerS : mean(samples.speed),
    maxSpeedMps: max(samples.speed),
    avgHeartRateBpm: mean(samples.heartRate),
    maxHeartRateBpm: max(samples.heartRate),
    avgCadence: mean(samples.cadence),
    maxCadence: max(samples.cadence),
    totalCycles: cycles(),
    avgPowerW: mean(samples.power),
    maxPowerW: max(samples.power),
    avgStanceTimeMs: mean(samples.stanceTime),
    avgStanceTimeBalancePct: mean(samples.stanceTimeBalance),
    avgVerticalOscillationMm: mean(samples.verticalOscillation),
    avgVerticalRatioPct: mean(samples.verticalRatio),
    avgStepLengthMm: mean(samples.stepLength),
  };
}
