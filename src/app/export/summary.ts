import type { ImportReport } from '../views.js';
import { RECORD_TYPES, type RecordType } from './format.js';
import type { ExportImportReport } from './read.js';

/** How the records of each type read in a summary line: one and many. */
const RECORD_WORDS: Record<RecordType, [string, string]> = {
  athlete: ['athlete', 'athletes'],
  programSettings: ['program settings', 'program settings'],
  activity: ['run', 'runs'],
  activitySource: ['source file', 'source files'],
  activityStream: ['run’s samples', 'runs’ samples'],
  painReport: ['pain report', 'pain reports'],
  benchmarkResult: ['benchmark result', 'benchmark results'],
  programSession: ['program session', 'program sessions'],
  goalRace: ['goal', 'goals'],
  planSnapshot: ['plan', 'plans'],
};

/** What a runner recognises as theirs; the rest (source files, samples, settings, plan history) comes with it. */
const RUNNER_RECORDS: readonly RecordType[] = [
  'activity',
  'painReport',
  'benchmarkResult',
  'programSession',
  'goalRace',
];

/** "1 athlete, 56 runs, 14 pain reports", or "nothing". */
export function recordCounts(
  counts: Record<RecordType, number>,
  types: readonly RecordType[] = RECORD_TYPES,
): string {
  return (
    types
      .filter((type) => counts[type] > 0)
      .map((type) => `${counts[type]} ${RECORD_WORDS[type][counts[type] === 1 ? 0 : 1]}`)
      .join(', ') || 'nothing'
  );
}

/**
 * A Keel export uploaded with the runner's files, answered as an import of one file, so the web app's upload lists
 * it and follows it to `athleteId` (the export's first athlete) like any other import.
 */
export function exportAsImport(report: ExportImportReport, athleteId: string): ImportReport {
  const imported = report.athletes.filter((a) => a.status === 'imported');
  const present = report.athletes.filter((a) => a.status === 'already-present');
  const parts = [
    imported.length > 0 &&
      `${imported.map((a) => a.name).join(', ')} imported: ${recordCounts(report.imported, RUNNER_RECORDS)}`,
    present.length > 0 && `${present.map((a) => a.name).join(', ')} already here, left as they are`,
  ].filter(Boolean);
  const status = imported.length > 0 ? 'imported' : 'duplicate';
  return {
    athleteId,
    files: [
      {
        fileName: report.fileName,
        status,
        message: `Keel export of ${report.exportedAt.slice(0, 10)}: ${parts.join('; ') || 'no athletes in it'}`,
        runs: [],
        skippedSessions: [],
      },
    ],
    totals: {
      files: 1,
      imported: status === 'imported' ? 1 : 0,
      duplicates: status === 'duplicate' ? 1 : 0,
      rejected: 0,
      skipped: 0,
    },
    trainingLogs: [],
  };
}
