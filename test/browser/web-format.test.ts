import { describe, expect, it } from 'vitest';
import type { PainPatternView, RunSeries } from '../../src/app/views.js';
import { onsetSeries, patternGuides, survivalSeries } from '../../web/src/charts/pattern-data.js';
import { buildCharts, robustRange } from '../../web/src/charts/series.js';
import {
  channelBadges,
  describeSource,
  dynamicsSources,
  formatRunDate,
  formatUtcOffset,
} from '../../web/src/format.js';
import { parseRoute } from '../../web/src/hooks.js';
import { painPlace, severityBand } from '../../web/src/pain-format.js';

/** The web app's pure helpers, without a browser. */

describe('run dates', () => {
  it('shows the start in the local time of the run when the file has an offset', () => {
    // 04:05 UTC at UTC+2 is 06:05 local, whatever time zone the browser is in.
    expect(formatRunDate('2026-05-14T04:05:59Z', 120)).toMatch(/06:05/);
    expect(formatRunDate('2026-05-14T23:30:00Z', 120)).toMatch(/15/);
    expect(formatUtcOffset(120)).toBe('UTC+2');
    expect(formatUtcOffset(-210)).toBe('UTC−3:30');
  });
});

describe('channel badges and sources', () => {
  it('groups running dynamics into one badge', () => {
    expect(
      channelBadges(['time', 'heartRate', 'stanceTime', 'verticalOscillation', 'power']).map((b) => b.key),
    ).toEqual(['hr', 'dynamics', 'power']);
    expect(channelBadges(['time', 'distance', 'speed'])).toEqual([]);
  });

  it('names where dynamics came from', () => {
    expect(describeSource('dev:Stryd/Ground Time')).toBe('Stryd (Ground Time)');
    expect(describeSource('fit:record.stance_time')).toBe('Watch (stance_time)');
    expect(
      dynamicsSources({
        stanceTime: 'dev:Stryd/Ground Time',
        verticalOscillation: 'fit:record.vertical_oscillation',
      }),
    ).toBe('Stryd, Watch');
    expect(dynamicsSources({ heartRate: 'fit:record.heart_rate' })).toBeNull();
  });
});

describe('chart data', () => {
  const n = 200;
  const series: RunSeries = {
    runId: 'r1',
    points: n,
    rawPoints: n,
    channels: {
      time: Array.from({ length: n }, (_, i) => i * 5),
      distance: Array.from({ length: n }, (_, i) => i * 15),
      // 3 m/s, a stop, and one GPS spike.
      speed: Array.from({ length: n }, (_, i) => (i >= 50 && i < 55 ? 0 : i === 100 ? 40 : 3)),
      heartRate: Array.from({ length: n }, (_, i) => (i === 10 ? null : 140 + i / 10)),
      cadence: Array.from({ length: n }, (_, i) => (i >= 50 && i < 55 ? 0 : 170)),
      stanceTime: Array.from({ length: n }, (_, i) => (i >= 50 && i < 55 ? 900 : 250)),
    },
  };

  it('draws pace over distance in the athlete unit, inverted, without stops or spikes', () => {
    const metric = buildCharts(series, 'metric');
    expect(metric.xUnit).toBe('km');
    expect(metric.x[n - 1]).toBeCloseTo(2.985, 3);
    const pace = metric.charts.find((c) => c.id === 'pace');
    expect(pace).toMatchObject({ unit: 'min/km', invert: true });
    expect(pace?.y[52]).toBeNull();
    expect(pace?.y[0]).toBeCloseTo(333.3, 1);
    // The 40 m/s spike is clamped into the shown range instead of stretching it.
    expect(pace?.range?.[0]).toBeGreaterThan(250);
    expect(pace?.formatValue(333.3)).toBe('5:33');

    const imperial = buildCharts(series, 'imperial');
    expect(imperial.xUnit).toBe('mi');
    expect(imperial.charts.find((c) => c.id === 'pace')?.unit).toBe('min/mi');
  });

  it('draws only the channels the run has, and leaves form at stops out', () => {
    const charts = buildCharts(series, 'metric').charts;
    expect(charts.map((c) => c.id)).toEqual(['pace', 'heartRate', 'cadence', 'stanceTime']);
    expect(charts.find((c) => c.id === 'stanceTime')?.y[52]).toBeNull();
    expect(charts.find((c) => c.id === 'heartRate')?.y[52]).not.toBeNull();
    const cadence = charts.find((c) => c.id === 'cadence');
    expect(cadence?.y[51]).toBeNull();
    expect(cadence?.unit).toBe('steps/min');
  });

  it('keeps a robust range for flat or noisy data', () => {
    expect(robustRange([null, null])).toBeNull();
    const flat = robustRange([150, 150, 150], 0.01, 10);
    expect(flat?.range[1]).toBeGreaterThan(flat?.range[0] ?? Number.POSITIVE_INFINITY);
  });
});

