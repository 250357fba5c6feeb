import { describe, expect, it } from 'vitest';
import { METRES_PER_MILE } from '../../domain/units.js';
import { SCENARIOS, simulateHistory } from './simulate.js';

const DAY_MS = 86_400_000;

describe('simulateHistory', () => {
  it('repeats for a seed and differs between seeds', () => {
    expect(simulateHistory('sharp-threshold', 1)).toEqual(simulateHistory('sharp-threshold', 1));
    expect(simulateHistory('sharp-threshold', 1)).not.toEqual(simulateHistory('sharp-threshold', 2));
  });

  it.each(SCENARIOS)('%s: 8–60 runs in the window, onsets inside their runs', (scenario) => {
    for (let seed = 1; seed <= 30; seed++) {
      const history = simulateHistory(scenario, seed);
      for (const { runs } of history.series) {
        expect(runs.length).toBeGreaterThanOrEqual(8);
        expect(runs.length).toBeLessThanOrEqual(60);
        for (const run of runs) {
          const ageDays = (history.asOf.getTime() - run.startTime.getTime()) / DAY_MS;
          expect(ageDays).toBeGreaterThanOrEqual(0);
          expect(ageDays).toBeLessThan(history.windowDays);
          expect(run.distanceM).toBeGreaterThan(0);
          expect(run.durationS).toBeGreaterThan(0);
          if (run.pain?.onsetM != null) expect(run.pain.onsetM).toBeLessThanOrEqual(run.distanceM);
          if (run.pain?.onsetS != null) expect(run.pain.onsetS).toBeLessThanOrEqual(run.durationS);
        }
      }
    }
  });

  it('plans runs in whole miles for runners who use miles', () => {
    let whole = 0;
    let all = 0;
    for (let seed = 1; seed <= 20; seed++) {
      for (const run of simulateHistory('miles', seed).series[0]?.runs ?? []) {
        const miles = run.distanceM / METRES_PER_MILE;
        all++;
        if (Math.abs(miles - Math.round(miles)) / miles < 0.04) whole++;
      }
    }
    // Runs cut short by pain end anywhere.
    expect(whole / all).toBeGreaterThan(0.7);
  });

  it('gives two regions the same runs with their own pain', () => {
    const history = simulateHistory('two-regions', 3);
    expect(history.series).toHaveLength(2);
    const [a, b] = history.series;
    expect(a?.runs.map((r) => [r.runId, r.distanceM])).toEqual(b?.runs.map((r) => [r.runId, r.distanceM]));
    expect(a?.label).not.toBe(b?.label);
  });

  it('records the truth each scenario was built with', () => {
    expect(simulateHistory('moving-out', 1).series[0]?.truth).toMatchObject({
      pattern: 'threshold',
      trend: 'improving',
    });
    expect(simulateHistory('moving-in', 1).series[0]?.truth).toMatchObject({
      trend: 'worsening',
      thresholdM: null,
    });
    expect(simulateHistory('time-bound', 1).series[0]?.truth.basis).toBe('time');
    expect(simulateHistory('constant-hazard', 1).series[0]?.truth.pattern).toBe('none');
  });
});
