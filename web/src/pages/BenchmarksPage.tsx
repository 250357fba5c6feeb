import { useCallback, useEffect, useMemo, useState } from 'preact/hooks';
import type { AthleteView, BenchmarkResultView, BenchmarksView } from '../../../src/app/views.js';
import type { BenchmarkResultInput } from '../../../src/coach/benchmarks/input.js';
import type {
  BenchmarkFinding,
  BenchmarkTest,
  McGillRatio,
  TestEvaluation,
} from '../../../src/coach/benchmarks/types.js';
import { api } from '../api.js';
import { benchmarkChartHeight, benchmarkSeries, createBenchmarkChart } from '../charts/benchmark-charts.js';
import { ConfirmDelete } from '../components/ConfirmDelete.js';
import { FormActions } from '../components/FormActions.js';
import { Notice } from '../components/Notice.js';
import { Plot } from '../components/Plot.js';
import { ProfileForm } from '../components/ProfileForm.js';
import { plural } from '../format.js';
import { useResource } from '../hooks.js';
import {
  benchmarkValue,
  COMPARISON_LABEL,
  changeText,
  formatDay,
  localToday,
  regionLabel,
  sideLabel,
  UNIT_WORD,
} from '../program-format.js';

interface Props {
  athlete: AthleteView;
  /** After the athlete's sex or year of birth changed here: read the athlete list again. */
  onAthleteChanged: () => void;
  onApiError: (error: unknown) => void;
}

const FINDING_LABEL: Record<BenchmarkFinding['kind'], string> = {
  'below-norm': 'Below norm',
  asymmetry: 'Left and right differ',
  ratio: 'Ratio',
  declining: 'Declining',
};

/** The endurance test battery: enter a test day, see each result against its norm and your own history. */
export function BenchmarksPage({ athlete, onAthleteChanged, onApiError }: Props) {
  const [benchmarks, reload] = useResource(() => api.benchmarks(athlete.id), [athlete.id]);
  useEffect(() => {
    if (benchmarks.status === 'error') onApiError(benchmarks.error);
  }, [benchmarks, onApiError]);
  const view = benchmarks.data;
  // Sex and age pick the norms, so a saved profile changes the evaluation as well as the athlete.
  const profileSaved = useCallback(() => {
    reload();
    onAthleteChanged();
  }, [reload, onAthleteChanged]);

  return (
    <div class="page benchmarks-page" data-testid="benchmarks-page">
      <div class="page-head">
        <div>
          <h1 tabIndex={-1}>Benchmarks</h1>
          <p class="page-sub">
            Endurance tests for the stabilizers, against their norms and your own earlier results. Retest
            every 4 weeks.
          </p>
        </div>
        <button type="button" class="button button-primary" data-testid="enter-test-day" onClick={toEntry}>
          Enter a test day
        </button>
      </div>
      <ProfileForm key={athlete.id} athlete={athlete} onSaved={profileSaved} onApiError={onApiError} />
      {benchmarks.status === 'loading' && !view && (
        <p class="loading" role="status">
          Loading your benchmarks…
        </p>
      )}
      {benchmarks.status === 'error' && !view && (
        <Notice
          kind="error"
          title="Keel could not load your benchmarks"
          action={{ label: 'Try again', onClick: reload }}
        >
          {benchmarks.error.message}
        </Notice>
      )}
      {view && (
        <>
          <Retest view={view} />
          {view.findings.length > 0 && <Findings findings={view.findings} />}
          {view.evaluation.ratios.length > 0 && <Ratios ratios={view.evaluation.ratios} />}
          {view.evaluation.tests.length > 0 && (
            <section class="benchmark-results" aria-labelledby="latest-title">
              <h2 id="latest-title">Latest results</h2>
              <div class="benchmark-cards">
                {view.evaluation.tests.map((evaluation) => {
                  const test = view.tests.find((t) => t.id === evaluation.testId);
                  return test ? (
                    <BenchmarkCard
                      key={test.id}
                      test={test}
                      evaluation={evaluation}
                      results={view.results}
                      onChanged={reload}
                      onApiError={onApiError}
                    />
                  ) : null;
                })}
              </div>
            </section>
          )}
          <EntryForm
            athleteId={athlete.id}
            tests={view.tests}
            profile={view.profile}
            onSaved={reload}
            onApiError={onApiError}
          />
        </>
      )}
    </div>
  );
}

/** The entry form sits below the results; the hash is the route, so scroll to it instead of linking. */
function toEntry(): void {
  const form = document.getElementById('benchmark-entry');
  form?.scrollIntoView({ behavior: 'smooth', block: 'start' });
  form?.querySelector<HTMLInputElement>('input')?.focus({ preventScroll: true });
}

