export { gatherReport, REPORT_DAYS } from './gather.js';
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
export { type ReportView, reportView } from './view.js';
