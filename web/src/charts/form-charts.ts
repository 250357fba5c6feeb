import uPlot from 'uplot';
import type { FormMarkers, FormRunsSeries, MetricChartData } from './form-data.js';
import { cssVar } from './uplot-chart.js';

/** The form charts: one metric over the run's distance, and the breakdown distance of each run over time. */

const FONT = '12px system-ui, -apple-system, "Segoe UI", Roboto, sans-serif';

export function metricChartHeight(width: number): number {
  return width < 480 ? 140 : 160;
}

export function formRunsChartHeight(width: number): number {
  return width < 480 ? 220 : 260;
}

interface Theme {
  text: string;
  grid: string;
  line: string;
  band: string;
  warmUp: string;
  breakdown: string;
  pain: string;
  run: string;
  surface: string;
  holds: string;
}

function theme(): Theme {
  return {
    text: cssVar('--chart-text', '#495057'),
    grid: cssVar('--chart-grid', 'rgba(0,0,0,0.07)'),
    line: cssVar('--chart-pace', '#0f5f6b'),
    band: cssVar('--chart-fresh', 'rgba(43, 138, 62, 0.14)'),
    warmUp: cssVar('--chart-warmup', 'rgba(134, 142, 150, 0.12)'),
    breakdown: cssVar('--chart-breakdown', '#e8590c'),
    pain: cssVar('--chart-pain', '#c92a2a'),
    run: cssVar('--chart-run', '#868e96'),
    surface: cssVar('--surface', '#ffffff'),
    holds: cssVar('--chart-band', 'rgba(240, 140, 0, 0.18)'),
  };
}

function axis(t: Theme, label: string, size: number): uPlot.Axis {
  return {
    stroke: t.text,
    font: FONT,
    labelFont: FONT,
    grid: { stroke: t.grid, width: 1 },
    ticks: { show: false },
    label,
    labelSize: 18,
    size,
  };
}

/** A vertical line at x, clipped to the plot; dashed when `dash` is given. */
function vertical(u: uPlot, x: number, color: string, dash: number[] | null): void {
  const px = u.valToPos(x, 'x', true);
  const { left, top, width, height } = u.bbox;
  if (px < left - 1 || px > left + width + 1) return;
  const ctx = u.ctx;
  ctx.save();
  ctx.strokeStyle = color;
  ctx.lineWidth = 2.5 * uPlot.pxRatio;
  ctx.setLineDash(dash ? dash.map((d) => d * uPlot.pxRatio) : []);
  ctx.beginPath();
  ctx.moveTo(px, top);
  ctx.lineTo(px, top + height);
  ctx.stroke();
  ctx.restore();
}

const oneDecimal = (v: number | null | undefined, unit: string) =>
  v === null || v === undefined ? '–' : `${v.toFixed(1)} ${unit}`;

/**
 * A metric's speed-corrected values over distance: the fresh-baseline band shaded under the line, the warm-up
 * greyed, a solid line where form began to drift and a dashed one where the pain began.
 */
export function createMetricChart(
  target: HTMLElement,
  width: number,
  data: MetricChartData,
  markers: FormMarkers,
  labels: { title: string; unit: string; distanceUnit: string; syncKey: string },
): uPlot {
  const t = theme();
  const decimals = Math.abs(data.band[1]) < 20 ? 1 : 0;
  const opts: uPlot.Options = {
    width,
    height: metricChartHeight(width),
    cursor: {
      sync: { key: labels.syncKey, setSeries: false },
      y: false,
      drag: { x: false, y: false, setScale: false },
      points: { size: 7 },
    },
    legend: { show: true, live: true },
    scales: {
      x: { time: false, range: [0, Math.max(markers.end, ...data.x) || 1] },
      y: { range: data.range },
    },
    axes: [
      {
        ...axis(t, `Distance (${labels.distanceUnit})`, 30),
        values: (_u, splits) => splits.map((v) => (Number.isInteger(v) ? String(v) : v.toFixed(1))),
      },
      axis(t, labels.unit, width < 480 ? 44 : 52),
    ],
    series: [
      { label: 'Distance', value: (_u, v) => oneDecimal(v, labels.distanceUnit) },
      {
        label: `${labels.title}, at the fresh pace`,
        stroke: t.line,
        width: 2,
        points: { show: false },
        value: (_u, v) => (v === null || v === undefined ? '–' : `${v.toFixed(decimals)} ${labels.unit}`),
      },
    ],
    hooks: {
      drawClear: [
        (u) => {
          const { left, top, width: w, height } = u.bbox;
          const ctx = u.ctx;
          ctx.save();
          ctx.beginPath();
          ctx.rect(left, top, w, height);
          ctx.clip();
          if (markers.warmUpTo !== null) {
            const to = u.valToPos(markers.warmUpTo, 'x', true);
            ctx.fillStyle = t.warmUp;
            ctx.fillRect(left, top, Math.max(0, to - left), height);
          }
          const a = u.valToPos(data.band[0], 'y', true);
          const b = u.valToPos(data.band[1], 'y', true);
          ctx.fillStyle = t.band;
          ctx.fillRect(left, Math.min(a, b), w, Math.abs(b - a));
          ctx.restore();
        },
      ],
      draw: [
        (u) => {
          if (markers.breakdown !== null) vertical(u, markers.breakdown, t.breakdown, null);
          if (markers.pain !== null) vertical(u, markers.pain, t.pain, [5, 4]);
        },
      ],
    },
  };
  return new uPlot(opts, [data.x, data.y], target);
}