function Retest({ view }: { view: BenchmarksView }) {
  const { evaluation } = view;
  if (!evaluation.latestSessionOn) {
    return (
      <Notice kind="info" title="No tests yet">
        Do the battery below once to start: the program then weighs toward what is below its norm or differs
        between left and right.
      </Notice>
    );
  }
  return (
    <div
      class={`retest card${evaluation.retestIsDue ? ' is-due' : ''}`}
      data-testid="retest"
      data-due={evaluation.retestIsDue}
    >
      <p>
        Last test day: <strong>{formatDay(evaluation.latestSessionOn)}</strong>
        {evaluation.retestDue && (
          <>
            {' · '}
            {evaluation.retestIsDue ? 'retest due since ' : 'next retest '}
            <strong data-testid="retest-due">{formatDay(evaluation.retestDue)}</strong>
          </>
        )}
      </p>
      {evaluation.retestIsDue && (
        <button type="button" class="button button-primary" data-testid="retest-now" onClick={toEntry}>
          Enter a test day
        </button>
      )}
    </div>
  );
}

function Findings({ findings }: { findings: BenchmarkFinding[] }) {
  return (
    <section class="findings card" aria-labelledby="findings-title" data-testid="findings">
      <h2 id="findings-title">What the tests point to</h2>
      <ul class="finding-list">
        {findings.map((finding, i) => (
          <li key={`${finding.testId}-${finding.kind}-${i}`} data-testid="finding" data-kind={finding.kind}>
            <span class={`badge finding-${finding.kind}`}>{FINDING_LABEL[finding.kind]}</span>{' '}
            {finding.message}
            {finding.regions.length > 0 && (
              <span class="muted">
                {' '}
                — weighs the program toward {finding.regions.map(regionLabel).join(', ').toLowerCase()}
              </span>
            )}
            <span class="finding-source">Source: {finding.source}</span>
          </li>
        ))}
      </ul>
    </section>
  );
}

function Ratios({ ratios }: { ratios: McGillRatio[] }) {
  return (
    <section class="ratios card" aria-labelledby="ratios-title" data-testid="ratios">
      <h2 id="ratios-title">Trunk endurance ratios</h2>
      <ul class="ratio-list">
        {ratios.map((ratio) => (
          <li key={ratio.id} data-within={ratio.withinTarget}>
            <strong>{ratio.label}</strong>: {ratio.value.toFixed(2)}{' '}
            <span class={`badge ${ratio.withinTarget ? 'comparison-within' : 'comparison-below'}`}>
              {ratio.withinTarget ? 'within target' : 'outside target'}
            </span>{' '}
            <span class="muted">
              target{' '}
              {ratio.target.min === null
                ? `< ${ratio.target.max}`
                : `${ratio.target.min}–${ratio.target.max}`}
              {ratio.verified ? '' : ' (to be re-checked)'}
            </span>
          </li>
        ))}
      </ul>
    </section>
  );
}

function BenchmarkCard({
  test,
  evaluation,
  results,
  onChanged,
  onApiError,
}: {
  test: BenchmarkTest;
  evaluation: TestEvaluation;
  results: BenchmarkResultView[];
  onChanged: () => void;
  onApiError: (error: unknown) => void;
}) {
  const references = useMemo(
    () =>
      evaluation.sides.flatMap((s) =>
        s.norm.reference === null ? [] : [{ side: s.side, value: s.norm.reference }],
      ),
    [evaluation],
  );
  const data = useMemo(() => benchmarkSeries(test, results, references), [test, results, references]);
  const make = useCallback(
    (el: HTMLElement, width: number) => createBenchmarkChart(el, width, test, data),
    [test, data],
  );
  const mine = results.filter((r) => r.testId === test.id);
  const standard = evaluation.sides.find((s) => s.norm.standard)?.norm.standard ?? null;
  const { symmetry } = evaluation;

  return (
    <article class="benchmark-card card" data-testid="benchmark-card" data-test-id={test.id}>
      <header class="benchmark-card-head">
        <h3>{test.name}</h3>
        <span class="muted">{formatDay(evaluation.latestOn)}</span>
      </header>
      <ul class="benchmark-sides">
        {evaluation.sides.map((side) => (
          <li key={side.side ?? 'both'} data-testid="benchmark-side" data-side={side.side ?? ''}>
            <div class="benchmark-side-head">
              {side.side && <span class="benchmark-side-name">{sideLabel(side.side)}</span>}
              <span class="benchmark-value" data-testid="benchmark-value">
                {benchmarkValue(side.value, test.unit)}
              </span>
              {side.norm.comparison && (
                <span
                  class={`badge comparison-${side.norm.comparison}`}
                  data-testid="benchmark-comparison"
                  data-comparison={side.norm.comparison}
                >
                  {COMPARISON_LABEL[side.norm.comparison]}
                  {side.norm.band ? ` · ${side.norm.band}` : ''}
                </span>
              )}
            </div>
            <p class="benchmark-explanation">{side.norm.explanation}</p>
            {side.change && (
              <p class={`benchmark-change change-${side.change.direction}`} data-testid="benchmark-change">
                {changeText(side.change, test.unit)}: {side.change.direction}
                {side.change.meaningful ? '' : ' (within the day-to-day noise)'}
              </p>
            )}
          </li>
        ))}
      </ul>
      {symmetry && (
        <p
          class={`benchmark-symmetry${symmetry.asymmetric ? ' is-asymmetric' : ''}`}
          data-testid="benchmark-symmetry"
        >
          {symmetry.lsi === null
            ? `Left ${benchmarkValue(symmetry.left, test.unit)}, right ${benchmarkValue(symmetry.right, test.unit)}`
            : `Symmetry (LSI): ${Math.round(symmetry.lsi)}%`}
          {symmetry.weakerSide && `, ${symmetry.weakerSide} weaker`}
          {symmetry.asymmetric && ' — more than the 10% Keel treats as a real difference'}
        </p>
      )}
      {standard && <p class="benchmark-standard muted">Norm: {standard}</p>}
      <div class="chart benchmark-chart">
        <Plot make={make} height={benchmarkChartHeight} testId="benchmark-chart" />
        {data.references.length > 0 && (
          <p class="chart-key">
            <span class="key-line key-norm" aria-hidden="true" /> dashed: the norm
          </p>
        )}
      </div>
      <details class="benchmark-history">
        <summary>All {plural(mine.length, 'result')}</summary>
        <ul class="benchmark-result-list">
          {[...mine].reverse().map((result) => (
            <ResultRow
              key={result.id}
              result={result}
              test={test}
              onChanged={onChanged}
              onApiError={onApiError}
            />
          ))}
        </ul>
      </details>
    </article>
  );
}

