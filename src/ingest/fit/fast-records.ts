import { Profile, type ProfileField } from '@garmin/fitsdk';
import { NATIVE_RECORD_FIELDS } from './channel-map.js';
import type { FitHeader } from './damage.js';
import { type DeveloperFieldResolver, developerValue, type KnownDeveloperField } from './developer-fields.js';
import { FIT_EPOCH_S, MESG_NUM } from './protocol.js';
import type { RecordTableBuilder } from './record-table.js';

/*
 * Keel's own reader of record messages: one DataView pass over the file, field definitions from the SDK's
 * profile, values straight into the record table; the other messages Keel reads are left to the SDK. It
 * reads only what it can read exactly as the SDK does: anything else is a reason for the SDK to read the
 * whole file, and the differential tests hold it to the SDK value for value.
 */

// Messages that change how developer fields read: file_id names the maker for recorder-written fields.
const DEVELOPER_CONTEXT = new Set<number>([
  MESG_NUM.fileId,
  MESG_NUM.developerDataId,
  MESG_NUM.fieldDescription,
]);

/** FIT base types (protocol §4.2.1): size and invalid value; 64-bit ones come out as BigInt from the SDK. */
const BASE_TYPES: Readonly<Record<number, { name: string; size: number; invalid: number }>> = {
  0: { name: 'enum', size: 1, invalid: 0xff },
  1: { name: 'sint8', size: 1, invalid: 0x7f },
  2: { name: 'uint8', size: 1, invalid: 0xff },
  3: { name: 'sint16', size: 2, invalid: 0x7fff },
  4: { name: 'uint16', size: 2, invalid: 0xffff },
  5: { name: 'sint32', size: 4, invalid: 0x7fffffff },
  6: { name: 'uint32', size: 4, invalid: 0xffffffff },
  7: { name: 'string', size: 1, invalid: 0x00 },
  8: { name: 'float32', size: 4, invalid: 0xffffffff },
  9: { name: 'float64', size: 8, invalid: 2 ** 64 },
  10: { name: 'uint8z', size: 1, invalid: 0x00 },
  11: { name: 'uint16z', size: 2, invalid: 0x0000 },
  12: { name: 'uint32z', size: 4, invalid: 0x00000000 },
  13: { name: 'byte', size: 1, invalid: 0xff },
  14: { name: 'sint64', size: 8, invalid: Number.NaN },
  15: { name: 'uint64', size: 8, invalid: Number.NaN },
  16: { name: 'uint64z', size: 8, invalid: Number.NaN },
};
const NOT_A_NUMBER = new Set([0x07, 0x0e, 0x0f, 0x10]);

const RECORD_FIELDS: Readonly<Record<number, ProfileField>> = Profile.messages[MESG_NUM.record]?.fields ?? {};
const WANTED = new Set([...NATIVE_RECORD_FIELDS, 'timestamp', 'activityType']);
const BASE_TYPE_BY_NAME = new Map(Object.entries(BASE_TYPES).map(([number, t]) => [t.name, Number(number)]));

/** Reads one value; the base type is known to be numeric and to fit. */
function readRaw(view: DataView, at: number, baseType: number, little: boolean): number {
  switch (baseType) {
    case 0x01:
      return view.getInt8(at);
    case 0x03:
      return view.getInt16(at, little);
    case 0x04:
    case 0x0b:
      return view.getUint16(at, little);
    case 0x05:
      return view.getInt32(at, little);
    case 0x06:
    case 0x0c:
      return view.getUint32(at, little);
    case 0x08:
      return view.getFloat32(at, little);
    case 0x09:
      return view.getFloat64(at, little);
    default:
      return view.getUint8(at);
  }
}

/** One native field of a record definition that Keel keeps, or that expands into one Keel keeps. */
interface NativeReader {
  at: number;
  baseType: number;
  invalid: number;
  /** The field it fills (the component's target for an expansion). */
  name: string;
  scale: number;
  offset: number;
  /** For a component expanded into another field: that field's scale, offset and invalid value. */
  target?: { scale: number; offset: number; invalid: number };
}

