import { createWriteStream, existsSync } from 'node:fs';
import { mkdir, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import { basename, join } from 'node:path';
import type { Command } from 'commander';
import { CSV_TABLES, type ExportImportReport, InputError, isKeelExport, recordCounts } from '../app/index.js';
import { readServerInfo } from '../server/backup.js';
import { BackupError, DataFolderInUseError, restoreEmbedded } from '../store/index.js';
import { databaseConfig, printJson, requireAthlete, UsageError, UserError, withKeel } from './context.js';
import { countProgress } from './progress.js';

const MB = 1024 * 1024;

/** Written beside the target and renamed into place, so a failure never leaves half a file under its name. */
async function writeAtomically(file: string, write: (partial: string) => Promise<void>): Promise<number> {
  const partial = `${file}.partial-${process.pid}`;
  try {
    await write(partial);
    await rename(partial, file);
  } catch (error) {
    await rm(partial, { force: true });
    // A folder that is not there or not writable is the user's to fix (exit 1), not a crash.
    if ((error as NodeJS.ErrnoException).syscall) {
      throw new UserError(`cannot write ${file}: ${(error as Error).message}`);
    }
    throw error;
  }
  return (await stat(file)).size;
}

export function registerExportCommands(program: Command): void {
  program
    .command('export')
    .description(
      'export everything losslessly (gzip-compressed NDJSON, docs/export-format.md), or spreadsheets with --csv',
    )
    .argument('[file]', 'the file to write, e.g. keel-export.ndjson.gz')
    .option('--athlete <id>', 'only this athlete (default: every athlete; with --csv: the default athlete)')
    .option(
      '--csv <dir>',
      'write runs.csv, pain.csv, benchmarks.csv and sessions.csv into this folder instead',
    )
    .option('--json', 'print what was written as JSON')
    .action(async (file: string | undefined, opts: { athlete?: string; csv?: string; json?: boolean }) => {
      if ((file === undefined) === (opts.csv === undefined)) {
        throw new UsageError('give a file to export to, or --csv DIR for spreadsheets (not both)');
      }
      await withKeel(program, async (keel) => {
        if (opts.csv !== undefined) {
          const dir = opts.csv;
          const athlete = await requireAthlete(keel, opts.athlete);
          await mkdir(dir, { recursive: true });
          const files = [];
          for (const table of CSV_TABLES) {
            const csv = await keel.csv(athlete.id, table);
            const path = join(dir, `${table}.csv`);
            await writeAtomically(path, (partial) => writeFile(partial, csv.text));
            files.push({ table, path, rows: csv.rows });
          }
          if (opts.json) return printJson({ athleteId: athlete.id, files });
          process.stdout.write(
            `${files.map((f) => `${f.path}: ${f.rows} rows`).join('\n')}\n(athlete ${athlete.name})\n`,
          );
          return;
        }
        const target = file as string;
        const athlete = opts.athlete ? await requireAthlete(keel, opts.athlete) : undefined;
        const shown = countProgress('Exporting runs’ samples', !opts.json);
        const started = Date.now();
        let header: Awaited<ReturnType<typeof keel.exportData>> | undefined;
        const bytes = await writeAtomically(target, async (partial) => {
          header = await keel.exportData(createWriteStream(partial), {
            ...(athlete ? { athleteIds: [athlete.id] } : {}),
            onProgress: shown.update,
          });
        });
        shown.end();
        const written = header as NonNullable<typeof header>;
        if (opts.json) {
          return printJson({ file: target, bytes, ...written });
        }
        process.stdout.write(
          `Exported ${recordCounts(written.counts)} to ${target} ` +
            `(${(bytes / MB).toFixed(1)} MB, ${((Date.now() - started) / 1000).toFixed(1)} s).\n`,
        );
      });
    });

  program
    .command('backup')
    .description(
      'copy the embedded database to a file (also while `keel serve` is running); keel restore reads it',
    )
    .argument('<file>', 'the file to write, e.g. keel-backup.tar.gz')
    .option('--json', 'print what was written as JSON')
    .action(async (file: string, opts: { json?: boolean }) => {
      const config = databaseConfig(program);
      if (config.engine === 'server') {
        throw new UserError(
          'the database is a PostgreSQL server (KEEL_DATABASE_URL): back it up with pg_dump, e.g. ' +
            'pg_dump --format=custom --file=keel.dump "$KEEL_DATABASE_URL"; keel backup copies the embedded database only',
        );
      }
      // Opening a folder with no database in it would create one (seconds, and an empty backup).
      if (!existsSync(join(config.dataDir, 'pg')))
        throw new UserError(`there is no Keel database in ${config.dataDir}`);
      let madeBy: 'this command' | 'the running server' = 'this command';
      let tarball: Blob;
      try {
        tarball = await withKeel(program, async (keel) => (await keel.backup()) as Blob);
      } catch (error) {
        if (!(error instanceof DataFolderInUseError)) throw error;
        tarball = await backupFromServer(config.dataDir, error);
        madeBy = 'the running server';
      }
      const bytes = await writeAtomically(file, async (partial) =>
        writeFile(partial, new Uint8Array(await tarball.arrayBuffer())),
      );
      if (opts.json) {
        printJson({ file, bytes, dataDir: config.dataDir, madeBy });
        return;
      }
      process.stdout.write(
        `Backed up the embedded database in ${config.dataDir} to ${file} (${(bytes / MB).toFixed(1)} MB, ` +
          `made by ${madeBy}).\n`,
      );
    });

  program
    .command('restore')
    .description(
      'replace the embedded database with a backup made by keel backup (refused while Keel is running)',
    )
    .argument('<file>', 'a file made by keel backup')
    .option('--json', 'print what was restored as JSON')
    .action(async (file: string, opts: { json?: boolean }) => {
      const config = databaseConfig(program);
      if (config.engine === 'server') {
        throw new UserError(
          'the database is a PostgreSQL server (KEEL_DATABASE_URL): restore it with pg_restore; ' +
            'keel restore replaces the embedded database only',
        );
      }
      let bytes: Buffer;
      try {
        bytes = await readFile(file);
      } catch (error) {
        throw new UserError(`cannot read ${file}: ${(error as Error).message}`);
      }
      if (await isKeelExport(file)) {
        throw new UserError(`${file} is a Keel export, not a backup: import it with keel import ${file}`);
      }
      let restored: { athletes: number };
      try {
        restored = await restoreEmbedded(config.dataDir, bytes);
      } catch (error) {
        if (error instanceof BackupError) {
          throw new UserError(`${file} is not a backup made by keel backup: ${error.message}`);
        }
        if (error instanceof DataFolderInUseError) {
          throw new UserError(
            `${error.message.replace(/; stop it first.*$/, '')}: stop it first, then restore`,
          );
        }
        throw error;
      }
      if (opts.json) {
        printJson({ file, dataDir: config.dataDir, athletes: restored.athletes });
        return;
      }
      process.stdout.write(
        `Restored ${file} into ${config.dataDir}: ${restored.athletes} athlete${restored.athletes === 1 ? '' : 's'}.\n`,
      );
    });
}

/** The copy made by the `keel serve` that holds the folder, asked over loopback with the secret it wrote. */
async function backupFromServer(dataDir: string, inUse: DataFolderInUseError): Promise<Blob> {
  const info = readServerInfo(dataDir);
  const lockOwner = await readFile(join(dataDir, 'keel.lock'), 'utf8').then(
    (text) => Number.parseInt(text, 10),
    () => undefined,
  );
  // A file left by a server that died is not the process holding the folder now (an import, say).
  if (!info || info.pid !== lockOwner) {
    throw new UserError(`${inUse.message}; it is not a keel serve this command can ask for a backup`);
  }
  let response: Response;
  try {
    response = await fetch(`${info.url}/api/backup`, {
      method: 'POST',
      headers: { authorization: `Bearer ${info.token}` },
    });
  } catch (error) {
    throw new UserError(
      `the running Keel server (pid ${info.pid}) at ${info.url} did not answer: ${(error as Error).message}`,
    );
  }
  if (!response.ok) {
    const body = (await response.json().catch(() => ({}))) as { error?: string };
    throw new UserError(
      `the running Keel server refused the backup (${response.status}): ${body.error ?? ''}`,
    );
  }
  return response.blob();
}

/**
 * A Keel export among the paths `keel import` was given, found by content. It is imported on its own: an export
 * brings its own athletes, so it mixes with neither other files nor --athlete.
 */
export async function keelExportAmong(
  paths: string[],
  athlete: string | undefined,
): Promise<string | undefined> {
  const exports: string[] = [];
  for (const path of paths) {
    const isFile = await stat(path).then(
      (s) => s.isFile(),
      () => false,
    );
    if (isFile && (await isKeelExport(path))) exports.push(path);
  }
  const [found] = exports;
  if (found === undefined) return undefined;
  if (paths.length > 1) {
    throw new UsageError(`${found} is a Keel export: import it on its own (keel import ${found})`);
  }
  if (athlete !== undefined) throw new UsageError('--athlete: a Keel export brings its own athletes');
  return found;
}

/** `keel import FILE` of a Keel export: all of it in one transaction, or nothing (exit 1, with line and field). */
export async function importKeelExport(program: Command, path: string, json: boolean): Promise<void> {
  await withKeel(program, async (keel) => {
    const shown = countProgress('Importing records', !json);
    let report: ExportImportReport;
    try {
      report = await keel.importExport(path, basename(path), shown.update);
    } catch (error) {
      if (error instanceof InputError) throw new UserError(`nothing was imported: ${error.message}`);
      throw error;
    } finally {
      shown.end();
    }
    if (json) return printJson(report);
    const lines = [
      `Keel export ${report.fileName} (format ${report.formatVersion}, Keel ${report.keelVersion}, ` +
        `exported ${report.exportedAt}):`,
      ...report.athletes.map(
        (a) =>
          `  ${a.name} (${a.id.slice(0, 8)}): ${
            a.status === 'imported' ? 'imported' : 'already in this database, left as it is'
          }`,
      ),
      `Imported ${recordCounts(report.imported)}.`,
    ];
    if (Object.values(report.skipped).some((n) => n > 0)) {
      lines.push(`Skipped ${recordCounts(report.skipped)} of athletes already here.`);
    }
    process.stdout.write(`${lines.join('\n')}\n`);
  });
}
