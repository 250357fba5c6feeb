import { closeSync, mkdtempSync, openSync, readFileSync, rmSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { afterAll, describe, expect, it } from 'vitest';
import { decodeActivityFile } from '../index.js';

const TARGET_BYTES = 100 * 1024 * 1024;

/** Writes a GPX of about TARGET_BYTES, a point a second at 3 m/s, a megabyte at a time. */
function writeLargeGpx(path: string): number {
  const fd = openSync(path, 'w');
  let written = writeSync(
    fd,
    '<?xml version="1.0" encoding="UTF-8"?>\n<gpx version="1.1" creator="Keel memory test" ' +
      'xmlns="http://www.topografix.com/GPX/1/1" ' +
      'xmlns:gpxtpx="http://www.garmin.com/xmlschemas/TrackPointExtension/v2">\n' +
      '<trk><name>Very long run</name><type>running</type><trkseg>\n',
  );
  const start = Date.UTC(2024, 4, 1, 6);
  let i = 0;
  while (written < TARGET_BYTES) {
    let chunk = '';
    while (chunk.length < 1 << 20) {
      const time = new Date(start + i * 1000).toISOString().replace('.000Z', 'Z');
      // A 3 km square loop keeps the track near home however long it runs.
      const lap = (i * 3) % 12_000;
      const side = Math.floor(lap / 3000);
      const along = (lap % 3000) / 111_195;
      const lat = 47 + (side === 0 ? along : side === 1 ? 0.027 : side === 2 ? 0.027 - along : 0);
      const lon = 8 + (side === 1 ? along : side === 2 ? 0.027 : side === 3 ? 0.027 - along : 0) * 1.48;
      chunk +=
        `<trkpt lat="${lat.toFixed(7)}" lon="${lon.toFixed(7)}"><ele>${(400 + (i % 600) / 60).toFixed(1)}</ele>` +
        `<time>${time}</time><extensions><gpxtpx:TrackPointExtension><gpxtpx:hr>${140 + (i % 20)}</gpxtpx:hr>` +
        `<gpxtpx:cad>${84 + (i % 4)}</gpxtpx:cad></gpxtpx:TrackPointExtension></extensions></trkpt>\n`;
      i++;
    }
    written += writeSync(fd, chunk);
  }
  written += writeSync(fd, '</trkseg></trk></gpx>\n');
  closeSync(fd);
  return written;
}

/** A full collection, so that heap figures measure what is retained rather than garbage not yet swept. */
function collectGarbage(): void {
  setFlagsFromString('--expose-gc');
  (runInNewContext('gc') as () => void)();
}

describe('a 100 MB GPX file', () => {
  const dir = mkdtempSync(join(tmpdir(), 'keel-large-gpx-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('decodes without the file ever existing as a document or one string', () => {
    const path = join(dir, 'huge.gpx');
    const size = writeLargeGpx(path);
    const bytes = readFileSync(path);
    collectGarbage();
    const before = process.memoryUsage();
    const outcome = decodeActivityFile(bytes, 'huge.gpx');
    // Before collecting: the heap V8 had to grow to while decoding, an upper bound on the decoder's peak.
    const grown = process.memoryUsage();
    collectGarbage();
    const after = process.memoryUsage();

    expect(outcome.kind).toBe('decoded');
    const run = outcome.kind === 'decoded' ? outcome.activities[0] : undefined;
    const points = run?.streams.time.length ?? 0;
    expect(points).toBeGreaterThan(400_000);
    expect(run?.distanceM).toBeGreaterThan(points * 2.9);
    const mb = (bytes: number) => bytes / 2 ** 20;
    const peakHeapMb = mb(grown.heapTotal - before.heapTotal);
    const heapMb = mb(after.heapUsed - before.heapUsed);
    const streams = Object.values(run?.streams ?? {});
    const buffersMb = mb(streams.reduce((sum, values) => sum + values.buffer.byteLength, 0));
    console.log(
      `${mb(size).toFixed(0)} MB GPX, ${points} points: heap grew by ${peakHeapMb.toFixed(1)} MB while ` +
        `decoding, retained ${heapMb.toFixed(1)} MB of heap; the streams hold ${buffersMb.toFixed(1)} MB of typed arrays`,
    );
    // A DOM would take several times the file's size, one string of it the file's size at least. V8 grows the
    // heap before it collects, more eagerly on Node 24 (~70 MB here, ~10 MB on Node 20), so the bound is the
    // file's size itself rather than a fraction of it.
    expect(peakHeapMb).toBeLessThan(mb(size) * 0.9);
    // The run's own streams are typed arrays (outside the JS heap): they are what is kept, ~80 bytes a point,
    // each holding just its samples. (Process-wide array-buffer totals are not used: Node frees the buffers the
    // decoder outgrew only some time after a collection, more lazily on Node 24.)
    expect(heapMb).toBeLessThan(10);
    expect(buffersMb).toBeLessThan((points * 8 * 12) / 2 ** 20);
    for (const values of streams) expect(values.buffer.byteLength).toBe(values.byteLength);
  }, 60_000);
});
