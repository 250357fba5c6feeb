import { describe, expect, it } from 'vitest';
import type { FormMetric } from '../../src/analysis/form/types.js';
import type { FormSummaryView, RunFormView } from '../../src/app/views.js';
import {
  formMarkers,
  formRunsSeries,
  holdsToGuides,
  metricChartData,
} from '../../web/src/charts/form-data.js';
import {
  driftingMetrics,
  formatDrift,
  formHeadline,
  holdsToHeadline,
  holdsToRange,
  joinWords,
  painLeadText,
  trendKind,
  trendText,
  voteLabel,
} from '../../web/src/form-format.js';
import { parseRoute } from '../../web/src/hooks.js';

/** The form pages' pure helpers: words and chart data, without a browser. */

function metric(over: Partial<FormMetric> & Pick<FormMetric, 'name'>): FormMetric {
  return {
    unit: 'ms',
    baseline: 260,
    driftPct: 0,
    changeM: null,
    significant: false,
    votes: true,
    slopes: { perMps: -40, perGrade: 0 },
    series: { distanceM: [1200, 1400, 1600], corrected: [259, 261, 262], band: [256, 264] },
    ...over,
  };
}

function view(over: Partial<RunFormView> = {}): RunFormView {
  return {
    runId: 'r1',
    breakdownM: 13_700,
    evidence: 'native-dynamics',
    distanceM: 18_000,
    analysedM: [1100, 17_900],
    metrics: [
      metric({ name: 'stanceTime', driftPct: 5.8, changeM: 13_700, significant: true }),
      metric({ name: 'cadence', unit: 'steps/min', driftPct: -2.4, changeM: 13_500, significant: true }),
      metric({
        name: 'heartRate',
        unit: 'bpm',
        driftPct: 4.5,
        changeM: 9000,
        significant: true,
        votes: false,
      }),
      metric({ name: 'balanceAsymmetry', unit: 'points from 50/50', driftPct: 1.22 }),
    ],
    notes: [],
    painOnsetM: 15_100,
    ...over,
  };
}

describe('the run headline', () => {
  it('names the metrics that drifted, earliest first, and leaves out those that only inform', () => {
    expect(formHeadline(view(), 'metric')).toBe(
      'Your form held steady for the first 13.7 km, then cadence and ground contact time began to drift.',
    );
    expect(formHeadline(view(), 'imperial')).toContain('first 8.5 mi');
    expect(driftingMetrics(view().metrics).map((m) => m.name)).toEqual(['cadence', 'stanceTime']);
  });

  it('falls back to whatever drifted when no voting metric did (heart rate only)', () => {
    const hr = view({
      evidence: 'heart-rate-only',
      breakdownM: 9000,
      metrics: [metric({ name: 'heartRate', changeM: 9000, significant: true, votes: false })],
    });
    expect(formHeadline(hr, 'metric')).toContain('then heart rate began to drift');
  });

  it('says when form held, and why there is no answer', () => {
    expect(formHeadline(view({ breakdownM: null }), 'metric')).toMatch(
      /^Form held for the whole run: .* 17.9 km\.$/,
    );
    expect(
      formHeadline(
        view({ evidence: 'insufficient', breakdownM: null, notes: ['too short: 2.1 km of steady running'] }),
        'metric',
      ),
    ).toBe('Too little data: too short: 2.1 km of steady running.');
    expect(formHeadline(view({ evidence: 'insufficient', breakdownM: null, notes: [] }), 'metric')).toBe(
      'Too little data for an answer.',
    );
  });

  it('writes drift with its sign and unit, balance in points', () => {
    expect(formatDrift({ name: 'stanceTime', driftPct: 5.84 })).toBe('+5.8 %');
    expect(formatDrift({ name: 'cadence', driftPct: -2.36 })).toBe('−2.4 %');
    expect(formatDrift({ name: 'balanceAsymmetry', driftPct: 1.22 })).toBe('+1.2 points');
    expect(formatDrift({ name: 'cadence', driftPct: 0.01 })).toBe('±0.0 %');
    expect(voteLabel(metric({ name: 'heartRate', votes: false }))).toMatch(/does not count/);
    expect(voteLabel(metric({ name: 'cadence', changeM: 1, significant: true }))).toBe('Counts: it drifted');
    expect(voteLabel(metric({ name: 'cadence' }))).toBe('Counts: it held');
    expect(joinWords(['a', 'b', 'c'])).toBe('a, b and c');
  });
});

describe('the run charts', () => {
  it('puts the markers and the warm-up in display units', () => {
    expect(formMarkers(view(), 'metric')).toEqual({ breakdown: 13.7, pain: 15.1, warmUpTo: 1.1, end: 18 });
    const miles = formMarkers(view({ painOnsetM: null }), 'imperial');
    expect(miles.pain).toBeNull();
    expect(miles.breakdown).toBeCloseTo(8.513, 2);
  });

  it('drops non-finite points, and holds the band and the line in the y range', () => {
    const data = metricChartData(
      metric({
        name: 'stanceTime',
        series: {
          distanceM: [1000, 1200, Number.NaN, 1600],
          corrected: [259, Number.NaN, 270, 275],
          band: [264, 256],
        },
      }),
      'metric',
    );
    expect(data.x).toEqual([1, 1.6]);
    expect(data.y).toEqual([259, 275]);
    expect(data.band).toEqual([256, 264]);
    expect(data.range[0]).toBeLessThan(256);
    expect(data.range[1]).toBeGreaterThan(275);
    const flat = metricChartData(
      metric({
        name: 'cadence',
        baseline: 170,
        series: { distanceM: [0, 1], corrected: [170, 170], band: [170, 170] },
      }),
      'metric',
    );
    expect(flat.range[1] - flat.range[0]).toBeGreaterThan(1);
  });
});

