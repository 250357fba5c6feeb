import { useEffect } from 'preact/hooks';
import type { RunDetail } from '../../../src/app/views.js';
import { CHANNEL_INFO } from '../../../src/domain/channels.js';
import type { UnitSystem } from '../../../src/domain/units.js';
import { ApiError, api } from '../api.js';
import { Notice } from '../components/Notice.js';
import { RunCharts } from '../components/RunCharts.js';
import { SummaryTiles } from '../components/SummaryTiles.js';
import { describeSource, formatRunDate, formatUtcOffset, runKindLabel } from '../format.js';
import { useResource } from '../hooks.js';

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
  onApiError: (error: unknown) => void;
}

export function RunPage({ runId, units, onApiError }: Props) {
  const [run, reloadRun] = useResource(() => api.run(runId), [runId]);
  const [series, reloadSeries] = useResource(() => api.series(runId, chartPoints()), [runId]);
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
        <h1 tabIndex={-1} data-testid="run-title">
          {formatRunDate(detail.startTime, detail.utcOffsetMin)}
        </h1>
        <p class="page-sub">
          {runKindLabel(detail.subSport)} ·{' '}
          {detail.utcOffsetMin === null
            ? 'start time in your time zone'
            : `local time at the run (${formatUtcOffset(detail.utcOffsetMin)})`}
        </p>
      </div>
      <SummaryTiles run={detail} units={units} />
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
      {series.status === 'ok' && <RunCharts series={series.data} units={units} />}
      <Sources run={detail} />
    </div>
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
