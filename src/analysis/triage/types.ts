import type { RedFlagQuestion } from '../../domain/pain.js';

/** Stop running and see a clinician / keep running with changes / fine to continue with monitoring. */
export type TriageLevel = 'stop' | 'modify' | 'monitor';

export interface TriageReason {
  /** Stable id, e.g. `bone-stress-focal-tenderness`: the UI, the CLI and docs/triage.md key on it. */
  rule: string;
  level: TriageLevel;
  /** Plain words, for the runner. */
  message: string;
  /** The citation the rule rests on. */
  source: string;
}

export interface TriageOutcome {
  level: TriageLevel;
  /** Every rule that fired, most serious first; never empty: `monitor` also says why. */
  reasons: TriageReason[];
  /** `level === 'stop'`. */
  redFlag: boolean;
  /** A stop that cannot wait for an appointment: seek care today (possible clot, systemic symptoms, no weight bearing). */
  urgent: boolean;
  /** What to do now, in plain words. */
  advice: string;
  /** Keel educates, it does not diagnose. */
  disclaimer: string;
  /** Red-flag questions left unanswered, in asking order, so the UI and CLI can ask them again. */
  unansweredRedFlags: RedFlagQuestion[];
}

export interface TriageContext {
  /** Earlier reports of the same region and side with a known onset distance, oldest first (date ISO YYYY-MM-DD, onsetM). */
  earlierOnsets: { date: string; onsetM: number }[];
  /** Earlier reports' next-morning severities for the same region+side, oldest first, for "morning pain must not rise week to week". */
  earlierMorningSeverities: { date: string; severity: number }[];
  /**
   * This report's onset distance when the runner gave a time and Keel placed it on the run's streams. Without it
   * only a distance onset in the report itself joins the onset trend.
   */
  reportOnsetM?: number | null;
}
