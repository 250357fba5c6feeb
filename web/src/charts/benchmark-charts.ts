import uPlot from 'uplot';
import type { BenchmarkResultView } from '../../../src/app/views.js';
import type { BenchmarkTest } from '../../../src/coach/benchmarks/types.js';
import { benchmarkValue, daySeconds, UNIT_WORD } from '../program-format.js';
import { cssVar } from './uplot-chart.js';

/** One benchmark test's results over time: one line, or left and right, with the norm as a dashed line. */

const FONT = '12px system-ui, -apple-system, "Segoe UI", Roboto, sans-serif';
const DAY_S = 86_400;

export function benchmarkChartHeight(width: number): number {
  return width < 480 ? 180 : 210;
}

export interface BenchmarkSeries {
  x: number[];
  /** One series per side (left, right) for a sided test, else one. */
  series: { label: string; side: 'left' | 'right' | null; values: (number | null)[] }[];
  /** The norm's reference value for each side (or the test), where there is one. */
  references: { label: string; value: number }[];
}

/** The results of one test aligned on their days, left and right apart. */
export function benchmarkSeries(
  test: BenchmarkTest,
  results: readonly BenchmarkResultView[],
  references: { side: 'left' | 'right' | null; value: number }[],
): BenchmarkSeries {
  const mine = results.filter((r) => r.testId === test.id);
  const days = [...new Set(mine.map((r) => r.takenOn))].sort();
  const sides: ('left' | 'right' | null)[] = test.sided ? ['left', 'right'] : [null];
  const series = sides.map((side) => ({
    label: side === null ? test.name : side === 'left' ? 'Left' : 'Right',
    side,
    values: days.map((day) => {
      // The last entry of the day counts, as it does for the evaluation.
      const entries = mine.filter((r) => r.takenOn === day && r.side === side);
      return entries.length > 0 ? (entries[entries.length - 1]?.value ?? null) : null;
    }),
  }));
  // The same reference on both sides is one line.
  const seen = new Map<number, string[]>();
  for (const r of references) {
    const labels = seen.get(r.value) ?? [];
    if (r.side) labels.push(r.side);
    seen.set(r.value, labels);
  }
  return {
    x: days.map(daySeconds),
    series,
    references: [...seen].map(([value, labels]) => ({
      value,
      label: labels.length === 1 ? `Norm (${labels[0]})` : 'Norm',
    })),
  };
}

const dateFormat = new Intl.DateTimeFormat(undefined, {
  day: 'numeric',
  month: 'short',
  year: 'numeric',
  timeZone: 'UTC',
});

export function createBenchmarkChart(
  target: HTMLElement,
  width: number,
  test: BenchmarkTest,
  data: BenchmarkSeries,
): uPlot {
  const text = cssVar('--chart-text', '#495057');
  const grid = cssVar('--chart-grid', 'rgba(0,0,0,0.07)');
  const norm = cssVar('--chart-pain-free', '#2b8a3e');
  const colors: Record<'left' | 'right' | 'none', string> = {
    left: cssVar('--chart-pace', '#0f5f6b'),
    right: cssVar('--chart-right', '#d9480f'),
    none: cssVar('--chart-pace', '#0f5f6b'),
  };
  const axis = (label: string, size: number): uPlot.Axis => ({
    stroke: text,
    font: FONT,
    labelFont: FONT,
    grid: { stroke: grid, width: 1 },
    ticks: { show: false },
    label,
    labelSize: 18,
    size,
  });
  const values = data.series.flatMap((s) => s.values.filter((v): v is number => v !== null));
  const top = Math.max(1, ...values, ...data.references.map((r) => r.value));
  const first = data.x[0] ?? 0;
  const last = data.x[data.x.length - 1] ?? first;
  // A single test day still gets a week either side, so its point is not on the edge.
  const pad = Math.max(7 * DAY_S, (last - first) * 0.05);
  const opts: uPlot.Options = {
    width,
    height: benchmarkChartHeight(width),
    cursor: { y: false, drag: { x: false, y: false, setScale: false }, points: { size: 9 } },
    legend: { show: true, live: true },
    scales: {
      x: { time: true, range: [first - pad, last + pad] },
      y: { range: [0, top * 1.15] },
    },
    axes: [axis('Test day', 32), axis(UNIT_WORD[test.unit], 44)],
    series: [
      { label: 'Day', value: (_u, v) => (v === null || v === undefined ? '–' : dateFormat.format(v * 1000)) },
      ...data.series.map(
        (s): uPlot.Series => ({
          label: s.label,
          stroke: colors[s.side ?? 'none'],
          width: 2,
          spanGaps: true,
          points: { show: true, size: 8, width: 2, fill: colors[s.side ?? 'none'] },
          value: (_u, v) => (v === null || v === undefined ? '–' : benchmarkValue(v, test.unit)),
        }),
      ),
    ],
    hooks: {
      drawClear: [
        (u) => {
          if (data.references.length === 0) return;
          const { left, top: t, width: w, height: h } = u.bbox;
          const ctx = u.ctx;
          ctx.save();
          ctx.beginPath();
          ctx.rect(left, t, w, h);
          ctx.clip();
          ctx.strokeStyle = norm;
          ctx.fillStyle = norm;
          ctx.lineWidth = 2 * uPlot.pxRatio;
          ctx.setLineDash([6 * uPlot.pxRatio, 4 * uPlot.pxRatio]);
          ctx.font = `${11 * uPlot.pxRatio}px system-ui, sans-serif`;
          ctx.textAlign = 'right';
          for (const ref of data.references) {
            const y = u.valToPos(ref.value, 'y', true);
            ctx.beginPath();
            ctx.moveTo(left, y);
            ctx.lineTo(left + w, y);
            ctx.stroke();
            ctx.fillText(
              `${ref.label} ${benchmarkValue(ref.value, test.unit)}`,
              left + w - 4,
              y - 4 * uPlot.pxRatio,
            );
          }
          ctx.restore();
        },
      ],
    },
  };
  return new uPlot(opts, [data.x, ...data.series.map((s) => s.values)], target);
}
