import { useEffect, useId, useState } from 'preact/hooks';
import type { AthleteView, PainReportView, RunListItem } from '../../../src/app/views.js';
import { formatDistance } from '../../../src/domain/units.js';
import { ApiError, api } from '../api.js';
import { Field } from '../components/Choices.js';
import { Notice } from '../components/Notice.js';
import { PainForm, type PainTarget } from '../components/PainForm.js';
import { PainReportCard } from '../components/PainReportCard.js';
import { TriageOutcome } from '../components/Triage.js';
import { formatRunDate } from '../format.js';
import { runHref, useResource } from '../hooks.js';
import { todayLocal } from '../pain-format.js';

/** The runs offered when the report starts from the pain page: the last few, where the report usually belongs. */
const RECENT_RUNS = 20;

interface Props {
  athlete: AthleteView;
  /** The run the pain came on; null when the runner starts from the pain page. */
  runId: string | null;
  onPainChanged: () => void;
  onApiError: (error: unknown) => void;
}

function runLabel(run: RunListItem, units: AthleteView['units']): string {
  return `${formatRunDate(run.startTime, run.utcOffsetMin, !run.logged)} · ${formatDistance(run.distanceM, units, 1)}`;
}

/** Report a pain, then see what triage makes of it. */
export function PainReportPage({ athlete, runId, onPainChanged, onApiError }: Props) {
  const [saved, setSaved] = useState<PainReportView | null>(null);
  const [run] = useResource(() => (runId ? api.run(runId) : Promise.resolve(null)), [runId]);
  const [runs] = useResource(() => (runId ? Promise.resolve([]) : api.runs(athlete.id)), [athlete.id, runId]);
  const [chosenRunId, setChosenRunId] = useState('');
  const [day, setDay] = useState(todayLocal);
  const runChoiceId = useId();
  const dayId = useId();
  useEffect(() => {
    if (run.status === 'error') onApiError(run.error);
  }, [run, onApiError]);

  const back = runId ? (
    <a class="back-link" href={runHref(runId)}>
      ← The run
    </a>
  ) : (
    <a class="back-link" href="#/pain">
      ← Pain
    </a>
  );

  if (run.status === 'loading')
    return (
      <div class="page pain-report-page">
        {back}
        <h1 tabIndex={-1} class="loading">
          Loading the run…
        </h1>
      </div>
    );
  if (run.status === 'error') {
    const missing = run.error instanceof ApiError && (run.error.status === 404 || run.error.status === 400);
    return (
      <div class="page pain-report-page">
        {back}
        <h1 tabIndex={-1}>{missing ? 'Run not found' : 'Keel could not load this run'}</h1>
        <Notice kind="error" title={missing ? 'There is no such run' : 'Loading failed'}>
          {run.error.message}
        </Notice>
      </div>
    );
  }

  const recent = (runs.data ?? []).slice(0, RECENT_RUNS);
  const chosen = recent.find((r) => r.id === chosenRunId);
  const target: PainTarget = run.data
    ? { kind: 'run', runId: run.data.id, distanceM: run.data.distanceM }
    : chosen
      ? { kind: 'run', runId: chosen.id, distanceM: chosen.distanceM }
      : { kind: 'day', date: day };
  // A new run means a new slider; a new day changes nothing the runner has already answered.
  const targetKey = target.kind === 'run' ? target.runId : 'day';

  if (saved) {
    const done = saved.runId ? runHref(saved.runId) : '#/pain';
    return (
      <div class="page pain-report-page" data-testid="pain-saved">
        {back}
        <h1 tabIndex={-1} class="visually-hidden">
          Pain report saved
        </h1>
        <TriageOutcome triage={saved.triage} />
        <PainReportCard
          report={saved}
          units={athlete.units}
          linkRun={false}
          onChanged={(updated) => {
            onPainChanged();
            if (updated) setSaved(updated);
            else window.location.hash = done;
          }}
        />
        <div class="after-save">
          <a class="button button-primary button-large" href={done}>
            {saved.runId ? 'Back to the run' : 'All pain reports'}
          </a>
          <button type="button" class="button button-large" onClick={() => setSaved(null)}>
            Report another pain
          </button>
          <a class="button button-quiet" href="#/patterns">
            See your patterns
          </a>
        </div>
      </div>
    );
  }

  return (
    <div class="page pain-report-page" data-testid="pain-report-page">
      {back}
      <div class="page-head">
        <div>
          <h1 tabIndex={-1}>Report pain</h1>
          <p class="page-sub" data-testid="report-target">
            {run.data
              ? `On your run of ${runLabel(run.data, athlete.units)}`
              : 'On one of your runs, or on a day without a recorded run'}
          </p>
        </div>
      </div>
      {!runId && (
        <Field legend="Which run was it?" testId="field-run">
          <label class="visually-hidden" for={runChoiceId}>
            Run
          </label>
          <select
            id={runChoiceId}
            class="select-large"
            value={chosenRunId}
            onChange={(e) => setChosenRunId(e.currentTarget.value)}
            data-testid="run-choice"
          >
            <option value="">No recorded run: a day</option>
            {recent.map((r) => (
              <option key={r.id} value={r.id}>
                {runLabel(r, athlete.units)}
              </option>
            ))}
          </select>
          {!chosen && (
            <label class="day-choice" for={dayId}>
              <span>Day</span>
              <input
                id={dayId}
                type="date"
                value={day}
                max={todayLocal()}
                required
                onInput={(e) => setDay(e.currentTarget.value || todayLocal())}
                data-testid="day-choice"
              />
            </label>
          )}
        </Field>
      )}
      <PainForm
        key={targetKey}
        athleteId={athlete.id}
        units={athlete.units}
        target={target}
        onSaved={(report) => {
          setSaved(report);
          onPainChanged();
          window.scrollTo(0, 0);
        }}
      />
    </div>
  );
}