describe('routes', () => {
  it('parses the hash', () => {
    expect(parseRoute('')).toEqual({ page: 'runs' });
    expect(parseRoute('#/')).toEqual({ page: 'runs' });
    expect(parseRoute('#/runs/abc-1')).toEqual({ page: 'run', runId: 'abc-1' });
    expect(parseRoute('#/nope')).toEqual({ page: 'not-found', path: '/nope' });
  });
});

describe('pain words and pattern charts', () => {
  const pattern = {
    region: 'knee',
    side: 'left',
    onsetIntervalM: [13_000, 15_000],
    painFreeM: 12_000,
    survival: [
      { distanceM: 14_000, survival: 0.5 },
      { distanceM: 0, survival: 1 },
    ],
    runPoints: [
      { runId: 'b', startTime: '2026-06-03T06:00:00Z', distanceM: 16_093.44, painful: true, onsetM: null },
      { runId: 'a', startTime: '2026-06-01T06:00:00Z', distanceM: 8_046.72, painful: false, onsetM: null },
      { runId: 'c', startTime: '2026-06-05T06:00:00Z', distanceM: 0, painful: false, onsetM: null },
      {
        runId: 'd',
        startTime: '2026-06-07T06:00:00Z',
        distanceM: 16_093.44,
        painful: true,
        onsetM: 14_484.096,
      },
    ],
  } as unknown as PainPatternView;

  it('names the place as a runner says it', () => {
    expect(painPlace('knee', 'left')).toBe('Left knee');
    expect(painPlace('thigh-front', 'right')).toBe('Front of the right thigh');
    expect(painPlace('low-back', 'left')).toBe('Low back, left side');
    expect(painPlace('knee', 'right', 'outer')).toMatch(/^Right knee, outer/);
  });

  it('colours severity by the pain-monitoring zones', () => {
    expect([0, 2, 3, 5, 6, 7, 8, 10].map(severityBand)).toEqual([
      'low',
      'low',
      'mid',
      'mid',
      'high',
      'high',
      'severe',
      'severe',
    ]);
  });

  it('draws the runs oldest first in the runner’s unit, leaving out runs without a distance', () => {
    const series = onsetSeries(pattern, 'imperial');
    expect(series.runDistance.map((d) => d?.toFixed(1))).toEqual(['5.0', '10.0', '10.0']);
    expect(series.onset).toEqual([null, null, expect.closeTo(9, 6)]);
    // A painful run that does not say where the pain began is marked at its own distance.
    expect(series.unplaced).toEqual([null, expect.closeTo(10, 6), null]);
  });

  it('draws the pain-free curve from its corners and the threshold band in km', () => {
    expect(survivalSeries(pattern, 'metric')).toEqual({ x: [0, 14], y: [100, 50] });
    expect(patternGuides(pattern, 'metric')).toEqual({ band: [13, 15], painFree: 12 });
  });
});
