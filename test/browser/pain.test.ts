import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AthleteView, PainPatternView, PainReportView } from '../../src/app/views.js';
import { type DemoApp, getJson, openDemoApp, PHONE, SCREENSHOTS } from '../helpers/browser-server.js';

/**
 * Pain reports, red-flag triage and the same-distance pattern in real Chromium against `keel serve --demo`, whose
 * demo athlete's left knee starts to hurt around 14 km: the patterns page, the pain form on a run (body map,
 * onset slider, severity, a red flag) with its stop outcome and banner, a clinician's clearance, the next
 * morning's pain re-triaging a report, and a training-log upload with a bad row. Screenshots go to
 * test-results/screenshots/.
 */

/** "At 9.3 km" → 9.3 */
function leadingNumber(text: string | null): number {
  return Number.parseFloat(/\d+(?:\.\d+)?/.exec(text ?? '')?.[0] ?? 'NaN');
}

describe('pain, triage and patterns in Chromium', () => {
  let app: DemoApp;
  let page: Page;
  let filesDir: string;
  let url = '';
  let demo: AthleteView;

  beforeAll(async () => {
    filesDir = mkdtempSync(join(tmpdir(), 'keel-pain-files-'));
    app = await openDemoApp('pain');
    ({ page, url, demo } = app);
  });

  afterAll(async () => {
    await app?.close();
    if (filesDir) rmSync(filesDir, { recursive: true, force: true });
  });

  it("shows the demo's left-knee pattern with its threshold and both charts", async () => {
    const patterns = await getJson<PainPatternView[]>(`${url}/api/athletes/${demo.id}/patterns?days=180`);
    const knee = patterns.find((p) => p.region === 'knee' && p.side === 'left');
    expect(knee?.status).toBe('threshold');

    await page.goto(`${url}/#/`);
    await page.getByTestId('nav-patterns').click();
    const card = page.locator('[data-testid="pattern-card"][data-region="knee"][data-side="left"]');
    await card.waitFor();
    expect(await card.getAttribute('data-status')).toBe('threshold');
    expect(await card.getByTestId('pattern-status').textContent()).toBe('Same-distance pattern');
    expect(await card.getByTestId('pattern-headline').textContent()).toBe(knee?.explanation.headline);
    const onsetKm = leadingNumber(await card.locator('.pattern-numbers dd').first().textContent());
    expect(onsetKm).toBeGreaterThan(12);
    expect(onsetKm).toBeLessThan(17);

    for (const chart of ['pattern-survival', 'pattern-onsets']) {
      await card.getByTestId(chart).locator('canvas').first().waitFor();
    }
    // The onset chart really drew the painful runs: count pixels in the pain colour (#c92a2a).
    const painPixels = await card
      .getByTestId('pattern-onsets')
      .locator('canvas')
      .first()
      .evaluate((canvas: HTMLCanvasElement) => {
        const { data } = canvas.getContext('2d')?.getImageData(0, 0, canvas.width, canvas.height) ?? {
          data: [],
        };
        let n = 0;
        for (let i = 0; i < data.length; i += 4) {
          if ((data[i] ?? 0) > 170 && (data[i + 1] ?? 255) < 90 && (data[i + 2] ?? 255) < 90) n++;
        }
        return n;
      });
    expect(painPixels).toBeGreaterThan(100);
    await page.screenshot({ path: join(SCREENSHOTS, 'pain-01-patterns.png'), fullPage: true });

    // In miles, the numbers and the server's own words follow.
    await page.getByTestId('units-mi').check();
    await expect.poll(() => card.locator('.pattern-numbers dd').first().textContent()).toContain('mi');
    await expect.poll(() => card.getByTestId('pattern-headline').textContent()).toMatch(/\d mi\b/);
    await page.getByTestId('units-km').check();
    await expect.poll(() => card.getByTestId('pattern-headline').textContent()).toMatch(/\d km\b/);
  });

  it('reports pain on a run through the form: a red flag stops, the banner shows until a clinician clears it', async () => {
    expect(await getJson<PainReportView[]>(`${url}/api/athletes/${demo.id}/red-flags`)).toEqual([]);
    await page.goto(`${url}/#/`);
    await page.getByTestId('run-row').first().locator('a').click();
    await page.getByTestId('run-page').waitFor();
    const runId = decodeURIComponent(page.url().split('#/runs/')[1] ?? '');
    const runKm = leadingNumber(await page.getByTestId('tile-distance').locator('.tile-value').textContent());
    await page.getByTestId('report-pain').click();
    await page.getByTestId('pain-form').waitFor();

    // Saving nothing marks the four questions that must be answered, and sends nothing.
    await page.getByTestId('pain-submit').click();
    await page.getByTestId('pain-form-error').waitFor();
    expect(await page.locator('.field.is-invalid').count()).toBe(4);

    // Seen from the front, the runner's right ankle is on the viewer's left.
    await page.locator('[data-testid="body-map"] [data-region="ankle"][data-side="right"]').click();
    expect(await page.getByTestId('pain-place').textContent()).toBe('Right ankle');
    expect(await page.getByTestId('field-side').getByRole('radio', { name: 'Right' }).isChecked()).toBe(true);

    // A tap on the slider's track, 60% of the way along the run.
    const slider = page.getByTestId('onset-slider');
    await slider.scrollIntoViewIfNeeded();
    const box = await slider.boundingBox();
    if (!box) throw new Error('the onset slider is not visible');
    await page.mouse.click(box.x + box.width * 0.6, box.y + box.height / 2);
    const onsetKm = leadingNumber(await page.getByTestId('onset-value').textContent());
    expect(onsetKm).toBeGreaterThan(runKm * 0.45);
    expect(onsetKm).toBeLessThan(runKm * 0.75);

    await page.getByTestId('field-severity').getByRole('radio', { name: '4 out of 10' }).check();
    await page.getByTestId('field-character').getByRole('button', { name: 'Ache' }).click();
    await page.getByTestId('redflag-focalBoneTenderness').getByRole('radio', { name: 'Yes' }).check();
    expect(await page.getByTestId('red-flags-none').textContent()).toBe('No to all the others');
    await page.getByTestId('red-flags-none').click();
    expect(await page.getByTestId('red-flags-count').textContent()).toBe('14 of 14 answered');
    expect(await page.locator('.field.is-invalid').count()).toBe(0);
    expect(await page.getByTestId('pain-form-error').count()).toBe(0);
    expect(await page.getByTestId('redflag-focalBoneTenderness').getAttribute('data-answer')).toBe('yes');
    await page.getByTestId('pain-submit').click();

    const outcome = page.getByTestId('triage-outcome');
    await outcome.waitFor();
    expect(await outcome.getAttribute('data-level')).toBe('stop');
    expect(await outcome.locator('h2').textContent()).toBe('Stop running and see a clinician');
    expect(await outcome.locator('[data-rule="bone-stress-focal-tenderness"]').textContent()).toContain(
      'Source: Warden',
    );
    expect(await outcome.getByTestId('triage-disclaimer').textContent()).toContain('does not diagnose');
    const banner = page.getByTestId('red-flag-banner');
    await banner.waitFor();
    expect(await banner.textContent()).toContain('Right ankle');

    const [stored] = await getJson<PainReportView[]>(`${url}/api/runs/${runId}/pain-reports`).then((list) =>
      list.filter((r) => r.region === 'ankle'),
    );
    expect(stored).toMatchObject({
      side: 'right',
      severity: 4,
      character: 'ache',
      onset: { kind: 'distance' },
    });
    expect((stored?.onsetM ?? 0) / 1000).toBeCloseTo(onsetKm, 0);
    expect(stored?.redFlags.focalBoneTenderness).toBe(true);
    expect(stored?.triage.unansweredRedFlags).toEqual([]);

    // The banner follows the runner to the runs list, and only a note from the clinician closes it.
    await page.getByTestId('nav-runs').click();
    await page.getByTestId('runs-page').waitFor();
    await banner.waitFor();
    await banner.getByTestId('clear-red-flag').click();
    await banner.getByTestId('clear-confirm').click();
    expect(await banner.getByRole('alert').textContent()).toContain('Say who cleared you');
    await banner
      .getByTestId('clear-note')
      .fill('Dr Lee, physiotherapist: no bone stress injury, cleared to run');
    await banner.getByTestId('clear-confirm').click();
    await banner.waitFor({ state: 'detached' });
    const cleared = await getJson<PainReportView>(`${url}/api/pain-reports/${stored?.id}`);
    expect(cleared.cleared?.note).toContain('Dr Lee');
  });

  it('re-triages a report when the next-morning pain is added on the pain page', async () => {
    await page.getByTestId('nav-pain').click();
    await page.getByTestId('pain-page').waitFor();
    await page.getByTestId('report-pain').click();
    await page.getByTestId('pain-form').waitFor();
    expect(await page.getByTestId('run-choice').inputValue()).toBe('');

    // The keyboard path: the list of regions, the side radios, and no slider for a day without a run.
    await page.getByTestId('region-shin').click();
    await page.getByTestId('field-side').getByRole('radio', { name: 'Left' }).check();
    await page.getByTestId('onset-during').click();
    await page.getByTestId('field-severity').getByRole('radio', { name: '2 out of 10' }).check();
    await page.getByTestId('red-flags-none').click();
    await page.getByTestId('pain-submit').click();
    const outcome = page.getByTestId('triage-outcome');
    await outcome.waitFor();
    expect(await outcome.getAttribute('data-level')).toBe('monitor');
    const reportId = await page.getByTestId('pain-report').getAttribute('data-report-id');

    await page.getByTestId('nav-pain').click();
    const card = page.locator(`[data-testid="pain-report"][data-report-id="${reportId}"]`);
    await card.waitFor();
    expect(await page.getByTestId('pain-report').first().getAttribute('data-report-id')).toBe(reportId);
    expect(await card.getAttribute('data-level')).toBe('monitor');
    await card.getByTestId('morning-ask').getByRole('button', { name: '5 out of 10' }).click();
    await expect.poll(() => card.getAttribute('data-level')).toBe('modify');
    expect(await card.getByTestId('retriaged').textContent()).toContain('was monitor, now modify');
    expect(await card.getByTestId('next-morning').textContent()).toBe('5/10');
    const stored = await getJson<PainReportView>(`${url}/api/pain-reports/${reportId}`);
    expect(stored.nextMorningSeverity).toBe(5);
    expect(stored.triage.reasons.map((r) => r.rule)).toContain('morning-pain-not-settled');
  });

  it('fits the pain form and the patterns page on a phone', async () => {
    const mobile = await app.newPage(PHONE);
    await mobile.goto(`${url}/#/`);
    await mobile.getByTestId('run-row').nth(1).locator('a').click();
    await mobile.getByTestId('report-pain').tap();
    await mobile.getByTestId('pain-form').waitFor();
    await mobile.locator('[data-testid="body-map"] [data-region="knee"][data-side="left"]').first().tap();
    expect(await mobile.getByTestId('pain-place').textContent()).toBe('Left knee');
    const overflow = await mobile.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    await mobile.screenshot({ path: join(SCREENSHOTS, 'pain-02-phone-form.png') });

    await mobile.getByTestId('nav-patterns').tap();
    await mobile
      .locator('[data-testid="pattern-card"][data-region="knee"][data-side="left"]')
      .getByTestId('pattern-onsets')
      .locator('canvas')
      .first()
      .waitFor();
    const patternsOverflow = await mobile.evaluate(
      () => document.documentElement.scrollWidth - window.innerWidth,
    );
    expect(patternsOverflow).toBeLessThanOrEqual(0);
    await mobile.screenshot({ path: join(SCREENSHOTS, 'pain-03-phone-patterns.png'), fullPage: true });
    await mobile.context().close();
  });

  it("imports a training log, lists each row with the bad one's line and reason, and shows logged runs", async () => {
    const file = join(filesDir, 'training-log.csv');
    writeFileSync(
      file,
      [
        'date,distance_km,duration,pain_region,pain_side,pain_onset_km,pain_severity',
        '2026-03-02,8.0,0:46:00,,,,',
        '2026-03-04,12.5,1:12:00,knee,left,11.0,4',
        '2026-03-06,12.0,1:09:00,knee,left,15.0,4',
      ].join('\n'),
    );
    const seriesRequests: string[] = [];
    page.on('request', (request) => {
      if (request.url().includes('/series')) seriesRequests.push(request.url());
    });
    await page.getByTestId('nav-runs').click();
    await page.getByTestId('file-input').setInputFiles(file);

    const log = page.locator('[data-testid="training-log"][data-file="training-log.csv"]');
    await log.waitFor({ timeout: 30_000 });
    const rows = log.getByTestId('log-row');
    expect(await rows.count()).toBe(3);
    expect(await rows.evaluateAll((els) => els.map((e) => e.getAttribute('data-status')))).toEqual([
      'imported',
      'imported',
      'rejected',
    ]);
    const bad = log.locator('[data-testid="log-row"][data-line="4"]');
    expect(await bad.textContent()).toContain('Line 4');
    expect(await bad.getByTestId('log-row-message').textContent()).toContain('pain_onset_km 15');
    await page.screenshot({ path: join(SCREENSHOTS, 'pain-04-training-log.png'), fullPage: true });

    // The upload went to the runner's own athlete, whose runs are now the two logged ones.
    const logged = page.getByTestId('logged-badge');
    await expect.poll(() => logged.count()).toBe(2);
    await page.getByTestId('run-row').first().locator('a').click();
    await page.getByTestId('logged-note').waitFor();
    expect(await page.getByTestId('run-title').textContent()).not.toMatch(/\d\d:\d\d/);
    expect(seriesRequests).toEqual([]);
    expect(await page.getByTestId('notice-error').count()).toBe(0);
  });

  it('raised no errors in the page', () => {
    expect(app.pageErrors).toEqual([]);
  });
});