function ResultRow({
  result,
  test,
  onChanged,
  onApiError,
}: {
  result: BenchmarkResultView;
  test: BenchmarkTest;
  onChanged: () => void;
  onApiError: (error: unknown) => void;
}) {
  return (
    <li class="benchmark-result" data-testid="benchmark-result" data-result-id={result.id}>
      <span>
        {formatDay(result.takenOn, true)}
        {result.side && ` · ${result.side}`}: <strong>{benchmarkValue(result.value, test.unit)}</strong>
        {result.note && <span class="muted"> — {result.note}</span>}
      </span>
      <ConfirmDelete
        label={`Delete the ${test.name} result of ${result.takenOn}${result.side ? `, ${result.side}` : ''}`}
        testId="benchmark-delete"
        remove={async () => {
          await api.deleteBenchmark(result.id);
          onChanged();
        }}
        onApiError={onApiError}
      />
    </li>
  );
}

type FieldKey = string;
const fieldKey = (testId: string, side: 'left' | 'right' | null): FieldKey => `${testId}:${side ?? ''}`;

/**
 * "body.results.2.value: 5000 s is more than …; body.results.3.side: …" → each message under the field it names.
 * A message may hold a semicolon of its own, so only one followed by the next field's path splits.
 */
export function benchmarkErrors(
  message: string,
  keys: readonly FieldKey[],
): { fields: Map<FieldKey, string[]>; date: string[]; general: string[] } {
  const fields = new Map<FieldKey, string[]>();
  const date: string[] = [];
  const general: string[] = [];
  for (const part of message.split(/;\s+(?=(?:body\.)?results[.:])/)) {
    const match = /^(?:body\.)?results\.(\d+)\.?([a-zA-Z]*):\s*(.*)$/s.exec(part.trim());
    const key = match ? keys[Number(match[1])] : undefined;
    if (match && match[2] === 'takenOn') date.push(match[3] ?? '');
    else if (match && key !== undefined) fields.set(key, [...(fields.get(key) ?? []), match[3] ?? '']);
    else general.push(part.trim());
  }
  return { fields, date: [...new Set(date)], general };
}

