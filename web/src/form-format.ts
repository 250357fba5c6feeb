import type { FormEvidence, FormMetric, FormMetricName } from '../../src/analysis/form/types.js';
import type { FormSummaryView, RunFormView } from '../../src/app/views.js';
import { formatDistance, type UnitSystem } from '../../src/domain/units.js';

/** The words of the form breakdown (issue 5): what the answer rests on, the headline, each metric's drift. */

export const EVIDENCE_LABEL: Record<FormEvidence, { label: string; detail: string }> = {
  'native-dynamics': {
    label: 'Running dynamics',
    detail:
      'From the running dynamics your watch, chest strap or foot pod recorded: ground contact time, cadence, vertical oscillation and their kin.',
  },
  'developer-dynamics': {
    label: 'Running dynamics (Stryd, RunScribe)',
    detail: 'From the running dynamics a connected sensor such as Stryd or RunScribe added to the file.',
  },
  'cadence-only': {
    label: 'Cadence only',
    detail:
      'From cadence alone: the run has no ground contact time or vertical oscillation, so only a strong drift counts.',
  },
  'heart-rate-only': {
    label: 'Heart rate only (weak)',
    detail:
      'From heart rate alone. Heart rate drifting up at the same pace is a weak, cardiovascular sign, not a measure of form.',
  },
  insufficient: {
    label: 'Not enough data',
    detail: 'This run does not hold enough steady running with form data for an answer.',
  },
};

/** What each metric is called in the runner's language: a lower-case noun, to sit inside a sentence. */
export const METRIC_LABEL: Record<FormMetricName, string> = {
  stanceTime: 'ground contact time',
  cadence: 'cadence',
  verticalOscillation: 'vertical oscillation',
  verticalRatio: 'vertical ratio',
  balanceAsymmetry: 'left–right balance',
  legSpringStiffness: 'leg spring stiffness',
  formPower: 'form power',
  stepLength: 'step length',
  power: 'power',
  heartRate: 'heart rate',
};

/** What a drift in the fatigue direction looks like, for the chart's note. */
const FATIGUE_DIRECTION: Record<FormMetricName, string> = {
  stanceTime: 'longer contact is fatigue',
  cadence: 'fewer steps is fatigue',
  verticalOscillation: 'more bounce is fatigue',
  verticalRatio: 'more bounce per step is fatigue',
  balanceAsymmetry: 'further from 50/50 is fatigue',
  legSpringStiffness: 'a softer spring is fatigue',
  formPower: 'more vertical work is fatigue',
  stepLength: 'follows cadence at one speed',
  power: 'more power at one speed is fatigue',
  heartRate: 'a rising heart rate is cardiac drift',
};

export function metricTitle(name: FormMetricName): string {
  return capitalise(METRIC_LABEL[name]);
}

export function metricNote(name: FormMetricName): string {
  return capitalise(FATIGUE_DIRECTION[name]);
}

export function capitalise(text: string): string {
  return text ? (text[0]?.toUpperCase() ?? '') + text.slice(1) : text;
}

/** "a", "a and b", "a, b and c". */
export function joinWords(words: readonly string[]): string {
  if (words.length <= 1) return words[0] ?? '';
  return `${words.slice(0, -1).join(', ')} and ${words[words.length - 1]}`;
}

/** A distance as the form pages print it: one decimal, in km or mi. */
export function formDistance(metres: number, units: UnitSystem): string {
  return formatDistance(metres, units, 1);
}

/**
 * The metrics that drifted, earliest first. Those that vote make the breakdown; when none does (a single strong
 * metric or heart rate only), whatever drifted is named, so that the headline never names nothing.
 */
export function driftingMetrics(metrics: readonly FormMetric[]): FormMetric[] {
  const changed = metrics.filter((m) => m.changeM !== null && m.significant);
  const voting = changed.filter((m) => m.votes);
  return [...(voting.length > 0 ? voting : changed)].sort((a, b) => (a.changeM ?? 0) - (b.changeM ?? 0));
}

/** The run's answer in one sentence. */
export function formHeadline(view: RunFormView, units: UnitSystem): string {
  if (view.evidence === 'insufficient') {
    const reason = view.notes[0];
    return reason ? `Too little data: ${reason}.`.replace(/\.\.$/, '.') : 'Too little data for an answer.';
  }
  if (view.breakdownM === null) {
    return view.analysedM
      ? `Form held for the whole run: no drift at the same speed and grade up to ${formDistance(view.analysedM[1], units)}.`
      : 'Form held for the whole run.';
  }
  const names = driftingMetrics(view.metrics).map((m) => METRIC_LABEL[m.name]);
  const what = names.length > 0 ? joinWords(names) : 'your form';
  return `Your form held steady for the first ${formDistance(view.breakdownM, units)}, then ${what} began to drift.`;
}

