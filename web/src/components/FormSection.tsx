import { useCallback, useMemo } from 'preact/hooks';
import type { FormMetric } from '../../../src/analysis/form/types.js';
import type { RunFormView } from '../../../src/app/views.js';
import { distanceUnitLabel, type UnitSystem } from '../../../src/domain/units.js';
import { api } from '../api.js';
import { createMetricChart, metricChartHeight } from '../charts/form-charts.js';
import { type FormMarkers, formMarkers, metricChartData } from '../charts/form-data.js';
import {
  capitalise,
  EVIDENCE_LABEL,
  formatBaseline,
  formatDrift,
  formDistance,
  formHeadline,
  metricNote,
  metricTitle,
  voteLabel,
} from '../form-format.js';
import { useResource } from '../hooks.js';
import { Notice } from './Notice.js';
import { Plot } from './Plot.js';

interface Props {
  runId: string;
  units: UnitSystem;
  /** Bumped when pain reports change: the pain marker comes with the form answer. */
  painVersion: number;
}

/** Where this run's form began to drift at the same speed and grade, metric by metric. */
export function FormSection({ runId, units, painVersion }: Props) {
  const [form, reload] = useResource(() => api.runForm(runId), [runId, painVersion]);
  return (
    <section class="form-section" aria-labelledby="form-title" data-testid="form-section">
      <div class="charts-head">
        <h2 id="form-title">Form</h2>
        <p class="muted charts-help">Your running dynamics at the same speed and grade, over the run</p>
      </div>
      {form.status === 'loading' && (
        <p class="loading" role="status">
          Reading your form…
        </p>
      )}
      {form.status === 'error' && (
        <Notice
          kind="error"
          title="The form analysis did not load"
          action={{ label: 'Try again', onClick: reload }}
        >
          {form.error.message}
        </Notice>
      )}
      {form.data && <FormAnswer view={form.data} units={units} />}
    </section>
  );
}

function FormAnswer({ view, units }: { view: RunFormView; units: UnitSystem }) {
  const markers = useMemo(() => formMarkers(view, units), [view, units]);
  const evidence = EVIDENCE_LABEL[view.evidence];
  // Metrics that vote first, each group in the server's order (the order of the method's families).
  const metrics = useMemo(
    () => [...view.metrics].sort((a, b) => Number(b.votes) - Number(a.votes)),
    [view.metrics],
  );
  const state =
    view.evidence === 'insufficient' ? 'insufficient' : view.breakdownM === null ? 'held' : 'breakdown';
  return (
    <div
      class={`form-answer form-${state}`}
      data-testid="form-answer"
      data-evidence={view.evidence}
      data-state={state}
      data-breakdown-m={view.breakdownM ?? undefined}
    >
      <div class="form-summary">
        <p class="form-headline" data-testid="form-headline">
          {formHeadline(view, units)}
        </p>
        <p class="form-evidence" data-testid="form-evidence">
          <span class={`badge form-evidence-badge evidence-${view.evidence}`}>{evidence.label}</span>{' '}
          {evidence.detail}
        </p>
        {view.breakdownM !== null && markers.pain !== null && view.painOnsetM !== null && (
          <p class="form-lead" data-testid="form-run-lead">
            {view.painOnsetM >= view.breakdownM
              ? `The pain began ${formDistance(view.painOnsetM - view.breakdownM, units)} after your form began to drift.`
              : `The pain began ${formDistance(view.breakdownM - view.painOnsetM, units)} before your form began to drift.`}
          </p>
        )}
      </div>

      {metrics.length > 0 && (
        <>
          <ul class="chart-key" aria-label="Chart key">
            <li>
              <span class="key-band key-fresh" aria-hidden="true" /> Fresh baseline (±2 SD)
            </li>
            {markers.warmUpTo !== null && (
              <li>
                <span class="key-band key-warmup" aria-hidden="true" /> Warm-up, left out
              </li>
            )}
            {markers.breakdown !== null && (
              <li>
                <span class="key-line key-breakdown" aria-hidden="true" /> Form began to drift (
                {formDistance(view.breakdownM ?? 0, units)})
              </li>
            )}
            {markers.pain !== null && (
              <li data-testid="form-pain-key">
                <span class="key-line key-pain-line" aria-hidden="true" /> Pain began (
                {formDistance(view.painOnsetM ?? 0, units)})
              </li>
            )}
          </ul>
          <div class="form-metrics">
            {metrics.map((metric) => (
              <MetricChart
                key={metric.name}
                metric={metric}
                markers={markers}
                units={units}
                runId={view.runId}
              />
            ))}
          </div>
        </>
      )}

      {view.notes.length > 0 && (
        <ul class="form-notes muted" data-testid="form-notes" aria-label="Notes on this analysis">
          {view.notes.map((note) => (
            <li key={note}>{capitalise(note)}</li>
          ))}
        </ul>
      )}
      {view.evidence !== 'insufficient' && (
        <details class="how-to-read">
          <summary>How to read this</summary>
          <p>
            Each metric moves with pace and slope. Keel learns, from the fresh part of the run after the
            warm-up, how yours moves with them, and draws what it would have been at your fresh pace on the
            flat. The shaded band is its fresh range: a line that leaves the band and stays out, in the
            fatigue direction, is form drifting.
          </p>
          <p>
            The solid line marks where at least two kinds of measure (contact, cadence, bounce, balance,
            stiffness) had begun to drift; the dashed red line, where you said the pain began. Heart rate and
            power are shown for context and do not count.
          </p>
        </details>
      )}
    </div>
  );
}

