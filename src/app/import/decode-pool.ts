import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { DecodeDone, DecodeJob } from './decode-worker.js';
import { type ImportItem, type PreparedFile, prepareFileSafely } from './prepare-file.js';

/** Decodes files on worker threads, or on the calling thread when it has none. */
export interface DecodePool {
  /** How many files are worth having in flight at once. */
  readonly parallelism: number;
  prepare(item: ImportItem): Promise<PreparedFile>;
  close(): Promise<void>;
}

/** The worker's built script: beside this module in dist/, or in dist/ when this module runs from src/ (tests). */
function workerScript(): URL | undefined {
  return [
    new URL('./decode-worker.js', import.meta.url),
    new URL('../../../dist/app/import/decode-worker.js', import.meta.url),
  ].find((url) => existsSync(fileURLToPath(url)));
}

export function createDecodePool(threads: number): DecodePool {
  const script = threads > 0 ? workerScript() : undefined;
  return script ? new WorkerPool(script, threads) : inlinePool();
}

function inlinePool(): DecodePool {
  return {
    parallelism: 1,
    async prepare(item) {
      // Let timers and I/O run between files, so a long import still answers (progress, HTTP).
      await new Promise((resolve) => setImmediate(resolve));
      return prepareFileSafely(item);
    },
    async close() {},
  };
}

interface Pending {
  item: ImportItem;
  resolve: (prepared: PreparedFile) => void;
}

class WorkerPool implements DecodePool {
  readonly parallelism: number;
  private readonly idle: Worker[] = [];
  private readonly busy = new Map<Worker, { jobId: number; pending: Pending }>();
  private readonly queue: Pending[] = [];
  private nextJobId = 0;
  private closed = false;

  constructor(
    private readonly script: URL,
    private readonly threads: number,
  ) {
    // Enough files queued that the workers never wait while this thread unzips or stores a batch.
    this.parallelism = threads * 8;
  }

  prepare(item: ImportItem): Promise<PreparedFile> {
    return new Promise((resolve) => {
      this.queue.push({ item, resolve });
      this.dispatch();
    });
  }

  async close(): Promise<void> {
    this.closed = true;
    const workers = [...this.idle, ...this.busy.keys()];
    this.idle.length = 0;
    await Promise.all(workers.map((w) => w.terminate()));
  }

  private dispatch(): void {
    while (this.queue.length > 0 && !this.closed) {
      const worker = this.idle.pop() ?? (this.busy.size < this.threads ? this.spawn() : undefined);
      if (!worker) return;
      const pending = this.queue.shift() as Pending;
      const jobId = this.nextJobId++;
      this.busy.set(worker, { jobId, pending });
      worker.postMessage({ jobId, item: pending.item } satisfies DecodeJob);
    }
  }

  private spawn(): Worker {
    const worker = new Worker(this.script);
    worker.unref();
    worker.on('message', ({ prepared }: DecodeDone) => {
      const job = this.busy.get(worker);
      this.busy.delete(worker);
      this.idle.push(worker);
      job?.pending.resolve(prepared);
      this.dispatch();
    });
    // A worker that dies (out of memory on a pathological file) takes only its file down; a new one takes over.
    worker.on('error', (error) => this.fail(worker, error.message || String(error)));
    worker.on('exit', (code) => this.fail(worker, `the decoder stopped (exit code ${code})`));
    return worker;
  }

  private fail(worker: Worker, reason: string): void {
    const job = this.busy.get(worker);
    this.busy.delete(worker);
    const at = this.idle.indexOf(worker);
    if (at >= 0) this.idle.splice(at, 1);
    job?.pending.resolve({
      kind: 'rejected',
      fileName: job.pending.item.fileName,
      message: `Keel could not decode this file: ${reason}`,
    });
    this.dispatch();
  }
}
