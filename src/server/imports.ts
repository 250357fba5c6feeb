import { createWriteStream } from 'node:fs';
import { mkdtemp, rm, stat } from 'node:fs/promises';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { FastifyReply, FastifyRequest } from 'fastify';
import {
  type ExportImportReport,
  exportAsImport,
  type FileImportResult,
  type ImportReport,
  InputError,
  type InputProgress,
  isKeelExport,
  type Keel,
  rejectedResult,
  type SourceFile,
} from '../app/index.js';

/** Largest upload Keel takes in one file: a whole Strava or Garmin export, spilled to disk, never to memory. */
export const MAX_UPLOAD_BYTES = 8 * 1024 * 1024 * 1024;

/**
 * One line of an import answered as `application/x-ndjson`: progress as it goes, then the report. A Keel export
 * counts its progress in records (`doneRecords` of `totalRecords`), files in bytes.
 */
export type ImportEvent =
  | { type: 'progress'; files: number; imported: number; doneBytes: number; totalBytes: number }
  | { type: 'progress'; doneRecords: number; totalRecords: number }
  | { type: 'report'; report: ImportReport }
  | { type: 'error'; error: string };

/** Writes each uploaded part to a temporary file, so archives of any size are read as a stream. */
async function spillUploads(req: FastifyRequest, dir: string) {
  const files: SourceFile[] = [];
  const problems: FileImportResult[] = [];
  for await (const part of req.files()) {
    const path = join(dir, String(files.length + problems.length));
    await pipeline(part.file, createWriteStream(path));
    if (part.file.truncated) {
      problems.push(rejectedResult(part.filename, `larger than ${MAX_UPLOAD_BYTES / 1024 ** 3} GB`));
    } else files.push({ path, displayName: part.filename, size: (await stat(path)).size });
  }
  return { files, problems };
}

/**
 * A Keel export is imported whole and alone, as `keel import FILE` does: uploaded with other files it is refused
 * (they are imported), so an export's athletes never mix with runs meant for the runner's own.
 */
async function separateExport(uploaded: { files: SourceFile[]; problems: FileImportResult[] }) {
  const exports: SourceFile[] = [];
  const files: SourceFile[] = [];
  for (const file of uploaded.files) ((await isKeelExport(file.path)) ? exports : files).push(file);
  const [only] = exports;
  if (only && exports.length === 1 && files.length === 0 && uploaded.problems.length === 0) {
    return { keelExport: only, files, problems: [] };
  }
  const refused = exports.map((e) =>
    rejectedResult(e.displayName, 'a Keel export: upload it on its own, without other files'),
  );
  return { keelExport: undefined, files, problems: [...uploaded.problems, ...refused] };
}

/**
 * An uploaded export in one transaction, answered as an import of one file. A bad line refuses the whole file, as
 * the CLI does: nothing is stored and the upload fails with the line and field.
 */
async function importUploadedExport(
  keel: Keel,
  target: () => Promise<string>,
  file: SourceFile,
  onProgress?: (doneRecords: number, totalRecords: number) => void,
): Promise<ImportReport> {
  let report: ExportImportReport;
  try {
    report = await keel.importExport(file.path, file.displayName, onProgress);
  } catch (error) {
    if (error instanceof InputError) throw new InputError(`nothing was imported: ${error.message}`);
    throw error;
  }
  return exportAsImport(report, report.athletes[0]?.id ?? (await target()));
}

/**
 * Imports an upload for an athlete. Asked for `application/x-ndjson`, the answer streams progress lines while
 * the import runs and ends with the report, so the app can show a bar for a large archive; otherwise it is
 * the report alone.
 */
export async function importUpload(
  keel: Keel,
  /** The athlete files go to; asked for only when the upload is not a Keel export, which brings its own. */
  target: () => Promise<string>,
  req: FastifyRequest,
  reply: FastifyReply,
) {
  const dir = await mkdtemp(join(tmpdir(), 'keel-upload-'));
  const cleanUp = () => rm(dir, { recursive: true, force: true });
  try {
    const { keelExport, ...listed } = await separateExport(await spillUploads(req, dir));
    const streamed = (req.headers.accept ?? '').includes('application/x-ndjson');
    let progress: InputProgress = { doneBytes: 0, totalBytes: 0 };
    const run = async (send?: (event: ImportEvent) => void) =>
      keelExport
        ? importUploadedExport(
            keel,
            target,
            keelExport,
            send && ((doneRecords, totalRecords) => send({ type: 'progress', doneRecords, totalRecords })),
          )
        : keel.importPaths(await target(), listed, {
            threads: availableParallelism(),
            onSources: (sources) => {
              progress = sources.progress;
            },
            ...(send
              ? {
                  onProgress: (p) =>
                    send({ type: 'progress', files: p.files, imported: p.imported, ...progress }),
                }
              : {}),
          });
    if (!streamed) {
      const report = await run();
      await cleanUp();
      return report;
    }
    const out = new PassThrough();
    const send = (event: ImportEvent) => out.write(`${JSON.stringify(event)}\n`);
    run(send)
      .then((report) => send({ type: 'report', report }))
      .catch((error: Error) => send({ type: 'error', error: error.message }))
      .finally(() => {
        out.end();
        void cleanUp();
      });
    return reply.type('application/x-ndjson').send(out);
  } catch (error) {
    await cleanUp();
    throw error;
  }
}
