import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { REPO_ROOT } from './keel-cli.js';

/**
 * A PDF's pages as PNG images and text, read by PDF.js (`pdfjs-dist`) inside Chromium: what a reader of the PDF
 * sees, rendered by an engine other than the one that printed it. PDF.js is served to the page from node_modules
 * through a routed fake origin, so nothing is fetched from outside.
 */

const ORIGIN = 'http://pdfjs.test';
const PDFJS_BUILD = join(REPO_ROOT, 'node_modules', 'pdfjs-dist', 'build');

export interface PdfPage {
  png: Buffer;
  text: string;
  widthPt: number;
  heightPt: number;
}

/**
 * Runs in the page as a module (a string, so that no test transform rewrites its `import`): renders every page to a
 * canvas `#page-N` and returns each page's text and size.
 */
const RENDERER = `
import * as pdfjs from '${ORIGIN}/pdf.min.mjs';
pdfjs.GlobalWorkerOptions.workerSrc = '${ORIGIN}/pdf.worker.min.mjs';
window.renderPdf = async (base64, scale) => {
  const bytes = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
  const doc = await pdfjs.getDocument({ data: bytes }).promise;
  const pages = [];
  for (let n = 1; n <= doc.numPages; n++) {
    const page = await doc.getPage(n);
    const viewport = page.getViewport({ scale });
    const canvas = document.createElement('canvas');
    canvas.id = 'page-' + n;
    canvas.width = Math.ceil(viewport.width);
    canvas.height = Math.ceil(viewport.height);
    canvas.style.display = 'block';
    canvas.style.border = '1px solid #999';
    document.body.append(canvas);
    await page.render({ canvas, canvasContext: canvas.getContext('2d'), viewport }).promise;
    const content = await page.getTextContent();
    const base = page.getViewport({ scale: 1 });
    pages.push({ text: content.items.map((item) => item.str ?? '').join(' '), widthPt: base.width, heightPt: base.height });
  }
  return pages;
};
`;

export async function pdfPages(browser: Browser, pdf: Uint8Array, scale = 1.5): Promise<PdfPage[]> {
  const context = await browser.newContext({ viewport: { width: 1400, height: 1000 } });
  try {
    const page = await context.newPage();
    await page.route(`${ORIGIN}/**`, (route) => {
      const name = new URL(route.request().url()).pathname.slice(1);
      if (name === '') {
        return route.fulfill({
          contentType: 'text/html',
          body: `<!doctype html><body style="margin:0"><script type="module">${RENDERER}</script></body>`,
        });
      }
      return route.fulfill({
        contentType: 'text/javascript',
        body: readFileSync(join(PDFJS_BUILD, name.replace(/[^a-z.]/g, ''))),
      });
    });
    await page.goto(`${ORIGIN}/`);
    await page.waitForFunction(() => 'renderPdf' in window);
    const meta = (await page.evaluate(
      ([base64, s]) =>
        (window as unknown as { renderPdf: (b: string, s: number) => Promise<unknown> }).renderPdf(
          base64 as string,
          s as number,
        ),
      [Buffer.from(pdf).toString('base64'), scale] as const,
    )) as { text: string; widthPt: number; heightPt: number }[];
    const result: PdfPage[] = [];
    for (const [i, info] of meta.entries()) {
      result.push({ ...info, png: await page.locator(`#page-${i + 1}`).screenshot() });
    }
    return result;
  } finally {
    await context.close();
  }
}
