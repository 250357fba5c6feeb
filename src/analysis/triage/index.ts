/**
 * Red-flag triage of a pain report: stop and see a clinician, keep running with changes, or carry on and keep
 * logging, always with the reasons and their sources. Pure: the caller passes the report and its history.
 */
export { RED_FLAG_QUESTION_TEXT } from './questions.js';
/** The pain-monitoring limits, shared with the stabilizer program's regression rules. */
export { ACCEPTABLE_MAX_SEVERITY, MORNING_TREND_WINDOW_DAYS, SETTLED_MAX_SEVERITY } from './rules.js';
export { TRIAGE_DISCLAIMER, triagePainReport } from './triage.js';
export type { TriageContext, TriageLevel, TriageOutcome, TriageReason } from './types.js';
