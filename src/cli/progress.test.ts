import { describe, expect, it } from 'vitest';
import type { FileImportResult } from '../app/index.js';
import { countText, progressText, reasonsSummary, StderrProgress } from './progress.js';

const progress = { files: 412, imported: 400, duplicates: 0, skipped: 12, rejected: 0, bytes: 0 };
const MB = 1024 * 1024;

describe('progressText', () => {
  it('shows files, MB and the time left from the share of input read so far', () => {
    const text = progressText(
      { progress, input: { totalBytes: 100 * MB, doneBytes: 25 * MB }, elapsedMs: 60_000 },
      true,
    );
    expect(text).toBe('▕██████░░░░░░░░░░░░░░░░░░▏ 412 files · 25.0 of 100.0 MB · 3:00 left');
  });

  it('gives no estimate too early or once done, and no bar off a terminal', () => {
    const early = progressText(
      { progress, input: { totalBytes: 100 * MB, doneBytes: MB }, elapsedMs: 900 },
      false,
    );
    expect(early).toBe('412 files · 1.0 of 100.0 MB');
    const done = progressText({ progress, input: { totalBytes: MB, doneBytes: MB }, elapsedMs: 900 }, false);
    expect(done).not.toContain('left');
  });
});

describe('reasonsSummary', () => {
  const file = (status: FileImportResult['status'], message: string): FileImportResult => ({
    fileName: 'f',
    status,
    message,
    runs: [],
    skippedSessions: [],
  });

  it('counts each reason, commonest first, and leaves the long tail to the lines above', () => {
    const files = [
      file('skipped', 'no running session: cycling session skipped'),
      file('skipped', 'Strava says "Ride": not a run'),
      file('skipped', 'Strava says "Ride": not a run'),
      file('rejected', 'not a FIT file'),
      ...Array.from({ length: 7 }, (_, i) => file('skipped', `odd reason ${i}`)),
    ];
    expect(reasonsSummary(files, 'rejected')).toBe('not a FIT file');
    expect(reasonsSummary(files, 'skipped')).toBe(
      'Strava says "Ride": not a run ×2; cycling session skipped; odd reason 0; odd reason 1; odd reason 2; ' +
        'odd reason 3; 3 more, listed above',
    );
  });
});

describe('StderrProgress', () => {
  const stream = (isTTY: boolean) => {
    const written: string[] = [];
    return {
      written,
      err: { isTTY, write: (s: string) => written.push(s) } as unknown as NodeJS.WriteStream,
    };
  };

  it('writes a progress: line each tenth of the way off a terminal, and nothing to clear', () => {
    const { written, err } = stream(false);
    const line = new StderrProgress(err, () => 0);
    for (let done = 0; done <= 40; done++)
      line.show(done / 40, (bar) => countText('Exporting', done, 40, bar));
    expect(written).toHaveLength(10);
    expect(written[0]).toBe('progress: Exporting 4/40\n');
    expect(written[9]).toBe('progress: Exporting 40/40\n');
    line.clear();
    expect(written).toHaveLength(10);
  });

  it('redraws one line in place on a terminal, no more often than every 200 ms, and clears it', () => {
    const { written, err } = stream(true);
    let now = 0;
    const line = new StderrProgress(err, () => now);
    line.show(0.5, (bar) => countText('Importing', 5, 10, bar));
    line.show(0.6, (bar) => countText('Importing', 6, 10, bar));
    now = 250;
    line.show(0.7, (bar) => countText('Importing', 7, 10, bar));
    expect(written).toEqual([
      `\r\x1b[2K▕████████████░░░░░░░░░░░░▏ Importing 5/10`,
      `\r\x1b[2K▕█████████████████░░░░░░░▏ Importing 7/10`,
    ]);
    line.clear();
    expect(written.at(-1)).toBe('\r\x1b[2K');
  });
});
