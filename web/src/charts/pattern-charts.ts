import uPlot from 'uplot';
import type { OnsetSeries, PatternGuides } from './pattern-data.js';
import { cssVar } from './uplot-chart.js';

/** The two charts of a pain pattern: the pain-free curve over distance, and onsets against run distance over time. */

const FONT = '12px system-ui, -apple-system, "Segoe UI", Roboto, sans-serif';

export function patternChartHeight(width: number): number {
  return width < 480 ? 190 : 220;
}

interface Theme {
  text: string;
  grid: string;
  pain: string;
  run: string;
  surface: string;
  band: string;
  painFree: string;
  curve: string;
}

function theme(): Theme {
  return {
    text: cssVar('--chart-text', '#495057'),
    grid: cssVar('--chart-grid', 'rgba(0,0,0,0.07)'),
    pain: cssVar('--chart-pain', '#c92a2a'),
    run: cssVar('--chart-run', '#868e96'),
    surface: cssVar('--surface', '#ffffff'),
    band: cssVar('--chart-band', 'rgba(240, 140, 0, 0.18)'),
    painFree: cssVar('--chart-pain-free', '#2b8a3e'),
    curve: cssVar('--chart-pace', '#0f5f6b'),
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

/**
 * Shades the typical onset range and draws the pain-free distance, under the data. `along` is the axis that
 * carries distance: x on the pain-free curve, y on the onset chart.
 */
function drawGuides(u: uPlot, guides: PatternGuides, along: 'x' | 'y', t: Theme): void {
  const { left, top, width, height } = u.bbox;
  const ctx = u.ctx;
  const pos = (v: number) => u.valToPos(v, along, true);
  ctx.save();
  ctx.beginPath();
  ctx.rect(left, top, width, height);
  ctx.clip();
  if (guides.band) {
    const [a, b] = [pos(guides.band[0]), pos(guides.band[1])];
    ctx.fillStyle = t.band;
    if (along === 'x') ctx.fillRect(Math.min(a, b), top, Math.abs(b - a), height);
    else ctx.fillRect(left, Math.min(a, b), width, Math.abs(b - a));
  }
  if (guides.painFree !== null) {
    const p = pos(guides.painFree);
    ctx.strokeStyle = t.painFree;
    ctx.lineWidth = 2 * uPlot.pxRatio;
    ctx.setLineDash([6 * uPlot.pxRatio, 4 * uPlot.pxRatio]);
    ctx.beginPath();
    if (along === 'x') {
      ctx.moveTo(p, top);
      ctx.lineTo(p, top + height);
    } else {
      ctx.moveTo(left, p);
      ctx.lineTo(left + width, p);
    }
    ctx.stroke();
  }
  ctx.restore();
}

const decimal = (v: number | null | undefined, unit: string) =>
  v === null || v === undefined ? '–' : `${v.toFixed(1)} ${unit}`;

/** Share of runs still pain-free against distance: a step down at each onset. */
export function createSurvivalChart(
  target: HTMLElement,
  width: number,
  data: { x: number[]; y: number[] },
  guides: PatternGuides,
  unit: string,
): uPlot {
  const t = theme();
  const xMax = Math.max(...data.x, guides.band?.[1] ?? 0, guides.painFree ?? 0) * 1.05 || 1;
  const opts: uPlot.Options = {
    width,
    height: patternChartHeight(width),
    cursor: { y: false, drag: { x: false, y: false, setScale: false }, points: { size: 7 } },
    legend: { show: true, live: true },
    scales: { x: { time: false, range: [0, xMax] }, y: { range: [0, 100] } },
    axes: [
      axis(t, `Distance into the run (${unit})`, 32),
      { ...axis(t, 'Pain-free (%)', 48), values: (_u, splits) => splits.map((v) => `${v}`) },
    ],
    series: [
      { label: 'Distance', value: (_u, v) => decimal(v, unit) },
      {
        label: 'Still pain-free',
        stroke: t.curve,
        width: 2,
        // A faint wash under the curve where the colour is a plain hex (it always is in Keel's themes).
        ...(/^#[0-9a-f]{6}$/i.test(t.curve) ? { fill: `${t.curve}1a` } : {}),
        points: { show: false },
        value: (_u, v) => (v === null || v === undefined ? '–' : `${Math.round(v)} %`),
      },
    ],
    hooks: { drawClear: [(u) => drawGuides(u, guides, 'x', t)] },
  };
  return new uPlot(opts, [data.x, data.y], target);
}

const dateFormat = new Intl.DateTimeFormat(undefined, { day: 'numeric', month: 'short', year: 'numeric' });

/** Every run's distance (hollow) and where the pain began (filled) over the window's dates. */
export function createOnsetChart(
  target: HTMLElement,
  width: number,
  data: OnsetSeries,
  guides: PatternGuides,
  unit: string,
): uPlot {
  const t = theme();
  const anyUnplaced = data.unplaced.some((v) => v !== null);
  const highest = Math.max(0, ...data.runDistance.map((v) => v ?? 0), guides.band?.[1] ?? 0);
  const dots = (fill: string, stroke: string, size: number): Partial<uPlot.Series> => ({
    stroke,
    fill,
    paths: () => null,
    points: { show: true, size, width: 2, fill, stroke },
  });
  const opts: uPlot.Options = {
    width,
    height: patternChartHeight(width),
    cursor: { y: false, drag: { x: false, y: false, setScale: false }, points: { size: 9 } },
    legend: { show: true, live: true },
    scales: { x: { time: true }, y: { range: [0, highest * 1.1 || 1] } },
    axes: [axis(t, 'Date of the run', 32), axis(t, `Distance (${unit})`, 44)],
    series: [
      { label: 'Run', value: (_u, v) => (v === null || v === undefined ? '–' : dateFormat.format(v * 1000)) },
      { label: 'Run distance', ...dots(t.surface, t.run, 8), value: (_u, v) => decimal(v, unit) },
      { label: 'Pain began', ...dots(t.pain, t.pain, 9), value: (_u, v) => decimal(v, unit) },
      ...(anyUnplaced
        ? [
            {
              label: 'Hurt, not sure where',
              ...dots(t.surface, t.pain, 9),
              value: (_u: uPlot, v: number | null) => (v === null ? '–' : 'somewhere in the run'),
            },
          ]
        : []),
    ],
    hooks: { drawClear: [(u) => drawGuides(u, guides, 'y', t)] },
  };
  const series: uPlot.AlignedData = anyUnplaced
    ? [data.x, data.runDistance, data.onset, data.unplaced]
    : [data.x, data.runDistance, data.onset];
  return new uPlot(opts, series, target);
}
