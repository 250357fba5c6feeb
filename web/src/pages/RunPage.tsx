import { useEffect, useMemo } from 'preact/hooks';
import type { PainReportView, RunDetail } from '../../../src/app/views.js';
import { CHANNEL_INFO } from '../../../src/domain/channels.js';
import type { UnitSystem } from '../../../src/domain/units.js';
import { ApiError, api } from '../api.js';
import { FormSection } from '../components/FormSection.js';
import { Notice } from '../components/Notice.js';
import { PainReportList } from '../components/PainReportList.js';
import { RunCharts } from '../components/RunCharts.js';
import { SpikeNotice } from '../components/SpikeNotice.js';
import { SummaryTiles } from '../components/SummaryTiles.js';
import { describeSource, formatRunDate, formatUtcOffset, runKindLabel } from '../format.js';
import { type Resource, reportPainHref, useResource } from '../hooks.js';

/**
 * About one point per pixel or two: a sharp line on a wide screen, a calmer one on a phone. The server
 * averages samples down to this.
 */
function chartPoints(): number {
  return Math.min(1600, Math.max(400, Math.round(window.innerWidth * 1.25)));
}

interface Props {
  runId: string;
  units: UnitSystem;
  painVersion: number;
  onPainChanged: () => void;
  onApiError: (error: unknown) => void;
  /** A change of unit is being stored: what the server words in the unit is read again once it is. */
  unitsBusy?: boolean;
}

export function RunPage({ runId, units, painVersion, onPainChanged, onApiError, unitsBusy = false }: Props) {
  const [run, reloadRun] = useResource(() => api.run(runId), [runId]);
  const [pain, reloadPain] = useResource(() => api.runPainReports(runId), [runId, painVersion]);
  const painOnsetsM = useMemo(
    () => pain.data?.flatMap((r) => (r.onsetM === null ? [] : [r.onsetM])) ?? [],
    [pain.data],
  );
  useEffect(() => {
    if (run.status === 'error') onApiError(run.error);
  }, [run, onApiError]);

  const back = (
    <a class="back-link" href="#/">
      ← All runs
    </a>
  );

  if (run.status === 'loading')
    return (
      <div class="page run-page">
        {back}
        <h1 tabIndex={-1} class="loading">
          Loading the run…
        </h1>
      </div>
    );
  if (run.status === 'error') {
    const missing = run.error instanceof ApiError && (run.error.status === 404 || run.error.status === 400);
    return (
      <div class="page run-page">
        {back}
        <h1 tabIndex={-1}>{missing ? 'Run not found' : 'Keel could not load this run'}</h1>
        <Notice
          kind="error"
          title={missing ? 'There is no such run' : 'Loading failed'}
          {...(missing ? {} : { action: { label: 'Try again', onClick: reloadRun } })}
        >
          {run.error.message}
        </Notice>
      </div>
    );
  }

  const detail = run.data;
  return (
    <div class="page run-page" data-testid="run-page">
      {back}
      <div class="page-head">
        <div>
          <h1 tabIndex={-1} data-testid="run-title">
            {formatRunDate(detail.startTime, detail.utcOffsetMin, !detail.logged)}
          </h1>
          <p class="page-sub">
            {detail.logged
              ? 'From your training log'
              : `${runKindLabel(detail.subSport)} · ${
                  detail.utcOffsetMin === null
                    ? 'start time in your time zone'
                    : `local time at the run (${formatUtcOffset(detail.utcOffsetMin)})`
                }`}
          </p>
        </div>
        <a class="button button-primary button-large" href={reportPainHref(runId)} data-testid="report-pain">
          Report pain
        </a>
      </div>
      <SummaryTiles run={detail} units={units} />
      {/* Keyed by run: the next run's check must not show this one's while it loads. */}
      <RunSpike key={runId} runId={runId} units={units} unitsBusy={unitsBusy} />
      <RunPain runId={runId} units={units} reports={pain} reload={reloadPain} onPainChanged={onPainChanged} />
      {detail.logged ? (
        <p class="logged-note" data-testid="logged-note">
          This run comes from your training log: a day, a distance and a time. It has no samples to chart;
          import the watch file of the run to see them.
        </p>
      ) : (
        <>
          <FormSection runId={runId} units={units} painVersion={painVersion} />
          <RunSeriesCharts runId={runId} units={units} painOnsetsM={painOnsetsM} />
        </>
      )}
      <Sources run={detail} />
    </div>
  );
}