interface RecordDefinition {
  little: boolean;
  time: NativeReader | null;
  activityType: NativeReader | null;
  /** Direct reads first, component expansions after: the SDK's expansions overwrite what was read. */
  values: NativeReader[];
  developer: DeveloperFieldDefinition[];
  /** The table slots of `values`, taken on the first read. */
  slots: number[] | null;
  developerPlan: { context: number; readers: DeveloperReader[] } | null;
}

interface DeveloperFieldDefinition {
  at: number;
  fieldNumber: number;
  size: number;
  developerDataIndex: number;
}

interface DeveloperReader {
  at: number;
  baseType: number;
  invalid: number;
  key: number;
  slot: number;
  field: KnownDeveloperField;
}

/** A field description as the SDK keeps it to read developer fields. */
interface LayoutField {
  fieldNumber: number | null;
  baseType: number;
  key: number;
}

interface Definition {
  global: number;
  /** Bytes of a data message after its header byte. */
  size: number;
  hasDeveloperFields: boolean;
  record: RecordDefinition | null;
}

interface RecordAt {
  /** Byte of its first field. */
  at: number;
  definition: RecordDefinition;
  /** How many file_id, developer_data_id and field_description messages precede it. */
  developerContext: number;
}

/** What the first pass found: the bytes the SDK still has to read, and where each record is. */
export interface FitScan {
  /** The messages for the SDK with their definitions, in file order, then two bytes for its data-only CRC. */
  otherMessages: Uint8Array;
  records: readonly RecordAt[];
}

/**
 * The first pass: walks every message header and definition, and copies for the SDK the messages of
 * `forSdk` (and any carrying developer fields) with their definitions; Keel reads nothing else. Returns
 * why the fast path cannot read the file exactly as the SDK would, when it cannot.
 */
export function scanFit(bytes: Uint8Array, header: FitHeader, forSdk: ReadonlySet<number>): FitScan | string {
  if (bytes.length < header.declaredLength) return 'the file is shorter than its header says';
  if (bytes.length > header.declaredLength)
    return 'more bytes follow the data its header declares (chained FIT files?)';
  if (!crcOk(bytes, header)) return 'the CRC check failed';
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const end = header.headerSize + header.dataSize;
  const others = new Uint8Array(header.dataSize + 2);
  let othersLength = 0;
  const copy = (from: number, to: number) => {
    others.set(bytes.subarray(from, to), othersLength);
    othersLength += to - from;
  };
  // A message with developer fields goes too, whatever it is: the SDK may fail on one, and then so must Keel.
  const toSdk = ({ global, hasDeveloperFields, record }: Definition) =>
    record === null && (forSdk.has(global) || DEVELOPER_CONTEXT.has(global) || hasDeveloperFields);
  const definitions: (Definition | undefined)[] = [];
  // Some devices (Suunto) repeat the same definition before nearly every record: parse each kind once.
  const parsed = new Map<string, Definition>();
  const records: RecordAt[] = [];
  let developerContext = 0;
  let at = header.headerSize;
  while (at < end) {
    const start = at;
    const recordHeader = bytes[at++] ?? 0;
    if (recordHeader & 0x80) return 'compressed-timestamp headers, which the SDK cannot read';
    if (recordHeader & 0x40) {
      const hasDeveloperFields = (recordHeader & 0x20) !== 0;
      const next = definitionEnd(bytes, at, hasDeveloperFields);
      if (next > end) return `a definition at byte ${start} runs past the end of the data`;
      const key = String.fromCharCode(recordHeader & 0x20, ...bytes.subarray(at, next));
      const definition = parsed.get(key) ?? parseDefinition(view, at, hasDeveloperFields);
      if (typeof definition === 'string') return definition;
      parsed.set(key, definition);
      definitions[recordHeader & 0x0f] = definition;
      at = next;
      if (toSdk(definition)) copy(start, at);
      continue;
    }
    const definition = definitions[recordHeader & 0x0f];
    if (definition === undefined) return `a data message at byte ${start} has no definition`;
    at += definition.size;
    if (at > end) return `a message at byte ${start} runs past the end of the data`;
    if (definition.record !== null) {
      records.push({ at: start + 1, definition: definition.record, developerContext });
      continue;
    }
    if (definition.global === MESG_NUM.hr)
      return 'hr messages, whose heart rates the SDK merges into records';
    if (DEVELOPER_CONTEXT.has(definition.global)) developerContext++;
    if (toSdk(definition)) copy(start, at);
  }
  return { otherMessages: others.subarray(0, othersLength + 2), records };
}

