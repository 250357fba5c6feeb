import { desc, eq, like, sql } from 'drizzle-orm';
import type { Streams } from '../domain/channels.js';
import type { Db } from './database.js';
import { type ActivityRow, activity, activityStream } from './schema.js';
import { decodeStreams } from './stream-codec.js';

export type ActivitySummaryRow = ActivityRow;

export async function listActivities(db: Db, athleteId: string): Promise<ActivitySummaryRow[]> {
  return db
    .select()
    .from(activity)
    .where(eq(activity.athleteId, athleteId))
    .orderBy(desc(activity.startTime));
}

export async function getActivity(db: Db, id: string): Promise<ActivitySummaryRow | undefined> {
  const [row] = await db.select().from(activity).where(eq(activity.id, id));
  return row;
}

/** Runs whose id starts with `prefix` (ids are lowercase uuids), so the CLI can take a short id. */
export async function findActivitiesByIdPrefix(db: Db, prefix: string): Promise<ActivitySummaryRow[]> {
  return db
    .select()
    .from(activity)
    .where(like(sql`${activity.id}::text`, `${prefix.toLowerCase()}%`))
    .limit(2);
}

export async function getStreams(db: Db, activityId: string): Promise<Streams | undefined> {
  const [row] = await db
    .select({ data: activityStream.data, codecVersion: activityStream.codecVersion })
    .from(activityStream)
    .where(eq(activityStream.activityId, activityId));
  return row ? decodeStreams(row.data, row.codecVersion) : undefined;
}
