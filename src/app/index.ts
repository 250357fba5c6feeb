export { defaultDataDir, describeDatabase, resolveDatabaseConfig } from './config.js';
export { DEMO_SEED, type DemoOutcome, loadDemo } from './demo.js';
export * from './import/index.js';
export { FIRST_ATHLETE_NAME, Keel, type RunLookup } from './keel.js';
export { KEEL_VERSION } from './version.js';
export type * from './views.js';
