import uPlot from 'uplot';
import type { ChartData, ChartSpec } from './series.js';

/**
 * One uPlot chart of one channel over distance. Charts made with the same `ChartGroup` share a cursor
 * (uPlot sync) and a zoom: drag across one chart to zoom all of them, double-click to zoom back out.
 */

export class ChartGroup {
  readonly key: string;
  private readonly plots = new Set<uPlot>();
  private syncing = false;

  constructor(key: string) {
    this.key = key;
  }

  add(plot: uPlot): void {
    this.plots.add(plot);
  }

  remove(plot: uPlot): void {
    this.plots.delete(plot);
  }

  /** Applies one chart's x zoom to the others. */
  zoomed(source: uPlot): void {
    if (this.syncing) return;
    const { min, max } = source.scales.x ?? {};
    if (min === undefined || max === undefined) return;
    this.syncing = true;
    try {
      for (const plot of this.plots) if (plot !== source) plot.setScale('x', { min, max });
    } finally {
      this.syncing = false;
    }
  }
}

export function cssVar(name: string, fallback: string): string {
  const value = getComputedStyle(document.documentElement).getPropertyValue(name).trim();
  return value || fallback;
}

/** Pace ticks fall on whole 5/10/15/30 s or whole minutes, never on 0:07. */
const PACE_INCREMENTS = [5, 10, 15, 30, 60, 120, 300, 600, 900, 1800];

/** A dashed vertical line at each x where the runner said the pain began, over the plot. */
function drawPainMarkers(u: uPlot, xs: readonly number[]): void {
  if (xs.length === 0) return;
  const { top, height } = u.bbox;
  const ctx = u.ctx;
  ctx.save();
  ctx.strokeStyle = cssVar('--chart-pain', '#c92a2a');
  ctx.lineWidth = 2 * uPlot.pxRatio;
  ctx.setLineDash([5 * uPlot.pxRatio, 4 * uPlot.pxRatio]);
  for (const x of xs) {
    const px = u.valToPos(x, 'x', true);
    if (px < u.bbox.left || px > u.bbox.left + u.bbox.width) continue;
    ctx.beginPath();
    ctx.moveTo(px, top);
    ctx.lineTo(px, top + height);
    ctx.stroke();
  }
  ctx.restore();
}

export function createChart(
  target: HTMLElement,
  data: ChartData,
  spec: ChartSpec,
  group: ChartGroup,
  width: number,
  /** Where pain began, in the chart's x unit. */
  painAt: readonly number[] = [],
): uPlot {
  const text = cssVar('--chart-text', '#495057');
  const grid = cssVar('--chart-grid', 'rgba(0,0,0,0.07)');
  const font = '12px system-ui, -apple-system, "Segoe UI", Roboto, sans-serif';
  const narrow = width < 480;
  const axisBase = {
    stroke: text,
    font,
    labelFont: font,
    grid: { stroke: grid, width: 1 },
    ticks: { show: false },
  };
  const opts: uPlot.Options = {
    width,
    height: narrow ? 150 : 180,
    cursor: {
      sync: { key: group.key, setSeries: false },
      y: false,
      drag: { x: true, y: false, setScale: true },
      points: { size: 7 },
    },
    legend: { show: true, live: true },
    scales: {
      x: { time: false },
      y: {
        auto: spec.range === null,
        dir: spec.invert ? -1 : 1,
        ...(spec.range ? { range: spec.range } : {}),
      },
    },
    axes: [
      {
        ...axisBase,
        label: `${data.xLabel} (${data.xUnit})`,
        labelSize: 18,
        size: 32,
        values: (_u, splits) => splits.map((v) => (Number.isInteger(v) ? String(v) : v.toFixed(1))),
      },
      {
        ...axisBase,
        label: spec.unit,
        labelSize: 18,
        size: narrow ? 44 : 52,
        ...(spec.id === 'pace'
          ? { incrs: PACE_INCREMENTS, values: (_u, splits) => splits.map((v) => spec.formatValue(v)) }
          : {}),
      },
    ],
    series: [
      {
        label: data.xLabel,
        value: (_u, v) => (v === null || v === undefined ? '–' : `${data.formatX(v)} ${data.xUnit}`),
      },
      {
        label: spec.title,
        stroke: spec.colorVar ? cssVar(spec.colorVar, spec.color) : spec.color,
        width: 1.5,
        spanGaps: spec.spanGaps,
        points: { show: false },
        value: (_u, v) => (v === null || v === undefined ? '–' : `${spec.formatValue(v)} ${spec.unit}`),
      },
    ],
    hooks: {
      draw: [(u) => drawPainMarkers(u, painAt)],
      setScale: [
        (u, key) => {
          if (key === 'x') group.zoomed(u);
        },
      ],
    },
  };
  const plot = new uPlot(opts, [data.x, spec.y], target);
  group.add(plot);
  return plot;
}
