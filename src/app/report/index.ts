export {
  ChromiumMissingError,
  chromiumPath,
  DEFAULT_CHROMIUM,
  type Paper,
  paperFor,
  pdfPageCount,
  printReportPdf,
} from './pdf.js';
export { DISCLAIMER, pdfFooter, renderReportHtml } from './render.js';
export { esc } from './svg.js';
export { REPORT_DAYS, type ReportView, reportView } from './view.js';
