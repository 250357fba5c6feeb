import { parentPort, workerData } from 'node:worker_threads';
import { Keel, loadDemo } from '../app/index.js';
import type { PrepareMessage, PrepareRequest } from './prepare.js';

// Creating a fresh embedded database and generating the demo keep the thread busy for seconds; done here, they
// leave the server's thread free to serve the app and its "preparing" screen.
const request = workerData as PrepareRequest;
const post = (message: PrepareMessage) => parentPort?.postMessage(message);

async function prepare(): Promise<string | null> {
  post({ kind: 'progress', message: 'Creating the database…' });
  const keel = await Keel.open(request.database);
  try {
    if (!request.loadDemoIfEmpty || (await keel.athletes()).length > 0) return null;
    post({ kind: 'progress', message: 'Generating the demo athlete…' });
    const outcome = await loadDemo(keel, new Date(request.today), (done, total) =>
      post({ kind: 'progress', message: `Generating the demo athlete… ${done}/${total} runs` }),
    );
    return outcome.athlete.name;
  } finally {
    // Closed before saying "done": the embedded database's folder lock must be free for the caller.
    await keel.close();
  }
}

try {
  post({ kind: 'done', demoAthlete: await prepare() });
} catch (error) {
  post({ kind: 'failed', message: (error as Error).message });
}
