// One end-to-end import in a process of its own, so its peak RSS is the import's and nothing else's.
import { availableParallelism } from 'node:os';
import { importSources, Keel, listSourceFiles } from '../src/app/index.js';

const [exportPath, dataDir] = process.argv.slice(2);
if (!exportPath || !dataDir) throw new Error('usage: import-child EXPORT DATA_DIR');

const keel = await Keel.open({ engine: 'embedded', dataDir });
const athlete = await keel.importTarget();
// The database's own footprint, before any file is read.
const baselineRssBytes = process.memoryUsage().rss;
const { files, problems } = await listSourceFiles([exportPath]);
const sources = importSources(files, problems);
const started = performance.now();
const report = await keel.importFiles(athlete.id, sources.items, { threads: availableParallelism() });
const seconds = (performance.now() - started) / 1000;
await keel.close();
process.stdout.write(
  `${JSON.stringify({
    seconds,
    totals: report.totals,
    inputBytes: sources.progress.totalBytes,
    baselineRssBytes,
    peakRssBytes: process.resourceUsage().maxRSS * 1024,
  })}\n`,
);