function EntryForm({
  athleteId,
  tests,
  profile,
  onSaved,
  onApiError,
}: {
  athleteId: string;
  tests: readonly BenchmarkTest[];
  profile: BenchmarksView['profile'];
  onSaved: () => void;
  onApiError: (error: unknown) => void;
}) {
  const [date, setDate] = useState(localToday);
  const [values, setValues] = useState<Record<FieldKey, string>>({});
  const [fieldErrors, setFieldErrors] = useState<Map<FieldKey, string[]>>(new Map());
  const [dateError, setDateError] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [saved, setSaved] = useState<number | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (e: Event) => {
    e.preventDefault();
    setSaved(null);
    const keys: FieldKey[] = [];
    const results: BenchmarkResultInput[] = [];
    const local = new Map<FieldKey, string[]>();
    for (const test of tests) {
      for (const side of test.sided ? (['left', 'right'] as const) : [null]) {
        const key = fieldKey(test.id, side);
        const raw = (values[key] ?? '').trim().replace(',', '.');
        if (raw === '') continue;
        const value = Number(raw);
        if (!Number.isFinite(value)) {
          local.set(key, [`"${raw}" is not a number`]);
          continue;
        }
        keys.push(key);
        results.push({ testId: test.id, takenOn: date, side, value });
      }
    }
    setFieldErrors(local);
    setDateError(null);
    if (local.size > 0) {
      setError('Check the marked fields.');
      return;
    }
    if (results.length === 0) {
      setError('Enter at least one result.');
      return;
    }
    setBusy(true);
    setError(null);
    try {
      const stored = await api.addBenchmarks(athleteId, { results });
      setValues({});
      setSaved(stored.length);
      onSaved();
    } catch (err) {
      const parsed = benchmarkErrors((err as Error).message, keys);
      setFieldErrors(parsed.fields);
      setDateError(parsed.date.length > 0 ? parsed.date.join('; ') : null);
      setError(
        parsed.general.length > 0 ? parsed.general.join('; ') : 'Nothing saved: check the marked fields.',
      );
      onApiError(err);
    } finally {
      setBusy(false);
    }
  };

  return (
    <section class="benchmark-entry" id="benchmark-entry" aria-labelledby="entry-title">
      <h2 id="entry-title">Enter a test day</h2>
      <p class="muted">
        Fill in the tests you did; leave the others empty. Each side of a one-sided test is a result of its
        own.
        {profile.sex === null &&
          ' Norms that differ for women and men are not shown until your sex is set under About you above.'}
      </p>
      <form class="benchmark-form" onSubmit={submit} noValidate data-testid="benchmark-form">
        <div class={`field${dateError ? ' is-invalid' : ''}`} data-testid="benchmark-date-field">
          <label class="field-legend" for="benchmark-date">
            Day of the tests
          </label>
          {dateError && <p class="field-error">{dateError}</p>}
          <input
            id="benchmark-date"
            type="date"
            value={date}
            max={localToday()}
            data-testid="benchmark-date"
            onInput={(e) => setDate(e.currentTarget.value)}
          />
        </div>
        {tests.map((test) => (
          <div
            key={test.id}
            class={`field benchmark-field${[null, 'left', 'right'].some((s) => fieldErrors.has(fieldKey(test.id, s as 'left' | null))) ? ' is-invalid' : ''}`}
            data-testid="benchmark-field"
            data-test-id={test.id}
          >
            <p class="field-legend">{test.name}</p>
            <details class="benchmark-protocol">
              <summary>How to do the test</summary>
              <ol>
                {test.protocol.map((line) => (
                  <li key={line}>{line}</li>
                ))}
              </ol>
              <p class="muted">
                In {UNIT_WORD[test.unit]}
                {test.higherIsBetter ? '' : ' (fewer is better)'}
                {test.protocolMax !== null ? `, at most ${test.protocolMax}` : ''}. Source: {test.source}
              </p>
            </details>
            <div class="benchmark-inputs">
              {(test.sided ? (['left', 'right'] as const) : [null]).map((side) => {
                const key = fieldKey(test.id, side);
                const errors = fieldErrors.get(key);
                const inputId = `bench-${test.id}-${side ?? 'value'}`;
                const errorId = `${inputId}-error`;
                return (
                  <div key={key} class={`benchmark-input${errors ? ' is-invalid' : ''}`}>
                    <label for={inputId}>
                      {side ? sideLabel(side) : 'Result'} ({test.unit})
                    </label>
                    <input
                      id={inputId}
                      type="text"
                      inputMode="decimal"
                      autoComplete="off"
                      value={values[key] ?? ''}
                      aria-invalid={errors ? true : undefined}
                      aria-describedby={errors ? errorId : undefined}
                      data-testid={`bench-${test.id}-${side ?? 'value'}`}
                      onInput={(e) => {
                        const value = e.currentTarget.value;
                        setValues((v) => ({ ...v, [key]: value }));
                      }}
                    />
                    {errors && (
                      <p id={errorId} class="field-error" data-testid="benchmark-field-error">
                        {errors.join('; ')}
                      </p>
                    )}
                  </div>
                );
              })}
            </div>
          </div>
        ))}
        <FormActions
          error={error}
          errorTestId="benchmark-form-error"
          status={
            saved !== null && (
              <p class="settings-saved" role="status" data-testid="benchmark-saved">
                Saved {plural(saved, 'result')}.
              </p>
            )
          }
          busy={busy}
          label="Save the test day"
          submitTestId="benchmark-submit"
        />
      </form>
    </section>
  );
}
