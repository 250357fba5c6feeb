/**
 * The same-distance pain detector: is a region's pain bound to a distance (or a time on feet), where does it
 * start, how sure is that, is it moving — and the explanation in the runner's words. Pure: the caller passes
 * "now" and every run in the window. Method and validation: docs/pain-pattern.md.
 */
export {
  DEFAULT_WINDOW_DAYS,
  detectPattern,
  MIN_EVENTS,
  MIN_RUNS,
  PAIN_PATTERN_ALGORITHM_VERSION,
} from './detect.js';
export { explainPattern, type PatternExplanation } from './explain.js';
export {
  PATTERN_REASONS,
  type PainPattern,
  type PatternBasis,
  type PatternOptions,
  type PatternReason,
  type PatternRun,
  type PatternStatus,
  type PatternTrend,
} from './types.js';
