import type { FormAnalysis } from './types.js';

export interface FormRun {
  runId: string;
  startTime: Date;
  analysis: FormAnalysis;
  painOnsetM: number | null;
}

export interface FormSummary {
  /** Runs with an answer (evidence not insufficient). */
  analysed: number;
  breakdowns: number;
  /**
   * "Form holds to X km": quantiles of the breakdown distance by Kaplan–Meier, runs without a breakdown
   * censored at their length (they held at least that far). Null where the curve never falls that low.
   */
  holdsToM: { median: number | null; q1: number | null; q3: number | null };
  /** Breakdown distance against date: Theil–Sen metres per week and Kendall's τ; null with too few breakdowns. */
  trend: { perWeekM: number; tau: number; significant: boolean } | null;
  /** Runs with both a breakdown and a pain onset: how far before the pain the drift began (negative: after). */
  painLead: Array<{ runId: string; breakdownM: number; painOnsetM: number; leadM: number }>;
  medianPainLeadM: number | null;
  notes: string[];
}

/** Fewer breakdowns than this cannot show a trend (Kendall's τ cannot reach 5% significance with 4). */
export const MIN_TREND_BREAKDOWNS = 5;
const WEEK_MS = 7 * 24 * 3600 * 1000;
/** Two-sided 5% for Kendall's τ by its normal approximation. */
const Z_95 = 1.96;

export function summarizeForm(runs: readonly FormRun[]): FormSummary {
  const analysed = runs.filter((r) => r.analysis.evidence !== 'insufficient');
  const withBreakdown = analysed.filter((r) => r.analysis.breakdownM !== null);
  const notes: string[] = [];
  const skipped = runs.length - analysed.length;
  if (skipped > 0) notes.push(`${skipped} of ${runs.length} runs had too little data for an answer`);

  const survival = kaplanMeier(
    analysed.map((r) => ({
      at: r.analysis.breakdownM ?? r.analysis.distanceM,
      event: r.analysis.breakdownM !== null,
    })),
  );
  const holdsToM = {
    median: quantile(survival, 0.5),
    q1: quantile(survival, 0.75),
    q3: quantile(survival, 0.25),
  };
  if (analysed.length > 0 && holdsToM.median === null)
    notes.push('form held on more than half of the runs as far as they went: the median is beyond them');

  const trend =
    withBreakdown.length >= MIN_TREND_BREAKDOWNS
      ? trendOf(
          withBreakdown.map((r) => ({
            x: r.startTime.getTime() / WEEK_MS,
            y: r.analysis.breakdownM as number,
          })),
        )
      : null;
  if (trend === null && withBreakdown.length > 0)
    notes.push(`${withBreakdown.length} breakdowns: a trend needs at least ${MIN_TREND_BREAKDOWNS}`);

  const painLead = withBreakdown.flatMap((r) =>
    r.painOnsetM === null
      ? []
      : [
          {
            runId: r.runId,
            breakdownM: r.analysis.breakdownM as number,
            painOnsetM: r.painOnsetM,
            leadM: r.painOnsetM - (r.analysis.breakdownM as number),
          },
        ],
  );
  return {
    analysed: analysed.length,
    breakdowns: withBreakdown.length,
    holdsToM,
    trend,
    painLead,
    medianPainLeadM: painLead.length > 0 ? median(painLead.map((p) => p.leadM)) : null,
    notes,
  };
}

/** Kaplan–Meier steps (§8) for exact events and right-censored runs: distance and survival after it. */
function kaplanMeier(
  observations: ReadonlyArray<{ at: number; event: boolean }>,
): Array<{ at: number; s: number }> {
  const sorted = [...observations].sort((a, b) => a.at - b.at || Number(b.event) - Number(a.event));
  let atRisk = sorted.length;
  let s = 1;
  const steps: Array<{ at: number; s: number }> = [];
  for (let i = 0; i < sorted.length; ) {
    const at = (sorted[i] as { at: number }).at;
    let events = 0;
    let leaving = 0;
    for (; i < sorted.length && (sorted[i] as { at: number }).at === at; i++) {
      leaving++;
      if ((sorted[i] as { event: boolean }).event) events++;
    }
    if (events > 0) {
      s *= 1 - events / atRisk;
      steps.push({ at, s });
    }
    atRisk -= leaving;
  }
  return steps;
}

/** Smallest distance where the share of runs whose form still holds falls to `level` or below. */
function quantile(steps: ReadonlyArray<{ at: number; s: number }>, level: number): number | null {
  return steps.find((step) => step.s <= level + 1e-12)?.at ?? null;
}

function trendOf(points: ReadonlyArray<{ x: number; y: number }>): FormSummary['trend'] {
  const slopes: number[] = [];
  let concordance = 0;
  for (let i = 0; i < points.length; i++) {
    for (let j = i + 1; j < points.length; j++) {
      const a = points[i] as { x: number; y: number };
      const b = points[j] as { x: number; y: number };
      if (a.x === b.x) continue;
      slopes.push((b.y - a.y) / (b.x - a.x));
      concordance += Math.sign((b.x - a.x) * (b.y - a.y));
    }
  }
  const n = points.length;
  const pairs = (n * (n - 1)) / 2;
  const sd = Math.sqrt((n * (n - 1) * (2 * n + 5)) / 18);
  return {
    perWeekM: slopes.length > 0 ? median(slopes) : 0,
    tau: concordance / pairs,
    significant: Math.abs(concordance) / sd > Z_95,
  };
}

export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 === 1
    ? (sorted[mid] as number)
    : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
}