/**
 * The spike guard: this run against the longest run of the 30 days before it. Loaded on its own; when it cannot
 * be read the run page does without it.
 */
function RunSpike({ runId, units, unitsBusy }: { runId: string; units: UnitSystem; unitsBusy: boolean }) {
  // The server writes the message in the athlete's unit: asked again once a new unit is stored.
  const [spike] = useResource(() => api.runSpike(runId), [runId, units, unitsBusy]);
  if (spike.status !== 'ok') return null;
  return (
    <section class="run-spike" aria-label="Against your longest recent run" data-testid="run-spike">
      <SpikeNotice spike={spike.data} testId="run-spike-check" />
    </section>
  );
}

/** The pain reported on this run, with a way to add the next morning's answer. */
function RunPain({
  runId,
  units,
  reports,
  reload,
  onPainChanged,
}: {
  runId: string;
  units: UnitSystem;
  reports: Resource<PainReportView[]>;
  reload: () => void;
  onPainChanged: () => void;
}) {
  return (
    <section class="run-pain" aria-labelledby="run-pain-title" data-testid="run-pain">
      <h2 id="run-pain-title">Pain on this run</h2>
      {reports.status === 'loading' && (
        <p class="loading" role="status">
          Loading…
        </p>
      )}
      {reports.status === 'error' && (
        <Notice
          kind="error"
          title="The pain reports did not load"
          action={{ label: 'Try again', onClick: reload }}
        >
          {reports.error.message}
        </Notice>
      )}
      {reports.data?.length === 0 && (
        <p class="muted" data-testid="run-pain-none">
          None reported. If something hurt, press <a href={reportPainHref(runId)}>Report pain</a>.
        </p>
      )}
      {reports.data && reports.data.length > 0 && (
        <PainReportList reports={reports.data} units={units} linkRun={false} onChanged={onPainChanged} />
      )}
    </section>
  );
}

/** Logged runs have no samples: only recorded runs ask for a series. */
function RunSeriesCharts({
  runId,
  units,
  painOnsetsM,
}: {
  runId: string;
  units: UnitSystem;
  painOnsetsM: readonly number[];
}) {
  const [series, reloadSeries] = useResource(() => api.series(runId, chartPoints()), [runId]);
  return (
    <>
      {series.status === 'loading' && (
        <p class="loading" role="status">
          Loading the charts…
        </p>
      )}
      {series.status === 'error' && (
        <Notice
          kind="error"
          title="The charts did not load"
          action={{ label: 'Try again', onClick: reloadSeries }}
        >
          {series.error.message}
        </Notice>
      )}
      {series.status === 'ok' && <RunCharts series={series.data} units={units} painOnsetsM={painOnsetsM} />}
    </>
  );
}

/** Where the run and each channel came from: for the curious runner and for the clinician. */
function Sources({ run }: { run: RunDetail }) {
  const sources = Object.entries(run.channelSources) as [keyof typeof CHANNEL_INFO, string][];
  const imported = new Date(run.source.importedAt);
  return (
    <details class="sources" data-testid="sources">
      <summary>Where this data came from</summary>
      <p>
        File <code>{run.source.fileName}</code>
        {run.source.sessionIndex > 0 && ` (session ${run.source.sessionIndex + 1})`}, imported{' '}
        {Number.isNaN(imported.getTime()) ? run.source.importedAt : imported.toLocaleString()}.
      </p>
      {run.recordings.length > 1 && (
        <div data-testid="recordings">
          <p>
            Keel has {run.recordings.length} recordings of this run and uses the richest; the others are kept
            as they were:
          </p>
          <ul class="recordings">
            {run.recordings.map((r) => (
              <li key={`${r.fileName}-${r.importedAt}`} data-primary={r.isPrimary}>
                <code>{r.fileName}</code> ({r.format.toUpperCase()}, {r.channels.length - 1} channels)
                {r.isPrimary ? ' — used' : ''}
              </li>
            ))}
          </ul>
        </div>
      )}
      {sources.length > 0 && (
        <table class="sources-table">
          <caption class="visually-hidden">Source of each channel</caption>
          <thead>
            <tr>
              <th scope="col">Channel</th>
              <th scope="col">Source</th>
            </tr>
          </thead>
          <tbody>
            {sources.map(([channel, source]) => (
              <tr key={channel}>
                <th scope="row">{CHANNEL_INFO[channel]?.label ?? channel}</th>
                <td>
                  {describeSource(source)} <code class="muted">{source}</code>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </details>
  );
}
