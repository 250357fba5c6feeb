import { detectPattern, explainPattern, type PatternRun } from '../../analysis/pain-pattern/index.js';
import { BODY_REGIONS, type BodyRegion, type Side } from '../../domain/pain.js';
import { localDate } from '../../domain/time.js';
import type { UnitSystem } from '../../domain/units.js';
import type { ActivityRow, PainReportRow } from '../../store/index.js';
import type { PainPatternView } from '../views.js';

/** The detector's default window (issue 4): long enough for a season's long runs, short enough to be today's body. */
export const PATTERN_WINDOW_DAYS = 180;
const DAY_MS = 86_400_000;

/**
 * Every region and side the athlete reported pain in, each analysed over all runs in the window: a painful run is
 * an event at its onset, a pain-free one is censored at its length. A report on a day without a run is not part of
 * the pattern (it is triaged all the same). Ordered by region from the feet up, then side.
 */
export function painPatterns(
  runs: readonly ActivityRow[],
  reports: readonly PainReportRow[],
  units: UnitSystem,
  asOf: Date,
  windowDays = PATTERN_WINDOW_DAYS,
): PainPatternView[] {
  const from = new Date(asOf.getTime() - windowDays * DAY_MS);
  const inWindow = runs.filter((r) => r.startTime >= from && r.startTime <= asOf);
  const window = { from: localDate(from, null), to: localDate(asOf, null), days: windowDays };
  const groups = new Map<string, { region: BodyRegion; side: Side; reports: PainReportRow[] }>();
  for (const report of reports) {
    const key = `${report.region}:${report.side}`;
    const group = groups.get(key) ?? {
      region: report.region as BodyRegion,
      side: report.side as Side,
      reports: [],
    };
    group.reports.push(report);
    groups.set(key, group);
  }
  return [...groups.values()]
    .sort(
      (a, b) =>
        BODY_REGIONS.indexOf(a.region) - BODY_REGIONS.indexOf(b.region) || a.side.localeCompare(b.side),
    )
    .map(({ region, side, reports: groupReports }) => {
      const observed = patternRuns(inWindow, groupReports);
      const pattern = detectPattern(observed, { asOf, windowDays });
      return {
        region,
        side,
        status: pattern.status,
        events: pattern.events,
        runs: pattern.runs,
        onsetM: pattern.onsetM,
        onsetIntervalM: pattern.onsetIntervalM,
        painFreeM: pattern.painFreeM,
        trend: pattern.trend,
        basis: pattern.basis,
        explanation: explainPattern(pattern, region, side, units),
        weibull: pattern.weibull,
        survival: pattern.survival,
        onsets: pattern.onsets.map((o) => ({ ...o, startTime: o.startTime.toISOString() })),
        runPoints: observed.map((r) => ({
          runId: r.runId,
          startTime: r.startTime.toISOString(),
          distanceM: r.distanceM,
          painful: r.pain !== null,
          onsetM: r.pain?.onsetM ?? null,
        })),
        reasons: pattern.reasons,
        window,
      };
    });
}

/**
 * The detector's view of each run for one region and side. Several reports on one run (a note added later, say)
 * count once, at the earliest onset; pain that began after the run counts as pain somewhere in it, because the run
 * brought it on.
 */
function patternRuns(runs: readonly ActivityRow[], reports: readonly PainReportRow[]): PatternRun[] {
  const byRun = new Map<string, PainReportRow[]>();
  for (const report of reports) {
    if (report.activityId === null) continue;
    byRun.set(report.activityId, [...(byRun.get(report.activityId) ?? []), report]);
  }
  return runs.map((run) => {
    const onRun = byRun.get(run.id);
    if (!onRun || onRun.length === 0) {
      return {
        runId: run.id,
        startTime: run.startTime,
        distanceM: run.distanceM,
        durationS: run.elapsedS,
        pain: null,
      };
    }
    const placed = onRun.filter((r) => r.onsetM !== null || r.onsetS !== null);
    const first = placed.sort((a, b) => (a.onsetM ?? Infinity) - (b.onsetM ?? Infinity))[0];
    return {
      runId: run.id,
      startTime: run.startTime,
      distanceM: run.distanceM,
      durationS: run.elapsedS,
      pain: {
        onsetM: first?.onsetM ?? null,
        onsetS: first?.onsetS ?? null,
        severity: Math.max(...onRun.map((r) => r.severity)),
      },
    };
  });
}
