import type { ChannelSources, Streams } from '../../domain/channels.js';
import {
  type CadenceConvention,
  describeConvention,
  detectCadenceConvention,
  stepsFactor,
} from './cadence.js';
import { CHANNEL_MAP, type ChannelSource, type SampledChannel } from './channel-map.js';
import type { FitRecord } from './model.js';

export interface BuiltStreams {
  streams: Streams;
  channelSources: ChannelSources;
  /** The chosen cadence source's convention, so that the session's cadence summary is read the same way. */
  cadenceConvention: CadenceConvention | null;
  /** Records dropped because their time went backwards. */
  outOfOrder: number;
}

interface Sample {
  timeS: number;
  values: ReadonlyMap<string, number>;
}

/**
 * Columnar streams of one session from its records, `time` in seconds since `startS`. Records without a
 * time or without any value Keel reads are left out (an empty record at the end adds nothing); records that
 * share a second are merged, later values winning, since devices split one sample over several records;
 * records going back in time are dropped.
 */
export function buildStreams(records: readonly FitRecord[], startS: number): BuiltStreams {
  const { samples, outOfOrder } = mergeSamples(records);
  const streams: Streams = { time: Float64Array.from(samples, (s) => s.timeS - startS) };
  const channelSources: ChannelSources = {};
  let cadenceConvention: CadenceConvention | null = null;

  for (const channel of Object.keys(CHANNEL_MAP) as SampledChannel[]) {
    const chosen = chooseSource(CHANNEL_MAP[channel], samples);
    if (chosen === null) continue;
    let { column } = chosen;
    let label = chosen.source.label;
    if (chosen.source.cadence !== undefined) {
      cadenceConvention =
        chosen.source.cadence === 'strides' ? 'strides' : (detectCadenceConvention(column) ?? 'strides');
      const factor = stepsFactor(cadenceConvention);
      column = column.map((v) => v * factor);
      label = describeConvention(label, cadenceConvention);
    }
    if (channel === 'distance') column = sinceFirst(withoutBacktracking(column));
    streams[channel] = column;
    channelSources[channel] = label;
  }
  return { streams, channelSources, cadenceConvention, outOfOrder };
}

function mergeSamples(records: readonly FitRecord[]): { samples: Sample[]; outOfOrder: number } {
  const samples: Sample[] = [];
  let outOfOrder = 0;
  for (const record of records) {
    if (record.timeS === null || record.values.size === 0) continue;
    const last = samples.at(-1);
    if (last !== undefined && record.timeS < last.timeS) {
      outOfOrder++;
    } else if (last !== undefined && record.timeS === last.timeS) {
      last.values = new Map([...last.values, ...record.values]);
    } else {
      samples.push({ timeS: record.timeS, values: record.values });
    }
  }
  return { samples, outOfOrder };
}

/**
 * The first source, in the map's order of preference, that covers at least half as many samples as the
 * best-covering one: a native field wins unless, say, a chest strap sent dynamics for a fifth of the run while
 * a Stryd pod covered all of it.
 */
function chooseSource(
  sources: readonly ChannelSource[],
  samples: readonly Sample[],
): { source: ChannelSource; column: Float64Array } | null {
  const candidates = sources.map((source) => {
    const column = sourceColumn(source, samples);
    return { source, column, coverage: column.reduce((n, v) => (Number.isNaN(v) ? n : n + 1), 0) };
  });
  const best = Math.max(0, ...candidates.map((c) => c.coverage));
  if (best === 0) return null;
  return candidates.find((c) => c.coverage * 2 >= best) ?? null;
}

function sourceColumn(source: ChannelSource, samples: readonly Sample[]): Float64Array {
  const column = new Float64Array(samples.length).fill(Number.NaN);
  samples.forEach((sample, i) => {
    const raw = combine(source, sample.values);
    if (raw === null) return;
    const value = raw * source.scale;
    if (source.valid(value)) column[i] = value;
  });
  return column;
}

// Called for every sample and source, so it allocates nothing.
function combine(
  { fields, combine: how }: ChannelSource,
  values: ReadonlyMap<string, number>,
): number | null {
  const first = fields[0] === undefined ? undefined : values.get(fields[0]);
  if (how === 'single' || (how === 'sum' && first === undefined)) return first ?? null;
  let sum = 0;
  let count = 0;
  for (const field of fields) {
    const value = values.get(field);
    if (value === undefined) continue;
    sum += value;
    count++;
  }
  if (how === 'sum') return sum;
  return count === 0 ? null : sum / count;
}

/**
 * Cumulative distance never decreases; where a device's does (a Fenix restarting its timer after a
 * transition drops its count by the transition's distance), the values above a later one are wrong and
 * become NaN, so that no sample claims ground the runner gave back.
 */
function withoutBacktracking(column: Float64Array): Float64Array {
  const cleaned = column.slice();
  let laterMin = Number.POSITIVE_INFINITY;
  for (let i = cleaned.length - 1; i >= 0; i--) {
    const v = cleaned[i] ?? Number.NaN;
    if (v > laterMin) cleaned[i] = Number.NaN;
    else if (!Number.isNaN(v)) laterMin = v;
  }
  return cleaned;
}

/** Record distance counts from the start of the file; a run's distance counts from the start of its session. */
function sinceFirst(column: Float64Array): Float64Array {
  const first = column.find((v) => !Number.isNaN(v)) ?? 0;
  return column.map((v) => v - first);
}
