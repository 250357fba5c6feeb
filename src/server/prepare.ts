import { Worker } from 'node:worker_threads';
import type { DatabaseConfig } from '../store/index.js';

export interface PrepareRequest {
  database: DatabaseConfig;
  loadDemoIfEmpty: boolean;
  /** ISO date the demo history ends on; the clock is read by the caller. */
  today: string;
}

export type PrepareMessage =
  | { kind: 'progress'; message: string }
  | { kind: 'done'; demoAthlete: string | null }
  | { kind: 'failed'; message: string };

/**
 * Migrates the database and loads the demo when asked, in a worker thread, then closes it again so the caller
 * can open it: the work that blocks a thread for seconds on a fresh data folder never blocks the server's.
 * Resolves with the demo athlete's name when one was loaded.
 */
export function prepareDatabase(
  request: PrepareRequest,
  onProgress: (message: string) => void,
): Promise<string | null> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(new URL('./prepare-worker.js', import.meta.url), { workerData: request });
    let settled = false;
    worker.on('message', (message: PrepareMessage) => {
      if (message.kind === 'progress') onProgress(message.message);
      else if (message.kind === 'done') {
        settled = true;
        resolve(message.demoAthlete);
      } else {
        settled = true;
        reject(new Error(message.message));
      }
    });
    worker.on('error', (error) => {
      settled = true;
      reject(error);
    });
    worker.on('exit', (code) => {
      if (!settled) reject(new Error(`the database preparation stopped unexpectedly (exit code ${code})`));
    });
  });
}
