import type { RunSeries } from '../../../src/app/views.js';
import { CHANNEL_INFO, type Channel } from '../../../src/domain/channels.js';
import {
  distanceUnitLabel,
  formatDuration,
  paceSecondsPerUnit,
  toDistanceUnit,
  type UnitSystem,
} from '../../../src/domain/units.js';
import { heightUnitLabel, toHeightUnit } from '../format.js';

/**
 * Turns a run's series into what each chart draws: one shared x axis (distance in km or mi, or minutes when
 * the run has no distance) and one y series per chart, in display units. Pure, so it is easy to test.
 */

export interface ChartSpec {
  /** Stable id for test hooks and keys: `pace`, `heartRate`, … */
  id: string;
  title: string;
  /** The y unit as printed on the axis and in values: "min/km", "bpm". */
  unit: string;
  y: (number | null)[];
  color: string;
  /** A CSS custom property that overrides `color` when set (the theme's own colour, e.g. for dark mode). */
  colorVar?: string;
  /** Bridge missing samples (a heart-rate strap losing contact) instead of breaking the line as at a stop. */
  spanGaps: boolean;
  /** Draw larger values lower: for pace, so that faster is up. */
  invert: boolean;
  /** The y range to show, robust to outliers; values outside are drawn at its edge. */
  range: [number, number] | null;
  formatValue: (v: number) => string;
  /** Short explanation under the chart title. */
  note?: string;
}

export interface ChartData {
  x: number[];
  xLabel: string;
  xUnit: string;
  formatX: (v: number) => string;
  charts: ChartSpec[];
}

/** Slower than this (≈18 min/km) the runner is stopped or walking a few steps: no pace is drawn. */
const STOPPED_BELOW_MPS = 0.9;

function decimals(values: number) {
  return (v: number) => v.toFixed(values);
}

/** The p-th quantile (0–1) of sorted values. */
function quantile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  const i = (sorted.length - 1) * p;
  const lo = Math.floor(i);
  const hi = Math.ceil(i);
  const a = sorted[lo] as number;
  const b = sorted[hi] as number;
  return a + (b - a) * (i - lo);
}

/**
 * A y range that ignores the few most extreme samples (GPS spikes, a dropped HR strap), padded a little,
 * and the values clamped into it so that a spike shows as touching the edge instead of flattening the rest.
 */
export function robustRange(
  values: readonly (number | null)[],
  tail = 0.01,
  minSpan = 1,
): { range: [number, number]; clamped: (number | null)[] } | null {
  const finite = values.filter((v): v is number => v !== null && Number.isFinite(v)).sort((a, b) => a - b);
  if (finite.length === 0) return null;
  let lo = quantile(finite, tail);
  let hi = quantile(finite, 1 - tail);
  if (hi - lo < minSpan) {
    const mid = (hi + lo) / 2;
    lo = mid - minSpan / 2;
    hi = mid + minSpan / 2;
  }
  const pad = (hi - lo) * 0.08;
  const range: [number, number] = [lo - pad, hi + pad];
  const clamped = values.map((v) =>
    v === null || !Number.isFinite(v) ? null : Math.min(range[1], Math.max(range[0], v)),
  );
  return { range, clamped };
}

function toNullable(values: readonly (number | null)[] | undefined, map: (v: number) => number | null) {
  return values?.map((v) => (v === null || !Number.isFinite(v) ? null : map(v)));
}

/** Non-decreasing x, so that uPlot (which needs sorted x) draws a run whose distance jitters backwards. */
function monotone(values: (number | null)[]): number[] {
  const out: number[] = new Array(values.length);
  let last = 0;
  let seen = false;
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (v !== null && v !== undefined && Number.isFinite(v)) {
      last = seen ? Math.max(last, v) : v;
      seen = true;
    }
    out[i] = last;
  }
  return out;
}

interface ChannelChart {
  channel: Channel;
  color: string;
  unit?: string;
  decimals: number;
  /** Values at or below this are a stopped runner or a sensor dropping out, not a measurement: a gap. */
  validAbove?: number;
  /** Leave the channel out where the runner stands still (everything but heart rate). */
  onlyWhileMoving?: boolean;
  tail?: number;
  minSpan: number;
  note?: string;
}

