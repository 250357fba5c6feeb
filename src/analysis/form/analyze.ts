import type { Channel, ChannelSources } from '../../domain/channels.js';
import { fitChangePoint } from './change-point.js';
import { fitSpeedGrade, predict } from './correct.js';
import { DYNAMICS_CHANNELS, METRIC_RULES, type MetricRule, minimumDrift } from './metrics.js';
import { cleanRun, SEGMENT_M, type Segments, WARMUP_M } from './segments.js';
import type { FormAnalysis, FormEvidence, FormInput, FormMetric } from './types.js';

/** 3 km of steady running after the warm-up: fewer segments cannot tell a drift from the day's wobble. */
export const MIN_SEGMENTS = 15;
/** The fresh part: the first third of what is analysed, and never under 2 km (10 segments). */
const FRESH_SHARE = 1 / 3;
const MIN_FRESH_M = 2000;
/**
 * BIC margin for a change point. BIC's penalty counts τ as one parameter, but a grid search over τ finds some
 * improvement in pure noise (the sup-F problem), so a margin is added; 6 is "strong" on Kass & Raftery's BIC
 * scale and held the false alarms on synthetic steady runs under 10% (docs/form-breakdown.md).
 */
export const BIC_MARGIN = 6;
/** One metric alone is enough when its drift is at least twice its minimum meaningful change. */
const STRONG_FACTOR = 2;
/** A metric is used when at least this share of the analysed segments have it. */
const MIN_COVERAGE = 0.6;

/** Where a run's form starts to drift at the same speed and grade, and what the answer rests on. */
export function analyzeForm(input: FormInput): FormAnalysis {
  const { streams, channelSources, baseline } = input;
  const channels = [...new Set(METRIC_RULES.map((r) => r.channel))];
  const cleaned = cleanRun(streams, channels);
  if (cleaned === null)
    return insufficient(0, 'no distance or speed: the run cannot be laid out along its distance');
  const { segments, distanceM } = cleaned;
  const notes = cleaningNotes(cleaned.excludedS);
  const count = segments.distanceM.length;
  if (count < MIN_SEGMENTS) {
    const steadyKm = (count * SEGMENT_M) / 1000;
    return insufficient(
      distanceM,
      `too short: ${steadyKm.toFixed(1)} km of steady running after the ${WARMUP_M / 1000} km warm-up, ` +
        `${(MIN_SEGMENTS * SEGMENT_M) / 1000} km needed`,
      notes,
    );
  }

  const first = segments.distanceM[0] as number;
  const last = segments.distanceM[count - 1] as number;
  const freshEnd = first + Math.max(MIN_FRESH_M, FRESH_SHARE * (last - first));
  const metrics: FormMetric[] = [];
  for (const rule of METRIC_RULES) {
    const y = metricValues(rule, segments);
    if (y === null || finiteCount(y) < Math.max(MIN_SEGMENTS, MIN_COVERAGE * count)) continue;
    const metric = analyseMetric(rule, y, segments, freshEnd, baseline?.metrics[rule.name]);
    if (metric !== null) metrics.push(metric);
  }

  const evidence = evidenceOf(metrics, channelSources);
  if (evidence === 'insufficient') {
    return {
      ...insufficient(distanceM, 'no cadence, running dynamics or heart rate over enough of the run', notes),
      analysedM: [first, last],
      metrics,
    };
  }
  for (const m of metrics) m.votes = votesIn(evidence, m.name);
  if (evidence === 'heart-rate-only')
    notes.push('heart rate only: cardiac drift is a weak, cardiovascular sign, not a measure of form');
  if (evidence === 'cadence-only') notes.push('cadence only: one metric, so only a strong drift counts');
  const breakdownM = combine(metrics);
  return { breakdownM, evidence, distanceM, analysedM: [first, last], metrics, notes };
}

