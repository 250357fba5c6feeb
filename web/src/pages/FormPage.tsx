import { useCallback, useEffect, useId, useMemo, useState } from 'preact/hooks';
import type { AthleteView, FormSummaryView } from '../../../src/app/views.js';
import { distanceUnitLabel, type UnitSystem } from '../../../src/domain/units.js';
import { api } from '../api.js';
import { createFormRunsChart, formRunsChartHeight } from '../charts/form-charts.js';
import { formRunsSeries, holdsToGuides } from '../charts/form-data.js';
import { Notice } from '../components/Notice.js';
import { Plot } from '../components/Plot.js';
import {
  capitalise,
  formDistance,
  holdsToHeadline,
  holdsToRange,
  painLeadText,
  trendKind,
  trendText,
} from '../form-format.js';
import { plural } from '../format.js';
import { useResource } from '../hooks.js';

const WINDOWS = [
  { days: 90, label: 'last 3 months' },
  { days: 180, label: 'last 6 months' },
  { days: 365, label: 'last 12 months' },
  { days: 730, label: 'last 2 years' },
] as const;

const TREND_BADGE = {
  out: 'Moving out',
  in: 'Moving in',
  flat: 'Holding steady',
  unclear: 'No clear trend',
} as const;

interface Props {
  athlete: AthleteView;
  /** Bumped whenever a pain report changes: the pain lead is read again. */
  painVersion: number;
  onApiError: (error: unknown) => void;
}

/** How far your form holds, run after run, and how that distance moves as you train. */
export function FormPage({ athlete, painVersion, onApiError }: Props) {
  const [days, setDays] = useState<number>(180);
  const windowId = useId();
  const [summary, reload] = useResource(() => api.form(athlete.id, days), [athlete.id, days, painVersion]);
  useEffect(() => {
    if (summary.status === 'error') onApiError(summary.error);
  }, [summary, onApiError]);

  return (
    <div class="page form-page" data-testid="form-page">
      <div class="page-head">
        <div>
          <h1 tabIndex={-1}>Form</h1>
          <p class="page-sub">How far into a run does your form hold, before it starts to drift?</p>
        </div>
        <label class="window-choice" for={windowId}>
          <span>Runs from the</span>
          <select
            id={windowId}
            value={days}
            onChange={(e) => setDays(Number(e.currentTarget.value))}
            data-testid="form-window"
          >
            {WINDOWS.map((w) => (
              <option key={w.days} value={w.days}>
                {w.label}
              </option>
            ))}
          </select>
        </label>
      </div>
      {summary.status === 'loading' && (
        <p class="loading" role="status">
          Reading your form over your runs…
        </p>
      )}
      {summary.status === 'error' && (
        <Notice
          kind="error"
          title="Keel could not read your form"
          action={{ label: 'Try again', onClick: reload }}
        >
          {summary.error.message}
        </Notice>
      )}
      {summary.data &&
        (summary.data.analysed === 0 ? (
          <NoForm summary={summary.data} />
        ) : (
          <FormSummary summary={summary.data} units={athlete.units} />
        ))}
    </div>
  );
}

