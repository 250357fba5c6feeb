import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pdfPageCount } from '../../src/app/report/pdf.js';
import { KEEL_VERSION } from '../../src/app/version.js';
import { CHROMIUM } from '../helpers/browser-server.js';
import { createTestDatabase, type TestDatabase } from '../helpers/engines.js';
import { writeWeeklyRuns } from '../helpers/fit-files.js';
import { runKeel } from '../helpers/keel-cli.js';

const DAY_MS = 86_400_000;
const NOTE = '<script>alert("note")</script> & <b>bold</b>';

describe('keel report', () => {
  let db: TestDatabase;
  let work: string;
  const keel = (args: string[], env: Record<string, string> = {}) => runKeel(args, { ...db.env, ...env });

  beforeAll(async () => {
    db = await createTestDatabase('embedded');
    work = mkdtempSync(join(tmpdir(), 'keel-report-'));
    const files = writeWeeklyRuns(work, 8_000);
    expect((await keel(['import', ...files])).code).toBe(0);
    const painDay = new Date(Date.now() - 3 * DAY_MS).toISOString().slice(0, 10);
    const pain = await keel([
      'pain',
      'add',
      '--date',
      painDay,
      '--region',
      'knee',
      '--side',
      'left',
      '--onset',
      '9km',
      '--severity',
      '3',
      '--no-red-flags',
      '--note',
      NOTE,
    ]);
    expect(pain.code, pain.stderr).toBe(0);
  });
  afterAll(async () => {
    await db?.drop();
    rmSync(work, { recursive: true, force: true });
  });

  it('writes one self-contained HTML file, showing its progress on stderr', async () => {
    const file = join(work, 'report.html');
    const result = await keel(['report', '--out', file]);
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toMatch(/^Wrote .*report\.html \(\d+ KB\)\.\n$/);
    expect(result.stderr).toMatch(/Gathering Me's report: 180 days up to \d{4}-\d{2}-\d{2}/);
    expect(result.stderr).toMatch(/Rendering the HTML/);
    const html = readFileSync(file, 'utf8');
    expect(html).toMatch(/^<!doctype html>/);
    expect(html).not.toMatch(/<script|<link|<img/);
    for (const id of ['red-flags', 'patterns', 'form', 'benchmarks', 'program', 'plan']) {
      expect(html).toContain(`id="${id}"`);
    }
    expect(html).toContain(`Keel ${KEEL_VERSION}`);
    expect(html).toContain('(180 days)');
    // The runner's note is text, never markup.
    expect(html).toContain(
      '&lt;script&gt;alert(&quot;note&quot;)&lt;/script&gt; &amp; &lt;b&gt;bold&lt;/b&gt;',
    );
    expect(html).toMatch(/Left knee<\/td><td class="num">3\/10<\/td><td class="num">9\.0 km/);
    expect(html).toContain('None yet: no endurance tests recorded.');
    expect(html).toContain('None yet: no goal race set.');
    expect(html).toContain('it does not diagnose');

    // Without --out, the HTML goes to stdout (for a pipe) and the progress still to stderr.
    const piped = await keel(['report', '--days', '30']);
    expect(piped.code, piped.stderr).toBe(0);
    expect(piped.stdout).toMatch(/^<!doctype html>/);
    expect(piped.stdout).toContain('(30 days)');
    expect(piped.stderr).toMatch(/30 days up to/);
  });

  it('prints the PDF with Chromium, and says what to do without it', async () => {
    const file = join(work, 'report.pdf');
    const result = await keel(['report', '--out', file]);
    expect(result.code, result.stderr).toBe(0);
    expect(result.stderr).toMatch(new RegExp(`Printing the PDF \\(A4\\) with ${CHROMIUM}`));
    const pdf = readFileSync(file);
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    const pages = pdfPageCount(pdf);
    expect(pages).toBeGreaterThanOrEqual(1);
    expect(pages).toBeLessThanOrEqual(3);
    expect(result.stdout).toBe(
      `Wrote ${file} (${pages} page${pages === 1 ? '' : 's'}, ${Math.round(pdf.length / 1024)} KB).\n`,
    );

    const missing = await keel(['report', '--out', join(work, 'none.pdf')], {
      KEEL_CHROMIUM: join(work, 'no-chromium'),
    });
    expect(missing.code).toBe(1);
    expect(missing.stderr).toMatch(/making a PDF needs Chromium, and there is none at .*no-chromium/);
    expect(missing.stderr).toMatch(/apt-get install chromium/);
    expect(missing.stderr).toMatch(/--out report\.html/);
  });

  it.each([
    [['report', '--out', 'report.txt'], /--out report\.txt: the report is written as \.html or \.pdf/],
    [['report', '--days', '3'], /a whole number of days from 7 to 3650/],
  ])('refuses %j with exit 2', async (args, message) => {
    const result = await keel(args);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(message);
  });
});
