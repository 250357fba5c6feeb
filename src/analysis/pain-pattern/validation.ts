import { detectPatternWith, MIN_EVENTS, MIN_RUNS } from './detect.js';
import { type Scenario, type SeriesTruth, simulateHistory } from './simulate.js';
import type { PainPattern, PatternStatus, PatternTrend } from './types.js';

/**
 * Scores the detector on generated histories: shared by the validation test (which asserts the targets) and
 * `bench/pain-pattern-validation.ts` (which prints the table for docs/pain-pattern.md).
 */

/** A threshold's onset estimate counts as right within ±8% of the true median onset. */
export const ONSET_TOLERANCE = 0.08;

export interface SeriesOutcome {
  scenario: Scenario;
  seed: number;
  truth: SeriesTruth;
  /** What a right answer is: insufficient-data below the minimums, whatever the truth. */
  expectedStatus: PatternStatus;
  /** The true trend, or null when the data hold too few onsets for any trend to be claimed. */
  expectedTrend: PatternTrend | null;
  pattern: PainPattern;
}

export function expectedStatus(
  truth: SeriesTruth,
  pattern: Pick<PainPattern, 'events' | 'runs'>,
): PatternStatus {
  if (pattern.events < MIN_EVENTS || pattern.runs < MIN_RUNS) return 'insufficient-data';
  return truth.pattern === 'threshold' ? 'threshold' : 'no-pattern';
}

function expectedTrend(truth: SeriesTruth, status: PatternStatus, pattern: PainPattern): PatternTrend | null {
  const placed = pattern.onsets.filter((o) => o.onsetM !== null).length;
  return status === 'insufficient-data' || placed < MIN_EVENTS ? null : truth.trend;
}

/** `intervalResamples` 0 skips the onset interval, which nothing scored here depends on, to keep the test fast. */
export function runScenario(
  scenario: Scenario,
  histories: number,
  firstSeed: number,
  intervalResamples = 0,
): SeriesOutcome[] {
  const outcomes: SeriesOutcome[] = [];
  for (let seed = firstSeed; seed < firstSeed + histories; seed++) {
    const history = simulateHistory(scenario, seed);
    for (const series of history.series) {
      const pattern = detectPatternWith(
        series.runs,
        { asOf: history.asOf, windowDays: history.windowDays },
        { intervalResamples },
      );
      const status = expectedStatus(series.truth, pattern);
      outcomes.push({
        scenario,
        seed,
        truth: series.truth,
        expectedStatus: status,
        expectedTrend: expectedTrend(series.truth, status, pattern),
        pattern,
      });
    }
  }
  return outcomes;
}

/** |estimate − truth| / truth for still thresholds that the data can speak to; Infinity for no estimate. */
export function onsetError(outcome: SeriesOutcome): number | null {
  const truth = outcome.truth.thresholdM;
  if (truth === null || outcome.expectedStatus !== 'threshold') return null;
  const onset = outcome.pattern.onsetM;
  return onset === null ? Number.POSITIVE_INFINITY : Math.abs(onset - truth) / truth;
}

export interface ScenarioSummary {
  scenario: string;
  series: number;
  statusRight: number;
  /** Among still thresholds with enough data (see onsetError). */
  onset: { count: number; median: number; p90: number; within: number } | null;
  /** Share of those whose 90% interval holds the true threshold; null when intervals were not computed. */
  intervalCoverage: { count: number; covered: number } | null;
  /** Among series with enough onsets for a trend: right, and a direction claimed that is not the truth. */
  trend: { count: number; right: number; wrong: number } | null;
  /** Among series found to be thresholds whose truth has a basis. */
  basis: { count: number; right: number; undetermined: number; wrong: number } | null;
}

function quantile(sorted: readonly number[], q: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] as number;
}

const share = (count: number, of: number) => (of === 0 ? 0 : count / of);

export function summarise(scenario: string, outcomes: readonly SeriesOutcome[]): ScenarioSummary {
  const withError = outcomes.filter((o) => onsetError(o) !== null);
  const errors = withError.map((o) => onsetError(o) as number).sort((a, b) => a - b);
  const withInterval = withError.filter((o) => o.pattern.onsetIntervalM !== null);
  const trended = outcomes.filter((o) => o.expectedTrend !== null);
  const based = outcomes.filter((o) => o.pattern.status === 'threshold' && o.truth.basis !== null);
  const claimed = (o: SeriesOutcome) => o.pattern.trend === 'improving' || o.pattern.trend === 'worsening';
  return {
    scenario,
    series: outcomes.length,
    statusRight: share(outcomes.filter((o) => o.pattern.status === o.expectedStatus).length, outcomes.length),
    onset:
      errors.length === 0
        ? null
        : {
            count: errors.length,
            median: quantile(errors, 0.5),
            p90: quantile(errors, 0.9),
            within: share(errors.filter((e) => e <= ONSET_TOLERANCE).length, errors.length),
          },
    intervalCoverage:
      withInterval.length === 0
        ? null
        : {
            count: withInterval.length,
            covered: share(
              withInterval.filter((o) => {
                const [lo, hi] = o.pattern.onsetIntervalM as [number, number];
                const truth = o.truth.thresholdM as number;
                return lo <= truth && truth <= hi;
              }).length,
              withInterval.length,
            ),
          },
    trend:
      trended.length === 0
        ? null
        : {
            count: trended.length,
            right: share(trended.filter((o) => o.pattern.trend === o.expectedTrend).length, trended.length),
            wrong: share(
              trended.filter((o) => claimed(o) && o.pattern.trend !== o.expectedTrend).length,
              trended.length,
            ),
          },
    basis:
      based.length === 0
        ? null
        : {
            count: based.length,
            right: share(based.filter((o) => o.pattern.basis === o.truth.basis).length, based.length),
            undetermined: share(based.filter((o) => o.pattern.basis === 'undetermined').length, based.length),
            wrong: share(
              based.filter((o) => o.pattern.basis !== 'undetermined' && o.pattern.basis !== o.truth.basis)
                .length,
              based.length,
            ),
          },
  };
}

const percent = (value: number) => `${(100 * value).toFixed(1)}%`;
const counted = (value: number, count: number) => `${percent(value)} (${count})`;

export function markdownTable(summaries: readonly ScenarioSummary[]): string {
  const header =
    '| scenario | series | status right | onset error median / p90 | onset within ±8% | 90% interval holds T | trend right / wrong direction | basis right / undetermined / wrong |';
  const rule = '| --- | --: | --: | --: | --: | --: | --: | --: |';
  const rows = summaries.map((s) =>
    [
      s.scenario,
      String(s.series),
      percent(s.statusRight),
      s.onset
        ? `${percent(s.onset.median)} / ${Number.isFinite(s.onset.p90) ? percent(s.onset.p90) : 'none'}`
        : '–',
      s.onset ? counted(s.onset.within, s.onset.count) : '–',
      s.intervalCoverage ? counted(s.intervalCoverage.covered, s.intervalCoverage.count) : '–',
      s.trend ? `${percent(s.trend.right)} / ${percent(s.trend.wrong)} (${s.trend.count})` : '–',
      s.basis
        ? `${percent(s.basis.right)} / ${percent(s.basis.undetermined)} / ${percent(s.basis.wrong)} (${s.basis.count})`
        : '–',
    ].join(' | '),
  );
  return [header, rule, ...rows.map((r) => `| ${r} |`)].join('\n');
}
