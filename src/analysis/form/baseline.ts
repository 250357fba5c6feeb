import { median } from './summarize.js';
import type { AthleteFormBaseline, FormAnalysis, FormMetricName } from './types.js';

/**
 * The athlete's own speed and grade slopes: the median over past analyses of each metric's slopes, so one odd
 * run does not move them. Pass the result as `baseline` to later `analyzeForm` calls.
 */
export function formBaselineFrom(analyses: readonly FormAnalysis[]): AthleteFormBaseline {
  const byName = new Map<FormMetricName, Array<{ perMps: number; perGrade: number }>>();
  for (const analysis of analyses) {
    for (const m of analysis.metrics) byName.set(m.name, [...(byName.get(m.name) ?? []), m.slopes]);
  }
  const metrics: AthleteFormBaseline['metrics'] = {};
  for (const [name, slopes] of byName) {
    metrics[name] = {
      perMps: median(slopes.map((s) => s.perMps)),
      perGrade: median(slopes.map((s) => s.perGrade)),
      runs: slopes.length,
    };
  }
  return { metrics };
}
