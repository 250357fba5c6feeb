import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { KEEL_VERSION } from '../../src/app/version.js';
import { type DemoApp, openDemoApp, SCREENSHOTS } from '../helpers/browser-server.js';
import { pdfPages } from '../helpers/pdf-pages.js';

/**
 * The clinician report (issue 8) in real Chromium against `keel serve --demo`: opened from the Patterns page's
 * button, read as a web page (headings, charts, the demo athlete's numbers), then as the PDF the server prints,
 * whose pages PDF.js renders to images (saved to test-results/screenshots/report-pdf-page-N.png) and whose text
 * is checked page by page.
 */

const SECTIONS = [
  'Red flags',
  'Pain patterns',
  'Form breakdown',
  'Benchmarks against norms',
  'Stabilizer program and adherence',
  'Plan to the goal race',
];

describe('the clinician report in Chromium', () => {
  let app: DemoApp;
  let report: Page;

  beforeAll(async () => {
    app = await openDemoApp('report');
  });
  afterAll(() => app?.close());

  it('opens from the Patterns page as one readable page with every section and its charts', async () => {
    const { page, url, demo } = app;
    await page.goto(`${url}/#/patterns`);
    const button = page.getByTestId('clinician-report');
    await button.waitFor();
    expect(await button.getAttribute('href')).toBe(`/api/athletes/${demo.id}/report.html?days=180`);
    await page.getByTestId('pattern-card').first().waitFor();
    await page.screenshot({ path: join(SCREENSHOTS, 'report-button.png') });
    const [opened] = await Promise.all([page.context().waitForEvent('page'), button.click()]);
    report = opened;
    await report.waitForLoadState('load');
    expect(await report.title()).toBe(`Keel clinician report — ${demo.name}`);
    expect(await report.locator('h1').textContent()).toBe('Clinician report');
    expect(await report.locator('h2').allTextContents()).toEqual(SECTIONS);
    expect(await report.locator('.athlete-name').textContent()).toBe(demo.name);
    // The left-knee story: a same-distance threshold, with its pain-free distance.
    expect(await report.locator('#patterns h3').first().textContent()).toMatch(
      /^Your left knee pain starts at about \d+\.\d km/,
    );
    // Pattern, form, adherence and plan charts, each drawn with marks, and the norm bars of the benchmarks.
    const charts = report.locator('svg.chart');
    expect(await charts.count()).toBe(4);
    for (const chart of await charts.all()) {
      const box = await chart.boundingBox();
      expect(box?.width).toBeGreaterThan(250);
      expect(box?.height).toBeGreaterThan(80);
      expect(await chart.locator('circle, rect.bar').count()).toBeGreaterThan(0);
    }
    expect(await report.locator('#patterns circle.c-pain').count()).toBeGreaterThanOrEqual(5);
    expect(await report.locator('#plan rect.bar').count()).toBeGreaterThanOrEqual(8);
    expect(await report.locator('svg.norm-bar').count()).toBeGreaterThanOrEqual(5);
    expect(await report.locator('footer').textContent()).toContain(`Keel ${KEEL_VERSION}`);
    expect(await report.locator('footer').textContent()).toContain('it does not diagnose');
    // No horizontal scrolling on a desktop window.
    expect(
      await report.evaluate(() => document.documentElement.scrollWidth - window.innerWidth),
    ).toBeLessThanOrEqual(0);
    await report.screenshot({ path: join(SCREENSHOTS, 'report-screen.png'), fullPage: true });
    expect(app.pageErrors).toEqual([]);
  });

  it('prints to a two- or three-page PDF whose pages read the same', async () => {
    const { url, demo, browser } = app;
    const response = await fetch(`${url}/api/athletes/${demo.id}/report.pdf`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/pdf');
    const pdf = new Uint8Array(await response.arrayBuffer());
    const pages = await pdfPages(browser, pdf);
    expect(pages.length).toBeGreaterThanOrEqual(1);
    expect(pages.length).toBeLessThanOrEqual(3);
    pages.forEach((p, i) => {
      writeFileSync(join(SCREENSHOTS, `report-pdf-page-${i + 1}.png`), p.png);
      // The demo athlete measures in kilometres: A4.
      expect(Math.round(p.widthPt)).toBe(596);
      expect(Math.round(p.heightPt)).toBe(843);
      expect(p.text).toMatch(new RegExp(`page\\s+${i + 1}\\s+of\\s+${pages.length}`));
    });
    // PDF.js splits text runs (and ligatures) with spaces: compare without whitespace.
    const squash = (t: string) => t.replace(/\s+/g, '');
    const text = squash(pages.map((p) => p.text).join(''));
    for (const words of [
      ...SECTIONS,
      demo.name,
      'Lakeside Half Marathon',
      `Keel ${KEEL_VERSION}`,
      'does not diagnose',
    ]) {
      expect(text).toContain(squash(words));
    }
    // The benchmarks start the second page.
    expect(squash(pages[1]?.text ?? '').startsWith('Benchmarksagainstnorms')).toBe(true);
  });
});