/** FIT's CRC-16 (protocol §3.3.2) a byte at a time; the SDK's runs a nibble at a time, several times slower. */
const CRC_TABLE = Uint16Array.from({ length: 256 }, (_, byte) => {
  let crc = byte;
  for (let bit = 0; bit < 8; bit++) crc = crc & 1 ? (crc >>> 1) ^ 0xa001 : crc >>> 1;
  return crc;
});

function crc16(bytes: Uint8Array, from: number, to: number): number {
  let crc = 0;
  for (let i = from; i < to; i++) crc = (crc >>> 8) ^ (CRC_TABLE[(crc ^ (bytes[i] ?? 0)) & 0xff] ?? 0);
  return crc;
}

/** The SDK's integrity check: the header's own CRC when it has one that is not zero, and the file's. */
function crcOk(bytes: Uint8Array, { headerSize, dataSize }: FitHeader): boolean {
  const read16 = (at: number) => (bytes[at] ?? 0) | ((bytes[at + 1] ?? 0) << 8);
  const headerCrc = headerSize === 14 ? read16(12) : 0;
  if (headerCrc !== 0 && headerCrc !== crc16(bytes, 0, 12)) return false;
  return read16(headerSize + dataSize) === crc16(bytes, 0, headerSize + dataSize);
}

/** Where a definition message starting at `from` (after its header byte) ends; past `bytes` if it is cut. */
function definitionEnd(bytes: Uint8Array, from: number, hasDeveloperFields: boolean): number {
  const fieldsEnd = from + 5 + 3 * (bytes[from + 4] ?? bytes.length);
  return hasDeveloperFields ? fieldsEnd + 1 + 3 * (bytes[fieldsEnd] ?? bytes.length) : fieldsEnd;
}

/** A definition message known to be whole, or why its records cannot take the fast path. */
function parseDefinition(view: DataView, from: number, hasDeveloperFields: boolean): Definition | string {
  const little = view.getUint8(from + 1) === 0;
  const global = view.getUint16(from + 2, little);
  let at = from + 5;
  let size = 0;
  const fields: FieldDefinition[] = [];
  for (let i = view.getUint8(from + 4); i > 0; i--, at += 3) {
    const baseType = view.getUint8(at + 2) & 0x1f;
    if (BASE_TYPES[baseType] === undefined) return `unknown base type ${baseType} at byte ${at + 2}`;
    fields.push({ number: view.getUint8(at), size: view.getUint8(at + 1), baseType, at: size });
    size += view.getUint8(at + 1);
  }
  const developer: DeveloperFieldDefinition[] = [];
  if (hasDeveloperFields) {
    for (let i = view.getUint8(at++); i > 0; i--, at += 3) {
      const fieldSize = view.getUint8(at + 1);
      developer.push({
        at: size,
        fieldNumber: view.getUint8(at),
        size: fieldSize,
        developerDataIndex: view.getUint8(at + 2),
      });
      size += fieldSize;
    }
  }
  if (global !== MESG_NUM.record)
    return { global, size, hasDeveloperFields: developer.length > 0, record: null };
  const readers = nativeReaders(fields);
  if (typeof readers === 'string') return readers;
  const record: RecordDefinition = {
    little,
    time: readers.find((r) => r.name === 'timestamp') ?? null,
    activityType: readers.find((r) => r.name === 'activityType') ?? null,
    values: readers.filter((r) => r.name !== 'timestamp' && r.name !== 'activityType'),
    developer,
    slots: null,
    developerPlan: null,
  };
  return { global, size, hasDeveloperFields: developer.length > 0, record };
}

interface FieldDefinition {
  number: number;
  size: number;
  baseType: number;
  /** Offset within the message's fields. */
  at: number;
}

