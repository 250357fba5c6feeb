import type { Writable } from 'node:stream';
import type { UnitSystem } from '../../domain/units.js';
import {
  type Db,
  listActivities,
  listAthleteIds,
  listBenchmarkResults,
  listPainReports,
  listProgramSessions,
} from '../../store/index.js';
import { benchmarksCsv, type CsvFile, type CsvTable, painCsv, runsCsv, sessionsCsv } from './csv.js';
import type { ExportHeader } from './format.js';
import { type ExportImportProgress, type ExportImportReport, exportFileLines, importExport } from './read.js';
import { type ExportProgress, writeExport } from './write.js';

export { CSV_TABLES, type CsvFile, type CsvTable } from './csv.js';
export { EXPORT_FORMAT_VERSION, type ExportHeader, RECORD_TYPES, type RecordType } from './format.js';
export { type ExportImportProgress, type ExportImportReport, isKeelExport } from './read.js';
export { exportAsImport, recordCounts } from './summary.js';
export type { ExportProgress } from './write.js';

/**
 * The full export of every athlete (`athleteIds` absent) or of the ones named, gzip-compressed into `out`.
 * `db` should be a repeatable-read transaction (Keel.exportData opens one).
 */
export async function exportAll(
  db: Db,
  out: Writable,
  options: { athleteIds?: readonly string[]; onProgress?: ExportProgress },
): Promise<ExportHeader> {
  const athleteIds = options.athleteIds ?? (await listAthleteIds(db));
  return writeExport(
    db,
    { scope: options.athleteIds ? 'athlete' : 'database', athleteIds },
    out,
    new Date(),
    options.onProgress,
  );
}

/** Reads an export file into `db`; the caller's transaction makes it all or nothing. */
export function importExportFile(
  db: Db,
  path: string,
  fileName: string,
  onProgress?: ExportImportProgress,
): Promise<ExportImportReport> {
  return importExport(db, fileName, exportFileLines(path), onProgress);
}

export async function csvOf(db: Db, athleteId: string, units: UnitSystem, table: CsvTable): Promise<CsvFile> {
  switch (table) {
    case 'runs':
      return runsCsv(await listActivities(db, athleteId), units);
    case 'pain':
      return painCsv(await listPainReports(db, athleteId), units);
    case 'benchmarks':
      return benchmarksCsv(await listBenchmarkResults(db, athleteId));
    case 'sessions':
      return sessionsCsv(await listProgramSessions(db, athleteId));
  }
}
