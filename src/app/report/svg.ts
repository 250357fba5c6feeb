/**
 * The report's few charts as inline SVG strings: pure, deterministic, crisp in print, and readable with no script.
 * Colours come from CSS classes (`c-…`) the report's stylesheet defines, so print and screen share them.
 */

const DAY_MS = 86_400_000;
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'] as const;

/** Text for HTML and SVG: `&`, `<`, `>`, quotes and apostrophes made harmless, in content and in attributes. */
export function esc(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}

const num = (value: number) => String(Math.round(value * 10) / 10);

/** About `count` round steps covering [0, max]: 1, 2, 2.5 or 5 times a power of ten. */
export function niceTicks(max: number, count = 5): number[] {
  if (!(max > 0)) return [0, 1];
  const raw = max / count;
  const power = 10 ** Math.floor(Math.log10(raw));
  const step = ([1, 2, 2.5, 5, 10].find((m) => m * power >= raw) ?? 10) * power;
  const ticks: number[] = [];
  for (let v = 0; v <= max + step * 1e-9; v += step) ticks.push(Math.round(v * 1e6) / 1e6);
  if ((ticks.at(-1) ?? 0) < max) ticks.push(Math.round(ticks.length * step * 1e6) / 1e6);
  return ticks;
}

const dayMs = (day: string) => Date.parse(`${day}T00:00:00Z`);

/** "12 Oct" for a YYYY-MM-DD day. */
export function shortDay(day: string): string {
  const date = new Date(dayMs(day));
  return `${date.getUTCDate()} ${MONTHS[date.getUTCMonth()]}`;
}

interface Frame {
  width: number;
  height: number;
  left: number;
  right: number;
  top: number;
  bottom: number;
}

const FRAME: Omit<Frame, 'width' | 'height'> = { left: 34, right: 8, top: 8, bottom: 22 };

function svgOpen(frame: Frame, label: string, className: string): string {
  return (
    `<svg class="chart ${className}" viewBox="0 0 ${frame.width} ${frame.height}" ` +
    `preserveAspectRatio="xMidYMid meet" role="img" aria-label="${esc(label)}" xmlns="http://www.w3.org/2000/svg">` +
    `<title>${esc(label)}</title>`
  );
}

/** Horizontal grid lines with their values on the left, and the y-axis title. */
function yAxis(frame: Frame, ticks: number[], y: (v: number) => number, title: string): string {
  const lines = ticks.map(
    (tick) =>
      `<line class="grid" x1="${frame.left}" x2="${frame.width - frame.right}" y1="${num(y(tick))}" y2="${num(y(tick))}"/>` +
      `<text class="tick" x="${frame.left - 4}" y="${num(y(tick) + 3)}" text-anchor="end">${Math.round(tick * 100) / 100}</text>`,
  );
  const titleText = `<text class="axis-title" x="2" y="${frame.top + 2}" dominant-baseline="hanging" transform="rotate(-90 2 ${frame.top + 2})" text-anchor="end">${esc(title)}</text>`;
  return lines.join('') + titleText;
}

export interface GuideLine {
  value: number;
  label: string;
  className: string;
}

/** Dashed lines across the plot; the legend under the chart names them, so no label crowds the data. */
function guideLines(frame: Frame, guides: readonly GuideLine[], y: (v: number) => number): string {
  return guides
    .map((guide) => {
      const at = num(y(guide.value));
      return `<line class="guide ${guide.className}" x1="${frame.left}" x2="${frame.width - frame.right}" y1="${at}" y2="${at}"><title>${esc(guide.label)}</title></line>`;
    })
    .join('');
}

export interface DatePoint {
  day: string;
  value: number;
  /** `c-pain`, `c-run`, `c-form`, …; `hollow` for an open marker. */
  className: string;
  r?: number;
}

export interface DateChart {
  label: string;
  from: string;
  to: string;
  yTitle: string;
  points: readonly DatePoint[];
  guides?: readonly GuideLine[];
  /** A shaded range of y (e.g. the onset interval). */
  band?: { from: number; to: number; className: string } | null;
  width?: number;
  height?: number;
}