/**
 * The readers of a record definition's fields that Keel keeps, direct ones first, or why they cannot be read
 * exactly as the SDK does: a field stored with another base type or size than the profile's, a component
 * the SDK would unpack from bits, or an accumulated field the SDK fails on.
 */
function nativeReaders(fields: readonly FieldDefinition[]): NativeReader[] | string {
  const direct: NativeReader[] = [];
  const expanded: NativeReader[] = [];
  for (const field of fields) {
    const profile = RECORD_FIELDS[field.number];
    if (profile === undefined) continue;
    const num = String(field.number);
    if (profile.isAccumulated && fields.some((f) => f.at < field.at && componentsOf(f).includes(num)))
      return `record field ${profile.name} follows a field that accumulates into it, which the SDK fails on`;
    const targets = profile.components.map((c) => RECORD_FIELDS[Number(c)]);
    const wanted = targets.filter((t): t is ProfileField => t !== undefined && WANTED.has(t.name));
    if (!WANTED.has(profile.name) && wanted.length === 0) continue;
    const baseType = BASE_TYPES[field.baseType];
    if (baseType === undefined || baseType.name !== profile.baseType || field.size !== baseType.size)
      return `record field ${profile.name} is stored as ${field.size} bytes of ${baseType?.name}`;
    if (profile.subFields.length > 0) return `record field ${profile.name} has sub-fields`;
    if (!['timestamp', 'activityType'].includes(profile.name) && profile.type !== profile.baseType)
      return `record field ${profile.name} is of type ${profile.type}`;
    const read = { at: field.at, baseType: field.baseType, invalid: baseType.invalid };
    const scaled = { scale: first(profile.scale), offset: first(profile.offset) };
    if (WANTED.has(profile.name)) direct.push({ ...read, ...scaled, name: profile.name });
    for (const target of wanted) {
      if (targets.length !== 1 || profile.bits[0] !== 8 * field.size || target.hasComponents)
        return `record field ${profile.name} packs ${target.name} in a way the fast path does not unpack`;
      const targetInvalid = BASE_TYPES[BASE_TYPE_BY_NAME.get(target.baseType) ?? -1]?.invalid;
      if (targetInvalid === undefined) return `record field ${target.name} has base type ${target.baseType}`;
      expanded.push({
        ...read,
        ...scaled,
        name: target.name,
        target: { scale: first(target.scale), offset: first(target.offset), invalid: targetInvalid },
      });
    }
  }
  return [...direct, ...expanded];
}

function componentsOf(field: FieldDefinition): readonly string[] {
  return RECORD_FIELDS[field.number]?.components ?? [];
}

/** The profile gives a component's scale and offset as one-element arrays. */
function first(value: number | number[]): number {
  return Array.isArray(value) ? (value[0] ?? 1) : value;
}

/**
 * The second pass: decodes the records found by the scan into the table, in step with the SDK reading the
 * other messages, so that each record's developer fields are read with the definitions in force where it
 * sits in the file.
 */
export class FastRecordReader {
  readonly #view: DataView;
  readonly #records: readonly RecordAt[];
  readonly #table: RecordTableBuilder;
  readonly #developer: DeveloperFieldResolver;
  /** The SDK's developer fields by developer data index, mirrored to read them as it does. */
  readonly #layout = new Map<number, LayoutField[]>();
  #next = 0;
  /** Developer context messages the SDK has handed over so far. */
  #context = 0;
  /** Raw activity_type values of the records and how many records have each. */
  readonly activityTypes = new Map<number, number>();

  constructor(
    bytes: Uint8Array,
    scan: FitScan,
    table: RecordTableBuilder,
    developer: DeveloperFieldResolver,
  ) {
    this.#view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    this.#records = scan.records;
    this.#table = table;
    this.#developer = developer;
  }

  /** As the SDK's decoder: a developer data id starts an empty field list for its index. */
  onDeveloperDataId(developerDataIndex: number | null): void {
    if (developerDataIndex !== null && developerDataIndex !== 0xff) this.#layout.set(developerDataIndex, []);
  }

