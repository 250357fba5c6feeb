import { join } from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AthleteView, FormSummaryView, RunFormView } from '../../src/app/views.js';
import { type DemoApp, getJson, openDemoApp, PHONE, SCREENSHOTS } from '../helpers/browser-server.js';

/**
 * Form breakdown (issue 5) in real Chromium against `keel serve --demo`, whose demo athlete's long runs carry
 * running dynamics that drift 1–2 km before her knee pain: the Form page's "holds to" and its run-by-run chart,
 * a long run's Form section with its breakdown marker and one chart per metric, miles, and both on a phone.
 * Screenshots go to test-results/screenshots/.
 */

/** "Form holds to 12.7 km" → 12.7 */
function leadingNumber(text: string | null): number {
  return Number.parseFloat(/\d+(?:\.\d+)?/.exec(text ?? '')?.[0] ?? 'NaN');
}

/** Pixels of the breakdown colour (#e8590c) a chart's canvas holds: proof the marker or dots were drawn. */
function breakdownPixels(chart: Locator): Promise<number> {
  return chart
    .locator('canvas')
    .first()
    .evaluate((canvas: HTMLCanvasElement) => {
      const { data } = canvas.getContext('2d')?.getImageData(0, 0, canvas.width, canvas.height) ?? {
        data: [],
      };
      let n = 0;
      for (let i = 0; i < data.length; i += 4) {
        const [r, g, b] = [data[i] ?? 0, data[i + 1] ?? 0, data[i + 2] ?? 0];
        if (r > 200 && g > 60 && g < 120 && b < 60) n++;
      }
      return n;
    });
}

