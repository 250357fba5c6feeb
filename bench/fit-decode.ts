/**
 * FIT decoding speed, side by side in one run: the Garmin SDK's `Decoder.read()` with default options,
 * Keel's decodeFit (records on the fast path, the rest by the SDK) and Keel's whole FIT import of a file
 * into activities (decodeFitActivities: decode, streams, summaries), over the corpus's FIT files and a
 * generated 3-hour run at 1 Hz. Run with `npm run bench:fit`; not a test, nothing is asserted.
 *
 * The three are run in turn on each file, many rounds, and each one's median time is kept, so that a busy
 * machine slows all three alike.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Decoder, Stream } from '@garmin/fitsdk';
import { readFitHeader } from '../src/ingest/fit/damage.js';
import { decodeFit } from '../src/ingest/fit/decode.js';
import { decodeFitActivities } from '../src/ingest/fit/index.js';
import { corpusDir, corpusFiles } from '../test/helpers/corpus.js';
import { makeRunFit } from '../test/helpers/fit-files.js';

const MIN_ROUNDS = 15;
const MIN_TIME_MS = 1_500;

interface Input {
  name: string;
  bytes: Uint8Array;
}

const decoders = {
  sdk: (bytes: Uint8Array) => new Decoder(Stream.fromByteArray(bytes)).read(),
  decode: (bytes: Uint8Array) => decodeFit(bytes),
  import: (bytes: Uint8Array) => decodeFitActivities(bytes, 'bench.fit'),
};
type Decoder_ = keyof typeof decoders;

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 === 1 ? (sorted[mid] ?? 0) : ((sorted[mid - 1] ?? 0) + (sorted[mid] ?? 0)) / 2;
}

function measure(bytes: Uint8Array): Record<Decoder_, number> {
  const times: Record<Decoder_, number[]> = { sdk: [], decode: [], import: [] };
  const names = Object.keys(decoders) as Decoder_[];
  for (const name of names) decoders[name](bytes);
  const start = performance.now();
  while (times.sdk.length < MIN_ROUNDS || performance.now() - start < MIN_TIME_MS) {
    for (const name of names) {
      const t0 = performance.now();
      decoders[name](bytes);
      times[name].push(performance.now() - t0);
    }
  }
  return { sdk: median(times.sdk), decode: median(times.decode), import: median(times.import) };
}

function inputs(): { corpus: Input[]; generated: Input } {
  const dir = corpusDir();
  const corpus = (dir === undefined ? [] : corpusFiles())
    .map((name) => ({ name, bytes: new Uint8Array(readFileSync(join(dir ?? '', name))) }))
    .filter(({ bytes }) => typeof readFitHeader(bytes) !== 'string');
  const generated = {
    name: 'generated: 3-hour run at 1 Hz, dynamics and power',
    bytes: makeRunFit({ distanceM: 30_000, durationS: 3 * 3600, withPower: true }),
  };
  return { corpus, generated };
}

const mbps = (bytes: number, ms: number) => (ms > 0 ? (bytes / 1e6 / (ms / 1000)).toFixed(1) : '—');
const pad = (text: string, width: number) => text.slice(0, width).padEnd(width);
const num = (text: string, width: number) => text.padStart(width);

function row(name: string, bytes: number, path: string, t: Record<Decoder_, number>): string {
  return [
    pad(name, 62),
    num((bytes / 1e6).toFixed(2), 6),
    pad(` ${path}`, 6),
    num(mbps(bytes, t.sdk), 9),
    num(mbps(bytes, t.decode), 12),
    num(mbps(bytes, t.import), 12),
    num(`${(t.sdk / t.decode).toFixed(1)}×`, 8),
    num(`${(t.sdk / t.import).toFixed(1)}×`, 8),
  ].join(' ');
}

function pathOf(bytes: Uint8Array): string {
  const decoded = decodeFit(bytes);
  return typeof decoded === 'string' ? 'none' : decoded.recordPath;
}

const { corpus, generated } = inputs();
console.log(
  [
    pad('file', 62),
    num('MB', 6),
    pad(' path', 6),
    num('SDK MB/s', 9),
    num('decode MB/s', 12),
    num('import MB/s', 12),
    num('decode', 8),
    num('import', 8),
  ].join(' '),
);
const total = { bytes: 0, sdk: 0, decode: 0, import: 0 };
const fast = { bytes: 0, sdk: 0, decode: 0, import: 0 };
for (const { name, bytes } of corpus) {
  const t = measure(bytes);
  const path = pathOf(bytes);
  console.log(row(name, bytes.length, path, t));
  for (const sum of path === 'fast' ? [total, fast] : [total]) {
    sum.bytes += bytes.length;
    sum.sdk += t.sdk;
    sum.decode += t.decode;
    sum.import += t.import;
  }
}
if (corpus.length > 0) {
  console.log(row(`corpus: all ${corpus.length} FIT files`, total.bytes, '', total));
  console.log(row('corpus: the files on the fast path', fast.bytes, 'fast', fast));
}
console.log(row(generated.name, generated.bytes.length, pathOf(generated.bytes), measure(generated.bytes)));
console.log(
  '\ndecode = decodeFit (records on the fast path, other messages Keel reads by the SDK); import = ' +
    'decodeFitActivities (decode, streams, summaries). The last two columns are speed-ups over the SDK.',
);
