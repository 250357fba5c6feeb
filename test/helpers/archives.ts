import { createWriteStream } from 'node:fs';
import { pipeline } from 'node:stream/promises';
import { gzipSync } from 'node:zlib';
import yazl from 'yazl';
import { makeCyclingFit, makeRunFit } from './fit-files.js';

export interface ZipMember {
  name: string;
  bytes: Uint8Array | string;
  /** Deflated unless told otherwise. */
  compress?: boolean;
  /** Unix mode, e.g. 0o120777 for a symbolic link. */
  mode?: number;
}

export async function makeZip(members: ZipMember[]): Promise<Buffer> {
  const zip = new yazl.ZipFile();
  for (const member of members) addMember(zip, member);
  zip.end();
  const parts: Buffer[] = [];
  for await (const chunk of zip.outputStream as AsyncIterable<Buffer>) parts.push(chunk);
  return Buffer.concat(parts);
}

/** A zip written straight to `file`, members produced one at a time: for archives too large to build in memory. */
export async function writeZip(file: string, members: Iterable<ZipMember>): Promise<void> {
  const zip = new yazl.ZipFile();
  for (const member of members) addMember(zip, member);
  zip.end();
  await pipeline(zip.outputStream, createWriteStream(file));
}

function addMember(zip: yazl.ZipFile, member: ZipMember): void {
  const { bytes } = member;
  const buffer =
    typeof bytes === 'string'
      ? Buffer.from(bytes)
      : Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length);
  zip.addBuffer(buffer, member.name, {
    compress: member.compress ?? true,
    ...(member.mode !== undefined && { mode: member.mode }),
  });
}

export function gzip(bytes: Uint8Array | string): Buffer {
  return gzipSync(bytes);
}

/** A short GPX track of a run, as Strava writes it for activities recorded in its app. */
export function makeRunGpx(start: Date, points = 60): string {
  const trackpoints = Array.from({ length: points }, (_, i) => {
    const time = new Date(start.getTime() + i * 5_000).toISOString().replace('.000', '');
    const lat = (47.37 + i * 0.0001).toFixed(7);
    return `   <trkpt lat="${lat}" lon="8.5400000"><ele>408.0</ele><time>${time}</time></trkpt>`;
  });
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<gpx creator="StravaGPX" version="1.1" xmlns="http://www.topografix.com/GPX/1/1">',
    ' <trk><name>Lunch Run</name><type>running</type><trkseg>',
    ...trackpoints,
    ' </trkseg></trk>',
    '</gpx>',
  ].join('\n');
}

export interface StravaActivity {
  id: number;
  name: string;
  type: string;
  start: Date;
  /** The "Filename" column: '' for a manual entry. */
  file: string;
}

export interface StravaExportOptions {
  /** Non-running types, one activity each (a ride's FIT file). */
  extraTypes?: string[];
  /** Where activities.csv sits in the central directory: Strava's own zips put it anywhere. */
  csvFirst?: boolean;
}

/**
 * A Strava bulk export: `runs` FIT runs as activities/<id>.fit.gz, one GPX run as .gpx.gz, one activity per
 * extra type (a Ride by default), a manual run with no file, photos and other CSVs, and activities.csv with
 * Strava's duplicate column names and a multi-line quoted description.
 */
