import { deflateSync, inflateSync } from 'node:zlib';
import { CHANNELS, type Channel, isChannel, type Streams } from '../domain/channels.js';

/**
 * Codec for an activity's samples, stored as one blob per activity so that loading a run is one row read.
 *
 * Version 1, before deflate (all integers little-endian):
 *   u32 sampleCount, u8 channelCount, then per channel:
 *   u8 nameLength, name (ASCII), u8 type (4 = float32, 8 = float64), sampleCount values.
 * Channels are named, not numbered, so adding or reordering channels never breaks old blobs. Position and
 * cumulative values need float64; the rest fit float32 exactly enough (0.1 bpm, 0.01 ms) at half the size.
 */
export const STREAM_CODEC_VERSION = 1;

const FLOAT64_CHANNELS: ReadonlySet<Channel> = new Set(['time', 'distance', 'lat', 'lon', 'altitude']);

export function encodeStreams(streams: Streams): Uint8Array {
  const sampleCount = streams.time.length;
  const present = CHANNELS.filter((c) => streams[c] !== undefined);
  let size = 5;
  for (const c of present) size += 2 + c.length + sampleCount * (FLOAT64_CHANNELS.has(c) ? 8 : 4);
  const buf = new ArrayBuffer(size);
  const view = new DataView(buf);
  const bytes = new Uint8Array(buf);
  view.setUint32(0, sampleCount, true);
  view.setUint8(4, present.length);
  let at = 5;
  for (const c of present) {
    const values = streams[c] as Float64Array;
    if (values.length !== sampleCount) {
      throw new Error(`channel ${c} has ${values.length} samples, time has ${sampleCount}`);
    }
    const wide = FLOAT64_CHANNELS.has(c);
    view.setUint8(at++, c.length);
    for (let i = 0; i < c.length; i++) bytes[at++] = c.charCodeAt(i);
    view.setUint8(at++, wide ? 8 : 4);
    for (let i = 0; i < sampleCount; i++) {
      if (wide) {
        view.setFloat64(at, values[i] as number, true);
        at += 8;
      } else {
        view.setFloat32(at, values[i] as number, true);
        at += 4;
      }
    }
  }
  // Level 1: float samples barely compress further at higher levels (4% smaller at the default level 6) and
  // level 6 took 3.5 times as long, more than decoding the file (bulk import benchmark, `docs/performance.md`).
  return deflateSync(bytes, { level: 1 });
}

export function decodeStreams(blob: Uint8Array, codecVersion: number): Streams {
  if (codecVersion !== STREAM_CODEC_VERSION) {
    throw new Error(`stream codec version ${codecVersion} is newer than this Keel understands`);
  }
  const bytes = inflateSync(blob);
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const sampleCount = view.getUint32(0, true);
  const channelCount = view.getUint8(4);
  let at = 5;
  const out: Partial<Record<Channel, Float64Array>> = {};
  for (let k = 0; k < channelCount; k++) {
    const nameLength = view.getUint8(at++);
    let name = '';
    for (let i = 0; i < nameLength; i++) name += String.fromCharCode(view.getUint8(at++));
    const width = view.getUint8(at++);
    const values = new Float64Array(sampleCount);
    for (let i = 0; i < sampleCount; i++) {
      values[i] = width === 8 ? view.getFloat64(at, true) : view.getFloat32(at, true);
      at += width;
    }
    // A channel this version does not know is skipped rather than failing the whole run.
    if (isChannel(name)) out[name] = values;
  }
  if (out.time === undefined) throw new Error('stored streams have no time channel');
  return out as Streams;
}

/** One channel's samples as the codec holds them: little-endian IEEE 754 values of `width` bytes each. */
export interface StreamColumn {
  name: string;
  width: 4 | 8;
  bytes: Uint8Array;
}

/**
 * The columns of a stored blob byte for byte, unknown channel names included: the full export carries these so a
 * re-import stores exactly what was stored (no float32 value widened, no channel dropped).
 */
export function streamColumns(
  blob: Uint8Array,
  codecVersion: number,
): { sampleCount: number; columns: StreamColumn[] } {
  if (codecVersion !== STREAM_CODEC_VERSION) {
    throw new Error(`stream codec version ${codecVersion} is newer than this Keel understands`);
  }
  const bytes = inflateSync(blob);
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const sampleCount = view.getUint32(0, true);
  const channelCount = view.getUint8(4);
  let at = 5;
  const columns: StreamColumn[] = [];
  for (let k = 0; k < channelCount; k++) {
    const nameLength = view.getUint8(at++);
    const name = String.fromCharCode(...bytes.subarray(at, at + nameLength));
    at += nameLength;
    const width = view.getUint8(at++);
    if (width !== 4 && width !== 8) throw new Error(`stored channel ${name} has a value width of ${width}`);
    columns.push({ name, width, bytes: bytes.slice(at, at + sampleCount * width) });
    at += sampleCount * width;
  }
  return { sampleCount, columns };
}

/** The blob `streamColumns` read, rebuilt from its columns (the inverse, for a re-import). */
export function encodeStreamColumns(sampleCount: number, columns: readonly StreamColumn[]): Uint8Array {
  let size = 5;
  for (const c of columns) {
    if (c.bytes.length !== sampleCount * c.width) {
      throw new Error(
        `channel ${c.name} has ${c.bytes.length / c.width} samples, the stream has ${sampleCount}`,
      );
    }
    if (!/^[\x20-\x7e]{1,255}$/.test(c.name)) throw new Error(`channel name "${c.name}" is not short ASCII`);
    size += 2 + c.name.length + c.bytes.length;
  }
  if (columns.length > 255) throw new Error(`${columns.length} channels: at most 255 fit a stream`);
  const bytes = new Uint8Array(size);
  const view = new DataView(bytes.buffer);
  view.setUint32(0, sampleCount, true);
  view.setUint8(4, columns.length);
  let at = 5;
  for (const c of columns) {
    view.setUint8(at++, c.name.length);
    for (let i = 0; i < c.name.length; i++) bytes[at++] = c.name.charCodeAt(i);
    view.setUint8(at++, c.width);
    bytes.set(c.bytes, at);
    at += c.bytes.length;
  }
  // The same level as encodeStreams, so a re-imported blob is byte-identical to the one exported.
  return deflateSync(bytes, { level: 1 });
}
