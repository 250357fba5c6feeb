export * from './activities.js';
export * from './athletes.js';
export {
  type Database,
  type DatabaseConfig,
  DataFolderInUseError,
  type Db,
  openDatabase,
} from './database.js';
export * from './recordings.js';
export type { ActivityRow, ActivitySourceRow, AthleteRow } from './schema.js';
