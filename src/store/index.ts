export * from './activities.js';
export * from './athletes.js';
export {
  type Database,
  type DatabaseConfig,
  DataFolderInUseError,
  type Db,
  openDatabase,
} from './database.js';
export type { ActivityRow, AthleteRow } from './schema.js';
