import { useEffect } from 'preact/hooks';
import type { AthleteView, ImportReport } from '../../../src/app/views.js';
import { formatDistance } from '../../../src/domain/units.js';
import { api, csvUrl, exportUrl } from '../api.js';
import { GoalPrompt, NextStepCard } from '../components/NextStepCard.js';
import { Notice } from '../components/Notice.js';
import { RunsTable } from '../components/RunsTable.js';
import { UploadZone } from '../components/UploadZone.js';
import { plural } from '../format.js';
import { useResource } from '../hooks.js';

interface Props {
  athlete: AthleteView;
  /** After an upload: the app refreshes athletes, follows the import to its athlete and rereads pain. */
  onImported: (report: ImportReport) => void;
  onApiError: (error: unknown) => void;
}

export function RunsPage({ athlete, onImported, onApiError }: Props) {
  const [runs, reload] = useResource(() => api.runs(athlete.id), [athlete.id]);
  useEffect(() => {
    if (runs.status === 'error') onApiError(runs.error);
  }, [runs, onApiError]);

  const imported = (report: ImportReport) => {
    const newRuns =
      report.totals.imported > 0 ||
      report.trainingLogs.some((log) => log.totals.imported + log.totals.attached > 0);
    if (newRuns || report.athleteId !== athlete.id) reload();
    onImported(report);
  };

  const list = runs.data;
  const totalM = list?.reduce((sum, r) => sum + r.distanceM, 0) ?? 0;

  return (
    <div class="page runs-page" data-testid="runs-page">
      <div class="page-head">
        <h1 tabIndex={-1}>Runs</h1>
        {list && list.length > 0 && (
          <p class="page-sub" data-testid="runs-summary">
            {plural(list.length, 'run')} · {formatDistance(totalM, athlete.units, 0)} in all
          </p>
        )}
      </div>
      <HomeNextStep athlete={athlete} />
      {athlete.isDemo && (
        <Notice kind="info" title={`${athlete.name} is a demo athlete`}>
          These runs are generated so you can explore Keel. Files you add go to your own athlete, not to{' '}
          {athlete.name}; switch between the two at the top.
        </Notice>
      )}
      <UploadZone
        athleteId={athlete.isDemo ? null : athlete.id}
        units={athlete.units}
        onImported={imported}
        prominent={list?.length === 0}
      />
      {runs.status === 'loading' && (
        <p class="loading" role="status">
          Loading runs…
        </p>
      )}
      {runs.status === 'error' && (
        <Notice
          kind="error"
          title="Keel could not load the runs"
          action={{ label: 'Try again', onClick: reload }}
        >
          {runs.error.message}
        </Notice>
      )}
      {list && list.length === 0 && <EmptyRuns />}
      {list && list.length > 0 && <RunsTable runs={list} units={athlete.units} />}
      <DataDownloads athleteId={athlete.id} />
    </div>
  );
}

/**
 * Today's next step toward the goal race, loaded on its own so that the runs never wait for the plan; no goal
 * yet (the plan's 404) is a prompt, not an error.
 */
function HomeNextStep({ athlete }: { athlete: AthleteView }) {
  // Asked again when the athlete changes (a new unit, once stored): the server words the next step in it.
  const [plan, reload] = useResource(() => api.plan(athlete.id), [athlete]);
  if (plan.status === 'loading') return null;
  if (plan.status === 'error')
    return (
      <p class="goal-prompt muted" data-testid="next-step-error">
        The race plan did not load ({plan.error.message}).{' '}
        <button type="button" class="button button-quiet" onClick={reload}>
          Try again
        </button>
      </p>
    );
  if (plan.data === null) return <GoalPrompt />;
  return <NextStepCard view={plan.data} units={athlete.units} linkToPlan />;
}

function EmptyRuns() {
  return (
    <section class="empty" data-testid="runs-empty" aria-labelledby="empty-title">
      <h2 id="empty-title">No runs yet</h2>
      <p>
        Keel reads the FIT files your watch records, and your own training log as a CSV file. Add them in
        either of two ways:
      </p>
      <ol>
        <li>
          Drag the <strong>.fit</strong> files onto this page, or press <strong>Choose files…</strong> above.
        </li>
        <li>
          From a terminal, import a whole folder: <code>npx keel import ~/Downloads/*.fit</code>
        </li>
      </ol>
      <p class="muted">
        Where to find them: in Garmin Connect open an activity, then ⚙ → <em>Export Original</em>; most other
        watch apps have a similar “export FIT” option.
      </p>
      <p class="muted">
        A training log is a spreadsheet saved as CSV, one run a row, with the columns <code>date</code>,{' '}
        <code>distance_km</code> (or <code>distance_mi</code>) and <code>duration</code>; for a run that hurt,
        add <code>pain_region</code>, <code>pain_side</code>, <code>pain_onset_km</code> and{' '}
        <code>pain_severity</code>.
      </p>
    </section>
  );
}

/** The runner's data is theirs: all of it in one file Keel can import again, and spreadsheets of the main tables. */
function DataDownloads({ athleteId }: { athleteId: string }) {
  return (
    <p class="muted" data-testid="data-downloads">
      <a href={exportUrl(athleteId)} download>
        Download all my data
      </a>{' '}
      (one file, for keeping, or to add to another Keel under Add runs) · Spreadsheets:{' '}
      <a href={csvUrl(athleteId, 'runs')} download>
        runs
      </a>
      ,{' '}
      <a href={csvUrl(athleteId, 'pain')} download>
        pain
      </a>
      ,{' '}
      <a href={csvUrl(athleteId, 'benchmarks')} download>
        benchmarks
      </a>
      ,{' '}
      <a href={csvUrl(athleteId, 'sessions')} download>
        program sessions
      </a>
    </p>
  );
}
