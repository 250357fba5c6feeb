/**
 * Form breakdown: where, within a run, running dynamics start to drift at the same speed and grade (issue 5),
 * what that rests on, and across runs how far form holds and how that moves. Pure. Method and validation:
 * docs/form-breakdown.md.
 */
export { analyzeForm, BIC_MARGIN, MIN_SEGMENTS } from './analyze.js';
export { formBaselineFrom } from './baseline.js';
export { METRIC_RULES, type MetricRule } from './metrics.js';
export { SEGMENT_M, WARMUP_M } from './segments.js';
export { type FormRun, type FormSummary, MIN_TREND_BREAKDOWNS, summarizeForm } from './summarize.js';
export type {
  AthleteFormBaseline,
  FormAnalysis,
  FormEvidence,
  FormInput,
  FormMetric,
  FormMetricName,
  FormSlopes,
} from './types.js';
