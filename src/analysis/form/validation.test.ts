import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { corpusDir, corpusFilesOf } from '../../../test/helpers/corpus.js';
import {
  corpusCases,
  summarise,
  syntheticCases,
  type ValidationCase,
} from '../../../test/helpers/form-validation.js';

/**
 * Detection against known truth (docs/form-breakdown.md has the full table from bench/form-validation.ts). Kept
 * under a minute (~35 s on a shared machine): clear drift only on the real runs, 40 synthetic runs per set, seeds
 * apart from the benchmark's.
 * The thresholds assert the targets where they are met (false alarms ≤ 10% on unchanged real and
 * synthetic runs) and, where they are not, what was measured, a little below it, so a regression shows: clear
 * drift on real runs is found within ±1 km in 79% (22 of 28), short of the 90% target; the document says why.
 */
let corpus: ValidationCase[] = [];
beforeAll(() => {
  const dir = corpusDir();
  if (dir === undefined) return;
  corpus = corpusFilesOf('fit').flatMap((name) =>
    corpusCases(name, new Uint8Array(readFileSync(join(dir, name))), ['clear']),
  );
}, 60_000);

describe('form breakdown validation', () => {
  it('gives every real run with running dynamics an answer or a reason', () => {
    for (const c of corpus) {
      expect(c.analysis.evidence === 'insufficient' ? c.analysis.notes.length : 1, c.name).toBeGreaterThan(0);
    }
  });

  it('raises a false alarm on at most 10% of unchanged real runs', () => {
    const unchanged = corpus.filter((c) => c.set === 'corpus-unchanged');
    if (unchanged.length === 0) return;
    expect(unchanged.length).toBeGreaterThanOrEqual(10);
    expect(summarise('unchanged', unchanged).falseAlarms).toBeLessThanOrEqual(0.1);
  });

  it('places clearly injected drift within ±1 km on most real runs that show none of their own', () => {
    if (corpus.length === 0) return;
    const own = new Set(
      corpus.filter((c) => c.set === 'corpus-unchanged' && c.analysis.breakdownM !== null).map((c) => c.name),
    );
    const clean = corpus.filter((c) => c.set === 'corpus-injected' && !own.has(c.name));
    expect(clean.length).toBeGreaterThanOrEqual(24);
    // Target 0.9, not met: 22 of 28 (0.79). Kept just below the measured figure.
    expect(summarise('clear', clean).within).toBeGreaterThanOrEqual(0.75);
  });

  it('raises no false alarm on synthetic steady runs, and finds the model’s drift within ±1 km in 80%', () => {
    const steady = summarise('steady', syntheticCases(40, 1, false));
    expect(steady.falseAlarms).toBeLessThanOrEqual(0.1);
    const drift = summarise('drift', syntheticCases(40, 1000, true));
    expect(drift.within).toBeGreaterThanOrEqual(0.8);
  });
});
