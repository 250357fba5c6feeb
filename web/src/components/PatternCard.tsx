import { useCallback, useMemo } from 'preact/hooks';
import type { PainPatternView } from '../../../src/app/views.js';
import { distanceUnitLabel, formatDistance, type UnitSystem } from '../../../src/domain/units.js';
import { createOnsetChart, createSurvivalChart, patternChartHeight } from '../charts/pattern-charts.js';
import { onsetSeries, patternGuides, survivalSeries } from '../charts/pattern-data.js';
import { plural } from '../format.js';
import { reportPainHref } from '../hooks.js';
import { PATTERN_STATUS_LABEL, painPlace, TREND_LABEL } from '../pain-format.js';
import { Plot } from './Plot.js';

type Reason = PainPatternView['reasons'][number];

/** What the runner can do about a reason the pattern is not settled yet. */
const NEXT_STEP: Partial<Record<Reason, string>> = {
  'too-few-painful-runs': 'Report pain after each run that hurts, with the distance where it began.',
  'too-few-runs':
    'Keep importing your runs, the pain-free ones too: they show how far you can go without pain.',
  'spread-unchecked': 'Slide to where the pain began instead of answering “not sure when”.',
  'no-fit': 'Slide to where the pain began instead of answering “not sure when”.',
  'runs-without-distance-left-out':
    'Some runs have no distance (a treadmill without a footpod?) and were left out.',
  'time-basis-unavailable': 'Some runs have no time on feet, so Keel could not compare distance with time.',
};

interface Props {
  pattern: PainPatternView;
  units: UnitSystem;
}

