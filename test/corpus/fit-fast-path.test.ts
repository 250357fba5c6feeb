import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { corpusDir, corpusFiles, corpusPath } from '../helpers/corpus.js';
import { expectSameAsSdk } from '../helpers/fit-differential.js';

/**
 * The record fast path against the SDK on every corpus file: the same values field by field, and the same
 * activities. Known files that the fast path must decline are pinned with their reason; every other FIT
 * file must take the fast path, so that this test cannot pass by always falling back.
 */
const FALLS_BACK: Record<string, string> = {
  'corrupt-empty-activities-crc-error.fit': 'more bytes follow the data its header declares',
  'garmin-fr255-triathlon-summary-no-records.fit':
    'record field totalCycles follows a field that accumulates into it, which the SDK fails on',
  'garmin-fr70-run-62min-compressed-timestamps.fit': 'compressed-timestamp headers',
  'garmin-fr945-pool-swim-47min.fit': 'more bytes follow the data its header declares (chained FIT files?)',
  'strava-android-app-run-59min-crc-error-devfields.fit': 'the file is shorter than its header says',
};

const dir = corpusDir();

describe.skipIf(dir === undefined)(
  dir === undefined
    ? `FIT fast path: KEEL_CORPUS not found at ${corpusPath()}, skipped`
    : `FIT fast path against the SDK in ${dir}`,
  () => {
    for (const name of corpusFiles()) {
      it(name, () => {
        const decoded = expectSameAsSdk(new Uint8Array(readFileSync(join(dir ?? '', name))), name);
        if (typeof decoded === 'string') return;
        const fallback = FALLS_BACK[name];
        if (fallback === undefined) {
          expect(decoded).toMatchObject({ recordPath: 'fast', fallback: null });
        } else {
          expect(decoded.recordPath).toBe('sdk');
          expect(decoded.fallback).toContain(fallback);
        }
      });
    }

    it('takes the fast path on most FIT files', () => {
      const fit = corpusFiles().filter((name) => name.endsWith('.fit'));
      expect(fit.filter((name) => FALLS_BACK[name] === undefined).length).toBeGreaterThan(fit.length / 2);
    });
  },
);
