import type { Channel, ChannelSources } from '../../domain/channels.js';
import { type DriftFit, fitDrift } from './change-point.js';
import { slopePrior } from './correct.js';
import { DYNAMICS_CHANNELS, METRIC_RULES, type MetricRule, minimumDrift } from './metrics.js';
import { cleanRun, SEGMENT_M, type Segments, WARMUP_M } from './segments.js';
import type { FormAnalysis, FormEvidence, FormInput, FormMetric } from './types.js';

/** 3 km of steady running after the warm-up: fewer segments cannot tell a drift from the day's wobble. */
export const MIN_SEGMENTS = 15;
/**
 * Candidate change points every half segment: the hinge is continuous in τ, and a half-segment step puts τ on
 * segment boundaries too, and inside gaps left by walking or pauses, not only on the segments that were run.
 */
const TAU_STEP_M = SEGMENT_M / 2;
/**
 * BIC margin for a change point. BIC's penalty counts τ as one parameter, but a grid search over τ finds some
 * improvement in pure noise (the sup-F problem), so a margin is added; 6 is "strong" on Kass & Raftery's BIC
 * scale and held the false alarms on synthetic steady runs under 10% (docs/form-breakdown.md).
 */
export const BIC_MARGIN = 6;
/** On a run with one family of metrics only, one metric alone counts when it drifted twice its minimum. */
const STRONG_FACTOR = 2;
/**
 * Families that must agree on one change point when a run has two or more: one family moving alone was most of
 * the false alarms on unchanged real runs (docs/form-breakdown.md).
 */
const MIN_FAMILIES = 2;
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
  const taus = Float64Array.from(
    { length: Math.floor((last - first) / TAU_STEP_M) + 1 },
    (_, t) => first + t * TAU_STEP_M,
  );
  const metrics: FormMetric[] = [];
  const fits = new Map<FormMetric['name'], DriftFit>();
  for (const rule of METRIC_RULES) {
    const y = metricValues(rule, segments);
    if (y === null || finiteCount(y) < Math.max(MIN_SEGMENTS, MIN_COVERAGE * count)) continue;
    const analysed = analyseMetric(rule, y, segments, taus, baseline?.metrics[rule.name]);
    if (analysed === null) continue;
    metrics.push(analysed.metric);
    fits.set(rule.name, analysed.fit);
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
  const breakdownM = combine(metrics, fits, taus);
  return { breakdownM, evidence, distanceM, analysedM: [first, last], metrics, notes };
}

