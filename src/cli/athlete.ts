import type { Command } from 'commander';
import { type AthleteView, athletePatchBody } from '../app/index.js';
import { machineLocalDate } from '../domain/time.js';
import { asUserError, printJson, requireAthlete, UserError, validated, withKeel } from './context.js';

function athleteText(athlete: AthleteView): string {
  return [
    `${athlete.name}${athlete.isDemo ? ' (demo)' : ''} [${athlete.id}]`,
    `Units: ${athlete.units}`,
    `Sex: ${athlete.sex ?? 'not given'}`,
    `Born: ${athlete.birthYear ?? 'not given'}`,
    `Runs: ${athlete.runCount}`,
    ...(athlete.sex === null || athlete.birthYear === null
      ? ['Benchmark norms are given by sex and age: add them with `keel athlete set --sex … --birth-year …`.']
      : []),
  ].join('\n');
}

/** `keel athlete`: who Keel is working for, and what the norms and units need to know. */
export function registerAthleteCommands(program: Command): void {
  const command = program
    .command('athlete')
    .description('your profile: name, units, and sex and birth year for the norms');

  command
    .command('show', { isDefault: true })
    .description('show the profile (the default)')
    .option('--athlete <id>', 'whose profile (default: the default athlete)')
    .option('--json', 'print JSON')
    .action(async (opts: { athlete?: string; json?: boolean }) => {
      await withKeel(program, async (keel) => {
        const athlete = await requireAthlete(keel, opts.athlete);
        if (opts.json) printJson(athlete);
        else process.stdout.write(`${athleteText(athlete)}\n`);
      });
    });

  command
    .command('set')
    .description('change the name, units, sex or birth year')
    .option('--name <name>', 'what Keel calls you')
    .option('--units <system>', 'metric or imperial: how distances are shown')
    .option('--sex <sex>', 'female or male, for the benchmark norms')
    .option('--birth-year <year>', 'for the age the norms compare with')
    .option('--athlete <id>', 'whose profile (default: the default athlete)')
    .option('--json', 'print JSON')
    .action(
      async (opts: {
        name?: string;
        units?: string;
        sex?: string;
        birthYear?: string;
        athlete?: string;
        json?: boolean;
      }) => {
        const patch = validated(
          athletePatchBody.safeParse({
            name: opts.name,
            units: opts.units,
            sex: opts.sex,
            birthYear: opts.birthYear === undefined ? undefined : Number(opts.birthYear),
          }),
        );
        await withKeel(program, async (keel) => {
          const athlete = await requireAthlete(keel, opts.athlete);
          const updated = await asUserError(() =>
            keel.updateAthlete(athlete.id, patch, machineLocalDate(new Date())),
          );
          if (!updated) throw new UserError(`no athlete with id ${athlete.id}`);
          if (opts.json) printJson(updated);
          else process.stdout.write(`${athleteText(updated)}\n`);
        });
      },
    );
}
