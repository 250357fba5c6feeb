import { availableParallelism } from 'node:os';
import { Command, CommanderError, InvalidArgumentError, Option } from 'commander';
import {
  type DemoOutcome,
  describeDatabase,
  type FileImportResult,
  listSourceFiles,
  loadDemo,
  type RunSpikeView,
  type TrainingLogReport,
} from '../app/index.js';
import { KEEL_VERSION } from '../app/version.js';
import { formatDistance } from '../domain/units.js';
import { startServer } from '../server/index.js';
import { DataFolderInUseError } from '../store/index.js';
import { registerAthleteCommands } from './athlete.js';
import {
  athleteFor,
  databaseConfig,
  EXIT_REJECTED,
  EXIT_USAGE,
  printJson,
  UsageError,
  UserError,
  withKeel,
} from './context.js';
import { importKeelExport, keelExportAmong, registerExportCommands } from './export.js';
import { registerFormCommands } from './form.js';
import { runReport, runsTable } from './format.js';
import { registerPainCommands } from './pain.js';
import { registerPlanCommands } from './plan.js';
import { registerProgramCommands } from './program.js';
import { countProgress, ImportProgressView, reasonsSummary } from './progress.js';
import { registerReportCommand } from './report.js';

function trainingLogLines(log: TrainingLogReport): string[] {
  const t = log.totals;
  return [
    `training log ${log.fileName}: ${t.rows} rows: ${t.imported} new runs, ${t.attached} added to recorded runs, ` +
      `${t.duplicates} imported before, ${t.rejected} rejected; ${t.painReports} pain reports`,
    ...log.rows.map((row) => `  line ${String(row.line).padEnd(4)} ${row.status.padEnd(9)} ${row.message}`),
  ];
}

function importLine(result: FileImportResult): string {
  const label = result.status.padEnd(9);
  return `${label} ${result.fileName}: ${result.message}`;
}

function parsePort(value: string): number {
  const port = Number(value);
  if (!Number.isInteger(port) || port < 0 || port > 65_535) {
    throw new InvalidArgumentError('a port is a whole number from 0 to 65535 (0 picks a free one)');
  }
  return port;
}

function demoLine(outcome: DemoOutcome): string {
  if (outcome.kind === 'already-loaded') return `The demo athlete ${outcome.athlete.name} is already loaded.`;
  const { imported, rejected } = outcome.report.totals;
  return `Loaded the demo athlete ${outcome.athlete.name}: ${imported} runs${rejected ? `, ${rejected} rejected` : ''}.`;
}

