import { useId, useState } from 'preact/hooks';
import type { PainReportView } from '../../../src/app/views.js';
import { ApiError, api } from '../api.js';
import { runHref } from '../hooks.js';
import { formatDay, painPlace } from '../pain-format.js';
import { TriageIcon } from './Triage.js';

interface Props {
  /** Open red flags: stop-level reports no clinician has cleared. */
  reports: PainReportView[];
  onCleared: () => void;
}

/**
 * Shown on every page while a red flag is open, because Keel holds distance progression until then. A clinician's
 * clearance is the only way to close it, and it needs a note saying who cleared it.
 */
export function RedFlagBanner({ reports, onCleared }: Props) {
  const titleId = useId();
  if (reports.length === 0) return null;
  const urgent = reports.some((r) => r.triage.urgent);
  return (
    <section
      class={`red-flag-banner${urgent ? ' is-urgent' : ''}`}
      aria-labelledby={titleId}
      data-testid="red-flag-banner"
    >
      <div class="red-flag-banner-head">
        <TriageIcon level="stop" />
        <div>
          <h2 id={titleId}>
            {urgent ? 'Red flag: get medical care today' : 'Red flag: stop running and see a clinician'}
          </h2>
          <p>Keel holds your distance progression until a clinician clears you to run.</p>
        </div>
      </div>
      <ul class="red-flag-banner-list">
        {reports.map((report) => (
          <OpenRedFlag key={report.id} report={report} onCleared={onCleared} />
        ))}
      </ul>
    </section>
  );
}

function OpenRedFlag({ report, onCleared }: { report: PainReportView; onCleared: () => void }) {
  const [clearing, setClearing] = useState(false);
  const [note, setNote] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const noteId = useId();
  const reason = report.triage.reasons.find((r) => r.level === 'stop') ?? report.triage.reasons[0];

  const clear = async (e: Event) => {
    e.preventDefault();
    if (!note.trim()) {
      setError('Say who cleared you, and when: for example “Dr Lee, physiotherapist, 12 May”.');
      return;
    }
    setBusy(true);
    setError(null);
    try {
      await api.clearRedFlag(report.id, note.trim());
      onCleared();
    } catch (failure) {
      setError(failure instanceof ApiError ? failure.message : String(failure));
    } finally {
      setBusy(false);
    }
  };

  return (
    <li class="red-flag-item" data-testid="red-flag-item" data-report-id={report.id}>
      <p class="red-flag-what">
        <strong>{painPlace(report.region, report.side, report.aspect)}</strong>, {formatDay(report.date)}
        {report.runId && (
          <>
            {' · '}
            <a href={runHref(report.runId)}>the run</a>
          </>
        )}
      </p>
      {reason && <p class="red-flag-reason">{reason.message}</p>}
      {clearing ? (
        <form class="clear-form" onSubmit={clear} noValidate>
          <label for={noteId}>Who cleared you to run, and what did they say?</label>
          <textarea
            id={noteId}
            rows={2}
            maxLength={2000}
            required
            aria-invalid={error ? true : undefined}
            value={note}
            onInput={(e) => setNote(e.currentTarget.value)}
            data-testid="clear-note"
          />
          {error && (
            <p class="form-error" role="alert">
              {error}
            </p>
          )}
          <div class="clear-actions">
            <button type="submit" class="button button-primary" disabled={busy} data-testid="clear-confirm">
              {busy ? 'Saving…' : 'Confirm clearance'}
            </button>
            <button type="button" class="button button-quiet" onClick={() => setClearing(false)}>
              Cancel
            </button>
          </div>
        </form>
      ) : (
        <button type="button" class="button" onClick={() => setClearing(true)} data-testid="clear-red-flag">
          Cleared by a clinician…
        </button>
      )}
    </li>
  );
}