const summary: FormSummaryView = {
  analysed: 4,
  breakdowns: 2,
  holdsToM: { median: 12_700, q1: 12_300, q3: 13_700 },
  trend: { perWeekM: 166, tau: 0.8, significant: true },
  painLead: [
    { runId: 'a', breakdownM: 12_000, painOnsetM: 13_500, leadM: 1500 },
    { runId: 'b', breakdownM: 13_000, painOnsetM: 14_500, leadM: 1500 },
  ],
  medianPainLeadM: 1500,
  notes: [],
  runs: [
    {
      runId: 'b',
      startTime: '2026-03-08T07:00:00Z',
      distanceM: 16_000,
      breakdownM: 13_000,
      evidence: 'native-dynamics',
      painOnsetM: 14_500,
    },
    {
      runId: 'a',
      startTime: '2026-03-01T07:00:00Z',
      distanceM: 15_000,
      breakdownM: 12_000,
      evidence: 'native-dynamics',
      painOnsetM: 13_500,
    },
    {
      runId: 'c',
      startTime: '2026-03-03T07:00:00Z',
      distanceM: 8000,
      breakdownM: null,
      evidence: 'cadence-only',
      painOnsetM: null,
    },
    {
      runId: 'd',
      startTime: '2026-03-04T07:00:00Z',
      distanceM: 2000,
      breakdownM: null,
      evidence: 'insufficient',
      painOnsetM: null,
    },
  ],
  window: { from: '2025-09-10', to: '2026-03-09', days: 180 },
};

describe('the form page', () => {
  it('says how far form holds, with the middle half as a range', () => {
    expect(holdsToHeadline(summary, 'metric')).toBe('Form holds to 12.7 km');
    expect(holdsToHeadline(summary, 'imperial')).toBe('Form holds to 7.9 mi');
    expect(
      holdsToHeadline({ ...summary, holdsToM: { median: null, q1: 14_000, q3: null } }, 'metric'),
    ).toMatch(/held on most runs/);
    expect(holdsToHeadline({ ...summary, analysed: 0 }, 'metric')).toBe('No runs with form data yet');
    expect(holdsToRange(summary.holdsToM, 'metric')).toBe('12.3 km–13.7 km');
    expect(holdsToRange({ median: null, q1: 14_000, q3: null }, 'metric')).toBe('from 14.0 km up');
    expect(holdsToRange({ median: null, q1: null, q3: null }, 'metric')).toBeNull();
  });

  it('puts the trend and the pain lead in words', () => {
    expect(trendText(summary.trend, 'metric')).toBe('Moving out by about 0.17 km a week (a clear trend).');
    expect(trendText({ perWeekM: -80, tau: -0.2, significant: false }, 'imperial')).toMatch(
      /^Moving in by about 0.05 mi a week \(not a clear trend yet/,
    );
    expect(trendText(null, 'metric')).toBeNull();
    expect(trendKind(summary.trend)).toBe('out');
    expect(trendKind({ perWeekM: -80, tau: -0.2, significant: false })).toBe('unclear');
    expect(painLeadText(summary, 'metric')).toBe(
      'On runs with pain, your form began to drift a median of 1.5 km before the pain (2 runs with both).',
    );
    expect(painLeadText({ medianPainLeadM: -600, painLead: [summary.painLead[0] as never] }, 'metric')).toBe(
      'On runs with pain, your form began to drift 0.6 km after the pain (1 run with both).',
    );
    expect(painLeadText({ medianPainLeadM: null, painLead: [] }, 'metric')).toBeNull();
  });

  it('charts the analysed runs oldest first: a breakdown, a run that held, a pain onset', () => {
    const s = formRunsSeries(summary, 'metric');
    expect(s.runIds).toEqual(['a', 'c', 'b']);
    expect(s.x[0]).toBe(Date.parse('2026-03-01T07:00:00Z') / 1000);
    expect(s.breakdown).toEqual([12, null, 13]);
    expect(s.held).toEqual([null, 8, null]);
    expect(s.pain).toEqual([13.5, null, 14.5]);
    expect(holdsToGuides(summary.holdsToM, 'metric')).toEqual({ median: 12.7, band: [12.3, 13.7] });
    expect(holdsToGuides({ median: null, q1: 1000, q3: null }, 'metric')).toEqual({
      median: null,
      band: null,
    });
  });

  it('has its own route', () => {
    expect(parseRoute('#/form')).toEqual({ page: 'form' });
    expect(parseRoute('#/form/')).toEqual({ page: 'form' });
  });
});
