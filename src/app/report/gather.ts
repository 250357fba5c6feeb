import { endOfDay } from '../../domain/time.js';
import type { Keel } from '../keel.js';
import { KEEL_VERSION } from '../version.js';
import { type ReportView, reportView } from './view.js';

/**
 * The report's window by default: the pain pattern's own window (180 days), so the report's numbers are the ones
 * the runner sees on the Patterns and Form pages and in `keel pattern`; the detector needs that much history.
 */
export const REPORT_DAYS = 180;

/** Reads everything the report shows, as of `today` (YYYY-MM-DD) over the `days` up to it. */
export async function gatherReport(
  keel: Keel,
  athleteId: string,
  today: string,
  days: number,
): Promise<ReportView | undefined> {
  const athlete = await keel.athlete(athleteId);
  if (!athlete) return undefined;
  const asOf = endOfDay(today);
  const [runs, patterns, form, redFlags, painReports, benchmarks, program, plan] = await Promise.all([
    keel.runs(athleteId),
    keel.painPatterns(athleteId, asOf, days),
    keel.formSummary(athleteId, asOf, days),
    keel.openRedFlags(athleteId),
    keel.painReports(athleteId),
    keel.benchmarks(athleteId, today),
    keel.program(athleteId, today),
    keel.plan(athleteId, today),
  ]);
  return reportView({
    keelVersion: KEEL_VERSION,
    today,
    days,
    athlete,
    runs,
    patterns,
    form,
    redFlags,
    painReports,
    benchmarks,
    program,
    plan,
  });
}
