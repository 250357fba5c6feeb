import type { Channel, ChannelSources, Streams } from '../../domain/channels.js';
import {
  type CadenceConvention,
  describeConvention,
  detectCadenceConvention,
  stepsFactor,
} from '../fit/cadence.js';
import type { RunNumbers } from '../fit/summary.js';
import { lastFinite, maxOf } from '../series.js';
import { trackClimb } from './elevation.js';
import { gpsPath, speedFromDistance } from './geo.js';
import type { PointField, RecordedTrack } from './recorder.js';

/** What the file itself says about the run's totals (TCX lap totals); null where it says nothing. */
export interface FileTotals {
  movingS: number | null;
  distanceM: number | null;
}

export interface TrackRunInput {
  track: RecordedTrack;
  /** `tcx` or `gpx`: prefixes computed channels' sources. */
  format: string;
  /** Seconds since the epoch the run's time axis counts from; the first point when later. */
  startS: number;
  totals: FileTotals;
  /** How the file's cadence counts, when its format says; otherwise judged from the values. */
  cadenceConvention: CadenceConvention | null;
}

export interface TrackRun {
  startS: number;
  numbers: RunNumbers;
  streams: Streams;
  channelSources: ChannelSources;
  warnings: string[];
}

const DIRECT: ReadonlyArray<[Channel, PointField]> = [
  ['heartRate', 'heartRateBpm'],
  ['power', 'powerW'],
  ['altitude', 'altitudeM'],
  ['lat', 'lat'],
  ['lon', 'lon'],
];

/**
 * A run from a TCX or GPX track: streams with NaN for missing values and a summary. The file's own totals
 * (TCX laps) win; what they lack is computed: distance from the device's cumulative distance, else from
 * positions (gpsPath); moving time from positions, else from the time inside segments.
 */
export function buildTrackRun({ track, format, startS, totals, cadenceConvention }: TrackRunInput): TrackRun {
  const { fields, segmentStarts, sources } = track;
  const firstS = track.time[0] ?? startS;
  const originS = Math.min(startS, firstS);
  const time = track.time.map((t) => t - originS);
  const streams: Streams = { time };
  const channelSources: ChannelSources = {};
  const warnings: string[] = [];
  const put = (channel: Channel, values: Float64Array, source: string | undefined) => {
    if (channel === 'time' || !values.some((v) => !Number.isNaN(v))) return;
    streams[channel] = values;
    channelSources[channel] = source ?? `${format}:${channel}`;
  };

  for (const [channel, field] of DIRECT) put(channel, fields[field], sources[field]);

  const hasPositions = fields.lat.some((v) => !Number.isNaN(v));
  const path = hasPositions ? gpsPath(time, fields.lat, fields.lon, segmentStarts) : null;
  const deviceDistance = fields.distanceM.some((v) => !Number.isNaN(v));
  if (deviceDistance) put('distance', fields.distanceM, sources.distanceM);
  else if (path !== null) {
    put('distance', path.distance, `${format}:computed distance`);
    if (path.jumpsDropped > 0) {
      warnings.push(`position: ${path.jumpsDropped} GPS jumps faster than 36 km/h left out of the distance`);
    }
  }

  const fileSpeed = fields.speedMps.some((v) => !Number.isNaN(v));
  if (fileSpeed) put('speed', fields.speedMps, sources.speedMps);
  else if (streams.distance !== undefined) {
    put('speed', speedFromDistance(time, streams.distance, segmentStarts), `${format}:computed speed`);
  }

  const convention = cadenceConvention ?? detectCadenceConvention(fields.cadence) ?? 'strides';
  const factor = stepsFactor(convention);
  put(
    'cadence',
    fields.cadence.map((v) => v * factor),
    describeConvention(sources.cadence ?? `${format}:cadence`, convention),
  );

  const elapsedS = time[time.length - 1] ?? 0;
  const movingS = totals.movingS ?? path?.movingS ?? segmentsTimeS(time, segmentStarts);
  const distanceM = totals.distanceM ?? lastFinite(fields.distanceM) ?? path?.distanceM ?? 0;
  const climb = streams.altitude !== undefined ? trackClimb(time, streams.altitude) : null;
  const mean = (values: Float64Array | undefined) => timeWeightedMean(values, time, segmentStarts);

  return {
    startS: originS,
    streams,
    channelSources,
    warnings,
    numbers: {
      elapsedS: Math.max(elapsedS, movingS),
      movingS,
      distanceM,
      ascentM: climb?.ascentM ?? null,
      descentM: climb?.descentM ?? null,
      avgSpeedMps: movingS > 0 && distanceM > 0 ? distanceM / movingS : null,
      maxSpeedMps: maxOf(streams.speed),
      avgHeartRateBpm: mean(streams.heartRate),
      maxHeartRateBpm: maxOf(streams.heartRate),
      avgCadenceSpm: mean(streams.cadence),
      maxCadenceSpm: maxOf(streams.cadence),
      avgPowerW: mean(streams.power),
      maxPowerW: maxOf(streams.power),
    },
  };
}

/** Time within segments: without positions to judge speed by, a segment is all moving. */
function segmentsTimeS(time: Float64Array, segmentStarts: ReadonlySet<number>): number {
  let total = 0;
  for (let i = 1; i < time.length; i++)
    if (!segmentStarts.has(i)) total += (time[i] ?? 0) - (time[i - 1] ?? 0);
  return total;
}

/** Mean weighted by the time to the next sample; the time across a pause counts for nothing. */
function timeWeightedMean(
  values: Float64Array | undefined,
  time: Float64Array,
  segmentStarts: ReadonlySet<number>,
): number | null {
  if (values === undefined) return null;
  let sum = 0;
  let weight = 0;
  for (let i = 0; i + 1 < values.length; i++) {
    const v = values[i] ?? Number.NaN;
    if (Number.isNaN(v) || segmentStarts.has(i + 1)) continue;
    const dt = (time[i + 1] ?? 0) - (time[i] ?? 0);
    sum += v * dt;
    weight += dt;
  }
  return weight > 0 ? sum / weight : null;
}