/** Dots over calendar days: onsets and run distances, breakdown distances. */
export function dateChart(chart: DateChart): string {
  const frame: Frame = { width: chart.width ?? 340, height: chart.height ?? 170, ...FRAME };
  const x0 = dayMs(chart.from);
  const span = Math.max(DAY_MS, dayMs(chart.to) - x0);
  const plotW = frame.width - frame.left - frame.right;
  const plotH = frame.height - frame.top - frame.bottom;
  const x = (day: string) => frame.left + ((dayMs(day) - x0) / span) * plotW;
  const maxY = Math.max(
    1,
    ...chart.points.map((p) => p.value),
    ...(chart.guides ?? []).map((g) => g.value),
    chart.band?.to ?? 0,
  );
  const ticks = niceTicks(maxY * 1.05);
  const top = ticks.at(-1) ?? maxY;
  const y = (v: number) => frame.top + plotH - (v / top) * plotH;
  const parts = [svgOpen(frame, chart.label, 'date-chart'), yAxis(frame, ticks, y, chart.yTitle)];
  if (chart.band) {
    const a = y(chart.band.to);
    const b = y(chart.band.from);
    parts.push(
      `<rect class="band ${chart.band.className}" x="${frame.left}" y="${num(a)}" width="${plotW}" height="${num(Math.max(1, b - a))}"/>`,
    );
  }
  // Month starts along the bottom.
  const first = new Date(x0);
  for (
    let month = Date.UTC(first.getUTCFullYear(), first.getUTCMonth() + (first.getUTCDate() > 1 ? 1 : 0), 1);
    month <= x0 + span;
    month = Date.UTC(new Date(month).getUTCFullYear(), new Date(month).getUTCMonth() + 1, 1)
  ) {
    const at = num(frame.left + ((month - x0) / span) * plotW);
    parts.push(
      `<line class="grid" x1="${at}" x2="${at}" y1="${frame.top}" y2="${frame.top + plotH}"/>` +
        `<text class="tick" x="${at}" y="${frame.height - 8}" text-anchor="middle">${MONTHS[new Date(month).getUTCMonth()]}</text>`,
    );
  }
  parts.push(guideLines(frame, chart.guides ?? [], y));
  for (const point of chart.points) {
    parts.push(
      `<circle class="dot ${point.className}" cx="${num(x(point.day))}" cy="${num(y(point.value))}" r="${point.r ?? 3}"/>`,
    );
  }
  parts.push(
    `<line class="axis" x1="${frame.left}" x2="${frame.width - frame.right}" y1="${frame.top + plotH}" y2="${frame.top + plotH}"/>`,
  );
  parts.push('</svg>');
  return parts.join('');
}

export interface Bar {
  /** Under the bar: a short day or label. */
  label: string;
  value: number;
  className: string;
  /** Drawn as an outline behind the bar (what was planned), when given. */
  outline?: number;
  /** A short mark above the bar (e.g. "R" for race week). */
  mark?: string;
}

export interface BarChart {
  label: string;
  yTitle: string;
  bars: readonly Bar[];
  guides?: readonly GuideLine[];
  width?: number;
  height?: number;
  /** Label every n-th bar only, so labels never overlap. */
  labelEvery?: number;
}

/** Bars with their labels: program sessions per week, long runs per week. */
export function barChart(chart: BarChart): string {
  const frame: Frame = { width: chart.width ?? 340, height: chart.height ?? 150, ...FRAME };
  const plotW = frame.width - frame.left - frame.right;
  const plotH = frame.height - frame.top - frame.bottom;
  const maxY = Math.max(
    1,
    ...chart.bars.map((b) => Math.max(b.value, b.outline ?? 0)),
    ...(chart.guides ?? []).map((g) => g.value),
  );
  const ticks = niceTicks(maxY * 1.08);
  const top = ticks.at(-1) ?? maxY;
  const y = (v: number) => frame.top + plotH - (v / top) * plotH;
  const slot = plotW / Math.max(1, chart.bars.length);
  const barW = Math.max(2, slot * 0.62);
  const every = chart.labelEvery ?? 1;
  const parts = [svgOpen(frame, chart.label, 'bar-chart'), yAxis(frame, ticks, y, chart.yTitle)];
  chart.bars.forEach((bar, i) => {
    const left = frame.left + i * slot + (slot - barW) / 2;
    if (bar.outline !== undefined && bar.outline > 0) {
      parts.push(
        `<rect class="bar-outline" x="${num(left)}" y="${num(y(bar.outline))}" width="${num(barW)}" height="${num(frame.top + plotH - y(bar.outline))}"/>`,
      );
    }
    if (bar.value > 0) {
      parts.push(
        `<rect class="bar ${bar.className}" x="${num(left)}" y="${num(y(bar.value))}" width="${num(barW)}" height="${num(frame.top + plotH - y(bar.value))}"/>`,
      );
    }
    if (bar.mark) {
      parts.push(
        `<text class="bar-mark" x="${num(left + barW / 2)}" y="${num(y(Math.max(bar.value, bar.outline ?? 0)) - 3)}" text-anchor="middle">${esc(bar.mark)}</text>`,
      );
    }
    if (i % every === 0) {
      parts.push(
        `<text class="tick" x="${num(left + barW / 2)}" y="${frame.height - 8}" text-anchor="middle">${esc(bar.label)}</text>`,
      );
    }
  });
  parts.push(guideLines(frame, chart.guides ?? [], y));
  parts.push(
    `<line class="axis" x1="${frame.left}" x2="${frame.width - frame.right}" y1="${frame.top + plotH}" y2="${frame.top + plotH}"/>`,
  );
  parts.push('</svg>');
  return parts.join('');
}

/**
 * A value against its norm as a short horizontal bar: the bar is the value as a share of the reference (capped at
 * 150%), the tick at 100% is the norm.
 */
export function normBar(value: number, reference: number, className: string): string {
  const width = 90;
  const height = 12;
  const cap = 1.5;
  const share = Math.min(cap, Math.max(0, value / reference));
  const at100 = num(width / cap);
  return (
    `<svg class="norm-bar" viewBox="0 0 ${width} ${height}" width="${width}" height="${height}" role="img" ` +
    `aria-label="${Math.round((value / reference) * 100)}% of the norm" xmlns="http://www.w3.org/2000/svg">` +
    `<rect class="norm-track" x="0" y="2" width="${width}" height="${height - 4}"/>` +
    `<rect class="bar ${className}" x="0" y="2" width="${num((share / cap) * width)}" height="${height - 4}"/>` +
    `<line class="norm-tick" x1="${at100}" x2="${at100}" y1="0" y2="${height}"/></svg>`
  );
}
