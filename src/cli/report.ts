import { writeFile } from 'node:fs/promises';
import { extname } from 'node:path';
import { type Command, InvalidArgumentError, Option } from 'commander';
import {
  ChromiumMissingError,
  chromiumPath,
  type Paper,
  paperFor,
  pdfFooter,
  pdfPageCount,
  printReportPdf,
  REPORT_DAYS,
  renderReportHtml,
} from '../app/index.js';
import { machineLocalDate } from '../domain/time.js';
import { requireAthlete, UsageError, UserError, withKeel } from './context.js';

function parseDays(value: string): number {
  const days = Number(value);
  if (!Number.isInteger(days) || days < 7 || days > 3650) {
    throw new InvalidArgumentError('a whole number of days from 7 to 3650');
  }
  return days;
}

const PAPERS: Record<string, Paper> = { a4: 'A4', letter: 'Letter' };

/** What to write, from the file's extension; no file: the HTML on stdout. */
function outputKind(out: string | undefined): 'html' | 'pdf' {
  if (out === undefined) return 'html';
  const ext = extname(out).toLowerCase();
  if (ext === '.pdf') return 'pdf';
  if (ext === '.html' || ext === '.htm') return 'html';
  throw new UsageError(`--out ${out}: the report is written as .html or .pdf, e.g. --out report.pdf`);
}

const step = (text: string) => process.stderr.write(`${text}\n`);
const kb = (bytes: number) => `${Math.max(1, Math.round(bytes / 1024))} KB`;

/** `keel report`: the clinician report as one self-contained HTML file, or a PDF printed from it (issue 8). */
export function registerReportCommand(program: Command): void {
  program
    .command('report')
    .description('the clinician report: one HTML file, or a PDF printed from it with Chromium')
    .option('--out <file>', 'where to write it: report.html, or report.pdf (default: the HTML on stdout)')
    .addOption(
      new Option('--days <n>', 'how many days up to today it covers')
        .argParser(parseDays)
        .default(REPORT_DAYS),
    )
    .addOption(
      new Option('--paper <size>', 'PDF paper size (default: letter for miles, a4 for kilometres)').choices([
        'a4',
        'letter',
      ]),
    )
    .option('--athlete <id>', 'whose report (default: the default athlete)')
    .action(async (opts: { out?: string; days: number; paper?: string; athlete?: string }) => {
      const kind = outputKind(opts.out);
      const today = machineLocalDate(new Date());
      await withKeel(program, async (keel) => {
        const athlete = await requireAthlete(keel, opts.athlete);
        step(`Gathering ${athlete.name}'s report: ${opts.days} days up to ${today}…`);
        const view = await keel.report(athlete.id, today, opts.days);
        if (!view) throw new UserError(`no athlete with id ${athlete.id}`);
        step('Rendering the HTML…');
        const html = renderReportHtml(view);
        if (opts.out === undefined) {
          process.stdout.write(html);
          return;
        }
        if (kind === 'html') {
          await writeFile(opts.out, html);
          process.stdout.write(`Wrote ${opts.out} (${kb(Buffer.byteLength(html))}).\n`);
          return;
        }
        const paper = opts.paper ? (PAPERS[opts.paper] as Paper) : paperFor(view.units);
        const executablePath = chromiumPath();
        step(`Printing the PDF (${paper}) with ${executablePath}…`);
        let pdf: Uint8Array;
        try {
          pdf = await printReportPdf(html, { executablePath, paper, footer: pdfFooter(view) });
        } catch (error) {
          if (error instanceof ChromiumMissingError) throw new UserError(error.message);
          throw error;
        }
        await writeFile(opts.out, pdf);
        const pages = pdfPageCount(pdf);
        process.stdout.write(
          `Wrote ${opts.out} (${pages} page${pages === 1 ? '' : 's'}, ${kb(pdf.length)}).\n`,
        );
      });
    });
}