function analyseMetric(
  rule: MetricRule,
  y: Float64Array,
  segments: Segments,
  freshEnd: number,
  history: Parameters<typeof fitSpeedGrade>[5],
): FormMetric | null {
  const { distanceM, speedMps, grade } = segments;
  const model = fitSpeedGrade(
    rule.name,
    y,
    speedMps,
    grade,
    (j) => (distanceM[j] as number) <= freshEnd,
    history,
  );
  if (model === null) return null;
  const d: number[] = [];
  const corrected: number[] = [];
  for (let j = 0; j < y.length; j++) {
    if (Number.isNaN(y[j])) continue;
    d.push(distanceM[j] as number);
    corrected.push(
      model.level + (y[j] as number) - predict(model, speedMps[j] as number, grade[j] as number),
    );
  }
  const fit = fitChangePoint(d, corrected);
  const drift = fit?.drift ?? 0;
  const fatigueDrift = rule.fatigueSign * drift;
  const significant =
    fit !== null && fit.deltaBic > BIC_MARGIN && fatigueDrift >= minimumDrift(rule, model.level);
  const level = model.level;
  return {
    name: rule.name,
    unit: rule.unit,
    baseline: level,
    driftPct: rule.name === 'balanceAsymmetry' ? drift : level === 0 ? 0 : (100 * drift) / Math.abs(level),
    changeM: significant && fit ? fit.changeM : null,
    significant,
    votes: false,
    slopes: model.slopes,
    series: {
      distanceM: d,
      corrected,
      band: [level - 2 * model.freshSd, level + 2 * model.freshSd],
    },
  };
}

/** Segment values of a metric: balance becomes its distance from 50/50, so either side drifting counts. */
function metricValues(rule: MetricRule, segments: Segments): Float64Array | null {
  const values = segments.values[rule.channel];
  if (!values) return null;
  return rule.name === 'balanceAsymmetry' ? values.map((v) => Math.abs(v - 50)) : values;
}

function finiteCount(values: Float64Array): number {
  let n = 0;
  for (const v of values) if (!Number.isNaN(v)) n++;
  return n;
}

const CHANNEL_OF = new Map(METRIC_RULES.map((r) => [r.name, r.channel]));

/** The strongest kind of data among the metrics the run has enough of. */
function evidenceOf(metrics: readonly FormMetric[], sources: ChannelSources): FormEvidence {
  const dynamics = metrics
    .map((m) => CHANNEL_OF.get(m.name) as Channel)
    .filter((c) => DYNAMICS_CHANNELS.has(c));
  if (dynamics.length > 0)
    return dynamics.some((c) => !(sources[c] ?? '').startsWith('dev:'))
      ? 'native-dynamics'
      : 'developer-dynamics';
  if (metrics.some((m) => m.name === 'cadence')) return 'cadence-only';
  if (metrics.some((m) => m.name === 'heartRate')) return 'heart-rate-only';
  return 'insufficient';
}

function votesIn(evidence: FormEvidence, name: FormMetric['name']): boolean {
  if (evidence === 'heart-rate-only') return name === 'heartRate';
  return METRIC_RULES.find((r) => r.name === name)?.family != null;
}

/**
 * The breakdown is the distance by which two families of metrics have changed (the second-earliest family
 * change: with three families, their median). Only when fewer than two families changed does one metric count
 * alone, and then only if it drifted at least twice its minimum: taking the earliest of several noisy change
 * points would place the breakdown systematically early.
 */
function combine(metrics: readonly FormMetric[]): number | null {
  const familyChange = new Map<string, number>();
  const strong: number[] = [];
  for (const m of metrics) {
    if (!m.votes || m.changeM === null) continue;
    const rule = METRIC_RULES.find((r) => r.name === m.name) as MetricRule;
    const family = rule.family ?? rule.name;
    familyChange.set(family, Math.min(familyChange.get(family) ?? Number.POSITIVE_INFINITY, m.changeM));
    const drift = rule.name === 'balanceAsymmetry' ? m.driftPct : (m.driftPct / 100) * Math.abs(m.baseline);
    if (rule.fatigueSign * drift >= STRONG_FACTOR * minimumDrift(rule, m.baseline)) strong.push(m.changeM);
  }
  const changes = [...familyChange.values()].sort((a, b) => a - b);
  if (changes.length >= 2) return changes[1] as number;
  return strong.length > 0 ? Math.min(...strong) : null;
}

function cleaningNotes(excludedS: { paused: number; walking: number; spikes: number }): string[] {
  const minutes = (s: number) => `${Math.round(s / 60)} min`;
  const notes: string[] = [];
  if (excludedS.paused >= 60) notes.push(`${minutes(excludedS.paused)} paused or standing left out`);
  if (excludedS.walking >= 60) notes.push(`${minutes(excludedS.walking)} of walking left out`);
  if (excludedS.spikes >= 10) notes.push(`${Math.round(excludedS.spikes)} s of GPS speed spikes left out`);
  return notes;
}

function insufficient(distanceM: number, reason: string, notes: string[] = []): FormAnalysis {
  return {
    breakdownM: null,
    evidence: 'insufficient',
    distanceM,
    analysedM: null,
    metrics: [],
    notes: [reason, ...notes],
  };
}
