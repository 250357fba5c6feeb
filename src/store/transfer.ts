import {
  asc,
  type Column,
  getTableColumns,
  type InferInsertModel,
  type InferSelectModel,
  inArray,
  type SQL,
  sql,
} from 'drizzle-orm';
import type { PgTable, SelectedFields } from 'drizzle-orm/pg-core';
import type { Db } from './database.js';
import {
  activity,
  activitySource,
  activityStream,
  athlete,
  benchmarkResult,
  goalRace,
  painReport,
  planSnapshot,
  programSession,
  programSettings,
} from './schema.js';

/**
 * Whole tables in and out, for the full export and its re-import: every column as stored, timestamps to the
 * microsecond (a JavaScript Date keeps milliseconds, PostgreSQL keeps microseconds, and a lossless copy must not
 * round them).
 */
export const TRANSFER_TABLES = {
  athlete,
  programSettings,
  activity,
  activitySource,
  activityStream,
  painReport,
  benchmarkResult,
  programSession,
  goalRace,
  planSnapshot,
} as const;

export type TransferTable = keyof typeof TRANSFER_TABLES;

type Widen<V> = V extends Date ? string : V;
/** A row as it travels: timestamps as ISO 8601 UTC strings with microseconds ("…T07:12:03.123456Z"). */
export type TransferRow<T extends TransferTable> = {
  [K in keyof InferSelectModel<(typeof TRANSFER_TABLES)[T]>]: Widen<
    InferSelectModel<(typeof TRANSFER_TABLES)[T]>[K]
  >;
};

const isTimestamp = (column: Column) => column.columnType === 'PgTimestamp';

function transferColumns(table: PgTable): SelectedFields {
  return Object.fromEntries(
    Object.entries(getTableColumns(table)).map(([key, column]) => [
      key,
      isTimestamp(column)
        ? sql<string>`to_char(${column} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`.as(key)
        : column,
    ]),
  ) as SelectedFields;
}

/** The ids of every athlete, oldest first. */
export async function listAthleteIds(db: Db): Promise<string[]> {
  const rows = await db
    .select({ id: athlete.id })
    .from(athlete)
    .orderBy(asc(athlete.createdAt), asc(athlete.id));
  return rows.map((row) => row.id);
}

/** The athlete ids of these that are already stored. */
export async function existingAthleteIds(db: Db, ids: readonly string[]): Promise<Set<string>> {
  if (ids.length === 0) return new Set();
  const rows = await db
    .select({ id: athlete.id })
    .from(athlete)
    .where(inArray(athlete.id, [...ids]));
  return new Set(rows.map((row) => row.id));
}

/** The rows of a table that belong to these athletes, in a stable order (so two exports of one state are equal). */
export async function readTransferRows<T extends Exclude<TransferTable, 'activityStream'>>(
  db: Db,
  name: T,
  athleteIds: readonly string[],
): Promise<TransferRow<T>[]> {
  if (athleteIds.length === 0) return [];
  const ids = [...athleteIds];
  const table = TRANSFER_TABLES[name] as PgTable;
  const select = db.select(transferColumns(table)).from(table);
  // A plan snapshot belongs to its athlete through its goal.
  const rows =
    name === 'athlete'
      ? await select.where(inArray(athlete.id, ids)).orderBy(asc(athlete.createdAt), asc(athlete.id))
      : name === 'planSnapshot'
        ? await select
            .where(
              inArray(
                planSnapshot.goalId,
                db.select({ id: goalRace.id }).from(goalRace).where(inArray(goalRace.athleteId, ids)),
              ),
            )
            .orderBy(asc(planSnapshot.goalId), asc(planSnapshot.createdAt), asc(planSnapshot.id))
        : await select
            .where(inArray(sql`${table}.athlete_id`, ids))
            .orderBy(...orderOf(name as Exclude<T, 'athlete' | 'planSnapshot'>));
  return rows as TransferRow<T>[];
}

function orderOf(name: Exclude<TransferTable, 'athlete' | 'planSnapshot' | 'activityStream'>): SQL[] {
  switch (name) {
    case 'programSettings':
      return [sql`${programSettings.athleteId}`];
    case 'activity':
      return [sql`${activity.athleteId}`, sql`${activity.startTime}`, sql`${activity.id}`];
    case 'activitySource':
      return [sql`${activitySource.activityId}`, sql`${activitySource.id}`];
    case 'painReport':
      return [sql`${painReport.athleteId}`, sql`${painReport.date}`, sql`${painReport.id}`];
    case 'benchmarkResult':
      return [sql`${benchmarkResult.athleteId}`, sql`${benchmarkResult.takenOn}`, sql`${benchmarkResult.id}`];
    case 'programSession':
      return [
        sql`${programSession.athleteId}`,
        sql`${programSession.performedOn}`,
        sql`${programSession.id}`,
      ];
    case 'goalRace':
      return [sql`${goalRace.athleteId}`, sql`${goalRace.raceDate}`, sql`${goalRace.id}`];
  }
}

/** The stream rows of these runs, in the order of `activityIds`; read a few at a time, as they are large. */
export async function readStreamRows(
  db: Db,
  activityIds: readonly string[],
): Promise<TransferRow<'activityStream'>[]> {
  if (activityIds.length === 0) return [];
  const rows = (await db
    .select(transferColumns(activityStream))
    .from(activityStream)
    .where(inArray(activityStream.activityId, [...activityIds]))) as TransferRow<'activityStream'>[];
  const byId = new Map(rows.map((row) => [row.activityId, row]));
  return activityIds.flatMap((id) => byId.get(id) ?? []);
}

export async function countTransferRows(db: Db, name: TransferTable, athleteIds: readonly string[]) {
  if (athleteIds.length === 0) return 0;
  const ids = [...athleteIds];
  const table = TRANSFER_TABLES[name] as PgTable;
  const where =
    name === 'athlete'
      ? inArray(athlete.id, ids)
      : name === 'planSnapshot'
        ? inArray(
            planSnapshot.goalId,
            db.select({ id: goalRace.id }).from(goalRace).where(inArray(goalRace.athleteId, ids)),
          )
        : inArray(sql`${table}.athlete_id`, ids);
  const [row] = await db.select({ n: sql<number>`count(*)::int` }).from(table).where(where);
  return row?.n ?? 0;
}

/**
 * Inserts rows exactly as given (ids and timestamps included). Timestamps go in as text for PostgreSQL to parse,
 * so their microseconds survive.
 */
export async function insertTransferRows<T extends TransferTable>(
  db: Db,
  name: T,
  rows: readonly TransferRow<T>[],
): Promise<void> {
  if (rows.length === 0) return;
  const table = TRANSFER_TABLES[name] as PgTable;
  const timestampKeys = Object.entries(getTableColumns(table))
    .filter(([, column]) => isTimestamp(column))
    .map(([key]) => key);
  const values = rows.map((row) => {
    const value: Record<string, unknown> = { ...row };
    for (const key of timestampKeys) {
      const text = value[key];
      if (typeof text === 'string') value[key] = sql`${text}::timestamptz`;
    }
    // The row matches the table's columns (TransferRow is derived from them); only its timestamps became SQL.
    return value as InferInsertModel<typeof table>;
  });
  await db.insert(table).values(values);
}
