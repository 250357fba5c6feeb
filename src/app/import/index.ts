export { createDecodePool, type DecodePool } from './decode-pool.js';
export { type ImportHooks, type ImportProgress, runImport } from './import-run.js';
export {
  type ImportSources,
  type InputProgress,
  importSources,
  itemsFromBytes,
  listSourceFiles,
  type SourceFile,
  splitTrainingLogs,
} from './import-sources.js';
export type { ImportItem } from './prepare-file.js';
export { rejectedResult } from './store-batch.js';