export function buildProgram(): Command {
  const program = new Command('keel')
    .description('Keel: see at what distance your running pain starts, and push it out.')
    .version(KEEL_VERSION)
    .option('--data <dir>', 'embedded database folder (default: KEEL_DATA or your user data folder)')
    .showHelpAfterError()
    .exitOverride();

  program
    .command('import')
    .description(
      'import activity files, folders and archives (FIT, TCX, GPX, .zip, .gz, Strava and Garmin exports), or a Keel export',
    )
    .argument('<paths...>', 'files or folders')
    .option(
      '--athlete <id>',
      'the athlete to import for (default: your own athlete, created on first import)',
    )
    .option('--json', 'print the import report as JSON')
    .action(async (paths: string[], opts: { athlete?: string; json?: boolean }) => {
      const keelExport = await keelExportAmong(paths, opts.athlete);
      if (keelExport) return importKeelExport(program, keelExport, opts.json ?? false);
      await withKeel(program, async (keel) => {
        const athlete = opts.athlete ? await athleteFor(keel, opts.athlete) : await keel.importTarget();
        if (!athlete) throw new UserError('no athlete to import for');
        let view: ImportProgressView | undefined;
        const report = await keel.importPaths(athlete.id, await listSourceFiles(paths), {
          threads: availableParallelism(),
          onSources: (sources) => {
            view = new ImportProgressView(
              process.stdout,
              process.stderr,
              sources.progress,
              Date.now(),
              Date.now,
            );
          },
          onFile: (result) => {
            if (!opts.json) view?.file(result, importLine(result));
          },
          onProgress: (progress) => {
            if (!opts.json) view?.update(progress);
          },
        });
        view?.clear();
        const t = report.totals;
        const logRejected = report.trainingLogs.some((log) => log.totals.rejected > 0);
        if (opts.json) printJson(report);
        else {
          const lines = [
            `${t.files} files: ${t.imported} imported, ${t.duplicates} already stored, ` +
              `${t.skipped} skipped, ${t.rejected} rejected (athlete ${athlete.name})`,
          ];
          if (t.skipped > 0) lines.push(`  skipped: ${reasonsSummary(report.files, 'skipped')}`);
          if (t.rejected > 0) lines.push(`  rejected: ${reasonsSummary(report.files, 'rejected')}`);
          for (const log of report.trainingLogs) lines.push(...trainingLogLines(log));
          process.stdout.write(`${lines.join('\n')}\n`);
        }
        if (logRejected) process.exitCode = EXIT_REJECTED;
        if (t.rejected > 0) process.exitCode = EXIT_REJECTED;
      });
    });

  program
    .command('runs')
    .description('list runs, newest first')
    .option('--athlete <id>', 'whose runs (default: the default athlete)')
    .option('--json', 'print JSON')
    .action(async (opts: { athlete?: string; json?: boolean }) => {
      await withKeel(program, async (keel) => {
        const athlete = await athleteFor(keel, opts.athlete);
        const runs = athlete ? await keel.runs(athlete.id) : [];
        if (opts.json) return printJson(runs);
        if (!athlete || runs.length === 0) {
          process.stdout.write('No runs yet. Import some with: keel import ~/Downloads/*.fit\n');
          return;
        }
        const total = runs.reduce((sum, r) => sum + r.distanceM, 0);
        process.stdout.write(`${runsTable(runs, athlete.units)}\n`);
        process.stdout.write(
          `${runs.length} runs, ${formatDistance(total, athlete.units, 1)} (${athlete.name})\n`,
        );
      });
    });

  const run = program.command('run').description('one run');
  run
    .command('show')
    .description('show one run with its summary and channels')
    .argument('<id>', 'run id, or its first characters as `keel runs` shows them')
    .option('--json', 'print JSON')
    .action(async (id: string, opts: { json?: boolean }) => {
      await withKeel(program, async (keel) => {
        const found = await keel.findRun(id);
        if (found.kind !== 'found') throw new UserError(found.message);
        const spike = (await keel.runSpike(found.run.id)) as RunSpikeView;
        if (opts.json) return printJson({ ...found.run, spike });
        const athlete = await keel.athlete(found.run.athleteId);
        process.stdout.write(`${runReport(found.run, athlete?.units ?? 'metric', spike)}\n`);
      });
    });

  program
    .command('demo')
    .description('load the demo athlete (a generated 14-week history with a left-knee pain story)')
    .option('--json', 'print JSON')
    .action(async (opts: { json?: boolean }) => {
      await withKeel(program, async (keel) => {
        const shown = countProgress('Generating and importing demo runs', !opts.json);
        const outcome = await loadDemo(keel, new Date(), shown.update).finally(shown.end);
        if (opts.json)
          printJson({
            status: outcome.kind,
            athlete: outcome.athlete,
            totals: 'report' in outcome ? outcome.report.totals : null,
          });
        else process.stdout.write(`${demoLine(outcome)}\n`);
      });
    });

  program
    .command('serve')
    .description('serve the web app and the HTTP API')
    .addOption(new Option('--port <n>', 'port (0 picks a free one)').argParser(parsePort).default(4321))
    .option('--host <address>', 'address to listen on', '127.0.0.1')
    .option('--demo', 'load the demo athlete when the database has no athletes yet')
    .action(async (opts: { port: number; host: string; demo?: boolean }) => {
      const config = databaseConfig(program);
      const server = await startServer({
        database: config,
        host: opts.host,
        port: opts.port,
        loadDemoIfEmpty: opts.demo ?? false,
        log: (line) => process.stderr.write(`${line}\n`),
      });
      process.stdout.write(`Keel is running at ${server.url} (${describeDatabase(config)})\n`);
      const stop = async () => {
        await server.close();
        process.exit(0);
      };
      process.once('SIGINT', stop);
      process.once('SIGTERM', stop);
    });

  registerPainCommands(program);
  registerFormCommands(program);
  registerProgramCommands(program);
  registerAthleteCommands(program);
  registerPlanCommands(program);
  registerReportCommand(program);
  registerExportCommands(program);
  return program;
}

export async function main(argv: string[]): Promise<void> {
  const program = buildProgram();
  try {
    await program.parseAsync(argv);
  } catch (error) {
    if (error instanceof CommanderError) {
      process.exitCode = error.exitCode === 0 ? 0 : EXIT_USAGE;
      return;
    }
    if (error instanceof UsageError) {
      process.stderr.write(`keel: ${error.message}\n`);
      process.exitCode = EXIT_USAGE;
      return;
    }
    if (error instanceof UserError || error instanceof DataFolderInUseError) {
      process.stderr.write(`keel: ${error.message}\n`);
      process.exitCode = EXIT_REJECTED;
      return;
    }
    throw error;
  }
}

await main(process.argv);
