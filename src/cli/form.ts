import type { Command } from 'commander';
import type { FormEvidence } from '../analysis/form/index.js';
import { type FormSummaryView, PATTERN_WINDOW_DAYS, type RunFormView } from '../app/index.js';
import { CHANNEL_INFO, isChannel } from '../domain/channels.js';
import { formatDistance, type UnitSystem } from '../domain/units.js';
import { printJson, requireAthlete, UsageError, UserError, withKeel } from './context.js';
import { table } from './format.js';

const EVIDENCE_WORDS: Record<FormEvidence, string> = {
  'native-dynamics': 'running dynamics recorded by the watch, strap or pod',
  'developer-dynamics': 'running dynamics from a Stryd or RunScribe pod (developer fields)',
  'cadence-only': 'cadence only (no ground contact or oscillation recorded)',
  'heart-rate-only': 'heart rate only: cardiac drift, weak evidence of fatigue',
  insufficient: 'too little data',
};

function metricLabel(name: string): string {
  if (name === 'balanceAsymmetry') return 'Ground contact imbalance';
  return isChannel(name) ? CHANNEL_INFO[name].label : name;
}

export function runFormText(form: RunFormView, units: UnitSystem): string {
  const km = (m: number) => formatDistance(m, units, 1);
  const headline =
    form.evidence === 'insufficient'
      ? 'No answer for this run: too little data.'
      : form.breakdownM === null
        ? `Form held for the whole run (${km(form.distanceM)}).`
        : `Form began to drift at ${km(form.breakdownM)} of ${km(form.distanceM)}.`;
  const lines = [headline, `Evidence: ${EVIDENCE_WORDS[form.evidence]}.`];
  if (form.painOnsetM !== null && form.breakdownM !== null) {
    const lead = form.painOnsetM - form.breakdownM;
    lines.push(
      lead >= 0
        ? `The drift began ${km(lead)} before the pain (${km(form.painOnsetM)}).`
        : `The pain (${km(form.painOnsetM)}) came before any drift.`,
    );
  }
  if (form.metrics.length > 0) {
    lines.push(
      table(
        ['metric', 'baseline before change', 'drift by the end', 'drift from', 'counts'],
        form.metrics.map((m) => [
          metricLabel(m.name),
          `${m.baseline.toFixed(1)} ${m.unit}`,
          m.name === 'balanceAsymmetry' ? `${m.driftPct.toFixed(1)} points` : `${m.driftPct.toFixed(1)}%`,
          m.changeM === null ? '–' : km(m.changeM),
          m.votes ? 'yes' : 'shown only',
        ]),
      ),
    );
  }
  lines.push(...form.notes.map((n) => `  - ${n}`));
  return lines.join('\n');
}

export function formSummaryText(summary: FormSummaryView, units: UnitSystem): string {
  const km = (m: number) => formatDistance(m, units, 1);
  const { median, q1, q3 } = summary.holdsToM;
  const lines = [
    median === null
      ? `Form held on most runs as far as they went (${summary.analysed} runs analysed, ${summary.breakdowns} breakdowns).`
      : `Form holds to about ${km(median)}${q1 !== null && q3 !== null ? ` (middle half ${km(q1)}–${km(q3)})` : ''}: ${summary.breakdowns} breakdowns in ${summary.analysed} runs analysed.`,
  ];
  if (summary.trend) {
    const perWeek = km(Math.abs(summary.trend.perWeekM));
    lines.push(
      summary.trend.significant
        ? `It is moving ${summary.trend.perWeekM > 0 ? 'out' : 'in'} by about ${perWeek} a week.`
        : `No clear trend over the weeks (${summary.trend.perWeekM >= 0 ? '+' : '−'}${perWeek} a week, not significant).`,
    );
  }
  if (summary.medianPainLeadM !== null) {
    lines.push(
      `On runs with pain, form began to drift a median of ${km(summary.medianPainLeadM)} before the pain (${summary.painLead.length} runs).`,
    );
  }
  lines.push(...summary.notes.map((n) => `  - ${n}`));
  return lines.join('\n');
}

export function registerFormCommands(program: Command): void {
  program
    .command('form')
    .description('where form starts to drift at the same speed: one run (ID), or the summary across runs')
    .argument('[id]', 'run id or its first characters; without it, the summary across runs')
    .option('--athlete <id>', 'whose runs (default: the default athlete)')
    .option('--days <n>', `the summary's window, in days back from today (default ${PATTERN_WINDOW_DAYS})`)
    .option('--json', 'print JSON')
    .action(async (id: string | undefined, opts: { athlete?: string; days?: string; json?: boolean }) => {
      const days = opts.days === undefined ? PATTERN_WINDOW_DAYS : Number(opts.days);
      if (!Number.isInteger(days) || days < 7 || days > 3650) {
        throw new UsageError(`--days ${opts.days}: a whole number of days from 7 to 3650`);
      }
      await withKeel(program, async (keel) => {
        if (id !== undefined) {
          const found = await keel.findRun(id);
          if (found.kind !== 'found') throw new UserError(found.message);
          const form = (await keel.runForm(found.run.id)) as RunFormView;
          if (opts.json) {
            const { metrics, ...rest } = form;
            printJson({ ...rest, metrics: metrics.map(({ series: _series, ...m }) => m) });
            return;
          }
          const athlete = await keel.athlete(found.run.athleteId);
          process.stdout.write(`${runFormText(form, athlete?.units ?? 'metric')}\n`);
          return;
        }
        const athlete = await requireAthlete(keel, opts.athlete);
        const summary = await keel.formSummary(athlete.id, new Date(), days);
        if (opts.json) printJson(summary);
        else process.stdout.write(`${formSummaryText(summary, athlete.units)}\n`);
      });
    });
}
