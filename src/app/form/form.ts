import {
  type AthleteFormBaseline,
  analyzeForm,
  type FormAnalysis,
  formBaselineFrom,
  summarizeForm,
} from '../../analysis/form/index.js';
import type { ChannelSources } from '../../domain/channels.js';
import { localDate } from '../../domain/time.js';
import {
  type ActivityRow,
  type Db,
  getActivity,
  getStreams,
  listActivities,
  listPainReports,
  type PainReportRow,
} from '../../store/index.js';
import type { FormSummaryView, RunFormView } from '../views.js';

/** How many of the athlete's earlier runs teach the speed correction how each metric follows pace. */
const BASELINE_RUNS = 20;
const DAY_MS = 86_400_000;

async function analyse(
  db: Db,
  run: ActivityRow,
  baseline?: AthleteFormBaseline,
): Promise<FormAnalysis | undefined> {
  const streams = await getStreams(db, run.id);
  if (!streams) return undefined;
  return analyzeForm({
    streams,
    channelSources: run.channelSources as ChannelSources,
    ...(baseline ? { baseline } : {}),
  });
}

/** The earliest pain onset reported on each run, whatever the region: the moment the chain gave way somewhere. */
function painOnsets(reports: readonly PainReportRow[]): Map<string, number> {
  const onsets = new Map<string, number>();
  for (const report of reports) {
    if (report.activityId === null || report.onsetM === null) continue;
    onsets.set(report.activityId, Math.min(report.onsetM, onsets.get(report.activityId) ?? Infinity));
  }
  return onsets;
}

/**
 * The athlete's own slopes of each metric against speed and grade, from their last runs before `before` that have
 * samples: they steady the correction on runs at one even pace, where one run cannot tell.
 */
async function historyBaseline(db: Db, runs: readonly ActivityRow[], before: Date) {
  const earlier = runs
    .filter((r) => r.startTime < before && r.sourceFormat !== 'log')
    .slice(0, BASELINE_RUNS);
  const analyses: FormAnalysis[] = [];
  for (const run of earlier) {
    const analysis = await analyse(db, run);
    if (analysis && analysis.evidence !== 'insufficient') analyses.push(analysis);
  }
  return analyses.length > 0 ? formBaselineFrom(analyses) : undefined;
}

export async function runForm(db: Db, runId: string): Promise<RunFormView | undefined> {
  const run = await getActivity(db, runId);
  if (!run) return undefined;
  // Newest first, so the baseline comes from the runs just before this one.
  const runs = await listActivities(db, run.athleteId);
  const baseline = await historyBaseline(db, runs, run.startTime);
  const analysis =
    (await analyse(db, run, baseline)) ??
    ({
      breakdownM: null,
      evidence: 'insufficient',
      distanceM: run.distanceM,
      analysedM: null,
      metrics: [],
      notes: ['this run has no samples (a training-log entry): form needs a recorded run'],
    } satisfies FormAnalysis);
  const onsets = painOnsets(await listPainReports(db, run.athleteId));
  return { runId, ...analysis, painOnsetM: onsets.get(runId) ?? null };
}

/**
 * Form across the runs of the last `windowDays`: each run analysed with the baseline the window's own runs give,
 * then summarised ("form holds to X km", its trend, how far before the pain the drift began).
 */
export async function formSummary(
  db: Db,
  rows: { runs: readonly ActivityRow[]; painReports: readonly PainReportRow[] },
  asOf: Date,
  windowDays: number,
): Promise<FormSummaryView> {
  const from = new Date(asOf.getTime() - windowDays * DAY_MS);
  const runs = rows.runs.filter(
    (r) => r.startTime >= from && r.startTime <= asOf && r.sourceFormat !== 'log',
  );
  const first: { run: ActivityRow; analysis: FormAnalysis }[] = [];
  for (const run of runs) {
    const analysis = await analyse(db, run);
    if (analysis) first.push({ run, analysis });
  }
  const useful = first.filter((f) => f.analysis.evidence !== 'insufficient').map((f) => f.analysis);
  const baseline = useful.length > 0 ? formBaselineFrom(useful) : undefined;
  const onsets = painOnsets(rows.painReports);
  const analysed = [];
  for (const { run } of first) {
    const analysis = (await analyse(db, run, baseline)) as FormAnalysis;
    analysed.push({
      runId: run.id,
      startTime: run.startTime,
      analysis,
      painOnsetM: onsets.get(run.id) ?? null,
    });
  }
  const summary = summarizeForm(analysed);
  return {
    ...summary,
    runs: analysed.map((r) => ({
      runId: r.runId,
      startTime: r.startTime.toISOString(),
      distanceM: r.analysis.distanceM,
      breakdownM: r.analysis.breakdownM,
      evidence: r.analysis.evidence,
      painOnsetM: r.painOnsetM,
    })),
    window: { from: localDate(from, null), to: localDate(asOf, null), days: windowDays },
  };
}
