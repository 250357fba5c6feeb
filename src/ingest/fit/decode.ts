import { Decoder, type Mesg, Stream } from '@garmin/fitsdk';
import type { DeviceInfo } from '../../domain/activity.js';
import { NATIVE_RECORD_FIELDS } from './channel-map.js';
import { describeDamage, readFitHeader } from './damage.js';
import { applicationUuid, DeveloperFieldResolver } from './developer-fields.js';
import type { FitFile, FitRecord, FitSession, TimerEvent } from './model.js';

export interface DecodedFit {
  file: FitFile;
  /** One line on what is wrong with the file (see damage.ts); `file` then holds what decoded before it. */
  damage: string | null;
}

// Global message numbers of the FIT protocol.
const FILE_ID = 0;
const RECORD = 20;
const FIELD_DESCRIPTION = 206;
const DEVELOPER_DATA_ID = 207;

/** Seconds from the Unix epoch to the FIT epoch (1989-12-31T00:00:00Z). */
const FIT_EPOCH_S = 631_065_600;

/**
 * Decodes a FIT file with the Garmin SDK and narrows its messages into Keel's model. The SDK's message
 * objects are typed loosely (and lie: a field may hold an array, an unknown enum value a number), so every
 * value is checked here and nowhere else. Returns a one-line reason instead when the bytes have no usable
 * FIT header.
 */
export function decodeFit(bytes: Uint8Array): DecodedFit | string {
  const header = readFitHeader(bytes);
  if (typeof header === 'string') return header;

  const stream = Stream.fromByteArray(bytes);
  const decoder = new Decoder(stream);
  const integrityOk = decoder.checkIntegrity();

  const developer = new DeveloperFieldResolver();
  const developerValues = new WeakMap<object, Map<string, number>>();
  let fileManufacturer: string | null = null;
  const onMessage = (mesgNum: number, mesg: Mesg) => {
    const m = asMessage(mesg);
    if (mesgNum === FILE_ID) {
      fileManufacturer ??= enumName(m.manufacturer);
    } else if (mesgNum === DEVELOPER_DATA_ID) {
      const index = num(m.developerDataIndex);
      if (index !== null)
        developer.onDeveloperDataId(index, applicationUuid(bytesOf(m.applicationId)), fileManufacturer);
    } else if (mesgNum === FIELD_DESCRIPTION) {
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
    } else if (mesgNum === RECORD && m.developerFields !== undefined) {
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
  return { file: narrowFile(asMessage(messages), developerValues), damage };
}

type Message = Readonly<Record<string, unknown>>;

function narrowFile(messages: Message, developerValues: WeakMap<object, Map<string, number>>): FitFile {
  const fileId = list(messages.fileIdMesgs)[0];
  const records = list(messages.recordMesgs);
  return {
    fileType: fileId === undefined ? null : enumName(fileId.type),
    device: readDevice(fileId, list(messages.deviceInfoMesgs), list(messages.fileCreatorMesgs)[0]),
    fallbackSport: enumName(list(messages.sportMesgs)[0]?.sport) ?? recordsSport(records),
    sessions: list(messages.sessionMesgs).map(readSession),
    records: records.map((r) => readRecord(r, developerValues.get(r))),
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

/** For files without a session: what most records' activity_type says, when they say it. */
function recordsSport(records: readonly Message[]): string | null {
  const counts = new Map<string, number>();
  for (const r of records) {
    const type = enumName(r.activityType);
    if (type !== null) counts.set(type, (counts.get(type) ?? 0) + 1);
  }
  const [top] = [...counts].sort((a, b) => b[1] - a[1]);
  return top !== undefined && top[1] * 2 > records.length ? top[0] : null;
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
