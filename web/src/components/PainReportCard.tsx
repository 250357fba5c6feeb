import { useState } from 'preact/hooks';
import type { PainReportView } from '../../../src/app/views.js';
import type { UnitSystem } from '../../../src/domain/units.js';
import { ApiError, api } from '../api.js';
import { runHref } from '../hooks.js';
import {
  ACTION_LABELS,
  CHARACTER_LABELS,
  formatDay,
  onsetText,
  painPlace,
  severityBand,
  TRIAGE_BADGE,
  triageTitle,
} from '../pain-format.js';
import { TriageBadge, TriageDetails } from './Triage.js';

interface Props {
  report: PainReportView;
  units: UnitSystem;
  /** Link to the run: on the pain page, not on the run's own page. */
  linkRun: boolean;
  /** After a change on the server: the updated report, or null once it is deleted. */
  onChanged: (report: PainReportView | null) => void;
}

const SCORES = [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10] as const;

/**
 * One pain report with its triage. The next morning's pain is asked for right here, because it is the answer
 * runners most often come back to give, and it can change the triage.
 */
export function PainReportCard({ report, units, linkRun, onChanged }: Props) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [retriaged, setRetriaged] = useState<string | null>(null);
  const [askMorning, setAskMorning] = useState(report.nextMorningSeverity === null);
  const [confirmingDelete, setConfirmingDelete] = useState(false);
  const triage = report.triage;

  const run = async (work: () => Promise<void>) => {
    setBusy(true);
    setError(null);
    try {
      await work();
    } catch (failure) {
      setError(failure instanceof ApiError ? failure.message : String(failure));
    } finally {
      setBusy(false);
    }
  };

  const saveMorning = (score: number) =>
    run(async () => {
      const updated = await api.updatePainReport(report.id, { nextMorningSeverity: score });
      setAskMorning(false);
      const was = report.triage;
      const now = updated.triage;
      setRetriaged(
        was.level === now.level && was.urgent === now.urgent
          ? `Triage checked again with ${score}/10 the next morning: still ${TRIAGE_BADGE[now.level].toLowerCase()}.`
          : `Triage updated with ${score}/10 the next morning: was ${TRIAGE_BADGE[was.level].toLowerCase()}, now ${TRIAGE_BADGE[now.level].toLowerCase()}.`,
      );
      onChanged(updated);
    });

  const remove = () =>
    run(async () => {
      await api.deletePainReport(report.id);
      onChanged(null);
    });

  return (
    <article
      class={`pain-card pain-card-${triage.level}`}
      data-testid="pain-report"
      data-report-id={report.id}
      data-level={triage.level}
      aria-label={`${painPlace(report.region, report.side, report.aspect)}, ${formatDay(report.date)}`}
    >
      <div class="pain-card-head">
        <div class="pain-card-place">
          <h3>{painPlace(report.region, report.side, report.aspect)}</h3>
          <p class="pain-card-meta">
            {formatDay(report.date)}
            {report.runId && linkRun && (
              <>
                {' · '}
                <a href={runHref(report.runId)}>the run</a>
              </>
            )}
            {!report.runId && ' · no run recorded'}
          </p>
        </div>
        <TriageBadge triage={triage} />
      </div>

      <dl class="pain-facts">
        <div>
          <dt>At worst</dt>
          <dd>
            <span class={`score score-${severityBand(report.severity)}`}>{report.severity}/10</span>
          </dd>
        </div>
        <div>
          <dt>When</dt>
          <dd>{onsetText(report, units)}</dd>
        </div>
        {report.character && (
          <div>
            <dt>Felt</dt>
            <dd>{CHARACTER_LABELS[report.character]}</dd>
          </div>
        )}
        {report.action && (
          <div>
            <dt>You</dt>
            <dd>{ACTION_LABELS[report.action].toLowerCase()}</dd>
          </div>
        )}
        <div>
          <dt>Next morning</dt>
          <dd data-testid="next-morning">
            {report.nextMorningSeverity === null ? (
              <span class="muted">not told yet</span>
            ) : (
              <span class={`score score-${severityBand(report.nextMorningSeverity)}`}>
                {report.nextMorningSeverity}/10
              </span>
            )}
          </dd>
        </div>
      </dl>

      {report.note && <p class="pain-note">{report.note}</p>}

      <p class={`pain-card-verdict verdict-${triage.level}`} data-testid="pain-verdict">
        {triageTitle(triage)}
      </p>
      {retriaged && (
        <p class="pain-retriaged" role="status" data-testid="retriaged">
          {retriaged}
        </p>
      )}
      {report.cleared && (
        <p class="pain-cleared" data-testid="pain-cleared">
          Cleared to run by a clinician on {formatDay(report.cleared.at.slice(0, 10))}: {report.cleared.note}
        </p>
      )}
      <details class="pain-why">
        <summary>Why, and what to do</summary>
        <TriageDetails triage={triage} />
      </details>

      {askMorning ? (
        <div class="morning-ask" data-testid="morning-ask">
          <fieldset>
            <legend class="morning-ask-label">How bad was it the next morning?</legend>
            <div class="morning-scores">
              {SCORES.map((score) => (
                <button
                  key={score}
                  type="button"
                  class={`morning-score severity-${severityBand(score)}`}
                  disabled={busy}
                  aria-pressed={report.nextMorningSeverity === score}
                  onClick={() => void saveMorning(score)}
                >
                  <span aria-hidden="true">{score}</span>
                  <span class="visually-hidden">{score} out of 10</span>
                </button>
              ))}
            </div>
            {report.nextMorningSeverity !== null && (
              <button type="button" class="button button-quiet" onClick={() => setAskMorning(false)}>
                Keep {report.nextMorningSeverity}/10
              </button>
            )}
          </fieldset>
        </div>
      ) : null}

      {error && (
        <p class="form-error" role="alert">
          {error}
        </p>
      )}

      <div class="pain-card-actions">
        {!askMorning && (
          <button type="button" class="button button-quiet" onClick={() => setAskMorning(true)}>
            Edit next morning
          </button>
        )}
        {confirmingDelete ? (
          <fieldset class="confirm">
            <legend class="visually-hidden">Delete this report?</legend>
            <span aria-hidden="true">Delete this report?</span>
            <button
              type="button"
              class="button button-danger"
              disabled={busy}
              onClick={() => void remove()}
              data-testid="confirm-delete"
            >
              Delete
            </button>
            <button type="button" class="button button-quiet" onClick={() => setConfirmingDelete(false)}>
              Keep it
            </button>
          </fieldset>
        ) : (
          <button
            type="button"
            class="button button-quiet"
            onClick={() => setConfirmingDelete(true)}
            data-testid="delete-report"
          >
            Delete
          </button>
        )}
      </div>
    </article>
  );
}
