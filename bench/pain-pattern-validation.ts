/**
 * The same-distance detector against generated histories with a known truth: one markdown table row per
 * scenario (and all together), for docs/pain-pattern.md. Run with `npx tsx bench/pain-pattern-validation.ts
 * [histories per scenario, default 200]`. Unlike the validation test it computes the onset intervals too (1000
 * bootstrap resamples each), so it also reports how often the 90% interval holds the true threshold.
 */
import { SCENARIOS } from '../src/analysis/pain-pattern/simulate.js';
import {
  markdownTable,
  runScenario,
  type SeriesOutcome,
  summarise,
} from '../src/analysis/pain-pattern/validation.js';

const histories = Number(process.argv[2] ?? 200);
/** Seeds apart from the validation test's (1–…), so the table is a second, independent sample. */
const FIRST_SEED = 100_000;
const INTERVAL_RESAMPLES = 1000;

const started = performance.now();
const all: SeriesOutcome[] = [];
const summaries = SCENARIOS.map((scenario) => {
  const outcomes = runScenario(scenario, histories, FIRST_SEED, INTERVAL_RESAMPLES);
  all.push(...outcomes);
  return summarise(scenario, outcomes);
});
summaries.push(summarise('all', all));
console.log(markdownTable(summaries));
console.log(
  `\n${histories} histories per scenario (seeds ${FIRST_SEED}–${FIRST_SEED + histories - 1}), ` +
    `${all.length} series, ${((performance.now() - started) / 1000).toFixed(1)} s.`,
);
