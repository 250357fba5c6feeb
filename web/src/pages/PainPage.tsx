import { useEffect } from 'preact/hooks';
import type { AthleteView } from '../../../src/app/views.js';
import { api } from '../api.js';
import { Notice } from '../components/Notice.js';
import { PainReportList } from '../components/PainReportList.js';
import { plural } from '../format.js';
import { reportPainHref, useResource } from '../hooks.js';

interface Props {
  athlete: AthleteView;
  painVersion: number;
  onPainChanged: () => void;
  onApiError: (error: unknown) => void;
}

/** Every pain report, newest first, with its triage; where the next morning's pain is added later. */
export function PainPage({ athlete, painVersion, onPainChanged, onApiError }: Props) {
  const [reports, reload] = useResource(() => api.painReports(athlete.id), [athlete.id, painVersion]);
  useEffect(() => {
    if (reports.status === 'error') onApiError(reports.error);
  }, [reports, onApiError]);
  const list = reports.data;

  return (
    <div class="page pain-page" data-testid="pain-page">
      <div class="page-head">
        <div>
          <h1 tabIndex={-1}>Pain</h1>
          <p class="page-sub">
            {list && list.length > 0 ? `${plural(list.length, 'report')}, newest first` : 'Your pain reports'}
          </p>
        </div>
        <a class="button button-primary button-large" href={reportPainHref(null)} data-testid="report-pain">
          Report pain
        </a>
      </div>
      {reports.status === 'loading' && (
        <p class="loading" role="status">
          Loading your pain reports…
        </p>
      )}
      {reports.status === 'error' && (
        <Notice
          kind="error"
          title="Keel could not load your pain reports"
          action={{ label: 'Try again', onClick: reload }}
        >
          {reports.error.message}
        </Notice>
      )}
      {list && list.length === 0 && (
        <section class="empty" data-testid="pain-empty" aria-labelledby="pain-empty-title">
          <h2 id="pain-empty-title">No pain reported</h2>
          <p>
            Good news, or nothing told yet. When a run hurts, open it and press <strong>Report pain</strong>,
            or report it here for a day without a recorded run. It takes a minute on your phone.
          </p>
          <p class="empty-actions">
            <a class="button button-primary" href={reportPainHref(null)}>
              Report pain
            </a>
          </p>
        </section>
      )}
      {list && list.length > 0 && (
        <>
          <p class="muted">
            After three or more painful runs, <a href="#/patterns">Patterns</a> shows whether the pain starts
            at the same distance.
          </p>
          <PainReportList reports={list} units={athlete.units} linkRun onChanged={onPainChanged} />
        </>
      )}
    </div>
  );
}
