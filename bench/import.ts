// `npm run bench:import`: Keel's end-to-end import of a bulk export against plain decoders of the same FIT bytes.
import { execFileSync } from 'node:child_process';
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { availableParallelism, cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { Decoder, Stream } from '@garmin/fitsdk';
import { SportsLib } from '@sports-alliance/sports-lib';
import FitParser from 'fit-file-parser';
import yazl from 'yazl';
import { sniffFormat } from '../src/ingest/sniff.js';
import { corpusDir } from '../test/helpers/corpus.js';
import { makeRunFit } from '../test/helpers/fit-files.js';

const GENERATED_RUNS = 1000;
const CACHE = join(process.cwd(), '.keel', 'bench');
const EXPORT_PATH = join(CACHE, `strava-export-${GENERATED_RUNS}.zip`);
const MB = 1024 * 1024;

interface ExportFile {
  name: string;
  bytes: Uint8Array;
}

/** A pseudo-random but fixed variety of runs: 3–24 km, with and without dynamics, power, Stryd, smart recording. */
function generatedRuns(): ExportFile[] {
  const runs: ExportFile[] = [];
  for (let i = 0; i < GENERATED_RUNS; i++) {
    const distanceM = 3_000 + ((i * 7_919) % 21_000);
    const paceSPerKm = 270 + ((i * 31) % 120);
    const bytes = makeRunFit({
      distanceM,
      durationS: Math.round((distanceM / 1000) * paceSPerKm),
      start: new Date(Date.UTC(2022, 0, 1, 6, 0, 0) + i * 86_400_000 * 1.3),
      withDynamics: i % 3 !== 0,
      withPower: i % 4 === 0,
      stryd: i % 7 === 0,
      smartRecording: i % 2 === 0,
      hilly: i % 5 === 0,
      seed: i,
    });
    runs.push({ name: `activities/${10_000_000 + i}.fit${i % 2 === 0 ? '.gz' : ''}`, bytes });
  }
  return runs;
}

/** The corpus's activity files that are runs by name; Keel skips or rejects the rest in the same import. */
function corpusRuns(): ExportFile[] {
  const dir = corpusDir();
  if (!dir) return [];
  return readdirSync(dir)
    .filter((f) => /\.(fit|tcx|gpx)$/i.test(f))
    .map((f) => ({ name: `activities/corpus-${f}`, bytes: new Uint8Array(readFileSync(join(dir, f))) }));
}

async function buildExport(files: ExportFile[]): Promise<void> {
  const zip = new yazl.ZipFile();
  const csv = ['Activity ID,Activity Date,Activity Name,Activity Type,Filename'];
  files.forEach((f, i) => {
    const stored = f.name.endsWith('.gz') ? gzipSync(f.bytes) : f.bytes;
    zip.addBuffer(Buffer.from(stored), f.name);
    csv.push(`${i + 1},"Jan 1, 2022, 6:00:00 AM",Run ${i + 1},Run,${f.name}`);
  });
  zip.addBuffer(Buffer.from(`${csv.join('\n')}\n`), 'activities.csv');
  zip.end();
  const chunks: Buffer[] = [];
  for await (const chunk of zip.outputStream) chunks.push(chunk as Buffer);
  writeFileSync(EXPORT_PATH, Buffer.concat(chunks));
}

function timeIt<T>(work: () => T): { seconds: number; value: T } {
  const started = performance.now();
  const value = work();
  return { seconds: (performance.now() - started) / 1000, value };
}

async function timeAsync(work: () => Promise<unknown>): Promise<number> {
  const started = performance.now();
  await work();
  return (performance.now() - started) / 1000;
}

const row = (name: string, files: number, bytes: number, seconds: number, extra = '') =>
  `${name.padEnd(44)} ${(files / seconds).toFixed(1).padStart(8)} files/s ${(bytes / MB / seconds).toFixed(1).padStart(7)} MB/s ${seconds.toFixed(1).padStart(7)} s  ${extra}`;

/** The export's activity files, generated once and kept beside it: generating a thousand runs takes minutes. */
function exportFiles(): ExportFile[] {
  const folder = join(CACHE, `files-${GENERATED_RUNS}`);
  if (!existsSync(folder)) {
    process.stderr.write(`Generating ${GENERATED_RUNS} runs into ${folder} (once; a few minutes)…\n`);
    const staging = `${folder}.partial`;
    rmSync(staging, { recursive: true, force: true });
    for (const f of [...corpusRuns(), ...generatedRuns()]) {
      mkdirSync(join(staging, 'activities'), { recursive: true });
      writeFileSync(join(staging, f.name), f.bytes);
    }
    renameSync(staging, folder);
  }
  return readdirSync(join(folder, 'activities'))
    .sort()
    .map((name) => ({
      name: `activities/${name}`,
      bytes: new Uint8Array(readFileSync(join(folder, 'activities', name))),
    }));
}

async function main() {
  mkdirSync(CACHE, { recursive: true });
  const files = exportFiles();
  if (!existsSync(EXPORT_PATH)) {
    process.stderr.write(`Building ${EXPORT_PATH} (${files.length} activity files)…\n`);
    await buildExport(files);
  }
  // The other parsers are compared on files every decoder can read whole: damaged corpus files crash one of them.
  const fits = files.filter(
    (f) =>
      sniffFormat(f.bytes).format === 'fit' &&
      new Decoder(Stream.fromByteArray(f.bytes)).read().errors.length === 0,
  );
  const fitBytes = fits.reduce((sum, f) => sum + f.bytes.length, 0);
  const allBytes = files.reduce((sum, f) => sum + f.bytes.length, 0);
  process.stderr.write(
    `${files.length} activity files (${(allBytes / MB).toFixed(1)} MB), ${fits.length} of them intact FIT (${(fitBytes / MB).toFixed(1)} MB)\n`,
  );
  process.stderr.write('Keel import…\n');

  const dataDir = mkdtempSync(join(tmpdir(), 'keel-bench-'));
  let keel: {
    seconds: number;
    totals: Record<string, number>;
    inputBytes: number;
    baselineRssBytes: number;
    peakRssBytes: number;
  };
  try {
    const out = execFileSync(
      process.execPath,
      ['--import', 'tsx', join(import.meta.dirname, 'import-child.ts'), EXPORT_PATH, dataDir],
      {
        encoding: 'utf8',
        maxBuffer: 16 * MB,
      },
    );
    keel = JSON.parse(out);
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }

  process.stderr.write(`  ${JSON.stringify(keel)}\n@garmin/fitsdk…\n`);
  const sdk = timeIt(() => {
    for (const f of fits) new Decoder(Stream.fromByteArray(f.bytes)).read();
  });
  process.stderr.write(`  ${sdk.seconds.toFixed(1)} s\nfit-file-parser…\n`);
  const parser = new FitParser({ mode: 'list', force: true });
  const fitFileParser = await timeAsync(async () => {
    for (const f of fits) await parser.parseAsync(Buffer.from(f.bytes));
  });
  process.stderr.write(`  ${fitFileParser.toFixed(1)} s\nsports-lib…\n`);
  let sportsLibFailures = 0;
  const sportsLib = await timeAsync(async () => {
    for (const f of fits) {
      const copy = f.bytes.slice().buffer;
      await SportsLib.importFromFit(copy).catch(() => sportsLibFailures++);
    }
  });

  const over = (peak: number) =>
    `${((peak - keel.baselineRssBytes) / MB).toFixed(0)} MB above the database's ${(keel.baselineRssBytes / MB).toFixed(0)} MB`;
  const lines = [
    `Import benchmark: ${files.length} activity files in one Strava-style export (${(keel.inputBytes / MB).toFixed(1)} MB zipped), ${cpus().length} cores (${availableParallelism()} decode threads), Node ${process.version}`,
    '',
    row(
      'Keel import, end to end (all files)',
      files.length,
      allBytes,
      keel.seconds,
      `peak RSS ${over(keel.peakRssBytes)}`,
    ),
    `${''.padEnd(44)} ${JSON.stringify(keel.totals)}`,
    row('@garmin/fitsdk Decoder.read(), 1 thread (intact FIT)', fits.length, fitBytes, sdk.seconds),
    row('fit-file-parser parseAsync (intact FIT)', fits.length, fitBytes, fitFileParser),
    row(
      '@sports-alliance/sports-lib importFromFit (FIT)',
      fits.length,
      fitBytes,
      sportsLib,
      sportsLibFailures ? `${sportsLibFailures} files failed` : '',
    ),
    '',
    `Keel end to end vs plain SDK decode: ${(files.length / keel.seconds / (fits.length / sdk.seconds)).toFixed(1)}× the files/s (target ≥ 3×)`,
  ];
  process.stdout.write(`${lines.join('\n')}\n`);
}

await main();
