import type { PainReportInput } from '../../domain/pain.js';
import {
  TRIAGE_RULES,
  type TriageFacts,
  type TriageRule,
  unansweredRedFlags,
  WITHIN_LIMITS,
} from './rules.js';
import type { TriageContext, TriageLevel, TriageOutcome, TriageReason } from './types.js';

/** The words Keel uses, every time, to say what triage is and is not. */
export const TRIAGE_DISCLAIMER =
  'Keel explains and guides; it does not diagnose. These reasons are signs to act on, not a diagnosis: only a clinician who examines you can say what is causing your pain.';

const ADVICE: Record<TriageLevel | 'urgent', string> = {
  urgent:
    'Stop running and get medical care today, at an urgent care clinic or emergency department; with chest pain, breathlessness or fainting, call emergency services now. Keel holds your distance progression until a clinician clears you to run.',
  stop: 'Stop running for now and see a physician or physical therapist, and show them the reasons above. Keel holds your distance progression until a clinician clears you to run.',
  modify:
    'Keep running, with changes: keep runs shorter than the distance where the pain starts, use run-walk intervals, leave out hills and speed work for now, and keep your stabilizer program within the pain limits (up to 5/10 during, settled by the next morning). If it keeps getting worse, see a physician or physical therapist.',
  monitor:
    'Carry on with your plan and keep logging: where the pain starts, how strong it gets, and how it feels the next morning.',
};

/**
 * Triage one pain report against the rules in `rules.ts`. Pain reports are validated where they enter Keel, so a
 * score off the 0–10 scale here is a bug: it throws rather than triaging a number it cannot read.
 */
export function triagePainReport(report: PainReportInput, context: TriageContext): TriageOutcome {
  assertPainScore('severity', report.severity);
  if (report.nextMorningSeverity !== null) assertPainScore('nextMorningSeverity', report.nextMorningSeverity);
  const facts: TriageFacts = { report, context };
  const fired = TRIAGE_RULES.filter((rule) => rule.test(facts));
  const reasons = (fired.length > 0 ? fired : [WITHIN_LIMITS]).map((rule) => toReason(rule, facts));
  // The table is ordered by seriousness, so the first reason carries the outcome's level.
  const level = (reasons[0] as TriageReason).level;
  const urgent = fired.some((rule) => rule.urgent);
  return {
    level,
    reasons,
    redFlag: level === 'stop',
    urgent,
    advice: ADVICE[urgent ? 'urgent' : level],
    disclaimer: TRIAGE_DISCLAIMER,
    unansweredRedFlags: unansweredRedFlags(report),
  };
}

function toReason(
  rule: Pick<TriageRule, 'id' | 'level' | 'message' | 'source'>,
  facts: TriageFacts,
): TriageReason {
  return { rule: rule.id, level: rule.level, message: rule.message(facts), source: rule.source };
}

function assertPainScore(name: string, value: number): void {
  if (!(value >= 0 && value <= 10))
    throw new RangeError(`${name} must be on the 0–10 pain scale, got ${value}`);
}
