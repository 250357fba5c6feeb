import { createWriteStream } from 'node:fs';
import { mkdtemp, rm, stat } from 'node:fs/promises';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { FastifyReply, FastifyRequest } from 'fastify';
import {
  type FileImportResult,
  type ImportReport,
  type InputProgress,
  type Keel,
  rejectedResult,
  type SourceFile,
} from '../app/index.js';

/** Largest upload Keel takes in one file: a whole Strava or Garmin export, spilled to disk, never to memory. */
export const MAX_UPLOAD_BYTES = 8 * 1024 * 1024 * 1024;

/** One line of an import answered as `application/x-ndjson`: progress as it goes, then the report. */
export type ImportEvent =
  | { type: 'progress'; files: number; imported: number; doneBytes: number; totalBytes: number }
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
 * Imports an upload for an athlete. Asked for `application/x-ndjson`, the answer streams progress lines while
 * the import runs and ends with the report, so the app can show a bar for a large archive; otherwise it is
 * the report alone.
 */
export async function importUpload(keel: Keel, athleteId: string, req: FastifyRequest, reply: FastifyReply) {
  const dir = await mkdtemp(join(tmpdir(), 'keel-upload-'));
  const cleanUp = () => rm(dir, { recursive: true, force: true });
  try {
    const listed = await spillUploads(req, dir);
    const streamed = (req.headers.accept ?? '').includes('application/x-ndjson');
    let progress: InputProgress = { doneBytes: 0, totalBytes: 0 };
    const run = (onProgress?: (p: { files: number; imported: number }) => void) =>
      keel.importPaths(athleteId, listed, {
        threads: availableParallelism(),
        onSources: (sources) => {
          progress = sources.progress;
        },
        ...(onProgress ? { onProgress } : {}),
      });
    if (!streamed) {
      const report = await run();
      await cleanUp();
      return report;
    }
    const out = new PassThrough();
    const send = (event: ImportEvent) => out.write(`${JSON.stringify(event)}\n`);
    run((p) => send({ type: 'progress', files: p.files, imported: p.imported, ...progress }))
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