function FormSummary({ summary, units }: { summary: FormSummaryView; units: UnitSystem }) {
  const unit = distanceUnitLabel(units);
  const range = holdsToRange(summary.holdsToM, units);
  const trend = trendText(summary.trend, units);
  const kind = trendKind(summary.trend);
  const lead = painLeadText(summary, units);
  const series = useMemo(() => formRunsSeries(summary, units), [summary, units]);
  const guides = useMemo(() => holdsToGuides(summary.holdsToM, units), [summary.holdsToM, units]);
  const make = useCallback(
    (el: HTMLElement, width: number) => createFormRunsChart(el, width, series, guides, unit),
    [series, guides, unit],
  );
  const withPain = series.pain.filter((v) => v !== null).length;
  return (
    <article
      class="card pattern-card form-card"
      aria-labelledby="form-holds-title"
      data-testid="form-summary"
    >
      <header class="pattern-head">
        <h2 id="form-holds-title" data-testid="form-holds-to">
          {holdsToHeadline(summary, units)}
        </h2>
        {kind && (
          <div class="pattern-badges">
            <span
              class={`badge pattern-trend form-trend-${kind}${kind === 'out' ? ' trend-improving' : kind === 'in' ? ' trend-worsening' : ''}`}
              data-testid="form-trend-badge"
            >
              {TREND_BADGE[kind]}
            </span>
          </div>
        )}
      </header>
      <dl class="pattern-numbers">
        <div>
          <dt>Form holds to</dt>
          <dd data-testid="form-holds-median">
            {summary.holdsToM.median === null
              ? 'beyond your runs'
              : formDistance(summary.holdsToM.median, units)}
            {range && <span class="pattern-interval">middle half of runs: {range}</span>}
          </dd>
        </div>
        <div>
          <dt>Runs analysed</dt>
          <dd data-testid="form-analysed">{plural(summary.analysed, 'run')}</dd>
        </div>
        <div>
          <dt>Form drifted on</dt>
          <dd data-testid="form-breakdowns">
            {summary.breakdowns} of {plural(summary.analysed, 'run')}
          </dd>
        </div>
      </dl>
      <div class="pattern-explanation">
        {lead && (
          <p class="pattern-headline" data-testid="form-pain-lead">
            {lead}
          </p>
        )}
        <p data-testid="form-trend">
          {trend ??
            `A trend over the weeks needs at least five runs where form drifted; there are ${summary.breakdowns}.`}
        </p>
      </div>

      <figure class="chart" data-testid="form-runs-chart" aria-labelledby="form-runs-title">
        <figcaption>
          <h3 id="form-runs-title" class="chart-title">
            Where form began to drift, run by run
          </h3>
          <p class="chart-note">
            {summary.window.from} to {summary.window.to}
          </p>
          <p class="visually-hidden">
            {plural(series.x.length, 'run')}: form drifted on {summary.breakdowns}
            {summary.holdsToM.median !== null &&
              `, typically from ${formDistance(summary.holdsToM.median, units)}`}
            ;{withPain > 0 ? ` ${plural(withPain, 'run')} with a pain onset marked.` : ' no pain onsets.'}
          </p>
        </figcaption>
        {series.x.length > 0 ? (
          <Plot make={make} height={formRunsChartHeight} />
        ) : (
          <p class="chart-empty muted">No analysed runs in this window.</p>
        )}
      </figure>
      <ul class="chart-key" aria-label="Chart key">
        <li>
          <span class="key-dot key-breakdown" aria-hidden="true" /> Form began to drift
        </li>
        <li>
          <span class="key-dot key-run" aria-hidden="true" /> Held the whole run (its distance)
        </li>
        <li>
          <span class="key-diamond" aria-hidden="true" /> Pain began
        </li>
        {guides.median !== null && (
          <li>
            <span class="key-line key-holds" aria-hidden="true" /> Holds to (median)
          </li>
        )}
        {guides.band && (
          <li>
            <span class="key-band" aria-hidden="true" /> Middle half of runs
          </li>
        )}
      </ul>

      {summary.notes.length > 0 && (
        <ul class="form-notes muted" data-testid="form-summary-notes" aria-label="Notes on this summary">
          {summary.notes.map((note) => (
            <li key={note}>{capitalise(note)}.</li>
          ))}
        </ul>
      )}

      <details class="how-to-read">
        <summary>How to read this</summary>
        <p>
          On each run with running dynamics, Keel looks for the distance where your ground contact time,
          cadence, bounce and balance begin to drift at the same speed and grade: stabilizers tiring and form
          giving way.
          <strong> Form holds to</strong> is the distance by which half of your runs had drifted, counting the
          runs where form held all the way as holding at least that far.
        </p>
        <p>
          Filled dots climbing over the weeks mean your form holds further: the stabilizer work is paying off.
          When the diamonds (pain) sit just above the filled dots, the pain follows the drift: keeping form
          longer should push the pain out too. The analysis covers {summary.window.days} days.
        </p>
      </details>
    </article>
  );
}

function NoForm({ summary }: { summary: FormSummaryView }) {
  return (
    <section class="empty" data-testid="form-empty" aria-labelledby="form-empty-title">
      <h2 id="form-empty-title">No runs with form data yet</h2>
      <p>
        Keel reads your form from running dynamics: ground contact time, cadence, vertical oscillation and
        balance.
        {summary.runs.length > 0 &&
          ` None of your ${plural(summary.runs.length, 'run')} from the last ${summary.window.days} days had enough of them.`}{' '}
        To get there:
      </p>
      <ol>
        <li>
          Run with a sensor that records running dynamics: a chest strap (Garmin HRM-Pro, HRM-Run), a foot pod
          (Stryd, RunScribe), or a watch that measures them at the wrist.
        </li>
        <li>Import the FIT files of those runs: other formats (GPX, TCX) usually leave the dynamics out.</li>
        <li>Runs need at least 4 km, including a 1 km warm-up, of steady running for an answer.</li>
      </ol>
      <p class="empty-actions">
        <a class="button button-primary" href="#/">
          Add runs
        </a>
      </p>
    </section>
  );
}
