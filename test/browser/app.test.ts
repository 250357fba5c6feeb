import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeStravaExport } from '../helpers/archives.js';
import { type BrowserApp, openApp, PHONE, SCREENSHOTS, waitUntilReady } from '../helpers/browser-server.js';
import { makeRunFit } from '../helpers/fit-files.js';
import { REPO_ROOT } from '../helpers/keel-cli.js';

/**
 * The web app in real Chromium against the real `keel serve` on a random loopback port and a fresh data
 * folder: preparing → runs → upload (file picker and drag-and-drop) → run page with charts → km/mi.
 * Screenshots go to test-results/screenshots/.
 */

const FIT_DISTANCE_M = 10_000;
/** The golden version-1 export (one athlete, two runs), as "Download all my data" writes it. */
const GOLDEN_EXPORT = join(REPO_ROOT, 'test', 'fixtures', 'keel-export-v1.ndjson.gz');
const GOLDEN_ATHLETE_ID = '4d1d9b0b-4e7f-41f1-b90c-18b26ce8358c';

/** "10.00 km" → 10 */
function leadingNumber(text: string): number {
  return Number.parseFloat(/[\d.]+/.exec(text)?.[0] ?? 'NaN');
}

describe('the web app in Chromium', () => {
  let app: BrowserApp;
  let page: Page;
  let url = '';
  let filesDir: string;
  let runId = '';

  beforeAll(async () => {
    filesDir = mkdtempSync(join(tmpdir(), 'keel-browser-files-'));
    app = await openApp('browser', { viewport: { width: 1280, height: 860 }, colorScheme: 'light' });
    ({ page, url } = app);
  });

  afterAll(async () => {
    await app?.close();
    if (filesDir) rmSync(filesDir, { recursive: true, force: true });
  });

  it('shows a preparing state, then the runs list once the data is ready', async () => {
    await page.goto(url);
    const preparing = page.getByTestId('preparing');
    if (await preparing.isVisible()) {
      expect(await preparing.textContent()).toContain('Preparing your data');
      await page.screenshot({ path: join(SCREENSHOTS, '01-preparing.png') });
    }
    await waitUntilReady(url, 90_000);
    await page.getByTestId('runs-page').waitFor();
    await page.getByTestId('unit-toggle').waitFor();
    await page.screenshot({ path: join(SCREENSHOTS, '02-runs.png'), fullPage: true });
  });

  it('imports a FIT file chosen with the file picker and lists it', async () => {
    const file = join(filesDir, 'tempo-10k.fit');
    writeFileSync(
      file,
      makeRunFit({
        distanceM: FIT_DISTANCE_M,
        durationS: 3000,
        start: new Date('2026-06-01T06:30:00Z'),
        utcOffsetMin: 120,
        withDynamics: true,
        withPower: true,
        hilly: true,
        pauses: [{ atM: 4_000, durationS: 90 }],
      }),
    );
    await page.getByTestId('file-input').setInputFiles(file);

    const result = page.getByTestId('import-result').filter({ hasText: 'tempo-10k.fit' });
    await expect.poll(() => result.getAttribute('data-status'), { timeout: 30_000 }).toBe('imported');
    expect(await result.getByTestId('import-status').textContent()).toBe('Imported');

    const link = result.getByTestId('import-run-link').first();
    runId = decodeURIComponent(((await link.getAttribute('href')) ?? '').replace('#/runs/', ''));
    expect(runId).toMatch(/^[0-9a-f-]{36}$/);
    await page.locator(`[data-testid="run-row"][data-run-id="${runId}"]`).waitFor();
    await page.screenshot({ path: join(SCREENSHOTS, '03-imported.png'), fullPage: true });
  });

  it('rejects a dropped file that is not FIT, with its reason', async () => {
    const dataTransfer = await page.evaluateHandle(() => {
      const dt = new DataTransfer();
      dt.items.add(new File(['my training notes, not a run'], 'notes.txt', { type: 'text/plain' }));
      return dt;
    });
    await page.getByTestId('dropzone').dispatchEvent('dragenter', { dataTransfer });
    await page.getByTestId('dropzone').dispatchEvent('drop', { dataTransfer });

    const result = page.getByTestId('import-result').filter({ hasText: 'notes.txt' });
    await expect.poll(() => result.getAttribute('data-status'), { timeout: 30_000 }).toBe('rejected');
    const reason = (await result.getByTestId('import-message').textContent()) ?? '';
    expect(reason.trim().length).toBeGreaterThan(5);
    await page.screenshot({ path: join(SCREENSHOTS, '04-rejected.png'), fullPage: true });
  });

  it('imports a whole Strava export, with its names, and says what it skipped', async () => {
    const { zip, activities } = await makeStravaExport(3, { extraTypes: ['Ride'] });
    const file = join(filesDir, 'export_4711.zip');
    writeFileSync(file, zip);
    await page.getByTestId('file-input').setInputFiles(file);

    const results = page.getByTestId('import-result');
    const imported = results
      .filter({ hasText: 'export_4711.zip' })
      .and(page.locator('[data-status="imported"]'));
    await expect.poll(() => imported.count(), { timeout: 30_000 }).toBe(4);
    const ride = results.filter({ hasText: 'Strava says "Ride"' });
    expect(await ride.getAttribute('data-status')).toBe('skipped');
    const firstRun = activities.find((a) => a.type === 'Run');
    await page
      .getByTestId('run-name')
      .filter({ hasText: firstRun?.name ?? '?' })
      .first()
      .waitFor();
    await page.screenshot({ path: join(SCREENSHOTS, '04b-strava-export.png'), fullPage: true });
  });

  it('opens the run page with its distance and charts', async () => {
    await page.locator(`[data-testid="run-row"][data-run-id="${runId}"] a`).click();
    await page.getByTestId('run-page').waitFor();
    const distance = page.getByTestId('tile-distance');
    await expect.poll(() => distance.textContent()).toContain('km');
    expect(leadingNumber((await distance.locator('.tile-value').textContent()) ?? '')).toBeCloseTo(
      FIT_DISTANCE_M / 1000,
      0,
    );
    expect(await page.getByTestId('run-title').textContent()).toContain('08:30'); // 06:30 UTC at UTC+2
    expect(await page.getByTestId('tile-dynamics').textContent()).toContain('stance time');
    for (const chart of ['pace', 'heartRate', 'cadence', 'stanceTime', 'verticalOscillation', 'power']) {
      await page.getByTestId(`chart-${chart}`).locator('canvas').first().waitFor();
    }
    await expect
      .poll(() => page.getByTestId('chart-pace').locator('.chart-unit').textContent())
      .toBe('(min/km)');
    // Point at the pace chart: the screenshot shows the linked cursor and live values on every chart.
    const plot = await page.getByTestId('chart-pace').locator('.u-over').boundingBox();
    if (plot) await page.mouse.move(plot.x + plot.width * 0.6, plot.y + plot.height / 2);
    await page.screenshot({ path: join(SCREENSHOTS, '05-run-km.png'), fullPage: true });
  });

  it('switches to miles everywhere and remembers it', async () => {
    await page.getByTestId('units-mi').check();
    const distance = page.getByTestId('tile-distance');
    await expect.poll(() => distance.textContent()).toContain('mi');
    expect(leadingNumber((await distance.locator('.tile-value').textContent()) ?? '')).toBeCloseTo(
      FIT_DISTANCE_M / 1609.344,
      1,
    );
    await expect
      .poll(() => page.getByTestId('chart-pace').locator('.chart-unit').textContent())
      .toBe('(min/mi)');
    await expect.poll(() => page.getByTestId('tile-pace').textContent()).toContain('/mi');
    await page.screenshot({ path: join(SCREENSHOTS, '06-run-mi.png'), fullPage: true });

    // Saved on the server: a reload shows miles too, on the runs list as well.
    await expect
      .poll(async () => {
        const athletes = (await (await fetch(`${url}/api/athletes`)).json()) as { units: string }[];
        return athletes[0]?.units;
      })
      .toBe('imperial');
    await page.goto(`${url}/#/`);
    await expect
      .poll(() => page.locator(`[data-testid="run-row"][data-run-id="${runId}"] .run-distance`).textContent())
      .toContain('mi');
    await page.getByTestId('units-km').check();
    await expect
      .poll(() => page.locator(`[data-testid="run-row"][data-run-id="${runId}"] .run-distance`).textContent())
      .toContain('km');
  });

  it('fits a phone screen', async () => {
    const mobile = await app.newPage(PHONE);
    await mobile.goto(`${url}/#/`);
    await mobile.getByTestId('runs-page').waitFor();
    const overflow = await mobile.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    await mobile.screenshot({ path: join(SCREENSHOTS, '07-phone-runs.png') });
    await mobile.goto(`${url}/#/runs/${runId}`);
    await mobile.getByTestId('chart-pace').locator('canvas').first().waitFor();
    const runOverflow = await mobile.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(runOverflow).toBeLessThanOrEqual(0);
    await mobile.screenshot({ path: join(SCREENSHOTS, '08-phone-run.png'), fullPage: true });
    await mobile.context().close();
  });

  it('takes a Keel export back in, on its own, and follows it to its athlete', async () => {
    await page.goto(`${url}/#/`);
    await page.getByTestId('file-input').setInputFiles(GOLDEN_EXPORT);
    const result = page.getByTestId('import-result').filter({ hasText: 'keel-export-v1.ndjson.gz' });
    await expect.poll(() => result.getAttribute('data-status'), { timeout: 30_000 }).toBe('imported');
    expect(await result.getByTestId('import-message').textContent()).toBe(
      'Keel export of 2026-12-04: Golden Runner imported: ' +
        '2 runs, 1 pain report, 1 benchmark result, 1 program session, 1 goal',
    );
    await expect.poll(() => page.getByTestId('athlete-switcher').inputValue()).toBe(GOLDEN_ATHLETE_ID);
    await expect.poll(() => page.getByTestId('run-row').count()).toBe(2);
    await page.screenshot({ path: join(SCREENSHOTS, '09-keel-export.png'), fullPage: true });
  });

  it('raised no errors in the page', () => {
    expect(app.pageErrors).toEqual([]);
  });
});
