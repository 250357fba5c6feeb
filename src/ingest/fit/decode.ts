import { Decoder, type Mesg, Profile, Stream } from '@garmin/fitsdk';
import type { DeviceInfo } from '../../domain/activity.js';
import { NATIVE_RECORD_FIELDS } from './channel-map.js';
import { describeDamage, type FitHeader, readFitHeader } from './damage.js';
import { applicationUuid, DeveloperFieldResolver } from './developer-fields.js';
import { FastRecordReader, scanFit } from './fast-records.js';
import type { FitFile, FitRecord, FitRecords, FitSession, TimerEvent } from './model.js';
import { FIT_EPOCH_S, MESG_NUM } from './protocol.js';
import { RecordTableBuilder, recordTable } from './record-table.js';

export interface DecodedFit {
  file: FitFile;
  /** One line on what is wrong with the file (see damage.ts); `file` then holds what decoded before it. */
  damage: string | null;
  /** Which decoder read the record messages: Keel's fast path, or the SDK for the whole file. */
  recordPath: 'fast' | 'sdk';
  /** Why the fast path declined the file, when it did. */
  fallback: string | null;
}

/** The messages besides records that narrowFile reads: the fast path hands only these to the SDK. */
const READ_BY_KEEL = new Set<number>([
  MESG_NUM.fileId,
  MESG_NUM.fileCreator,
  MESG_NUM.deviceInfo,
  MESG_NUM.sport,
  MESG_NUM.session,
  MESG_NUM.event,
  MESG_NUM.activity,
]);

/**
 * Decodes a FIT file into Keel's model: record messages on Keel's fast path (fast-records.ts), everything
 * else with the Garmin SDK; the SDK reads the whole file instead when the fast path cannot read it exactly
 * as the SDK would (a damaged file, compressed timestamps, a field stored unlike the profile says). The SDK's
 * message objects are typed loosely (and lie: a field may hold an array, an unknown enum value a number), so
 * every value they give is checked here and nowhere else. Returns a one-line reason instead when the bytes
 * have no usable FIT header.
 */
export function decodeFit(bytes: Uint8Array): DecodedFit | string {
  const header = readFitHeader(bytes);
  if (typeof header === 'string') return header;
  const fast = decodeFast(bytes, header);
  return typeof fast === 'string' ? decodeWithSdk(bytes, header, fast) : fast;
}

/** The whole file through the SDK: the reference the fast path is held to. */
export function decodeFitWithSdk(bytes: Uint8Array): DecodedFit | string {
  const header = readFitHeader(bytes);
  return typeof header === 'string' ? header : decodeWithSdk(bytes, header, null);
}

function decodeFast(bytes: Uint8Array, header: FitHeader): DecodedFit | string {
  const scan = scanFit(bytes, header, READ_BY_KEEL);
  if (typeof scan === 'string') return scan;

  const developer = new DeveloperFieldResolver();
  const table = new RecordTableBuilder(scan.records.length);
  const reader = new FastRecordReader(bytes, scan, table, developer);
  const context = developerContext(developer);
  let problem: string | null = null;
  const onMessage = (mesgNum: number, mesg: Mesg) => {
    // Records before this message are read with the developer fields defined before it.
    problem ??= reader.beforeMessage(mesgNum);
    const m = asMessage(mesg);
    context(mesgNum, m);
    if (mesgNum === MESG_NUM.developerDataId) reader.onDeveloperDataId(num(m.developerDataIndex));
    else if (mesgNum === MESG_NUM.fieldDescription) {
      reader.onFieldDescription({
        developerDataIndex: num(m.developerDataIndex),
        fieldNumber: num(m.fieldDefinitionNumber),
        baseType: num(m.fitBaseTypeId) ?? 0,
        key: num(m.key) ?? -1,
      });
    }
  };
  const { messages, errors } = new Decoder(Stream.fromByteArray(scan.otherMessages)).read({
    mesgListener: onMessage,
    dataOnly: true,
  });
  problem ??= reader.readUntil(Number.POSITIVE_INFINITY);
  const firstError = errors[0];
  if (firstError !== undefined) return `the SDK failed on the other messages: ${errorMessage(firstError)}`;
  if (problem !== null) return problem;
  const activityTypes = tally(
    [...reader.activityTypes].map(([raw, count]) => [
      enumName(Profile.types.activityType?.[raw] ?? raw),
      count,
    ]),
  );
  return {
    file: narrowFile(asMessage(messages), table.build(), activityTypes),
    damage: null,
    recordPath: 'fast',
    fallback: null,
  };
}