function MetricChart({
  metric,
  markers,
  units,
  runId,
}: {
  metric: FormMetric;
  markers: FormMarkers;
  units: UnitSystem;
  runId: string;
}) {
  const data = useMemo(() => metricChartData(metric, units), [metric, units]);
  const title = metricTitle(metric.name);
  const unit = distanceUnitLabel(units);
  const make = useCallback(
    (el: HTMLElement, width: number) =>
      createMetricChart(el, width, data, markers, {
        title,
        unit: metric.unit,
        distanceUnit: unit,
        syncKey: `form-${runId}`,
      }),
    [data, markers, title, metric.unit, unit, runId],
  );
  const id = `form-metric-${metric.name}`;
  const drifted = metric.changeM !== null && metric.significant;
  return (
    <figure
      class={`chart form-metric${metric.votes ? '' : ' is-context'}`}
      data-testid="form-metric"
      data-metric={metric.name}
      data-votes={metric.votes}
      data-drifted={drifted}
      aria-labelledby={`${id}-title`}
    >
      <figcaption>
        <h3 id={`${id}-title`} class="chart-title">
          {title} <span class="chart-unit">({metric.unit})</span>
        </h3>
        <p class="chart-note">{metricNote(metric.name)}</p>
        <dl class="form-metric-facts">
          <div>
            <dt>Fresh</dt>
            <dd>{formatBaseline(metric)}</dd>
          </div>
          <div>
            <dt>By the end</dt>
            <dd data-testid="form-drift">{formatDrift(metric)}</dd>
          </div>
          <div>
            <dt>Drift began</dt>
            <dd data-testid="form-change">{drifted ? formDistance(metric.changeM ?? 0, units) : '–'}</dd>
          </div>
        </dl>
        <p class={`form-vote${metric.votes ? ' is-voting' : ''}`} data-testid="form-vote">
          {voteLabel(metric)}
        </p>
        <p class="visually-hidden">
          {title} at your fresh pace, {formatBaseline(metric)} when fresh, {formatDrift(metric)} by the end
          {drifted
            ? `; it began to drift at ${formDistance(metric.changeM ?? 0, units)}`
            : '; no drift found'}
          .
        </p>
      </figcaption>
      {data.x.length > 1 ? (
        <Plot make={make} height={metricChartHeight} />
      ) : (
        <p class="chart-empty muted">Too few points to draw.</p>
      )}
    </figure>
  );
}