export async function makeStravaExport(
  runs = 2,
  options: StravaExportOptions = {},
): Promise<{ zip: Buffer; activities: StravaActivity[] }> {
  const base = Date.UTC(2026, 5, 1, 6, 0, 0);
  const day = 86_400_000;
  const activities: StravaActivity[] = [];
  const files: ZipMember[] = [];
  const add = (type: string, name: string, extension: string, bytes: Uint8Array | string | null) => {
    const id = 9_000_000 + activities.length;
    const start = new Date(base + activities.length * day);
    const file = bytes === null ? '' : `activities/${id}.${extension}.gz`;
    activities.push({ id, name, type, start, file });
    if (bytes !== null) files.push({ name: file, bytes: gzip(bytes) });
    return start;
  };
  for (let i = 0; i < runs; i++) {
    const start = new Date(base + activities.length * day);
    add('Run', `Morning Run ${i + 1}`, 'fit', makeRunFit({ distanceM: 1_000, start, seed: i + 1 }));
  }
  add('Run', 'Lunch Run', 'gpx', makeRunGpx(new Date(base + activities.length * day)));
  for (const type of options.extraTypes ?? ['Ride']) {
    const start = new Date(base + activities.length * day);
    add(type, `Afternoon ${type}`, 'fit', makeCyclingFit({ distanceM: 2_000, durationS: 300, start }));
  }
  add('Run', 'Treadmill, logged by hand', '', null);
  const csv: ZipMember = { name: 'activities.csv', bytes: stravaCsv(activities) };
  const others: ZipMember[] = [
    { name: 'profile.jpg', bytes: Buffer.from([0xff, 0xd8, 0xff, 0xe0, 1, 2, 3]) },
    { name: 'media/1a2b3c.jpg', bytes: Buffer.from([0xff, 0xd8, 0xff, 0xe0, 4, 5, 6]) },
    { name: 'comments.csv', bytes: 'Comment Date,Comment\n"Jun 1, 2026, 8:00:00 AM",Nice\n' },
  ];
  const members = options.csvFirst ? [csv, ...files, ...others] : [...files, ...others, csv];
  return { zip: await makeZip(members), activities };
}

function stravaCsv(activities: StravaActivity[]): string {
  const header = [
    'Activity ID',
    'Activity Date',
    'Activity Name',
    'Activity Type',
    'Activity Description',
    'Elapsed Time',
    'Distance',
    'Filename',
    'Elapsed Time',
    'Moving Time',
    'Distance',
  ];
  const rows = activities.map((activity, i) => [
    String(activity.id),
    stravaDate(activity.start),
    activity.name,
    activity.type,
    i === 0 ? 'Legs felt "heavy",\nknee fine after 3 km' : '',
    '1800',
    '5.01',
    activity.file,
    '1800.0',
    '1750.0',
    '5010.0',
  ]);
  return `${[header, ...rows].map((row) => row.map(csvCell).join(',')).join('\n')}\n`;
}

/** Strava's format, in UTC: "Jun 1, 2026, 6:00:00 AM". */
export function stravaDate(date: Date): string {
  const month = date.toLocaleString('en-US', { month: 'short', timeZone: 'UTC' });
  const hour = date.getUTCHours() % 12 || 12;
  const time = `${hour}:${pad(date.getUTCMinutes())}:${pad(date.getUTCSeconds())} ${date.getUTCHours() < 12 ? 'AM' : 'PM'}`;
  return `${month} ${date.getUTCDate()}, ${date.getUTCFullYear()}, ${time}`;
}

function pad(n: number): string {
  return String(n).padStart(2, '0');
}

