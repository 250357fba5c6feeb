import { useEffect, useId, useState } from 'preact/hooks';
import type { AthleteView, PainPatternView } from '../../../src/app/views.js';
import { api } from '../api.js';
import { Notice } from '../components/Notice.js';
import { PatternCard } from '../components/PatternCard.js';
import { reportPainHref, useResource } from '../hooks.js';

const WINDOWS = [
  { days: 90, label: 'last 3 months' },
  { days: 180, label: 'last 6 months' },
  { days: 365, label: 'last 12 months' },
  { days: 730, label: 'last 2 years' },
] as const;

const STATUS_ORDER: Record<PainPatternView['status'], number> = {
  threshold: 0,
  'no-pattern': 1,
  'insufficient-data': 2,
};

/** A found threshold first, then the areas with an answer, then those still waiting for data; else feet up. */
function byEvidence(patterns: PainPatternView[]): PainPatternView[] {
  return [...patterns].sort((a, b) => STATUS_ORDER[a.status] - STATUS_ORDER[b.status]);
}

/** One empty list for every render, so that the charts are not drawn again for nothing. */

interface Props {
  athlete: AthleteView;
  /** Bumped whenever a pain report changes, so the patterns are read again. */
  painVersion: number;
  onApiError: (error: unknown) => void;
}

/** Same distance, same pain? One card per painful region and side. */
export function PatternsPage({ athlete, painVersion, onApiError }: Props) {
  const [days, setDays] = useState<number>(180);
  const windowId = useId();
  // The explanation is written in the athlete's unit: a switch between km and mi reads it again.
  const [patterns, reload] = useResource(
    () => api.patterns(athlete.id, days),
    [athlete.id, athlete.units, days, painVersion],
  );
  useEffect(() => {
    if (patterns.status === 'error') onApiError(patterns.error);
  }, [patterns, onApiError]);

  return (
    <div class="page patterns-page" data-testid="patterns-page">
      <div class="page-head">
        <div>
          <h1 tabIndex={-1}>Patterns</h1>
          <p class="page-sub">Does your pain start at the same distance, run after run?</p>
        </div>
        <label class="window-choice" for={windowId}>
          <span>Runs from the</span>
          <select
            id={windowId}
            value={days}
            onChange={(e) => setDays(Number(e.currentTarget.value))}
            data-testid="pattern-window"
          >
            {WINDOWS.map((w) => (
              <option key={w.days} value={w.days}>
                {w.label}
              </option>
            ))}
          </select>
        </label>
        <a
          class="button"
          href={`/api/athletes/${athlete.id}/report.html?days=${days}`}
          target="_blank"
          rel="noopener"
          data-testid="clinician-report"
          title="A one-to-two-page summary for your physical therapist: print it or save it as a PDF"
        >
          Clinician report
        </a>
      </div>
      {patterns.status === 'loading' && (
        <p class="loading" role="status">
          Looking for patterns…
        </p>
      )}
      {patterns.status === 'error' && (
        <Notice
          kind="error"
          title="Keel could not read your patterns"
          action={{ label: 'Try again', onClick: reload }}
        >
          {patterns.error.message}
        </Notice>
      )}
      {patterns.data && patterns.data.length === 0 && <NoPatterns runCount={athlete.runCount} />}
      {patterns.data && patterns.data.length > 0 && (
        <div class="pattern-list">
          {byEvidence(patterns.data).map((pattern) => (
            <PatternCard key={`${pattern.region}-${pattern.side}`} pattern={pattern} units={athlete.units} />
          ))}
        </div>
      )}
    </div>
  );
}

function NoPatterns({ runCount }: { runCount: number }) {
  return (
    <section class="empty" data-testid="patterns-empty" aria-labelledby="patterns-empty-title">
      <h2 id="patterns-empty-title">No pain recorded yet</h2>
      <p>
        Keel finds the distance at which your pain begins from the runs that hurt <em>and</em> the runs that
        did not. To get there:
      </p>
      <ol>
        <li>
          After a run that hurts, open it and press <strong>Report pain</strong>: where it hurt, and how far
          into the run it began.
        </li>
        <li>
          Keep importing all your runs, the pain-free ones too: they show how far you can go without pain.
          {runCount > 0 && ` Keel has ${runCount} of your runs so far.`}
        </li>
        <li>After three or more painful runs, the pattern for that area appears here.</li>
      </ol>
      <p class="empty-actions">
        <a class="button button-primary" href={reportPainHref(null)}>
          Report pain
        </a>
        <a class="button" href="#/">
          Add runs
        </a>
      </p>
    </section>
  );
}