/** One painful area: is it the same distance every time, where, is it moving, and the evidence. */
export function PatternCard({ pattern, units }: Props) {
  const unit = distanceUnitLabel(units);
  const place = painPlace(pattern.region, pattern.side);
  const id = `pattern-${pattern.region}-${pattern.side}`;
  const guides = useMemo(() => patternGuides(pattern, units), [pattern, units]);
  const survival = useMemo(() => survivalSeries(pattern, units), [pattern, units]);
  const onsets = useMemo(() => onsetSeries(pattern, units), [pattern, units]);
  const makeSurvival = useCallback(
    (el: HTMLElement, width: number) => createSurvivalChart(el, width, survival, guides, unit),
    [survival, guides, unit],
  );
  const makeOnsets = useCallback(
    (el: HTMLElement, width: number) => createOnsetChart(el, width, onsets, guides, unit),
    [onsets, guides, unit],
  );
  const distance = (m: number) => formatDistance(m, units, 1);
  const interval = pattern.onsetIntervalM;
  const steps = [...new Set(pattern.reasons.map((r) => NEXT_STEP[r]).filter((s): s is string => !!s))];
  const trend = pattern.trend ? TREND_LABEL[pattern.trend] : null;
  // The first paragraph says what the charts show; the rest (how sure, why, what to train) reads better after them.
  const [summary, ...more] = pattern.explanation.paragraphs;
  const placed = pattern.onsets.filter((o) => o.onsetM !== null);

  return (
    <article
      class={`card pattern-card pattern-${pattern.status}`}
      aria-labelledby={`${id}-title`}
      data-testid="pattern-card"
      data-region={pattern.region}
      data-side={pattern.side}
      data-status={pattern.status}
    >
      <header class="pattern-head">
        <h2 id={`${id}-title`}>{place}</h2>
        <div class="pattern-badges">
          <span class={`badge pattern-status status-${pattern.status}`} data-testid="pattern-status">
            {PATTERN_STATUS_LABEL[pattern.status]}
          </span>
          {trend && (
            <span
              class={`badge pattern-trend trend-${pattern.trend}`}
              title={trend.title}
              data-testid="pattern-trend"
            >
              {trend.label}
            </span>
          )}
        </div>
      </header>

      <dl class="pattern-numbers">
        <div>
          <dt>Pain usually begins</dt>
          <dd>
            {pattern.onsetM === null ? '–' : `around ${distance(pattern.onsetM)}`}
            {interval && (
              <span class="pattern-interval">
                {' '}
                (90% range {distance(interval[0])}–{distance(interval[1])})
              </span>
            )}
          </dd>
        </div>
        <div>
          <dt>Pain-free below</dt>
          <dd>{pattern.painFreeM === null ? '–' : distance(pattern.painFreeM)}</dd>
        </div>
        <div>
          <dt>Painful runs</dt>
          <dd>
            {pattern.events} of {plural(pattern.runs, 'run')}
          </dd>
        </div>
      </dl>

      <div class="pattern-explanation">
        <p class="pattern-headline" data-testid="pattern-headline">
          {pattern.explanation.headline}
        </p>
        {summary && <p>{summary}</p>}
      </div>

      {pattern.status !== 'threshold' && steps.length > 0 && (
        <div class="pattern-next" data-testid="pattern-next">
          <p class="pattern-next-title">To get a clearer answer</p>
          <ul>
            {steps.map((step) => (
              <li key={step}>{step}</li>
            ))}
          </ul>
          <a class="button" href={reportPainHref(null)}>
            Report pain
          </a>
        </div>
      )}

      <div class="pattern-charts">
        <figure class="chart" data-testid="pattern-survival" aria-labelledby={`${id}-survival`}>
          <figcaption>
            <h3 id={`${id}-survival`} class="chart-title">
              Pain-free curve
            </h3>
            <p class="chart-note">Of your runs, the share still pain-free at each distance</p>
            <p class="visually-hidden">
              {pattern.painFreeM === null
                ? 'No distance yet below which runs stay pain-free.'
                : `Runs stay pain-free below ${distance(pattern.painFreeM)}.`}{' '}
              {pattern.onsetM !== null && `Half of them hurt by ${distance(pattern.onsetM)}.`}
            </p>
          </figcaption>
          {survival.x.length > 1 ? (
            <Plot make={makeSurvival} height={patternChartHeight} />
          ) : (
            <p class="chart-empty muted">Not enough runs for a curve yet.</p>
          )}
        </figure>
        <figure class="chart" data-testid="pattern-onsets" aria-labelledby={`${id}-onsets`}>
          <figcaption>
            <h3 id={`${id}-onsets`} class="chart-title">
              Where it began, run by run
            </h3>
            <p class="chart-note">Each run’s distance, and where the pain began on the runs that hurt</p>
            <p class="visually-hidden">
              {plural(onsets.x.length, 'run')} from {pattern.window.from} to {pattern.window.to};{' '}
              {placed.length > 0
                ? `pain began between ${distance(Math.min(...placed.map((o) => o.onsetM ?? 0)))} and ${distance(Math.max(...placed.map((o) => o.onsetM ?? 0)))}.`
                : 'no onset distances given.'}
            </p>
          </figcaption>
          {onsets.x.length > 0 ? (
            <Plot make={makeOnsets} height={patternChartHeight} />
          ) : (
            <p class="chart-empty muted">No runs in this window.</p>
          )}
        </figure>
      </div>
      <ul class="chart-key" aria-label="Chart key">
        {guides.band && (
          <li>
            <span class="key-band" aria-hidden="true" /> Typical onset, 90% range
          </li>
        )}
        {guides.painFree !== null && (
          <li>
            <span class="key-line" aria-hidden="true" /> Pain-free below this
          </li>
        )}
        <li>
          <span class="key-dot key-pain" aria-hidden="true" /> Pain began
        </li>
        <li>
          <span class="key-dot key-run" aria-hidden="true" /> A run’s distance
        </li>
      </ul>

      {more.length > 0 && (
        <div class="pattern-explanation" data-testid="pattern-more">
          {more.map((paragraph) => (
            <p key={paragraph}>{paragraph}</p>
          ))}
        </div>
      )}

      <details class="how-to-read">
        <summary>How to read this</summary>
        <p>
          <strong>The pain-free curve</strong> starts at 100%: at the start of a run nothing hurts yet. Each
          step down is a run where the pain began at that distance. Where it drops steeply, many runs started
          to hurt at about the same distance: that is the same-distance pattern. Runs that stayed pain-free
          count too, as far as they went.
        </p>
        <p>
          <strong>Run by run</strong>, each hollow dot is a run’s distance and each filled dot where the pain
          began on it. Filled dots in a level band mean the same distance, run after run. Dots climbing over
          the months mean the threshold is moving out; dots sinking, that it is moving in.
        </p>
        <p>
          The shaded band is where the typical onset lies, with 90% confidence; the dashed line is the
          distance below which your runs stayed pain-free. Keep your long runs near or below that line while
          the stabilizer work pushes it out. The analysis covers {pattern.window.days} days,{' '}
          {pattern.window.from} to {pattern.window.to}.
        </p>
      </details>
    </article>
  );
}
