import { existsSync } from 'node:fs';
import type { UnitSystem } from '../../domain/units.js';
import { esc } from './svg.js';

/** Debian's and Ubuntu's `chromium` package; `KEEL_CHROMIUM` names another. Keel never downloads a browser. */
export const DEFAULT_CHROMIUM = '/usr/bin/chromium';

const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--no-first-run',
];

export type Paper = 'A4' | 'Letter';

/** Letter where miles are the norm (the US), A4 elsewhere. */
export function paperFor(units: UnitSystem): Paper {
  return units === 'imperial' ? 'Letter' : 'A4';
}

/** No browser to print with: says how to get one, and that the HTML report needs none. */
export class ChromiumMissingError extends Error {
  constructor(path: string) {
    super(
      `making a PDF needs Chromium, and there is none at ${path}. Install it (Debian/Ubuntu: ` +
        '`sudo apt-get install chromium`) or set KEEL_CHROMIUM to its path. The HTML report needs no browser ' +
        'to make: write it with `--out report.html` and open or print it in any browser.',
    );
  }
}

/** The Chromium to print with: `KEEL_CHROMIUM`, else Debian's. */
export function chromiumPath(env: NodeJS.ProcessEnv = process.env): string {
  return env.KEEL_CHROMIUM?.trim() || DEFAULT_CHROMIUM;
}

export interface PdfOptions {
  executablePath: string;
  paper: Paper;
  /** Printed small at the foot of every page, with the page number. */
  footer: string;
}

/** Prints the report's HTML to PDF in headless Chromium: the same layout, fonts and SVG charts as on screen. */
export async function printReportPdf(html: string, options: PdfOptions): Promise<Uint8Array> {
  if (!existsSync(options.executablePath)) throw new ChromiumMissingError(options.executablePath);
  // Loaded only here: the rest of Keel never needs a browser driver.
  const { chromium } = await import('playwright-core');
  const browser = await chromium.launch({ executablePath: options.executablePath, args: CHROMIUM_ARGS });
  try {
    const page = await browser.newPage();
    // The report has no script and no external resource: nothing to wait for but its own parsing.
    await page.setContent(html, { waitUntil: 'load' });
    await page.emulateMedia({ media: 'print' });
    const footer =
      '<div style="width:100%;font:7pt system-ui,sans-serif;color:#5f6b76;padding:0 11mm;display:flex;justify-content:space-between">' +
      `<span>${esc(options.footer)}</span>` +
      '<span>page <span class="pageNumber"></span> of <span class="totalPages"></span></span></div>';
    const pdf = await page.pdf({
      format: options.paper,
      printBackground: true,
      displayHeaderFooter: true,
      headerTemplate: '<span></span>',
      footerTemplate: footer,
      margin: { top: '10mm', right: '11mm', bottom: '12mm', left: '11mm' },
    });
    return new Uint8Array(pdf);
  } finally {
    await browser.close();
  }
}

/** Pages of a PDF Chromium wrote: its page objects, `/Type /Page` (not `/Pages`). */
export function pdfPageCount(pdf: Uint8Array): number {
  return (
    Buffer.from(pdf)
      .toString('latin1')
      .match(/\/Type\s*\/Page(?![a-z])/g) ?? []
  ).length;
}
