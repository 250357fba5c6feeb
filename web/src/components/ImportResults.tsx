import type { FileImportStatus, ImportReport } from '../../../src/app/views.js';
import { formatDistance, type UnitSystem } from '../../../src/domain/units.js';
import { formatRunDate } from '../format.js';
import { runHref } from '../hooks.js';

const STATUS_LABEL: Record<FileImportStatus, string> = {
  imported: 'Imported',
  duplicate: 'Already there',
  rejected: 'Rejected',
  skipped: 'Skipped',
};

export function importSummary(report: ImportReport): string {
  const t = report.totals;
  const parts = [
    t.imported > 0 && `${t.imported} imported`,
    t.duplicates > 0 && `${t.duplicates} already there`,
    t.rejected > 0 && `${t.rejected} rejected`,
    t.skipped > 0 && `${t.skipped} skipped`,
  ].filter(Boolean);
  return `${t.files} ${t.files === 1 ? 'file' : 'files'}: ${parts.join(', ') || 'nothing to import'}`;
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
  const anyProblem = report.totals.rejected > 0 || report.totals.skipped > 0;
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
    </section>
  );
}
