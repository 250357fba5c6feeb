import { sql } from 'drizzle-orm';
import {
  boolean,
  customType,
  doublePrecision,
  index,
  integer,
  jsonb,
  pgTable,
  smallint,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import type { DeviceInfo } from '../domain/activity.js';

/** Raw bytes; PGlite hands back Uint8Array and node-postgres a Buffer (also a Uint8Array). */
const bytea = customType<{ data: Uint8Array; driverData: Uint8Array }>({
  dataType: () => 'bytea',
});

const createdAt = () => timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow();

export const athlete = pgTable('athlete', {
  id: uuid('id').primaryKey(),
  name: text('name').notNull(),
  units: text('units', { enum: ['metric', 'imperial'] })
    .notNull()
    .default('metric'),
  birthYear: smallint('birth_year'),
  sex: text('sex', { enum: ['female', 'male'] }),
  isDemo: boolean('is_demo').notNull().default(false),
  createdAt: createdAt(),
});

export const activity = pgTable(
  'activity',
  {
    id: uuid('id').primaryKey(),
    athleteId: uuid('athlete_id')
      .notNull()
      .references(() => athlete.id, { onDelete: 'cascade' }),
    sourceFormat: text('source_format').notNull(),
    sourceFileName: text('source_file_name').notNull(),
    sourceHash: text('source_hash').notNull(),
    sourceSessionIndex: integer('source_session_index').notNull(),
    importedAt: timestamp('imported_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
    /** The runner's own title when a source has one (Strava's "Activity Name"). */
    name: text('name'),
    device: jsonb('device').$type<DeviceInfo>(),
    sport: text('sport').notNull(),
    subSport: text('sub_sport').notNull(),
    startTime: timestamp('start_time', { withTimezone: true, mode: 'date' }).notNull(),
    utcOffsetMin: integer('utc_offset_min'),
    elapsedS: doublePrecision('elapsed_s').notNull(),
    movingS: doublePrecision('moving_s').notNull(),
    distanceM: doublePrecision('distance_m').notNull(),
    ascentM: doublePrecision('ascent_m'),
    descentM: doublePrecision('descent_m'),
    avgSpeedMps: doublePrecision('avg_speed_mps'),
    maxSpeedMps: doublePrecision('max_speed_mps'),
    avgHeartRateBpm: doublePrecision('avg_heart_rate_bpm'),
    maxHeartRateBpm: doublePrecision('max_heart_rate_bpm'),
    avgCadenceSpm: doublePrecision('avg_cadence_spm'),
    maxCadenceSpm: doublePrecision('max_cadence_spm'),
    avgPowerW: doublePrecision('avg_power_w'),
    maxPowerW: doublePrecision('max_power_w'),
    channels: text('channels').array().notNull().default(sql`'{}'::text[]`),
    channelSources: jsonb('channel_sources').$type<Record<string, string>>().notNull().default({}),
  },
  (t) => [
    uniqueIndex('activity_source_uq').on(t.athleteId, t.sourceHash, t.sourceSessionIndex),
    index('activity_athlete_start_idx').on(t.athleteId, t.startTime),
  ],
);

/** One row per activity: every channel's samples, columnar, in one blob (see stream-codec.ts). */
export const activityStream = pgTable('activity_stream', {
  activityId: uuid('activity_id')
    .primaryKey()
    .references(() => activity.id, { onDelete: 'cascade' }),
  athleteId: uuid('athlete_id')
    .notNull()
    .references(() => athlete.id, { onDelete: 'cascade' }),
  codecVersion: smallint('codec_version').notNull(),
  sampleCount: integer('sample_count').notNull(),
  data: bytea('data').notNull(),
  createdAt: createdAt(),
});

/**
 * Every recording of a run Keel has seen: the one that provides the run's data (`is_primary`, also copied on the
 * activity row) and the others that turned out to be the same run (a Strava GPX of a watch's FIT), kept as
 * provenance. Re-importing a file already listed here adds nothing.
 */
export const activitySource = pgTable(
  'activity_source',
  {
    id: uuid('id').primaryKey(),
    activityId: uuid('activity_id')
      .notNull()
      .references(() => activity.id, { onDelete: 'cascade' }),
    athleteId: uuid('athlete_id')
      .notNull()
      .references(() => athlete.id, { onDelete: 'cascade' }),
    format: text('format').notNull(),
    fileName: text('file_name').notNull(),
    fileHash: text('file_hash').notNull(),
    sessionIndex: integer('session_index').notNull(),
    isPrimary: boolean('is_primary').notNull(),
    startTime: timestamp('start_time', { withTimezone: true, mode: 'date' }).notNull(),
    distanceM: doublePrecision('distance_m').notNull(),
    elapsedS: doublePrecision('elapsed_s').notNull(),
    channels: text('channels').array().notNull().default(sql`'{}'::text[]`),
    importedAt: timestamp('imported_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('activity_source_file_uq').on(t.athleteId, t.fileHash, t.sessionIndex),
    index('activity_source_activity_idx').on(t.activityId),
  ],
);

export type AthleteRow = typeof athlete.$inferSelect;
export type ActivityRow = typeof activity.$inferSelect;
export type NewActivityRow = typeof activity.$inferInsert;
export type ActivitySourceRow = typeof activitySource.$inferSelect;