function csvCell(value: string): string {
  return /[",\n]/.test(value) ? `"${value.replaceAll('"', '""')}"` : value;
}

/**
 * A Garmin Connect data export: JSON summaries, and the uploaded FIT files in nested zips
 * (DI_CONNECT/DI-Connect-Uploaded-Files/UploadedFiles_0-_Part<n>.zip).
 */
export async function makeGarminExport(
  options: { parts?: number; runsPerPart?: number } = {},
): Promise<{ zip: Buffer; fitPaths: string[][] }> {
  const parts = options.parts ?? 2;
  const runsPerPart = options.runsPerPart ?? 2;
  const uploads = 'DI_CONNECT/DI-Connect-Uploaded-Files';
  const members: ZipMember[] = [
    { name: 'DI_CONNECT/DI-Connect-Fitness/runner@example.com_0_summarizedActivities.json', bytes: '[]' },
    { name: 'DI_CONNECT/DI-Connect-User/user_profile.json', bytes: '{}' },
  ];
  const fitPaths: string[][] = [];
  for (let part = 1; part <= parts; part++) {
    const partName = `${uploads}/UploadedFiles_0-_Part${part}.zip`;
    const fits: ZipMember[] = [];
    for (let i = 0; i < runsPerPart; i++) {
      const id = 12_000_000_000 + part * 100 + i;
      const start = new Date(Date.UTC(2026, 3, part * 10 + i, 7));
      fits.push({
        name: `runner@example.com_${id}.fit`,
        bytes: makeRunFit({ distanceM: 1_000, start, seed: id }),
      });
      fitPaths.push([partName, `runner@example.com_${id}.fit`]);
    }
    members.push({ name: partName, bytes: await makeZip(fits) });
  }
  return { zip: await makeZip(members), fitPaths };
}

/** A member of `sizeBytes` zeros (compressing ~1000:1) beside an honest run. */
export async function makeZipBomb(sizeBytes = 20 * 1024 * 1024): Promise<Buffer> {
  return makeZip([
    { name: 'bomb.fit', bytes: Buffer.alloc(sizeBytes) },
    { name: 'run.fit', bytes: makeRunFit({ distanceM: 1_000 }) },
  ]);
}

/** `inner` wrapped in `levels` zips, each holding the next as `level<n>.zip`. */
export async function makeNestedZip(levels: number, inner: ZipMember): Promise<Buffer> {
  let zip = await makeZip([inner]);
  for (let level = levels - 1; level >= 1; level--)
    zip = await makeZip([{ name: `level${level + 1}.zip`, bytes: zip }]);
  return zip;
}

/** Names an attacker would use, which yazl (rightly) refuses to write: written as placeholders, then patched. */
export const UNSAFE_NAMES = [
  '../../etc/passwd',
  '/etc/cron.d/keel.fit',
  'C:\\Windows\\keel.fit',
  '..\\..\\keel.fit',
  'runs/nul\u0000.fit',
] as const;

/**
 * The unsafe names above, a symbolic link, and two honest runs: one under a Windows-style backslash name
 * (`runs\windows.fit`, as old .NET tools wrote) and one plain.
 */
export async function makeTraversalZip(): Promise<Buffer> {
  const run = makeRunFit({ distanceM: 1_000 });
  const patched = [...UNSAFE_NAMES, 'runs\\windows.fit'];
  const placeholders = patched.map((name, i) => `Q${i}`.padEnd(Buffer.byteLength(name), 'Q'));
  const zip = await makeZip([
    ...placeholders.map((name) => ({ name, bytes: run })),
    { name: 'runs/ok.fit', bytes: run },
    { name: 'runs/link.fit', bytes: 'ok.fit', mode: 0o120777 },
  ]);
  for (const [i, name] of patched.entries()) {
    replaceAll(zip, Buffer.from(placeholders[i] ?? ''), Buffer.from(name));
  }
  return zip;
}

function replaceAll(haystack: Buffer, from: Buffer, to: Buffer): void {
  for (let at = haystack.indexOf(from); at >= 0; at = haystack.indexOf(from, at + 1)) to.copy(haystack, at);
}

/**
 * Two honest runs around two damaged members: `bad-crc.fit` (stored, one byte flipped: reads, but its
 * checksum fails) and `bad-deflate.fit` (its compressed data starts with an invalid block).
 */
export async function makeCorruptMemberZip(): Promise<Buffer> {
  const run = makeRunFit({ distanceM: 1_000 });
  const zip = await makeZip([
    { name: 'a.fit', bytes: run },
    { name: 'bad-crc.fit', bytes: run, compress: false },
    { name: 'bad-deflate.fit', bytes: run },
    { name: 'b.fit', bytes: run },
  ]);
  const flip = (name: string, offset: number, value: number) => {
    const at = memberDataOffset(zip, name) + offset;
    zip[at] = value < 0 ? (zip[at] ?? 0) ^ 0xff : value;
  };
  flip('bad-crc.fit', 100, -1);
  flip('bad-deflate.fit', 0, 0xff);
  return zip;
}

/** Where a member's data starts: past its local header, which precedes the central directory. */
function memberDataOffset(zip: Buffer, name: string): number {
  const nameAt = zip.indexOf(Buffer.from(name));
  const header = nameAt - 30;
  if (zip.readUInt32LE(header) !== 0x04034b50) throw new Error(`no local header for ${name}`);
  return nameAt + zip.readUInt16LE(header + 26) + zip.readUInt16LE(header + 28);
}
