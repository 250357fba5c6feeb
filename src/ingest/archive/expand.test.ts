import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { afterAll, describe, expect, it } from 'vitest';
import {
  gzip,
  makeCorruptMemberZip,
  makeGarminExport,
  makeNestedZip,
  makeRunGpx,
  makeStravaExport,
  makeTraversalZip,
  makeZip,
  makeZipBomb,
  UNSAFE_NAMES,
} from '../../../test/helpers/archives.js';
import { makeRunFit } from '../../../test/helpers/fit-files.js';
import { type ExpandedItem, type ExpandOptions, expandBytes, expandFile } from './index.js';

const work = mkdtempSync(join(tmpdir(), 'keel-archive-test-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

const RUN = makeRunFit({ distanceM: 1_000 });

function onDisk(name: string, bytes: Uint8Array): string {
  const file = join(work, name);
  writeFileSync(file, bytes);
  return file;
}

async function all(items: AsyncIterable<ExpandedItem>): Promise<ExpandedItem[]> {
  const found: ExpandedItem[] = [];
  for await (const item of items) found.push(item);
  return found;
}

/** Items without their bytes, easy to compare. */
function summary(items: ExpandedItem[]) {
  return items.map((item) =>
    item.kind === 'file' ? { kind: item.kind, path: item.entry.path } : { kind: item.kind, path: item.path },
  );
}

function contentOf(item: ExpandedItem | undefined): Buffer | undefined {
  return item?.kind === 'file' ? Buffer.from(item.entry.bytes) : undefined;
}

function files(items: ExpandedItem[]) {
  return items.flatMap((item) => (item.kind === 'file' ? [item.entry] : []));
}

function freshTempDir(): string {
  return mkdtempSync(join(work, 'spill-'));
}

describe('a file that is no archive', () => {
  it('is itself, whatever its name says', async () => {
    const file = onDisk('run.zip', RUN);
    const items = await all(expandFile(file));
    expect(summary(items)).toEqual([{ kind: 'file', path: [file] }]);
    expect(contentOf(items[0])).toEqual(Buffer.from(RUN));
  });

  it('is reported under the name it was given, for a spilled upload', async () => {
    const items = await all(expandFile(onDisk('upload-3f2a.tmp', RUN), { name: 'Morning_Run.fit' }));
    expect(summary(items)).toEqual([{ kind: 'file', path: ['Morning_Run.fit'] }]);
  });

  it('is refused when it cannot be read', async () => {
    expect(await all(expandFile(join(work, 'missing.fit')))).toEqual([
      { kind: 'rejected', path: [join(work, 'missing.fit')], reason: 'no such file' },
    ]);
  });
});

describe('gzip', () => {
  it('is unpacked by content, on disk or in memory, and keeps its own name', async () => {
    const file = onDisk('run.fit.gz.bin', gzip(RUN));
    const fromDisk = await all(expandFile(file));
    expect(summary(fromDisk)).toEqual([{ kind: 'file', path: [file] }]);
    expect(contentOf(fromDisk[0])).toEqual(Buffer.from(RUN));
    const fromMemory = await all(expandBytes('run.fit.gz', gzip(RUN)));
    expect(summary(fromMemory)).toEqual([{ kind: 'file', path: ['run.fit.gz'] }]);
    expect(contentOf(fromMemory[0])).toEqual(Buffer.from(RUN));
  });

  it('that is damaged is rejected', async () => {
    const damaged = gzip(RUN).subarray(0, 200);
    expect(await all(expandBytes('run.fit.gz', damaged))).toEqual([
      { kind: 'rejected', path: ['run.fit.gz'], reason: 'corrupt compressed data (unexpected end of file)' },
    ]);
  });
});

describe('a zip of folders', () => {
  it('yields every activity, recursively, skips what is not one and ignores clutter', async () => {
    const zip = await makeZip([
      { name: 'runs/2026/a.fit', bytes: RUN },
      { name: 'runs/2026/b.tcx.gz', bytes: gzip('<TrainingCenterDatabase/>') },
      { name: 'runs/inner.zip', bytes: await makeZip([{ name: 'c.gpx', bytes: makeRunGpx(new Date()) }]) },
      { name: 'runs/notes.txt', bytes: 'felt good' },
      { name: '__MACOSX/runs/2026/._a.fit', bytes: 'resource fork' },
      { name: 'runs/.DS_Store', bytes: 'finder' },
    ]);
    const items = await all(expandBytes('runs.zip', zip));
    expect(summary(items)).toEqual([
      { kind: 'file', path: ['runs.zip', 'runs/2026/a.fit'] },
      { kind: 'file', path: ['runs.zip', 'runs/2026/b.tcx.gz'] },
      { kind: 'file', path: ['runs.zip', 'runs/inner.zip', 'c.gpx'] },
      { kind: 'skipped', path: ['runs.zip', 'runs/notes.txt'] },
    ]);
    expect(contentOf(items[1])?.toString()).toBe('<TrainingCenterDatabase/>');
  });

  it('holding nothing yields nothing', async () => {
    expect(await all(expandBytes('empty.zip', await makeZip([])))).toEqual([]);
  });
});

describe('a Strava bulk export', () => {
  it.each([
    ['after', false],
    ['before', true],
  ])('gives each file its CSV row, with activities.csv %s the files', async (_, csvFirst) => {
    const { zip, activities } = await makeStravaExport(2, { csvFirst });
    const items = await all(expandFile(onDisk('strava.zip', zip), { name: 'export.zip' }));
    expect(summary(items)).toEqual(
      expect.arrayContaining([
        { kind: 'file', path: ['export.zip', 'activities/9000000.fit.gz'] },
        { kind: 'file', path: ['export.zip', 'activities/9000001.fit.gz'] },
        { kind: 'file', path: ['export.zip', 'activities/9000002.gpx.gz'] },
        { kind: 'skipped', path: ['export.zip', 'activities/9000003.fit.gz'] },
        { kind: 'skipped', path: ['export.zip', 'profile.jpg'] },
        { kind: 'skipped', path: ['export.zip', 'media/1a2b3c.jpg'] },
        { kind: 'skipped', path: ['export.zip', 'comments.csv'] },
      ]),
    );
    expect(items).toHaveLength(7);
    const [first, , gpx] = files(items);
    expect(first?.hint).toEqual({
      name: 'Morning Run 1',
      activityType: 'Run',
      isRunning: true,
      startTime: activities[0]?.start,
    });
    const firstFit = makeRunFit({ distanceM: 1_000, start: activities[0]?.start, seed: 1 });
    expect(Buffer.from(first?.bytes ?? [])).toEqual(Buffer.from(firstFit));
    expect(Buffer.from(gpx?.bytes ?? []).toString()).toContain('<gpx creator="StravaGPX"');
    expect(items.find((item) => item.kind === 'skipped' && item.path[1]?.startsWith('activities/'))).toEqual({
      kind: 'skipped',
      path: ['export.zip', 'activities/9000003.fit.gz'],
      reason: 'Strava says "Ride": not a run',
    });
  });

  it('skips other sports without reading them', async () => {
    // The ride's "gzip" is garbage: reading it would reject it, skipping it says nothing about its bytes.
    const zip = await makeZip([
      { name: 'activities/1.fit.gz', bytes: Buffer.from([0x1f, 0x8b, 0xde, 0xad, 0xbe, 0xef]) },
      {
        name: 'activities.csv',
        bytes: 'Activity ID,Activity Type,Filename\n1,Virtual Ride,activities/1.fit.gz\n',
      },
    ]);
    expect(await all(expandBytes('export.zip', zip))).toEqual([
      {
        kind: 'skipped',
        path: ['export.zip', 'activities/1.fit.gz'],
        reason: 'Strava says "Virtual Ride": not a run',
      },
    ]);
  });

  it('zipped inside a folder of another zip still matches its files', async () => {
    const { zip } = await makeStravaExport(1, { extraTypes: [] });
    const outer = await makeZip([{ name: 'backup/strava.zip', bytes: zip }]);
    const items = files(await all(expandBytes('backup.zip', outer)));
    expect(items.map((entry) => [entry.path, entry.hint?.name])).toEqual([
      [['backup.zip', 'backup/strava.zip', 'activities/9000000.fit.gz'], 'Morning Run 1'],
      [['backup.zip', 'backup/strava.zip', 'activities/9000001.gpx.gz'], 'Lunch Run'],
    ]);
  });
});

describe('a Garmin Connect export', () => {
  it('yields the FIT files of its nested zips, and leaves no temp file behind', async () => {
    const { zip, fitPaths } = await makeGarminExport({ parts: 2, runsPerPart: 2 });
    const tempDir = freshTempDir();
    const spillsSeen = new Set<string>();
    const items: ExpandedItem[] = [];
    for await (const item of expandFile(onDisk('garmin.zip', zip), { name: 'garmin.zip', tempDir })) {
      for (const name of readdirSync(tempDir)) spillsSeen.add(name);
      items.push(item);
    }
    expect(summary(items)).toEqual([
      {
        kind: 'skipped',
        path: ['garmin.zip', 'DI_CONNECT/DI-Connect-Fitness/runner@example.com_0_summarizedActivities.json'],
      },
      { kind: 'skipped', path: ['garmin.zip', 'DI_CONNECT/DI-Connect-User/user_profile.json'] },
      ...fitPaths.map((path) => ({ kind: 'file', path: ['garmin.zip', ...path] })),
    ]);
    expect(spillsSeen.size).toBe(2);
    expect(readdirSync(tempDir)).toEqual([]);
  });

  it('removes its temp file when the consumer stops early', async () => {
    const { zip } = await makeGarminExport({ parts: 1, runsPerPart: 3 });
    const tempDir = freshTempDir();
    for await (const item of expandBytes('garmin.zip', zip, { tempDir })) {
      if (item.kind === 'file') break;
    }
    expect(readdirSync(tempDir)).toEqual([]);
  });
});

describe('damage', () => {
  it('rejects a corrupt member and reads the rest', async () => {
    const items = await all(expandBytes('runs.zip', await makeCorruptMemberZip()));
    expect(summary(items)).toEqual([
      { kind: 'file', path: ['runs.zip', 'a.fit'] },
      { kind: 'rejected', path: ['runs.zip', 'bad-crc.fit'] },
      { kind: 'rejected', path: ['runs.zip', 'bad-deflate.fit'] },
      { kind: 'file', path: ['runs.zip', 'b.fit'] },
    ]);
    expect(items[1]).toMatchObject({ reason: 'corrupt: its checksum (CRC-32) does not match its content' });
    expect(items[2]).toMatchObject({ reason: 'corrupt compressed data (invalid block type)' });
  });

  it('rejects a zip that cannot be opened as one item', async () => {
    const zip = await makeZip([{ name: 'a.fit', bytes: RUN }]);
    const items = await all(
      expandFile(onDisk('cut.zip', zip.subarray(0, zip.length - 30)), { name: 'cut.zip' }),
    );
    expect(items).toEqual([
      {
        kind: 'rejected',
        path: ['cut.zip'],
        reason: expect.stringMatching(/^not a readable ZIP archive \(.*end of central directory/i),
      },
    ]);
  });

  it('reads the members before damage in the central directory, then rejects the rest', async () => {
    const zip = await makeZip(['a.fit', 'b.fit', 'c.fit'].map((name) => ({ name, bytes: RUN })));
    const central = zip.indexOf(Buffer.from('PK\x01\x02', 'latin1'));
    zip.write('PK\x09\x09', zip.indexOf(Buffer.from('PK\x01\x02', 'latin1'), central + 4), 'latin1');
    const items = await all(expandBytes('runs.zip', zip));
    expect(summary(items)).toEqual([
      { kind: 'file', path: ['runs.zip', 'a.fit'] },
      { kind: 'rejected', path: ['runs.zip'] },
    ]);
    expect(items[1]).toMatchObject({
      reason: expect.stringMatching(/^damaged ZIP archive \(.*\): the rest of it was not read$/),
    });
  });

  it('rejects a damaged nested zip and still removes its spill', async () => {
    const inner = await makeZip([{ name: 'a.fit', bytes: RUN }]);
    const outer = await makeZip([
      { name: 'part1.zip', bytes: inner.subarray(0, 100) },
      { name: 'b.fit', bytes: RUN },
    ]);
    const tempDir = freshTempDir();
    const items = await all(expandBytes('export.zip', outer, { tempDir }));
    expect(summary(items)).toEqual([
      { kind: 'rejected', path: ['export.zip', 'part1.zip'] },
      { kind: 'file', path: ['export.zip', 'b.fit'] },
    ]);
    expect(readdirSync(tempDir)).toEqual([]);
  });
});

describe('bombs and limits', () => {
  it('refuses a member that expands absurdly, by its declared sizes, and reads the rest', async () => {
    const items = await all(expandBytes('bomb.zip', await makeZipBomb()));
    expect(summary(items)).toEqual([
      { kind: 'rejected', path: ['bomb.zip', 'bomb.fit'] },
      { kind: 'file', path: ['bomb.zip', 'run.fit'] },
    ]);
    expect(items[0]).toMatchObject({
      reason: expect.stringMatching(/^zip bomb: .* expands to over 20 MB \(more than 100:1\)$/),
    });
  });

  it('refuses a gzip bomb while unpacking it', async () => {
    const [item] = await all(expandBytes('bomb.gpx.gz', gzip(Buffer.alloc(20 * 1024 * 1024))));
    expect(item).toMatchObject({ kind: 'rejected', reason: expect.stringMatching(/^zip bomb: /) });
  });

  it('refuses archives nested deeper than the limit', async () => {
    const member = { name: 'a.fit', bytes: RUN };
    expect(summary(await all(expandBytes('l1.zip', await makeNestedZip(4, member))))).toEqual([
      { kind: 'file', path: ['l1.zip', 'level2.zip', 'level3.zip', 'level4.zip', 'a.fit'] },
    ]);
    expect(await all(expandBytes('l1.zip', await makeNestedZip(5, member)))).toEqual([
      {
        kind: 'rejected',
        path: ['l1.zip', 'level2.zip', 'level3.zip', 'level4.zip', 'level5.zip'],
        reason: 'archives nested more than 4 deep: not opened',
      },
    ]);
  });

  it('refuses a file too large to be an activity', async () => {
    const zip = await makeZip([
      { name: 'huge.gpx', bytes: Buffer.alloc(300_000, 'x') },
      { name: 'a.fit', bytes: RUN },
    ]);
    const options: ExpandOptions = { limits: { maxFileBytes: 200_000 } };
    expect(summary(await all(expandBytes('x.zip', zip, options)))).toEqual([
      { kind: 'rejected', path: ['x.zip', 'huge.gpx'] },
      { kind: 'file', path: ['x.zip', 'a.fit'] },
    ]);
    const [onItsOwn] = await all(expandBytes('huge.gpx', Buffer.alloc(300_000), options));
    expect(onItsOwn).toMatchObject({
      kind: 'rejected',
      reason: expect.stringMatching(/^larger than 195.3 kB/),
    });
  });

  it('stops reading an archive once its total budget is spent, saying so once', async () => {
    const { zip } = await makeGarminExport({ parts: 3, runsPerPart: 2 });
    const items = await all(expandBytes('garmin.zip', zip, { limits: { maxTotalBytes: 40_000 } }));
    const rejected = items.filter((item) => item.kind === 'rejected');
    expect(rejected).toEqual([
      {
        kind: 'rejected',
        path: expect.any(Array),
        reason: 'archive expands to more than 39.1 kB (a zip bomb?): the rest of it was not read',
      },
    ]);
    expect(items.at(-1)).toBe(rejected[0]);
  });
});

describe('unsafe names', () => {
  it('are rejected by name, links are skipped, and honest neighbours are read', async () => {
    const items = await all(expandBytes('evil.zip', await makeTraversalZip()));
    expect(items.slice(0, UNSAFE_NAMES.length).map((item) => item.kind)).toEqual(
      UNSAFE_NAMES.map(() => 'rejected'),
    );
    expect(items[0]).toEqual({
      kind: 'rejected',
      path: ['evil.zip', '../../etc/passwd'],
      reason: 'unsafe name "../../etc/passwd": it climbs out of the archive with ".."',
    });
    expect(items[4]).toMatchObject({ path: ['evil.zip', 'runs/nul\\x00.fit'] });
    expect(summary(items.slice(UNSAFE_NAMES.length))).toEqual([
      { kind: 'file', path: ['evil.zip', 'runs/windows.fit'] },
      { kind: 'file', path: ['evil.zip', 'runs/ok.fit'] },
      { kind: 'skipped', path: ['evil.zip', 'runs/link.fit'] },
    ]);
  });
});

it('gunzipSync agrees with what a .fit.gz member yields', async () => {
  const packed = gzip(RUN);
  const [item] = await all(expandBytes('x.zip', await makeZip([{ name: 'r.fit.gz', bytes: packed }])));
  expect(contentOf(item)).toEqual(gunzipSync(packed));
});
