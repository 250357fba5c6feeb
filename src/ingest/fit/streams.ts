import type { ChannelSources, Streams } from '../../domain/channels.js';
import {
  type CadenceConvention,
  describeConvention,
  detectCadenceConvention,
  stepsFactor,
} from './cadence.js';
import { CHANNEL_MAP, type ChannelSource, type SampledChannel } from './channel-map.js';
import type { FitRecords } from './model.js';

export interface BuiltStreams {
  streams: Streams;
  channelSources: ChannelSources;
  /** The chosen cadence source's convention, so that the session's cadence summary is read the same way. */
  cadenceConvention: CadenceConvention | null;
  /** Records dropped because their time went backwards. */
  outOfOrder: number;
}

/**
 * Columnar streams of one session from its records, `time` in seconds since `startS`. Records without a
 * time or without any value Keel reads are left out (an empty record at the end adds nothing); records that
 * share a second are merged, later values winning, since devices split one sample over several records;
 * records going back in time are dropped.
 */
export function buildStreams(records: FitRecords, startS: number): BuiltStreams {
  const { samples, outOfOrder } = mergeSamples(records);
  const streams: Streams = { time: samples.timeS.map((t) => t - startS) };
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

function mergeSamples(records: FitRecords): { samples: FitRecords; outOfOrder: number } {
  const keys = [...records.values.keys()];
  const columns = [...records.values.values()];
  const time = new Float64Array(records.length);
  const merged = columns.map(() => new Float64Array(records.length).fill(Number.NaN));
  let n = 0;
  let outOfOrder = 0;
  for (let i = 0; i < records.length; i++) {
    const timeS = records.timeS[i] ?? Number.NaN;
    if (Number.isNaN(timeS) || !hasAnyValue(columns, i)) continue;
    const lastS = n > 0 ? (time[n - 1] ?? Number.NaN) : Number.NEGATIVE_INFINITY;
    if (timeS < lastS) {
      outOfOrder++;
      continue;
    }
    if (timeS > lastS) time[n++] = timeS;
    for (let k = 0; k < columns.length; k++) {
      const value = columns[k]?.[i] ?? Number.NaN;
      const into = merged[k];
      if (!Number.isNaN(value) && into !== undefined) into[n - 1] = value;
    }
  }
  const values = new Map(keys.map((key, k) => [key, (merged[k] ?? new Float64Array()).slice(0, n)]));
  return { samples: { length: n, timeS: time.slice(0, n), values }, outOfOrder };
}

function hasAnyValue(columns: readonly Float64Array[], i: number): boolean {
  for (const column of columns) if (!Number.isNaN(column[i] ?? Number.NaN)) return true;
  return false;
}

/**
 * The first source, in the map's order of preference, that covers at least half as many samples as the
 * best-covering one: a native field wins unless, say, a chest strap sent dynamics for a fifth of the run while
 * a Stryd pod covered all of it.
 */
function chooseSource(
  sources: readonly ChannelSource[],
  samples: FitRecords,
): { source: ChannelSource; column: Float64Array } | null {
  const candidates = sources.map((source) => ({ source, ...sourceColumn(source, samples) }));
  const best = Math.max(0, ...candidates.map((c) => c.coverage));
  if (best === 0) return null;
  return candidates.find((c) => c.coverage * 2 >= best) ?? null;
}

function sourceColumn(
  source: ChannelSource,
  samples: FitRecords,
): { column: Float64Array; coverage: number } {
  const fields = source.fields.map((f) => samples.values.get(f));
  const column = new Float64Array(samples.length).fill(Number.NaN);
  let coverage = 0;
  if (fields[0] === undefined && source.combine !== 'mean') return { column, coverage };
  for (let i = 0; i < samples.length; i++) {
    const value = combine(source.combine, fields, i) * source.scale;
    if (!source.valid(value)) continue;
    column[i] = value;
    coverage++;
  }
  return { column, coverage };
}

/** NaN when the record has none of the source's fields; `valid` then rejects it. */
function combine(
  how: ChannelSource['combine'],
  fields: readonly (Float64Array | undefined)[],
  i: number,
): number {
  if (how === 'mean') return mean(fields, i);
  const first = fields[0]?.[i] ?? Number.NaN;
  if (how === 'single' || Number.isNaN(first)) return first;
  let sum = first;
  for (let f = 1; f < fields.length; f++) {
    const value = fields[f]?.[i] ?? Number.NaN;
    if (!Number.isNaN(value)) sum += value;
  }
  return sum;
}

function mean(fields: readonly (Float64Array | undefined)[], i: number): number {
  let sum = 0;
  let count = 0;
  for (const field of fields) {
    const value = field?.[i] ?? Number.NaN;
    if (Number.isNaN(value)) continue;
    sum += value;
    count++;
  }
  return count === 0 ? Number.NaN : sum / count;
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
