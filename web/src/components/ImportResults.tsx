import { useId } from 'preact/hooks';
import type {
  FileImportStatus,
  ImportReport,
  TrainingLogReport,
  TrainingLogRowResult,
} from '../../../src/app/views.js';
import { formatDistance, type UnitSystem } from '../../../src/domain/units.js';
import { formatRunDate, plural } from '../format.js';
import { runHref } from '../hooks.js';

const STATUS_LABEL: Record<FileImportStatus, string> = {
  imported: 'Imported',
  duplicate: 'Already there',
  rejected: 'Rejected',
  skipped: 'Skipped',
};

const LOG_STATUS_LABEL: Record<TrainingLogRowResult['status'], string> = {
  imported: 'New run',
  attached: 'Added to run',
  duplicate: 'Already there',
  rejected: 'Rejected',
};

/** The colour a log row's status takes: the file statuses' colours, where "added to a run" is a success too. */
const LOG_STATUS_CLASS: Record<TrainingLogRowResult['status'], FileImportStatus> = {
  imported: 'imported',
  attached: 'imported',
  duplicate: 'duplicate',
  rejected: 'rejected',
};

export function trainingLogSummary(log: TrainingLogReport): string {
  const t = log.totals;
  const parts = [
    t.imported > 0 && `${t.imported} new`,
    t.attached > 0 && `${t.attached} added to recorded runs`,
    t.duplicates > 0 && `${t.duplicates} already there`,
    t.rejected > 0 && `${t.rejected} rejected`,
    t.painReports > 0 && plural(t.painReports, 'pain report'),
  ].filter(Boolean);
  return `${plural(t.rows, 'row')}: ${parts.join(', ') || 'nothing to import'}`;
}

export function importSummary(report: ImportReport): string {
  const t = report.totals;
  const parts = [
    t.imported > 0 && `${t.imported} imported`,
    t.duplicates > 0 && `${t.duplicates} already there`,
    t.rejected > 0 && `${t.rejected} rejected`,
    t.skipped > 0 && `${t.skipped} skipped`,
  ].filter(Boolean);
  const files = `${t.files} ${t.files === 1 ? 'file' : 'files'}: ${parts.join(', ') || 'nothing to import'}`;
  const logs = report.trainingLogs;
  if (logs.length === 0) return files;
  const rows = logs.reduce((sum, log) => sum + log.totals.rows, 0);
  const rejected = logs.reduce((sum, log) => sum + log.totals.rejected, 0);
  const logPart = `${plural(logs.length, 'training log')}: ${plural(rows, 'row')}${rejected > 0 ? `, ${rejected} rejected` : ''}`;
  return t.files > 0 ? `${files} · ${logPart}` : logPart;
}

/** One line per uploaded file: what happened to it and why, with links to the runs it holds. */
export function ImportResults({
  report,
  units,
  onDismiss,
}: {
  report: ImportReport;
  units: UnitSystem;
  onDismiss: () => void;
}) {
  const anyProblem =
    report.totals.rejected > 0 ||
    report.totals.skipped > 0 ||
    report.trainingLogs.some((log) => log.totals.rejected > 0);
  return (
    <section class="import-results" aria-labelledby="import-results-title" data-testid="import-results">
      <div class="import-results-head">
        <h3 id="import-results-title" class={anyProblem ? 'has-problem' : ''}>
          {importSummary(report)}
        </h3>
        <button type="button" class="button button-quiet" onClick={onDismiss}>
          Dismiss
        </button>
      </div>
      {report.files.length > 0 && (
        <ul class="import-list">
          {report.files.map((file, i) => (
            <li
              key={`${file.fileName}-${i}`}
              class="import-item"
              data-testid="import-result"
              data-status={file.status}
            >
              <span class={`status status-${file.status}`} data-testid="import-status">
                {STATUS_LABEL[file.status]}
              </span>
              <span class="import-file">
                <span class="import-name">{file.fileName}</span>
                {file.message && (
                  <span class="import-message" data-testid="import-message">
                    {file.message}
                  </span>
                )}
                {file.skippedSessions.length > 0 && (
                  <span class="import-message">
                    {file.skippedSessions.map((s) => `session ${s.sessionIndex + 1}: ${s.reason}`).join('; ')}
                  </span>
                )}
              </span>
              {file.runs.length > 0 && (
                <span class="import-runs">
                  {file.runs.map((run) => (
                    <a key={run.id} href={runHref(run.id)} data-testid="import-run-link">
                      {formatRunDate(run.startTime, null, false)} · {formatDistance(run.distanceM, units)}
                    </a>
                  ))}
                </span>
              )}
            </li>
          ))}
        </ul>
      )}
      {report.trainingLogs.map((log, i) => (
        <TrainingLogResults key={`${log.fileName}-${i}`} log={log} />
      ))}
    </section>
  );
}

/** Each row of a training log: what became of it, rejected rows with their line and reason. */
function TrainingLogResults({ log }: { log: TrainingLogReport }) {
  const titleId = useId();
  return (
    <section
      class="log-results"
      aria-labelledby={titleId}
      data-testid="training-log"
      data-file={log.fileName}
    >
      <h4 id={titleId} class="log-title">
        <span class="import-name">{log.fileName}</span>
        <span class="import-message">Training log · {trainingLogSummary(log)}</span>
      </h4>
      <ol class="import-list log-rows">
        {log.rows.map((row) => (
          <li
            key={row.line}
            class="import-item"
            data-testid="log-row"
            data-status={row.status}
            data-line={row.line}
          >
            <span class={`status status-${LOG_STATUS_CLASS[row.status]}`}>
              {LOG_STATUS_LABEL[row.status]}
            </span>
            <span class="import-file">
              <span class="import-name">Line {row.line}</span>
              <span class="import-message" data-testid="log-row-message">
                {row.message}
              </span>
            </span>
            {row.runId && (
              <span class="import-runs">
                <a href={runHref(row.runId)}>{row.painReportId ? 'Run and pain' : 'The run'}</a>
              </span>
            )}
          </li>
        ))}
      </ol>
    </section>
  );
}
