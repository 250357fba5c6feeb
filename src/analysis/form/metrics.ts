import type { Channel } from '../../domain/channels.js';
import type { FormMetricName } from './types.js';

/**
 * One row per metric: where it comes from, which way fatigue moves it at the same speed and grade, and the
 * smallest drift by the end of a run worth telling a runner about. Rules as data: docs/form-breakdown.md
 * gives each row's source; "(verify)" marks magnitudes no measured source in the domain reference backs.
 */
export interface MetricRule {
  name: FormMetricName;
  channel: Channel;
  unit: string;
  /** +1 when fatigue raises the metric, −1 when it lowers it. */
  fatigueSign: 1 | -1;
  /** Smallest meaningful drift: in the metric's units, or in percent of its fresh level. */
  minChange: { abs: number } | { pct: number };
  /**
   * Metrics of one family measure one thing (vertical ratio and form power follow vertical oscillation), so
   * two of them changing is one piece of evidence, not two. Null: the metric informs but never votes.
   */
  family: 'contact' | 'cadence' | 'vertical' | 'balance' | 'stiffness' | null;
}

export const METRIC_RULES: readonly MetricRule[] = [
  // §1: "GCT increases of a few percent" late in long runs (verify magnitudes).
  {
    name: 'stanceTime',
    channel: 'stanceTime',
    unit: 'ms',
    fatigueSign: 1,
    minChange: { pct: 2.5 },
    family: 'contact',
  },
  // §1: "small cadence drops (a few steps/min) at constant pace".
  {
    name: 'cadence',
    channel: 'cadence',
    unit: 'steps/min',
    fatigueSign: -1,
    minChange: { abs: 2 },
    family: 'cadence',
  },
  // (verify) No measured magnitude in §1; 4% is ~3–4 mm, three times a strap's 1 mm resolution.
  {
    name: 'verticalOscillation',
    channel: 'verticalOscillation',
    unit: 'mm',
    fatigueSign: 1,
    minChange: { pct: 4 },
    family: 'vertical',
  },
  // (verify) Follows oscillation over step length; same 4% as oscillation.
  {
    name: 'verticalRatio',
    channel: 'verticalRatio',
    unit: '%',
    fatigueSign: 1,
    minChange: { pct: 4 },
    family: 'vertical',
  },
  // §1: an imbalance beyond ±2 points is "commonly treated as notable" (verify); here as a change from fresh.
  {
    name: 'balanceAsymmetry',
    channel: 'stanceTimeBalance',
    unit: 'points from 50/50',
    fatigueSign: 1,
    minChange: { abs: 2 },
    family: 'balance',
  },
  // (verify) Stryd's stiffness falls when contact lengthens; 3% matches the contact-time minimum.
  {
    name: 'legSpringStiffness',
    channel: 'legSpringStiffness',
    unit: 'kN/m',
    fatigueSign: -1,
    minChange: { pct: 3 },
    family: 'stiffness',
  },
  // (verify) Stryd's form power is mostly vertical work: oscillation's family and minimum.
  {
    name: 'formPower',
    channel: 'formPower',
    unit: 'W',
    fatigueSign: 1,
    minChange: { pct: 4 },
    family: 'vertical',
  },
  // At one speed, step length = speed / cadence: it mirrors cadence (up when cadence falls) and adds nothing.
  {
    name: 'stepLength',
    channel: 'stepLength',
    unit: 'mm',
    fatigueSign: 1,
    minChange: { pct: 1.5 },
    family: null,
  },
  // Watch power is largely a model of speed and grade; shown, never voting. (verify) 3%.
  { name: 'power', channel: 'power', unit: 'W', fatigueSign: 1, minChange: { pct: 3 }, family: null },
  // §1: aerobic decoupling above 5% reads as cardiac drift; cardiovascular, so it votes only as the last resort.
  {
    name: 'heartRate',
    channel: 'heartRate',
    unit: 'bpm',
    fatigueSign: 1,
    minChange: { pct: 5 },
    family: null,
  },
];

/** The smallest meaningful drift of a metric whose fresh level is `baseline`, in its units. */
export function minimumDrift(rule: MetricRule, baseline: number): number {
  return 'abs' in rule.minChange ? rule.minChange.abs : (rule.minChange.pct / 100) * Math.abs(baseline);
}

/** Running dynamics proper: what a strap, pod or footpod measures and a wrist cannot. */
export const DYNAMICS_CHANNELS: ReadonlySet<Channel> = new Set([
  'stanceTime',
  'stanceTimeBalance',
  'verticalOscillation',
  'verticalRatio',
  'legSpringStiffness',
  'formPower',
]);
