import { z } from 'zod';
import { EQUIPMENT } from '../../coach/types.js';
import { isCalendarDate } from '../../domain/time.js';

/**
 * The Keel export format, version 1 (docs/export-format.md): gzip-compressed NDJSON, a header line, one line per
 * stored row in table order, and an end line. The schemas here read every version this Keel understands; a newer
 * version adds its reader beside these rather than changing them.
 */
export const EXPORT_FORMAT = 'keel-export';
export const EXPORT_FORMAT_VERSION = 1;

/** What a file must start with, for `keel import` to recognise an export by its content. */
export const EXPORT_SIGNATURE = `{"format":"${EXPORT_FORMAT}"`;

const timestamp = z
  .string()
  .regex(
    /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,6})?Z$/,
    'an ISO 8601 UTC time like 2026-03-01T07:12:03.123456Z',
  )
  .refine((text) => !Number.isNaN(Date.parse(text)), 'not a real time');
const calendarDate = z.string().refine(isCalendarDate, 'a date as YYYY-MM-DD');
const id = z.guid('an id like 3f2a9c1e-…');
const int = z.number().int();
const json = z.json();
/** A stored JSON document, carried verbatim: its shape belongs to the module that made it, not to the format. */
const document = z.record(z.string(), json);

/** The tables in the order an export lists them: every row comes after the rows it refers to. */
export const RECORD_TYPES = [
  'athlete',
  'programSettings',
  'activity',
  'activitySource',
  'activityStream',
  'painReport',
  'benchmarkResult',
  'programSession',
  'goalRace',
  'planSnapshot',
] as const;
export type RecordType = (typeof RECORD_TYPES)[number];

export const exportHeader = z.object({
  format: z.literal(EXPORT_FORMAT),
  formatVersion: int.positive(),
  keelVersion: z.string(),
  exportedAt: timestamp,
  /** "database": every athlete; "athlete": the athletes named in `counts.athlete`. */
  scope: z.enum(['database', 'athlete']),
  counts: z.record(z.enum(RECORD_TYPES), int.nonnegative()),
});
export type ExportHeader = z.infer<typeof exportHeader>;

const athleteData = z.object({
  id,
  name: z.string(),
  units: z.enum(['metric', 'imperial']),
  birthYear: int.nullable(),
  sex: z.enum(['female', 'male']).nullable(),
  isDemo: z.boolean(),
  createdAt: timestamp,
});

const programSettingsData = z.object({
  athleteId: id,
  sessionsPerWeek: int,
  minutesPerSession: int,
  equipment: z.array(z.enum(EQUIPMENT)),
  updatedAt: timestamp,
});

const activityData = z.object({
  id,
  athleteId: id,
  sourceFormat: z.string(),
  sourceFileName: z.string(),
  sourceHash: z.string(),
  sourceSessionIndex: int,
  importedAt: timestamp,
  name: z.string().nullable(),
  device: z
    .looseObject({
      manufacturer: z.string().nullable(),
      product: z.string().nullable(),
      softwareVersion: z.string().nullable(),
    })
    .nullable(),
  sport: z.string(),
  subSport: z.string(),
  startTime: timestamp,
  utcOffsetMin: int.nullable(),
  elapsedS: z.number(),
  movingS: z.number(),
  distanceM: z.number(),
  ascentM: z.number().nullable(),
  descentM: z.number().nullable(),
  avgSpeedMps: z.number().nullable(),
  maxSpeedMps: z.number().nullable(),
  avgHeartRateBpm: z.number().nullable(),
  maxHeartRateBpm: z.number().nullable(),
  avgCadenceSpm: z.number().nullable(),
  maxCadenceSpm: z.number().nullable(),
  avgPowerW: z.number().nullable(),
  maxPowerW: z.number().nullable(),
  channels: z.array(z.string()),
  channelSources: z.record(z.string(), z.string()),
});