/** The charts after pace, in order; each is drawn only when its channel has data. */
const CHANNEL_CHARTS: ChannelChart[] = [
  { channel: 'heartRate', color: '#d6336c', decimals: 0, minSpan: 10 },
  { channel: 'cadence', color: '#7048e8', decimals: 0, minSpan: 6, validAbove: 60, onlyWhileMoving: true },
  { channel: 'stanceTime', color: '#1c7ed6', decimals: 0, minSpan: 20, validAbove: 0, onlyWhileMoving: true },
  {
    channel: 'stanceTimeBalance',
    color: '#0c8599',
    decimals: 1,
    minSpan: 2,
    validAbove: 0,
    onlyWhileMoving: true,
    note: '50 % is even; above 50 % the left foot stays longer on the ground',
  },
  {
    channel: 'verticalOscillation',
    color: '#2f9e44',
    decimals: 0,
    minSpan: 10,
    validAbove: 0,
    onlyWhileMoving: true,
  },
  {
    channel: 'verticalRatio',
    color: '#66a80f',
    decimals: 1,
    minSpan: 1,
    validAbove: 0,
    onlyWhileMoving: true,
  },
  { channel: 'power', color: '#e8590c', decimals: 0, minSpan: 20, validAbove: 0, onlyWhileMoving: true },
];

export function buildCharts(series: RunSeries, units: UnitSystem): ChartData {
  const c = series.channels;
  const distanceUnit = distanceUnitLabel(units);
  const hasDistance = c.distance?.some((v) => v !== null) ?? false;
  const x = hasDistance
    ? monotone(toNullable(c.distance, (m) => toDistanceUnit(m, units)) ?? [])
    : monotone(toNullable(c.time, (s) => s / 60) ?? []);
  const charts: ChartSpec[] = [];

  /** Standing at a crossing is not running form: form channels are left out where the runner stopped. */
  const stopped = (i: number) => {
    const v = c.speed?.[i];
    return v !== null && v !== undefined && v < STOPPED_BELOW_MPS;
  };
  const pace = toNullable(c.speed, (mps) =>
    mps < STOPPED_BELOW_MPS ? null : paceSecondsPerUnit(mps, units),
  );
  if (pace?.some((v) => v !== null)) {
    const robust = robustRange(pace, 0.02, 20);
    if (robust)
      charts.push({
        id: 'pace',
        title: 'Pace',
        unit: `min/${distanceUnit}`,
        y: robust.clamped,
        color: '#0f5f6b',
        colorVar: '--chart-pace',
        spanGaps: false,
        invert: true,
        range: robust.range,
        formatValue: (v) => formatDuration(v),
        note: 'Faster is up; stops are left out',
      });
  }

  for (const spec of CHANNEL_CHARTS) {
    const floor = spec.validAbove;
    const values = toNullable(c[spec.channel], (v) => (floor !== undefined && v <= floor ? null : v))?.map(
      (v, i) => (spec.onlyWhileMoving && stopped(i) ? null : v),
    );
    if (!values?.some((v) => v !== null)) continue;
    const robust = robustRange(values, spec.tail ?? 0.005, spec.minSpan);
    if (!robust) continue;
    const info = CHANNEL_INFO[spec.channel];
    charts.push({
      id: spec.channel,
      title: info.label,
      unit: spec.unit ?? info.unit,
      y: robust.clamped,
      color: spec.color,
      spanGaps: spec.channel === 'heartRate',
      invert: false,
      range: robust.range,
      formatValue: decimals(spec.decimals),
      ...(spec.note ? { note: spec.note } : {}),
    });
  }

  const altitude = toNullable(c.altitude, (m) => toHeightUnit(m, units));
  if (altitude?.some((v) => v !== null)) {
    const robust = robustRange(altitude, 0, 10);
    if (robust)
      charts.push({
        id: 'altitude',
        title: 'Elevation',
        unit: heightUnitLabel(units),
        y: robust.clamped,
        color: '#868e96',
        spanGaps: true,
        invert: false,
        range: robust.range,
        formatValue: decimals(0),
      });
  }

  return {
    x,
    xLabel: hasDistance ? 'Distance' : 'Time',
    xUnit: hasDistance ? distanceUnit : 'min',
    formatX: hasDistance ? (v) => v.toFixed(2) : (v) => formatDuration(v * 60),
    charts,
  };
}