/** Drift by the end, signed: "+4.2 %" or, for the balance, "+2.1 points". */
export function formatDrift(metric: Pick<FormMetric, 'name' | 'driftPct'>): string {
  const v = metric.driftPct;
  if (!Number.isFinite(v)) return '–';
  const sign = v > 0.05 ? '+' : v < -0.05 ? '−' : '±';
  const abs = Math.abs(v).toFixed(1);
  return metric.name === 'balanceAsymmetry' ? `${sign}${abs} points` : `${sign}${abs} %`;
}

/** Whether the metric counts towards the breakdown, and why not when it does not. */
export function voteLabel(metric: Pick<FormMetric, 'name' | 'votes' | 'changeM' | 'significant'>): string {
  if (!metric.votes)
    return metric.name === 'heartRate' || metric.name === 'power' || metric.name === 'stepLength'
      ? 'Shown for context; does not count'
      : 'Does not count on this run';
  if (metric.changeM !== null && metric.significant) return 'Counts: it drifted';
  return 'Counts: it held';
}

/** A fresh-baseline value with its unit. */
export function formatBaseline(metric: Pick<FormMetric, 'baseline' | 'unit' | 'name'>): string {
  if (!Number.isFinite(metric.baseline)) return '–';
  const decimals = Math.abs(metric.baseline) < 20 ? 1 : 0;
  return `${metric.baseline.toFixed(decimals)} ${metric.unit}`;
}

/** "Form holds to 12.4 km": the median, or why there is none. */
export function holdsToHeadline(summary: Pick<FormSummaryView, 'holdsToM' | 'analysed'>, units: UnitSystem) {
  if (summary.analysed === 0) return 'No runs with form data yet';
  const { median } = summary.holdsToM;
  if (median === null) return 'Your form held on most runs, as far as they went';
  return `Form holds to ${formDistance(median, units)}`;
}

/** The middle half of the runs, "10.2–14.8 km", with an open end where the curve never falls that low. */
export function holdsToRange(holdsToM: FormSummaryView['holdsToM'], units: UnitSystem): string | null {
  const { q1, q3 } = holdsToM;
  if (q1 === null && q3 === null) return null;
  if (q3 === null) return `from ${formDistance(q1 as number, units)} up`;
  if (q1 === null) return `up to ${formDistance(q3, units)}`;
  return `${formDistance(q1, units)}–${formDistance(q3, units)}`;
}

/** The trend of the breakdown distance, in words. */
export function trendText(trend: FormSummaryView['trend'], units: UnitSystem): string | null {
  if (!trend) return null;
  const perWeek = formatDistance(Math.abs(trend.perWeekM), units, 2);
  const still = Math.abs(trend.perWeekM) < 5;
  const direction = still
    ? 'About the same distance week after week'
    : trend.perWeekM > 0
      ? `Moving out by about ${perWeek} a week`
      : `Moving in by about ${perWeek} a week`;
  const confidence = trend.significant
    ? 'a clear trend'
    : 'not a clear trend yet: it could be the ups and downs of single runs';
  return `${direction} (${confidence}).`;
}

export type TrendKind = 'out' | 'in' | 'flat' | 'unclear';

export function trendKind(trend: FormSummaryView['trend']): TrendKind | null {
  if (!trend) return null;
  if (!trend.significant) return 'unclear';
  if (Math.abs(trend.perWeekM) < 5) return 'flat';
  return trend.perWeekM > 0 ? 'out' : 'in';
}

/** "On runs with pain, your form began to drift a median of 1.4 km before the pain." */
export function painLeadText(
  summary: Pick<FormSummaryView, 'medianPainLeadM' | 'painLead'>,
  units: UnitSystem,
): string | null {
  const lead = summary.medianPainLeadM;
  if (lead === null || summary.painLead.length === 0) return null;
  const n = summary.painLead.length;
  const runs = `${n} run${n === 1 ? '' : 's'} with both`;
  if (Math.abs(lead) < 50)
    return `On runs with pain, your form began to drift at about the distance the pain began (${runs}).`;
  const where = lead > 0 ? 'before' : 'after';
  const median = n === 1 ? '' : 'a median of ';
  return `On runs with pain, your form began to drift ${median}${formDistance(Math.abs(lead), units)} ${where} the pain (${runs}).`;
}