function decodeWithSdk(bytes: Uint8Array, header: FitHeader, fallback: string | null): DecodedFit {
  const stream = Stream.fromByteArray(bytes);
  const decoder = new Decoder(stream);
  const integrityOk = decoder.checkIntegrity();

  const developer = new DeveloperFieldResolver();
  const context = developerContext(developer);
  const developerValues = new WeakMap<object, Map<string, number>>();
  const onMessage = (mesgNum: number, mesg: Mesg) => {
    const m = asMessage(mesg);
    context(mesgNum, m);
    if (mesgNum === MESG_NUM.record && m.developerFields !== undefined) {
      developerValues.set(mesg, developer.resolve(numericEntries(m.developerFields)));
    }
  };

  // The SDK never throws from read(): errors come back with whatever decoded before them.
  const { messages, errors } = decoder.read({ mesgListener: onMessage });
  const firstError = errors[0];
  const damage = describeDamage({
    header,
    fileLength: bytes.length,
    integrityOk,
    error: firstError === undefined ? null : { message: errorMessage(firstError), atByte: stream.position },
  });
  // Records are narrowed after reading: the SDK merges hr messages' heart rates into them at the end.
  const recordMesgs = list(asMessage(messages).recordMesgs);
  const activityTypes = tally(recordMesgs.map((r) => [enumName(r.activityType), 1]));
  const records = recordTable(recordMesgs.map((r) => readRecord(r, developerValues.get(r))));
  return {
    file: narrowFile(asMessage(messages), records, activityTypes),
    damage,
    recordPath: 'sdk',
    fallback,
  };
}

/** Follows file_id, developer data ids and field descriptions into the resolver, in file order. */
function developerContext(developer: DeveloperFieldResolver): (mesgNum: number, m: Message) => void {
  let fileManufacturer: string | null = null;
  return (mesgNum, m) => {
    if (mesgNum === MESG_NUM.fileId) {
      fileManufacturer ??= enumName(m.manufacturer);
    } else if (mesgNum === MESG_NUM.developerDataId) {
      const index = num(m.developerDataIndex);
      if (index !== null)
        developer.onDeveloperDataId(index, applicationUuid(bytesOf(m.applicationId)), fileManufacturer);
    } else if (mesgNum === MESG_NUM.fieldDescription) {
      const developerDataIndex = num(m.developerDataIndex);
      const key = num(m.key);
      if (developerDataIndex !== null && key !== null) {
        developer.onFieldDescription({
          developerDataIndex,
          key,
          name: str(m.fieldName),
          scale: num(m.scale),
          offset: num(m.offset),
        });
      }
    }
  };
}

type Message = Readonly<Record<string, unknown>>;

function narrowFile(messages: Message, records: FitRecords, activityTypes: Map<string, number>): FitFile {
  const fileId = list(messages.fileIdMesgs)[0];
  return {
    fileType: fileId === undefined ? null : enumName(fileId.type),
    device: readDevice(fileId, list(messages.deviceInfoMesgs), list(messages.fileCreatorMesgs)[0]),
    fallbackSport:
      enumName(list(messages.sportMesgs)[0]?.sport) ?? recordsSport(activityTypes, records.length),
    sessions: list(messages.sessionMesgs).map(readSession),
    records,
    timerEvents: readTimerEvents(list(messages.eventMesgs)),
    utcOffsetMin: readUtcOffset(list(messages.activityMesgs)[0]),
  };
}

function readSession(m: Message, index: number): FitSession {
  return {
    index,
    sport: enumName(m.sport),
    subSport: enumName(m.subSport),
    startS: time(m.startTime),
    timestampS: time(m.timestamp),
    elapsedS: num(m.totalElapsedTime),
    timerS: num(m.totalTimerTime),
    distanceM: num(m.totalDistance),
    ascentM: num(m.totalAscent),
    descentM: num(m.totalDescent),
    avgSpeedMps: num(m.enhancedAvgSpeed) ?? num(m.avgSpeed),
    maxSpeedMps: num(m.enhancedMaxSpeed) ?? num(m.maxSpeed),
    avgHeartRateBpm: num(m.avgHeartRate),
    maxHeartRateBpm: num(m.maxHeartRate),
    avgCadence: withFraction(num(m.avgRunningCadence) ?? num(m.avgCadence), num(m.avgFractionalCadence)),
    maxCadence: withFraction(num(m.maxRunningCadence) ?? num(m.maxCadence), num(m.maxFractionalCadence)),
    avgPowerW: num(m.avgPower),
    maxPowerW: num(m.maxPower),
  };
}

function withFraction(whole: number | null, fraction: number | null): number | null {
  return whole === null ? null : whole + (fraction ?? 0);
}