const activitySourceData = z.object({
  id,
  activityId: id,
  athleteId: id,
  format: z.string(),
  fileName: z.string(),
  fileHash: z.string(),
  sessionIndex: int,
  isPrimary: z.boolean(),
  startTime: timestamp,
  distanceM: z.number(),
  elapsedS: z.number(),
  channels: z.array(z.string()),
  importedAt: timestamp,
});

export const STREAM_ENCODINGS = { float32le: 4, float64le: 8 } as const;

const activityStreamData = z.object({
  activityId: id,
  athleteId: id,
  createdAt: timestamp,
  sampleCount: int.nonnegative(),
  channels: z.array(
    z.object({
      name: z.string().regex(/^[\x20-\x7e]{1,255}$/, 'a channel name of printable ASCII'),
      encoding: z.enum(['float32le', 'float64le']),
      /** The samples as little-endian IEEE 754 values, base64 (RFC 4648 with padding). */
      values: z.base64(),
    }),
  ),
});

const painReportData = z.object({
  id,
  athleteId: id,
  activityId: id.nullable(),
  date: calendarDate,
  region: z.string(),
  side: z.string(),
  aspect: z.string().nullable(),
  onsetKind: z.string(),
  onsetM: z.number().nullable(),
  onsetS: z.number().nullable(),
  severity: int.min(0).max(10),
  character: z.string().nullable(),
  action: z.string().nullable(),
  nextMorningSeverity: int.min(0).max(10).nullable(),
  redFlags: z.record(z.string(), z.boolean()),
  note: z.string().nullable(),
  triageLevel: z.string(),
  triage: document,
  clearedAt: timestamp.nullable(),
  clearedNote: z.string().nullable(),
  sourceKey: z.string().nullable(),
  createdAt: timestamp,
});

const benchmarkResultData = z.object({
  id,
  athleteId: id,
  testId: z.string(),
  takenOn: calendarDate,
  side: z.enum(['left', 'right']).nullable(),
  value: z.number().nonnegative(),
  note: z.string().nullable(),
  createdAt: timestamp,
});

const programSessionData = z.object({
  id,
  athleteId: id,
  performedOn: calendarDate,
  label: z.string().nullable(),
  exercises: z.array(
    z.looseObject({
      exerciseId: z.string(),
      setsDone: z.number(),
      achieved: z.number(),
      rpe: z.number(),
      painDuring: z.number(),
      goodForm: z.boolean(),
    }),
  ),
  painNextMorning: int.min(0).max(10).nullable(),
  note: z.string().nullable(),
  createdAt: timestamp,
});

const goalRaceData = z.object({
  id,
  athleteId: id,
  name: z.string().nullable(),
  distanceM: z.number().positive(),
  raceDate: calendarDate,
  surface: z.enum(['road', 'trail', 'track', 'mixed']),
  createdAt: timestamp,
});

const planSnapshotData = z.object({
  id,
  goalId: id,
  madeOn: calendarDate,
  trigger: z.string(),
  plan: document,
  createdAt: timestamp,
});

export const exportRecord = z.discriminatedUnion('type', [
  z.object({ type: z.literal('athlete'), data: athleteData }),
  z.object({ type: z.literal('programSettings'), data: programSettingsData }),
  z.object({ type: z.literal('activity'), data: activityData }),
  z.object({ type: z.literal('activitySource'), data: activitySourceData }),
  z.object({ type: z.literal('activityStream'), data: activityStreamData }),
  z.object({ type: z.literal('painReport'), data: painReportData }),
  z.object({ type: z.literal('benchmarkResult'), data: benchmarkResultData }),
  z.object({ type: z.literal('programSession'), data: programSessionData }),
  z.object({ type: z.literal('goalRace'), data: goalRaceData }),
  z.object({ type: z.literal('planSnapshot'), data: planSnapshotData }),
  /** The last line: a file without it was cut short. */
  z.object({ type: z.literal('end') }),
]);
export type ExportRecord = z.infer<typeof exportRecord>;
export type StreamRecordData = z.infer<typeof activityStreamData>;