function analyseMetric(
  rule: MetricRule,
  y: Float64Array,
  segments: Segments,
  taus: Float64Array,
  history: Parameters<typeof slopePrior>[2],
): { metric: FormMetric; fit: DriftFit } | null {
  const series = {
    distanceM: [] as number[],
    value: [] as number[],
    speedMps: [] as number[],
    grade: [] as number[],
  };
  for (let j = 0; j < y.length; j++) {
    if (Number.isNaN(y[j])) continue;
    series.distanceM.push(segments.distanceM[j] as number);
    series.value.push(y[j] as number);
    series.speedMps.push(segments.speedMps[j] as number);
    series.grade.push(segments.grade[j] as number);
  }
  const scale = series.value.reduce((sum, v) => sum + v, 0) / series.value.length;
  const fit = fitDrift(series, slopePrior(rule.name, scale, history), taus);
  if (fit === null) return null;
  const { level, slopes, corrected } = fit;
  const fatigueDrift = rule.fatigueSign * fit.drift;
  const significant = fit.deltaBic > BIC_MARGIN && fatigueDrift >= minimumDrift(rule, level);
  const metric: FormMetric = {
    name: rule.name,
    unit: rule.unit,
    baseline: level,
    driftPct:
      rule.name === 'balanceAsymmetry' ? fit.drift : level === 0 ? 0 : (100 * fit.drift) / Math.abs(level),
    changeM: significant ? fit.changeM : null,
    significant,
    votes: false,
    slopes,
    series: {
      distanceM: series.distanceM,
      corrected,
      band: [level - 2 * fit.residualSd, level + 2 * fit.residualSd],
    },
  };
  return { metric, fit };
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
 * The breakdown from the metrics that vote. A run with two or more families of metrics is asked for agreement
 * (`jointBreakdown`): one change point that two families show together. A run with one family (cadence only,
 * heart rate only) can only count one metric alone, and then only when it drifted at least twice its minimum.
 */
function combine(
  metrics: readonly FormMetric[],
  fits: ReadonlyMap<FormMetric['name'], DriftFit>,
  taus: Float64Array,
): number | null {
  const families = votingFamilies(metrics, fits);
  if (families.size >= 2) return jointBreakdown(families, taus);
  const strong: number[] = [];
  for (const members of families.values())
    for (const { metric, fit, rule, min } of members)
      if (metric.changeM !== null && rule.fatigueSign * fit.drift >= STRONG_FACTOR * min)
        strong.push(metric.changeM);
  return strong.length > 0 ? Math.min(...strong) : null;
}

interface Member {
  metric: FormMetric;
  fit: DriftFit;
  rule: MetricRule;
  /** The metric's minimum meaningful drift, in its units. */
  min: number;
}

/** The voting metrics with a fit, by family (a metric without a family is its own). */
function votingFamilies(
  metrics: readonly FormMetric[],
  fits: ReadonlyMap<FormMetric['name'], DriftFit>,
): Map<string, Member[]> {
  const families = new Map<string, Member[]>();
  for (const metric of metrics) {
    const fit = fits.get(metric.name);
    if (!metric.votes || fit === undefined) continue;
    const rule = METRIC_RULES.find((r) => r.name === metric.name) as MetricRule;
    const family = rule.family ?? rule.name;
    const member = { metric, fit, rule, min: minimumDrift(rule, metric.baseline) };
    families.set(family, [...(families.get(family) ?? []), member]);
  }
  return families;
}

/**
 * One change point shared by the families, tested once for all of them (§8's segmented regression and BIC,
 * pooled). At each candidate τ a family takes part when one of its metrics has drifted, with the hinge at τ,
 * by at least its minimum meaningful change in the fatigue direction; its evidence is the mean over its metrics
 * of the log-likelihood ratio `n_eff·ln(RSS₀/RSS(τ))` (a metric drifting the other way adds nothing; the mean
 * makes a family count once however many metrics it has). With at least **two** families taking part, the
 * joint `ΔBIC(τ) = Σ_families LR − (k + 1)·ln n̄_eff` charges one slope per family and one τ for all; the best τ
 * is the breakdown when its ΔBIC exceeds the same margin as one metric's. Asking two families to agree at one
 * τ is what removes most false alarms (one metric moving alone is more often a strap, pod or terrain than
 * fatigue, which §1 describes as a pattern: longer contact, lower cadence); pooling their evidence is what
 * keeps the power that the per-metric tests, each alone, lack on short runs.
 */
function jointBreakdown(families: ReadonlyMap<string, readonly Member[]>, taus: Float64Array): number | null {
  let nSum = 0;
  let nCount = 0;
  for (const members of families.values())
    for (const { fit } of members) {
      nSum += fit.nEff;
      nCount++;
    }
  const lnN = Math.log(nSum / nCount);
  let best = Number.NEGATIVE_INFINITY;
  let bestTau: number | null = null;
  for (let t = 0; t < taus.length; t++) {
    let evidence = 0;
    let taking = 0;
    for (const members of families.values()) {
      let lr = 0;
      let moved = false;
      for (const { fit, rule, min } of members) {
        const drift = rule.fatigueSign * (fit.driftProfile[t] as number);
        const rss = fit.profile[t] as number;
        if (!(drift > 0) || !Number.isFinite(rss)) continue;
        if (drift >= min) moved = true;
        lr += Math.max(0, fit.nEff * Math.log(fit.rss0 / Math.max(rss, Number.MIN_VALUE)));
      }
      if (!moved) continue;
      taking++;
      evidence += lr / members.length;
    }
    if (taking < MIN_FAMILIES) continue;
    const deltaBic = evidence - (taking + 1) * lnN;
    if (deltaBic > best) {
      best = deltaBic;
      bestTau = taus[t] as number;
    }
  }
  return best > BIC_MARGIN ? bestTau : null;
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