describe('form breakdown in Chromium', () => {
  let app: DemoApp;
  let page: Page;
  let url = '';
  let demo: AthleteView;
  let summary: FormSummaryView;
  /** A long demo run whose form drifted before the knee pain began. */
  let longRun: FormSummaryView['painLead'][number];

  beforeAll(async () => {
    app = await openDemoApp('form');
    ({ page, url, demo } = app);
    summary = await getJson<FormSummaryView>(`${url}/api/athletes/${demo.id}/form?days=180`);
    const lead = [...summary.painLead].sort((a, b) => b.painOnsetM - a.painOnsetM)[0];
    if (!lead) throw new Error('the demo athlete has no run with both a form breakdown and a pain onset');
    longRun = lead;
  });

  afterAll(() => app?.close());

  it('shows how far form holds, the pain lead and the run-by-run chart on the Form page', async () => {
    expect(summary.holdsToM.median).not.toBeNull();
    await page.goto(`${url}/#/`);
    await page.getByTestId('nav-form').click();
    await page.getByTestId('form-page').waitFor();
    const holds = page.getByTestId('form-holds-to');
    await holds.waitFor();
    expect(await holds.textContent()).toMatch(/^Form holds to \d+\.\d km$/);
    expect(leadingNumber(await holds.textContent())).toBeCloseTo((summary.holdsToM.median ?? 0) / 1000, 1);
    expect(await page.getByTestId('form-holds-median').textContent()).toMatch(
      /middle half of runs: [\d.]+ km–[\d.]+ km/,
    );
    expect(await page.getByTestId('form-analysed').textContent()).toBe(`${summary.analysed} runs`);
    expect(await page.getByTestId('form-breakdowns').textContent()).toBe(
      `${summary.breakdowns} of ${summary.analysed} runs`,
    );
    // Her form drifts 1–2 km before the knee pain.
    const lead = await page.getByTestId('form-pain-lead').textContent();
    expect(lead).toMatch(
      /^On runs with pain, your form began to drift a median of [\d.]+ km before the pain/,
    );
    const leadKm = leadingNumber(lead?.replace(/^\D+/, '') ?? '');
    expect(leadKm).toBeGreaterThanOrEqual(0.8);
    expect(leadKm).toBeLessThanOrEqual(2.5);
    if (summary.trend) expect(await page.getByTestId('form-trend').textContent()).toMatch(/a week/);

    const chart = page.getByTestId('form-runs-chart');
    await chart.locator('canvas').first().waitFor();
    expect(await breakdownPixels(chart)).toBeGreaterThan(100);
    await page.screenshot({ path: join(SCREENSHOTS, 'form-01-form-page.png'), fullPage: true });
  });

  it("shows a long run's Form section: what it rests on, the breakdown marker, one chart per metric", async () => {
    const view = await getJson<RunFormView>(`${url}/api/runs/${longRun.runId}/form`);
    await page.goto(`${url}/#/runs/${encodeURIComponent(longRun.runId)}`);
    const answer = page.getByTestId('form-answer');
    await answer.waitFor();
    expect(await answer.getAttribute('data-state')).toBe('breakdown');
    expect(await answer.getAttribute('data-evidence')).toBe(view.evidence);
    const headline = await page.getByTestId('form-headline').textContent();
    expect(headline).toMatch(/^Your form held steady for the first [\d.]+ km, then .+ began to drift\.$/);
    expect(leadingNumber(headline)).toBeCloseTo(longRun.breakdownM / 1000, 1);
    expect(headline).toMatch(/ground contact time|cadence|vertical oscillation/);
    expect(await page.getByTestId('form-evidence').textContent()).toMatch(/running dynamics/i);
    expect(await page.getByTestId('form-run-lead').textContent()).toMatch(/^The pain began [\d.]+ km after/);
    await page.getByTestId('form-pain-key').waitFor();

    const metrics = page.getByTestId('form-metric');
    expect(await metrics.count()).toBe(view.metrics.length);
    expect(view.metrics.length).toBeGreaterThanOrEqual(3);
    for (let i = 0; i < view.metrics.length; i++) await metrics.nth(i).locator('canvas').first().waitFor();
    const contact = page.locator('[data-testid="form-metric"][data-metric="stanceTime"]');
    expect(await contact.getAttribute('data-votes')).toBe('true');
    expect(await contact.getByTestId('form-drift').textContent()).toMatch(/^\+\d+\.\d %$/);
    expect(await contact.getByTestId('form-vote').textContent()).toMatch(/^Counts/);
    expect(await breakdownPixels(contact)).toBeGreaterThan(50);
    const heart = page.locator('[data-testid="form-metric"][data-metric="heartRate"]');
    if ((await heart.count()) > 0)
      expect(await heart.getByTestId('form-vote').textContent()).toMatch(/does not count/);
    await page.getByTestId('form-section').screenshot({ path: join(SCREENSHOTS, 'form-02-run-section.png') });
  });

  it('switches the figures to miles and back', async () => {
    await page.getByTestId('units-mi').check();
    const headline = page.getByTestId('form-headline');
    await expect.poll(() => headline.textContent()).toMatch(/first [\d.]+ mi,/);
    expect(leadingNumber(await headline.textContent())).toBeCloseTo(longRun.breakdownM / 1609.344, 1);
    // The charts' figures follow too: where the contact time began to drift, and the chart key.
    const contact = page.locator('[data-testid="form-metric"][data-metric="stanceTime"]');
    expect(await contact.getByTestId('form-change').textContent()).toMatch(/^[\d.]+ mi$/);
    expect(await page.getByTestId('form-pain-key').textContent()).toMatch(/[\d.]+ mi\)/);
    await contact.locator('canvas').first().waitFor();

    await page.getByTestId('nav-form').click();
    const holds = page.getByTestId('form-holds-to');
    await expect.poll(() => holds.textContent()).toMatch(/^Form holds to \d+\.\d mi$/);
    expect(leadingNumber(await holds.textContent())).toBeCloseTo(
      (summary.holdsToM.median ?? 0) / 1609.344,
      1,
    );
    expect(await page.getByTestId('form-pain-lead').textContent()).toMatch(/ mi before the pain/);
    await page.getByTestId('units-km').check();
    await expect.poll(() => holds.textContent()).toMatch(/ km$/);
  });

  it('fits the Form page and the run page on a phone', async () => {
    const mobile = await app.newPage(PHONE);
    await mobile.goto(`${url}/#/form`);
    await mobile.getByTestId('form-runs-chart').locator('canvas').first().waitFor();
    expect(
      await mobile.evaluate(() => document.documentElement.scrollWidth - window.innerWidth),
    ).toBeLessThanOrEqual(0);
    await mobile.screenshot({ path: join(SCREENSHOTS, 'form-03-phone-form-page.png'), fullPage: true });

    await mobile.goto(`${url}/#/runs/${encodeURIComponent(longRun.runId)}`);
    await mobile.getByTestId('form-metric').first().locator('canvas').first().waitFor();
    expect(
      await mobile.evaluate(() => document.documentElement.scrollWidth - window.innerWidth),
    ).toBeLessThanOrEqual(0);
    // The section is taller than a phone: a viewport shot from its top shows the answer and the first charts.
    await mobile
      .getByTestId('form-section')
      .evaluate((el) => window.scrollTo(0, el.getBoundingClientRect().top + window.scrollY - 70));
    await mobile.screenshot({ path: join(SCREENSHOTS, 'form-04-phone-run-form.png') });
    await mobile.context().close();
  });

  it('raised no errors in the page', () => {
    expect(app.pageErrors).toEqual([]);
  });
});
