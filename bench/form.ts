/**
 * Speed of `analyzeForm` on a 3-hour run recorded at 1 Hz (issue 5: under 50 ms). Run with
 * `npx tsx bench/form.ts [repetitions, default 30]`; prints the median against the target.
 */
import { analyzeForm } from '../src/analysis/form/index.js';
import { DEFAULT_RUNNER } from '../src/demo/runner-model.js';
import { generateRun } from '../src/demo/synthetic-run.js';

const TARGET_MS = 50;
const repetitions = Number(process.argv[2] ?? 30);
const { samples } = generateRun({
  seed: 1,
  distanceM: 30_000,
  speedMps: 2.78,
  course: null,
  runner: { ...DEFAULT_RUNNER, stabilizerEnduranceM: 18_000 },
});
const channelSources = { cadence: 'fit:record.cadence', stanceTime: 'fit:record.stance_time' };
const hours = ((samples.time.at(-1) ?? 0) / 3600).toFixed(2);

const times: number[] = [];
let breakdownM: number | null = null;
for (let i = 0; i < repetitions + 3; i++) {
  const started = performance.now();
  breakdownM = analyzeForm({ streams: samples, channelSources }).breakdownM;
  if (i >= 3) times.push(performance.now() - started);
}
times.sort((a, b) => a - b);
const median = times[times.length >> 1] ?? Number.NaN;
console.log('| run | samples | median | target | met |');
console.log('|---|---:|---:|---:|---|');
console.log(
  `| ${hours} h at 1 Hz, all channels | ${samples.time.length} | ${median.toFixed(1)} ms | ${TARGET_MS} ms | ` +
    `${median < TARGET_MS ? 'yes' : 'no'} |`,
);
console.log(
  `\n${repetitions} runs after 3 warm-up runs; breakdown found at ${breakdownM} m (drift from 18000 m).`,
);
