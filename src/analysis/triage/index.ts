/**
 * Red-flag triage of a pain report: stop and see a clinician, keep running with changes, or carry on and keep
 * logging, always with the reasons and their sources. Pure: the caller passes the report and its history.
 */
export { RED_FLAG_QUESTION_TEXT } from './questions.js';
export { TRIAGE_DISCLAIMER, triagePainReport } from './triage.js';
export type { TriageContext, TriageLevel, TriageOutcome, TriageReason } from './types.js';
