import { sql } from 'drizzle-orm';
import {
  boolean,
  check,
  customType,
  date,
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
import type { ExerciseLog } from '../coach/program/types.js';
import type { Equipment } from '../coach/types.js';
import type { DeviceInfo } from '../domain/activity.js';
import type { RedFlagAnswers } from '../domain/pain.js';

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

/**
 * A pain report, attached to a run or to a day, with Keel's triage of it at the time it was made. A report whose
 * triage said "stop" is an open red flag until `cleared_at` (a clinician said it is fine to run again), and every
 * plan and progression reads that.
 */
export const painReport = pgTable(
  'pain_report',
  {
    id: uuid('id').primaryKey(),
    athleteId: uuid('athlete_id')
      .notNull()
      .references(() => athlete.id, { onDelete: 'cascade' }),
    /** The run it happened on; a report outlives its run (kept by date) if the run is ever deleted. */
    activityId: uuid('activity_id').references(() => activity.id, { onDelete: 'set null' }),
    /** The runner's local date of the run or of the pain. */
    date: date('date', { mode: 'string' }).notNull(),
    region: text('region').notNull(),
    side: text('side').notNull(),
    aspect: text('aspect'),
    /** distance | time | during | after; see PainOnset. */
    onsetKind: text('onset_kind').notNull(),
    onsetM: doublePrecision('onset_m'),
    onsetS: doublePrecision('onset_s'),
    severity: smallint('severity').notNull(),
    character: text('character'),
    action: text('action'),
    nextMorningSeverity: smallint('next_morning_severity'),
    redFlags: jsonb('red_flags').$type<RedFlagAnswers>().notNull().default({}),
    note: text('note'),
    /** stop | modify | monitor, and the rules that fired, as triaged when the report was made or last edited. */
    triageLevel: text('triage_level').notNull(),
    triage: jsonb('triage').$type<unknown>().notNull(),
    clearedAt: timestamp('cleared_at', { withTimezone: true, mode: 'date' }),
    clearedNote: text('cleared_note'),
    /** Where it came from, so importing the same training log again adds nothing: e.g. "log:<row hash>". */
    sourceKey: text('source_key'),
    createdAt: createdAt(),
  },
  (t) => [
    index('pain_report_athlete_date_idx').on(t.athleteId, t.date),
    index('pain_report_activity_idx').on(t.activityId),
    uniqueIndex('pain_report_source_uq').on(t.athleteId, t.sourceKey),
    check('pain_report_severity_range', sql`${t.severity} between 0 and 10`),
    check(
      'pain_report_morning_range',
      sql`${t.nextMorningSeverity} is null or ${t.nextMorningSeverity} between 0 and 10`,
    ),
  ],
);

/** One benchmark test result: a test, a day, a side (null for tests not done per side) and the value in its unit. */
export const benchmarkResult = pgTable(
  'benchmark_result',
  {
    id: uuid('id').primaryKey(),
    athleteId: uuid('athlete_id')
      .notNull()
      .references(() => athlete.id, { onDelete: 'cascade' }),
    testId: text('test_id').notNull(),
    takenOn: date('taken_on', { mode: 'string' }).notNull(),
    side: text('side', { enum: ['left', 'right'] }),
    value: doublePrecision('value').notNull(),
    note: text('note'),
    createdAt: createdAt(),
  },
  (t) => [
    index('benchmark_result_athlete_idx').on(t.athleteId, t.takenOn),
    check('benchmark_result_value_nonnegative', sql`${t.value} >= 0`),
  ],
);

/** What the athlete can give the program; one row per athlete, absent until they save their own settings. */
export const programSettings = pgTable(
  'program_settings',
  {
    athleteId: uuid('athlete_id')
      .primaryKey()
      .references(() => athlete.id, { onDelete: 'cascade' }),
    sessionsPerWeek: smallint('sessions_per_week').notNull(),
    minutesPerSession: smallint('minutes_per_session').notNull(),
    equipment: jsonb('equipment').$type<Equipment[]>().notNull().default([]),
    updatedAt: timestamp('updated_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
  },
  (t) => [
    check('program_settings_sessions_range', sql`${t.sessionsPerWeek} between 1 and 7`),
    check('program_settings_minutes_range', sql`${t.minutesPerSession} between 5 and 180`),
  ],
);

/**
 * A logged program session. The exercises are one document (what was done of each, as the athlete said it): the
 * progression rules replay every log in date order, so the log is the source of truth and no dose is stored.
 */
export const programSession = pgTable(
  'program_session',
  {
    id: uuid('id').primaryKey(),
    athleteId: uuid('athlete_id')
      .notNull()
      .references(() => athlete.id, { onDelete: 'cascade' }),
    performedOn: date('performed_on', { mode: 'string' }).notNull(),
    label: text('label'),
    exercises: jsonb('exercises').$type<ExerciseLog[]>().notNull(),
    painNextMorning: smallint('pain_next_morning'),
    note: text('note'),
    createdAt: createdAt(),
  },
  (t) => [
    index('program_session_athlete_idx').on(t.athleteId, t.performedOn),
    check(
      'program_session_morning_range',
      sql`${t.painNextMorning} is null or ${t.painNextMorning} between 0 and 10`,
    ),
  ],
);

/** A race the athlete is working toward; several over time, the plan follows the next one to come. */
export const goalRace = pgTable(
  'goal_race',
  {
    id: uuid('id').primaryKey(),
    athleteId: uuid('athlete_id')
      .notNull()
      .references(() => athlete.id, { onDelete: 'cascade' }),
    name: text('name'),
    distanceM: doublePrecision('distance_m').notNull(),
    raceDate: date('race_date', { mode: 'string' }).notNull(),
    surface: text('surface', { enum: ['road', 'trail', 'track', 'mixed'] })
      .notNull()
      .default('road'),
    createdAt: createdAt(),
  },
  (t) => [
    index('goal_race_athlete_idx').on(t.athleteId, t.raceDate),
    check('goal_race_distance_positive', sql`${t.distanceM} > 0`),
  ],
);

/**
 * A plan as it was made, kept so the next re-plan can say what changed and why. The plan itself is derived (from
 * runs, pain, form, program and benchmarks); a snapshot is written only when a re-plan differs from the last one.
 */
export const planSnapshot = pgTable(
  'plan_snapshot',
  {
    id: uuid('id').primaryKey(),
    goalId: uuid('goal_id')
      .notNull()
      .references(() => goalRace.id, { onDelete: 'cascade' }),
    madeOn: date('made_on', { mode: 'string' }).notNull(),
    /** What prompted it, in words: "new goal", "after the run of 2026-12-03", "after a pain report". */
    trigger: text('trigger').notNull(),
    plan: jsonb('plan').$type<unknown>().notNull(),
    createdAt: createdAt(),
  },
  (t) => [index('plan_snapshot_goal_idx').on(t.goalId, t.createdAt)],
);

export type AthleteRow = typeof athlete.$inferSelect;
export type ActivityRow = typeof activity.$inferSelect;
export type NewActivityRow = typeof activity.$inferInsert;
export type ActivitySourceRow = typeof activitySource.$inferSelect;
export type PainReportRow = typeof painReport.$inferSelect;
export type NewPainReportRow = typeof painReport.$inferInsert;
export type BenchmarkResultRow = typeof benchmarkResult.$inferSelect;
export type NewBenchmarkResultRow = typeof benchmarkResult.$inferInsert;
export type ProgramSettingsRow = typeof programSettings.$inferSelect;
export type ProgramSessionRow = typeof programSession.$inferSelect;
export type NewProgramSessionRow = typeof programSession.$inferInsert;
export type GoalRaceRow = typeof goalRace.$inferSelect;
export type NewGoalRaceRow = typeof goalRace.$inferInsert;
export type PlanSnapshotRow = typeof planSnapshot.$inferSelect;
