import { beforeAll, describe, expect, it } from 'vitest';
import { MIN_EVENTS } from './detect.js';
import { SCENARIOS, type Scenario } from './simulate.js';
import { ONSET_TOLERANCE, onsetError, runScenario, type SeriesOutcome, summarise } from './validation.js';

/**
 * The detector against generated histories with a known truth (docs/pain-pattern.md states every target and
 * what was measured). 200 histories per scenario, seeds 1–200; the onset interval is skipped, nothing here
 * depends on it (the benchmark measures its coverage).
 */
const HISTORIES = 200;

let outcomes: Map<Scenario, SeriesOutcome[]>;
const of = (...scenarios: Scenario[]) => scenarios.flatMap((s) => outcomes.get(s) ?? []);
const share = (items: readonly SeriesOutcome[], test: (o: SeriesOutcome) => boolean) =>
  items.filter(test).length / items.length;

beforeAll(() => {
  outcomes = new Map(SCENARIOS.map((scenario) => [scenario, runScenario(scenario, HISTORIES, 1)]));
});

describe('validation on generated histories', () => {
  it('gets the status right in at least 90% of all series', () => {
    const all = of(...SCENARIOS);
    expect(all.length).toBeGreaterThanOrEqual(HISTORIES * SCENARIOS.length);
    expect(share(all, (o) => o.pattern.status === o.expectedStatus)).toBeGreaterThanOrEqual(0.9);
  });

  it('never claims a threshold from fewer than 3 painful runs, in any series', () => {
    for (const o of of(...SCENARIOS)) {
      if (o.pattern.events < MIN_EVENTS)
        expect(o.pattern.status, `${o.scenario} seed ${o.seed}`).not.toBe('threshold');
    }
  });

  it('places sharp thresholds within ±8% in at least 90% of series', () => {
    // Criterion: every still threshold with a 2–8% spread and onsets mostly given (scenarios sharp-threshold,
    // miles, few-events and two-regions) that has ≥ 3 painful runs and ≥ 8 runs, so that a threshold is the
    // right answer; |onsetM − T| ≤ 0.08·T, with no estimate counting as a miss.
    const errors = of('sharp-threshold', 'miles', 'few-events', 'two-regions').flatMap((o) => {
      const e = onsetError(o);
      return e === null ? [] : [e];
    });
    expect(errors.length).toBeGreaterThan(500);
    expect(errors.filter((e) => e <= ONSET_TOLERANCE).length / errors.length).toBeGreaterThanOrEqual(0.9);
  });

  it('still places thresholds within ±8% in at least 80% when most painful runs gave no onset', () => {
    expect(summarise('unknown-onsets', of('unknown-onsets')).onset?.within).toBeGreaterThanOrEqual(0.8);
  });

  it('sees a moving threshold move in at least 60% of series, and never the wrong way', () => {
    for (const scenario of ['moving-out', 'moving-in'] as const) {
      const trend = summarise(scenario, of(scenario)).trend;
      expect(trend?.right, scenario).toBeGreaterThanOrEqual(0.6);
      expect(trend?.wrong, scenario).toBeLessThanOrEqual(0.02);
    }
  });

  it('calls a still threshold moving in at most 8% of series (the test is at the 5% level)', () => {
    const trend = summarise(
      'still',
      of('sharp-threshold', 'wide-threshold', 'miles', 'few-events', 'two-regions'),
    ).trend;
    expect(trend?.wrong).toBeLessThanOrEqual(0.08);
  });

  it('tells time on feet from distance when pace varies, and rarely the wrong way round', () => {
    expect(summarise('time-bound', of('time-bound')).basis?.right).toBeGreaterThanOrEqual(0.75);
    const distanceBound = summarise(
      'distance',
      of('sharp-threshold', 'wide-threshold', 'miles', 'two-regions'),
    );
    expect(distanceBound.basis?.wrong).toBeLessThanOrEqual(0.03);
  });
});
