export * from './activities.js';
export * from './athletes.js';
export { BackupError, restoreEmbedded } from './backup.js';
export * from './benchmarks.js';
export {
  type Database,
  type DatabaseConfig,
  DataFolderInUseError,
  type Db,
  openDatabase,
} from './database.js';
export * from './goals.js';
export * from './logged-runs.js';
export * from './pain-reports.js';
export * from './program.js';
export * from './recordings.js';
export type {
  ActivityRow,
  ActivitySourceRow,
  AthleteRow,
  BenchmarkResultRow,
  GoalRaceRow,
  NewPainReportRow,
  PainReportRow,
  PlanSnapshotRow,
  ProgramSessionRow,
  ProgramSettingsRow,
} from './schema.js';
export * from './transfer.js';
