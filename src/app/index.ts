export { type AthletePatchBody, athletePatchBody } from './athlete-input.js';
export { defaultDataDir, describeDatabase, resolveDatabaseConfig } from './config.js';
export { DEMO_SEED, type DemoOutcome, loadDemo } from './demo.js';
export { InputError } from './errors.js';
export {
  CSV_TABLES,
  type CsvFile,
  type CsvTable,
  type ExportHeader,
  type ExportImportReport,
  exportAsImport,
  isKeelExport,
  RECORD_TYPES,
  type RecordType,
  recordCounts,
} from './export/index.js';
export * from './import/index.js';
export { FIRST_ATHLETE_NAME, Keel, type RunLookup } from './keel.js';
export {
  clearRedFlagBody,
  issuesMessage,
  type PainReportBody,
  type PainReportPatch,
  painReportBody,
  painReportPatch,
} from './pain/input.js';
export { PATTERN_WINDOW_DAYS } from './pain/patterns.js';
export { planCalendar } from './plan/calendar.js';
export {
  GOAL_DISTANCE_M,
  type GoalRaceBody,
  goalRaceBody,
  NAMED_RACES,
  parseRaceDistance,
} from './plan/input.js';
export {
  type BenchmarkSessionBody,
  benchmarkSessionBody,
  DEFAULT_PROGRAM_SETTINGS,
  MINUTES_PER_SESSION,
  type ProgramSettingsBody,
  programSettingsBody,
  SESSIONS_PER_WEEK,
  type SessionLogBody,
  type SessionLogPatch,
  sessionLogBody,
  sessionLogPatch,
} from './program/input.js';
export { catalogueView } from './program/program.js';
export {
  ChromiumMissingError,
  chromiumPath,
  DISCLAIMER,
  type Paper,
  paperFor,
  pdfFooter,
  pdfPageCount,
  printReportPdf,
  REPORT_DAYS,
  type ReportView,
  renderReportHtml,
} from './report/index.js';
export { KEEL_VERSION } from './version.js';
export type * from './views.js';