  onFieldDescription(field: LayoutField & { developerDataIndex: number | null }): void {
    const fields = field.developerDataIndex === null ? undefined : this.#layout.get(field.developerDataIndex);
    fields?.push({ fieldNumber: field.fieldNumber, baseType: field.baseType & 0x1f, key: field.key });
  }

  /**
   * Called as the SDK hands over each other message, in file order: reads the records that precede it when
   * it may change how developer fields read. Returns why a record cannot be read as the SDK would, if so.
   */
  beforeMessage(mesgNum: number): string | null {
    return DEVELOPER_CONTEXT.has(mesgNum) ? this.readUntil(this.#context++) : null;
  }

  /** Reads the records preceding developer context message number `context`; Infinity reads the rest. */
  readUntil(context: number): string | null {
    for (let record = this.#records[this.#next]; record !== undefined; record = this.#records[++this.#next]) {
      if (record.developerContext > context) break;
      const problem = this.#read(record);
      if (problem !== null) return problem;
    }
    return null;
  }

  #read({ at, definition, developerContext }: RecordAt): string | null {
    const view = this.#view;
    const table = this.#table;
    const { little, time, activityType } = definition;
    const rawTime = time === null ? Number.NaN : readRaw(view, at + time.at, time.baseType, little);
    table.add(rawTime === time?.invalid || Number.isNaN(rawTime) ? Number.NaN : rawTime + FIT_EPOCH_S);
    if (activityType !== null) {
      const raw = readRaw(view, at + activityType.at, activityType.baseType, little);
      if (raw !== activityType.invalid) this.activityTypes.set(raw, (this.activityTypes.get(raw) ?? 0) + 1);
    }
    definition.slots ??= definition.values.map((r) => table.slot(r.name));
    const { values, slots } = definition;
    for (let i = 0; i < values.length; i++) {
      const r = values[i] as NativeReader;
      const raw = readRaw(view, at + r.at, r.baseType, little);
      if (raw === r.invalid) continue;
      const value = raw / r.scale - r.offset;
      const { target } = r;
      // An expanded value whose raw form in the target's units is the target's invalid value is the SDK's null.
      const empty = target !== undefined && (value + target.offset) * target.scale === target.invalid;
      table.set(slots[i] ?? -1, empty ? Number.NaN : value);
    }
    if (definition.developer.length === 0) return null;
    const readers = this.#developerReaders(definition, developerContext);
    if (typeof readers === 'string') return readers;
    for (const r of readers) {
      const raw = readRaw(view, at + r.at, r.baseType, little);
      if (raw !== r.invalid && Number.isFinite(raw)) table.set(r.slot, developerValue(r.field, raw));
    }
    return null;
  }

  /**
   * The developer fields of a definition that Keel keeps, in the SDK's key order (later keys win when two
   * name the same source), for the layout in force at `context`.
   */
  #developerReaders(definition: RecordDefinition, context: number): DeveloperReader[] | string {
    if (definition.developerPlan?.context === context) return definition.developerPlan.readers;
    const readers: DeveloperReader[] = [];
    const keys = new Set<number>();
    for (const f of definition.developer) {
      const layout = this.#layout.get(f.developerDataIndex)?.find((l) => l.fieldNumber === f.fieldNumber);
      if (layout === undefined) continue;
      const baseType = BASE_TYPES[layout.baseType];
      if (baseType === undefined) return `developer field of unknown base type ${layout.baseType}`;
      if (keys.has(layout.key)) return 'a developer field appears twice in one record';
      keys.add(layout.key);
      const field = this.#developer.field(layout.key);
      // Arrays, strings and 64-bit values come out of the SDK as no number, and Keel drops them.
      if (field === undefined || f.size !== baseType.size || NOT_A_NUMBER.has(layout.baseType)) continue;
      readers.push({
        at: f.at,
        baseType: layout.baseType,
        invalid: baseType.invalid,
        key: layout.key,
        slot: this.#table.slot(field.source),
        field,
      });
    }
    readers.sort((a, b) => a.key - b.key);
    definition.developerPlan = { context, readers };
    return readers;
  }
}