const dateFormat = new Intl.DateTimeFormat(undefined, { day: 'numeric', month: 'short', year: 'numeric' });

/** A diamond at each pain onset: a shape, not only a colour, tells it from the breakdown dots. */
function drawDiamonds(u: uPlot, seriesIdx: number, color: string): void {
  const xs = u.data[0];
  const ys = u.data[seriesIdx];
  if (!ys) return;
  const r = 5.5 * uPlot.pxRatio;
  const ctx = u.ctx;
  ctx.save();
  ctx.fillStyle = color;
  for (let i = 0; i < xs.length; i++) {
    const y = ys[i];
    const x = xs[i];
    if (y === null || y === undefined || x === undefined) continue;
    const px = u.valToPos(x, 'x', true);
    const py = u.valToPos(y, 'y', true);
    ctx.beginPath();
    ctx.moveTo(px, py - r);
    ctx.lineTo(px + r, py);
    ctx.lineTo(px, py + r);
    ctx.lineTo(px - r, py);
    ctx.closePath();
    ctx.fill();
  }
  ctx.restore();
}

/**
 * Each analysed run over the window's dates: a filled dot where form began to drift, a hollow dot at the
 * distance of a run where it held all the way, a diamond where the pain began; the "holds to" median as a
 * dashed line over its middle-half band.
 */
export function createFormRunsChart(
  target: HTMLElement,
  width: number,
  data: FormRunsSeries,
  guides: { median: number | null; band: [number, number] | null },
  unit: string,
): uPlot {
  const t = theme();
  const values = [...data.breakdown, ...data.held, ...data.pain].filter((v): v is number => v !== null);
  const highest = Math.max(0, ...values, guides.band?.[1] ?? 0, guides.median ?? 0);
  const dots = (fill: string, stroke: string, size: number): Partial<uPlot.Series> => ({
    stroke,
    fill,
    paths: () => null,
    points: { show: true, size, width: 2, fill, stroke },
  });
  // One run alone makes a zero-width time scale: widen it by a week either side.
  const first = data.x[0] ?? 0;
  const last = data.x[data.x.length - 1] ?? 0;
  const pad = last - first < 86_400 ? 7 * 86_400 : (last - first) * 0.04;
  const opts: uPlot.Options = {
    width,
    height: formRunsChartHeight(width),
    cursor: { y: false, drag: { x: false, y: false, setScale: false }, points: { size: 10 } },
    legend: { show: true, live: true },
    scales: { x: { time: true, range: [first - pad, last + pad] }, y: { range: [0, highest * 1.1 || 1] } },
    axes: [axis(t, 'Date of the run', 32), axis(t, `Distance (${unit})`, 44)],
    series: [
      { label: 'Run', value: (_u, v) => (v === null || v === undefined ? '–' : dateFormat.format(v * 1000)) },
      {
        label: 'Form began to drift',
        ...dots(t.breakdown, t.breakdown, 9),
        value: (_u, v) => oneDecimal(v, unit),
      },
      { label: 'Held the whole run', ...dots(t.surface, t.run, 9), value: (_u, v) => oneDecimal(v, unit) },
      {
        label: 'Pain began',
        stroke: t.pain,
        fill: t.pain,
        paths: () => null,
        points: { show: false },
        value: (_u, v) => oneDecimal(v, unit),
      },
    ],
    hooks: {
      drawClear: [
        (u) => {
          const { left, top, width: w, height } = u.bbox;
          const ctx = u.ctx;
          ctx.save();
          ctx.beginPath();
          ctx.rect(left, top, w, height);
          ctx.clip();
          if (guides.band) {
            const a = u.valToPos(guides.band[0], 'y', true);
            const b = u.valToPos(guides.band[1], 'y', true);
            ctx.fillStyle = t.holds;
            ctx.fillRect(left, Math.min(a, b), w, Math.abs(b - a));
          }
          if (guides.median !== null) {
            const y = u.valToPos(guides.median, 'y', true);
            ctx.strokeStyle = t.breakdown;
            ctx.lineWidth = 1.5 * uPlot.pxRatio;
            ctx.setLineDash([6 * uPlot.pxRatio, 4 * uPlot.pxRatio]);
            ctx.beginPath();
            ctx.moveTo(left, y);
            ctx.lineTo(left + w, y);
            ctx.stroke();
          }
          ctx.restore();
        },
      ],
      draw: [(u) => drawDiamonds(u, 3, t.pain)],
    },
  };
  return new uPlot(opts, [data.x, data.breakdown, data.held, data.pain], target);
}
