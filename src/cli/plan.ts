import { writeFile } from 'node:fs/promises';
import type { Command } from 'commander';
import { goalRaceBody, type PlanView, parseRaceDistance, planCalendar } from '../app/index.js';
import { changeValueText } from '../coach/plan/index.js';
import { machineLocalDate } from '../domain/time.js';
import { formatDistance, type UnitSystem } from '../domain/units.js';
import {
  asUserError,
  byIdPrefix,
  printJson,
  requireAthlete,
  UsageError,
  UserError,
  validated,
  withKeel,
} from './context.js';
import { table } from './format.js';

const GATE_WORDS = { open: 'open', held: 'held', halted: 'HALTED' } as const;

export function planText(view: PlanView, units: UnitSystem): string {
  const { plan, goal } = view;
  const km = (m: number) => formatDistance(m, units, 1);
  const lines = [
    `${goal.name ?? 'Goal race'}: ${km(goal.distanceM)} ${goal.surface} on ${goal.date}.`,
    plan.verdict,
    ...(view.next ? [`Next: ${view.next.message}`] : []),
    ...(plan.feasible
      ? []
      : [
          plan.earliestSafeDate ? `Earliest safe date for this distance: ${plan.earliestSafeDate}.` : '',
          plan.shorterRaceM ? `Within reach by ${goal.date}: ${km(plan.shorterRaceM)}.` : '',
        ].filter(Boolean)),
    `Now: longest recent run ${km(plan.startingLongRunM)}, about ${km(plan.startingVolumeM)} a week; peak long run ${km(plan.peakLongRunM)}.`,
    '',
    table(
      ['week of', 'phase', 'long run', 'week', 'gate', 'notes'],
      plan.weeks.map((week) => [
        week.weekStart,
        week.phase,
        `${km(week.longRunM)}${week.runWalk ? ' run–walk' : ''}`,
        km(week.volumeM),
        GATE_WORDS[week.gate.status],
        [...week.gate.reasons, ...week.notes].join(' '),
      ]),
    ),
  ];
  if (view.changes.items.length > 0) {
    lines.push(
      '',
      `What changed${view.changes.trigger ? ` ${view.changes.trigger}` : ''}:`,
      ...view.changes.items.map(
        (c) =>
          `  ${c.weekStart || 'plan'} ${c.field}: ${changeValueText(c.field, c.from, units)} → ${changeValueText(c.field, c.to, units)}. ${c.why}`,
      ),
    );
  }
  if (plan.notes.length > 0) lines.push('', ...plan.notes);
  return lines.join('\n');
}

/** `keel plan`: the goal race and the long-run plan toward it (issue 7). */
export function registerPlanCommands(program: Command): void {
  const plan = program.command('plan').description('your goal race and the long-run plan toward it');

  plan
    .command('show', { isDefault: true })
    .description('the plan toward your next goal race; with --race and --date, set a new goal first')
    .option(
      '--race <distance>',
      'the race distance: 5k, 10k, half, marathon, 50k, 100mi, or e.g. 30km, 13.1mi',
    )
    .option('--date <YYYY-MM-DD>', 'the race day')
    .option('--surface <surface>', 'road, trail, track or mixed', 'road')
    .option('--name <name>', 'what the race is called')
    .option('--athlete <id>', 'whose plan (default: the default athlete)')
    .option('--json', 'print JSON')
    .action(
      async (opts: {
        race?: string;
        date?: string;
        surface: string;
        name?: string;
        athlete?: string;
        json?: boolean;
      }) => {
        const today = machineLocalDate(new Date());
        let goal: ReturnType<typeof goalRaceBody.parse> | undefined;
        if (opts.race !== undefined || opts.date !== undefined) {
          if (opts.race === undefined || opts.date === undefined) {
            throw new UsageError('a goal needs both --race and --date, e.g. --race half --date 2027-04-11');
          }
          const distanceM = parseRaceDistance(opts.race);
          if (distanceM === null) {
            throw new UsageError(
              `--race ${opts.race}: a distance with its unit (21.1km, 13.1mi) or 5k, 10k, half, marathon, 50k, 50mi, 100k, 100mi`,
            );
          }
          goal = validated(
            goalRaceBody.safeParse({
              distanceM,
              date: opts.date,
              surface: opts.surface,
              name: opts.name ?? null,
            }),
          );
        }
        await withKeel(program, async (keel) => {
          const athlete = await requireAthlete(keel, opts.athlete);
          const body = goal;
          const view = body
            ? await asUserError(() => keel.addGoal(athlete.id, body, today))
            : await keel.plan(athlete.id, today);
          if (!view) {
            throw new UserError('no goal race yet: set one with `keel plan --race half --date YYYY-MM-DD`');
          }
          if (opts.json) printJson(view);
          else process.stdout.write(`${planText(view, athlete.units)}\n`);
        });
      },
    );

  plan
    .command('goals')
    .description('every goal race, soonest first')
    .option('--athlete <id>', 'whose goals (default: the default athlete)')
    .option('--json', 'print JSON')
    .action(async (opts: { athlete?: string; json?: boolean }) => {
      await withKeel(program, async (keel) => {
        const athlete = await requireAthlete(keel, opts.athlete);
        const goals = await keel.goals(athlete.id);
        if (opts.json) {
          printJson(goals);
          return;
        }
        process.stdout.write(
          goals.length === 0
            ? 'No goal races yet.\n'
            : `${table(
                ['id', 'race day', 'distance', 'surface', 'name'],
                goals.map((g) => [
                  g.id.slice(0, 8),
                  g.date,
                  formatDistance(g.distanceM, athlete.units, 1),
                  g.surface,
                  g.name ?? '',
                ]),
              )}\n`,
        );
      });
    });

  plan
    .command('ics')
    .description('the plan as an iCalendar file for calendar apps: long runs and the race as all-day events')
    .argument('[file]', 'where to write it, e.g. plan.ics (default: print it)')
    .option('--athlete <id>', 'whose plan (default: the default athlete)')
    .action(async (file: string | undefined, opts: { athlete?: string }) => {
      await withKeel(program, async (keel) => {
        const athlete = await requireAthlete(keel, opts.athlete);
        const view = await keel.plan(athlete.id, machineLocalDate(new Date()));
        if (!view)
          throw new UserError('no goal race yet: set one with `keel plan --race half --date YYYY-MM-DD`');
        const ics = planCalendar(view);
        if (file === undefined) {
          process.stdout.write(ics);
          return;
        }
        await writeFile(file, ics);
        const events = view.plan.weeks.filter((week) => week.longRunM > 0).length;
        process.stdout.write(`Wrote ${events} events to ${file}: import it into your calendar app.\n`);
      });
    });

  plan
    .command('delete')
    .description('delete a goal race (ids from `keel plan goals`)')
    .argument('<id>', 'the goal id or its first characters')
    .option('--athlete <id>', 'whose goal (default: the default athlete)')
    .action(async (id: string, opts: { athlete?: string }) => {
      await withKeel(program, async (keel) => {
        const athlete = await requireAthlete(keel, opts.athlete);
        const goal = byIdPrefix(await keel.goals(athlete.id), id, 'goal');
        await keel.deleteGoal(goal.id);
        process.stdout.write(`Deleted the goal of ${goal.date}.\n`);
      });
    });
}
