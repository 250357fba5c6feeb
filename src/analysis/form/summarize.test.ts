import { describe, expect, it } from 'vitest';
import { summarizeForm } from './summarize.js';
import type { FormAnalysis } from './types.js';

const analysis = (breakdownM: number | null, distanceM: number): FormAnalysis => ({
  breakdownM,
  evidence: 'native-dynamics',
  distanceM,
  analysedM: [1000, distanceM],
  metrics: [],
  notes: [],
});
const run = (
  week: number,
  breakdownM: number | null,
  distanceM: number,
  painOnsetM: number | null = null,
) => ({
  runId: `w${week}`,
  startTime: new Date(Date.UTC(2026, 0, 1 + 7 * week)),
  analysis: analysis(breakdownM, distanceM),
  painOnsetM,
});

describe('summarizeForm', () => {
  it('counts runs without a breakdown as holding to their length (censored)', () => {
    const s = summarizeForm([
      run(1, 12_000, 15_000),
      run(2, 13_000, 16_000),
      run(3, null, 14_000),
      run(4, null, 18_000),
    ]);
    // Kaplan–Meier: 12 km (4 at risk) → 0.75, 13 km (3 at risk) → 0.5; the 14 and 18 km runs held.
    expect(s.holdsToM).toEqual({ median: 13_000, q1: 12_000, q3: null });
  });

  it('measures how far before the pain the drift began', () => {
    const s = summarizeForm([
      run(1, 12_000, 15_000, 13_500),
      run(2, 12_500, 15_000, 14_500),
      run(3, null, 8000),
    ]);
    expect(s.painLead.map((p) => p.leadM)).toEqual([1500, 2000]);
    expect(s.medianPainLeadM).toBe(1750);
  });

  it('sees form holding longer week by week', () => {
    const s = summarizeForm([1, 2, 3, 4, 5, 6].map((w) => run(w, 10_000 + 500 * w, 16_000)));
    expect(s.trend?.perWeekM).toBeCloseTo(500, 6);
    expect(s.trend?.significant).toBe(true);
  });

  it('claims no trend from few breakdowns, and says why', () => {
    const s = summarizeForm([run(1, 12_000, 15_000), run(2, 12_500, 15_000)]);
    expect(s.trend).toBeNull();
    expect(s.notes.join(' ')).toMatch(/at least 5/);
  });
});
