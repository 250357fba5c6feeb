/**
 * Form-breakdown detection against known truth: one markdown table for docs/form-breakdown.md. Run with
 * `npx tsx bench/form-validation.ts [synthetic runs per set, default 200]`. Real runs from KEEL_CORPUS are
 * re-encoded with the FIT SDK unchanged and with drift injected at 35% and 60% of the run, at three rates;
 * synthetic runs come from the demo's runner model with seeds apart from the validation test's.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { generateDemoHistory } from '../src/demo/history.js';
import { corpusDir, corpusFilesOf } from '../test/helpers/corpus.js';
import {
  type CaseSummary,
  corpusCases,
  DRIFT_RATES,
  type DriftRate,
  demoCases,
  markdownTable,
  summarise,
  syntheticCases,
  type ValidationCase,
} from '../test/helpers/form-validation.js';

const synthetic = Number(process.argv[2] ?? 200);
const FIRST_SEED = 100_000;
const started = performance.now();
const rates = Object.keys(DRIFT_RATES) as DriftRate[];

const dir = corpusDir();
const corpus: ValidationCase[] = dir
  ? corpusFilesOf('fit').flatMap((name) =>
      corpusCases(name, new Uint8Array(readFileSync(join(dir, name))), rates),
    )
  : [];
const unchanged = corpus.filter((c) => c.set === 'corpus-unchanged');
/** Runs whose unchanged version already shows a breakdown of its own: injected drift there measures nothing. */
const ownDrift = new Set(unchanged.filter((c) => c.analysis.breakdownM !== null).map((c) => c.name));
const injected = corpus.filter((c) => c.set === 'corpus-injected');
const clean = injected.filter((c) => !ownDrift.has(c.name));

const demo = demoCases(generateDemoHistory({ seed: 2026, endDate: new Date('2026-06-01T00:00:00Z') }));
const rows: CaseSummary[] = [
  summarise('real runs, unchanged (may hold real fatigue)', unchanged),
  ...rates.map((rate) =>
    summarise(
      `real runs, ${rate} drift injected`,
      clean.filter((c) => c.rate === rate),
    ),
  ),
  summarise(
    'real runs, clear drift, incl. runs with their own earlier breakdown',
    injected.filter((c) => c.rate === 'clear'),
  ),
  summarise('synthetic steady runs', syntheticCases(synthetic, FIRST_SEED, false)),
  summarise(
    'synthetic runs with drift (demo model)',
    syntheticCases(synthetic, FIRST_SEED + synthetic, true),
  ),
  summarise(
    'demo athlete, runs past her drift distance',
    demo.filter((c) => c.set === 'demo-drift'),
  ),
  summarise(
    'demo athlete, shorter runs',
    demo.filter((c) => c.set === 'demo-steady'),
  ),
];
console.log(markdownTable(rows));

console.log('\nPer real run (unchanged; then the clear-drift breakdowns at 35% / 60% of the run):\n');
console.log('| run | evidence | breakdown | clear drift injected → found |');
console.log('|---|---|---:|---|');
const km = (m: number | null) => (m === null ? '—' : `${(m / 1000).toFixed(1)} km`);
for (const c of unchanged) {
  const found = injected
    .filter((i) => i.name === c.name && i.rate === 'clear')
    .map((i) => `${km(i.truthM)} → ${km(i.analysis.breakdownM)}`)
    .join(', ');
  console.log(`| ${c.name} | ${c.analysis.evidence} | ${km(c.analysis.breakdownM)} | ${found} |`);
}

console.log('\nDemo athlete, runs past her drift distance:\n');
console.log('| run | drift from | breakdown found | pain onset |');
console.log('|---|---:|---:|---:|');
for (const c of demo.filter((d) => d.set === 'demo-drift'))
  console.log(`| ${c.name} | ${km(c.truthM)} | ${km(c.analysis.breakdownM)} | ${km(c.painOnsetM)} |`);

console.log(
  `\n${synthetic} synthetic runs per set (seeds from ${FIRST_SEED}); ${unchanged.length} real runs with dynamics, ` +
    `${ownDrift.size} with a breakdown of their own; ${((performance.now() - started) / 1000).toFixed(1)} s.`,
);
