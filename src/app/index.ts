export { defaultDataDir, describeDatabase, resolveDatabaseConfig } from './config.js';
export { DEMO_SEED, type DemoOutcome, loadDemo } from './demo.js';
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
export { PainReportError } from './pain/reports.js';
export { KEEL_VERSION } from './version.js';
export type * from './views.js';
