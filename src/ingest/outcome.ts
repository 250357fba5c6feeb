import type { Activity } from '../domain/activity.js';

/** A session of a file that is not imported, and why (e.g. "cycling session skipped"). */
export interface SkippedSession {
  sessionIndex: number;
  reason: string;
}

/**
 * What decoding one file gives. Expected failures are values: `rejected` carries one line a runner can act
 * on ("truncated FIT file: ends at byte 7472 of 78233"), never a stack trace.
 */
export type DecodeOutcome =
  | { kind: 'decoded'; activities: Activity[]; skipped: SkippedSession[]; warnings: string[] }
  | { kind: 'rejected'; reason: string };