function readRecord(m: Message, developer: Map<string, number> | undefined): FitRecord {
  const values = new Map(developer);
  for (const field of NATIVE_RECORD_FIELDS) {
    const value = num(m[field]);
    if (value !== null) values.set(field, value);
  }
  return { timeS: time(m.timestamp), values };
}

/** How many records name each activity type. */
function tally(names: readonly [string | null, number][]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const [name, count] of names) if (name !== null) counts.set(name, (counts.get(name) ?? 0) + count);
  return counts;
}

/** For files without a session: what most records' activity_type says, when they say it. */
function recordsSport(activityTypes: ReadonlyMap<string, number>, recordCount: number): string | null {
  const [top] = [...activityTypes].sort((a, b) => b[1] - a[1]);
  return top !== undefined && top[1] * 2 > recordCount ? top[0] : null;
}

function readTimerEvents(events: readonly Message[]): TimerEvent[] {
  const timer: TimerEvent[] = [];
  for (const e of events) {
    const timeS = time(e.timestamp);
    if (e.event !== 'timer' || timeS === null) continue;
    if (e.eventType === 'start') timer.push({ timeS, kind: 'start' });
    else if (typeof e.eventType === 'string' && e.eventType.startsWith('stop'))
      timer.push({ timeS, kind: 'stop' });
  }
  return timer.sort((a, b) => a.timeS - b.timeS);
}

function readUtcOffset(activity: Message | undefined): number | null {
  if (activity === undefined) return null;
  const utc = time(activity.timestamp);
  const local = activity.localTimestamp;
  // local_timestamp is seconds since the FIT epoch in local time; the SDK leaves it a number.
  const localS = typeof local === 'number' ? local + FIT_EPOCH_S : time(local);
  if (utc === null || localS === null) return null;
  // Real offsets are whole quarter hours within ±14 h; anything else is a device clock glitch.
  const offsetMin = Math.round((localS - utc) / 900) * 15;
  return Math.abs(offsetMin) <= 14 * 60 ? offsetMin : null;
}

function readDevice(
  fileId: Message | undefined,
  deviceInfos: readonly Message[],
  fileCreator: Message | undefined,
): DeviceInfo | null {
  const creator = deviceInfos.find((d) => d.deviceIndex === 'creator' || d.deviceIndex === 0);
  const manufacturer = enumName(fileId?.manufacturer) ?? enumName(creator?.manufacturer);
  // The SDK names Garmin products from its profile (`garminProduct`, e.g. 'fr965') and leaves unknown
  // product ids as numbers; other makers write a product_name string.
  const product =
    str(fileId?.garminProduct) ??
    str(fileId?.productName) ??
    str(creator?.garminProduct) ??
    str(creator?.productName) ??
    positiveId(fileId?.product);
  const creatorVersion = num(creator?.softwareVersion);
  const fileCreatorVersion = num(fileCreator?.softwareVersion);
  const version =
    creatorVersion !== null && creatorVersion > 0
      ? creatorVersion
      : fileCreatorVersion !== null && fileCreatorVersion > 0
        ? fileCreatorVersion / 100
        : null;
  const device = { manufacturer, product, softwareVersion: version === null ? null : version.toFixed(2) };
  return Object.values(device).every((v) => v === null) ? null : device;
}

function positiveId(value: unknown): string | null {
  const id = num(value);
  return id !== null && id > 0 ? String(id) : null;
}

function asMessage(value: unknown): Message {
  return typeof value === 'object' && value !== null ? (value as Message) : {};
}

function list(value: unknown): Message[] {
  return Array.isArray(value) ? value.map(asMessage) : [];
}

function num(value: unknown): number | null {
  return typeof value === 'number' && Number.isFinite(value) ? value : null;
}

function str(value: unknown): string | null {
  return typeof value === 'string' && value.trim() !== '' ? value : null;
}

/** An enum the SDK named, or the raw number of a value newer than its profile. */
function enumName(value: unknown): string | null {
  return str(value) ?? (num(value) === null ? null : String(value));
}

function time(value: unknown): number | null {
  return value instanceof Date && Number.isFinite(value.getTime()) ? value.getTime() / 1000 : null;
}

function bytesOf(value: unknown): number[] {
  return Array.isArray(value) ? value.filter((b): b is number => typeof b === 'number') : [];
}

function numericEntries(value: unknown): Map<number, number> {
  const entries = new Map<number, number>();
  for (const [key, v] of Object.entries(asMessage(value))) {
    const n = num(v);
    if (n !== null) entries.set(Number(key), n);
  }
  return entries;
}

function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
