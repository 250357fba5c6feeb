import { and, desc, eq, gte, like, lte, or, sql } from 'drizzle-orm';
import type { Activity } from '../domain/activity.js';
import { channelsPresent, type Streams } from '../domain/channels.js';
import type { Db } from './database.js';
import { type ActivityRow, activity, activityStream } from './schema.js';
import { decodeStreams, encodeStreams, STREAM_CODEC_VERSION } from './stream-codec.js';

export type ActivitySummaryRow = ActivityRow;

/**
 * How close two recordings must be to count as the same run: watches and exports round the start time to
 * the second and distance differs by recalculation, but two real runs never start within a minute.
 */
export const DUPLICATE_START_TOLERANCE_S = 60;
export const DUPLICATE_DISTANCE_TOLERANCE = 0.02;
export const DUPLICATE_DISTANCE_FLOOR_M = 50;

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

/**
 * The stored run this recording duplicates, if any: the same file's same session, or the same run recorded
 * or exported again (start within a minute and distance within 2% or 50 m).
 */
export async function findDuplicate(
  db: Db,
  athleteId: string,
  candidate: Pick<Activity, 'startTime' | 'distanceM'> & { fileHash: string; sessionIndex: number },
): Promise<ActivitySummaryRow | undefined> {
  const toleranceMs = DUPLICATE_START_TOLERANCE_S * 1000;
  const distanceTolerance = Math.max(
    candidate.distanceM * DUPLICATE_DISTANCE_TOLERANCE,
    DUPLICATE_DISTANCE_FLOOR_M,
  );
  const [row] = await db
    .select()
    .from(activity)
    .where(
      and(
        eq(activity.athleteId, athleteId),
        or(
          and(
            eq(activity.sourceHash, candidate.fileHash),
            eq(activity.sourceSessionIndex, candidate.sessionIndex),
          ),
          and(
            gte(activity.startTime, new Date(candidate.startTime.getTime() - toleranceMs)),
            lte(activity.startTime, new Date(candidate.startTime.getTime() + toleranceMs)),
            gte(activity.distanceM, candidate.distanceM - distanceTolerance),
            lte(activity.distanceM, candidate.distanceM + distanceTolerance),
          ),
        ),
      ),
    )
    .limit(1);
  return row;
}

export async function insertActivity(db: Db, id: string, athleteId: string, run: Activity): Promise<void> {
  await db.insert(activity).values({
    id,
    athleteId,
    sourceFormat: run.source.format,
    sourceFileName: run.source.fileName,
    sourceHash: run.source.fileHash,
    sourceSessionIndex: run.source.sessionIndex,
    device: run.device,
    sport: run.sport,
    subSport: run.subSport,
    startTime: run.startTime,
    utcOffsetMin: run.utcOffsetMin,
    elapsedS: run.elapsedS,
    movingS: run.movingS,
    distanceM: run.distanceM,
    ascentM: run.ascentM,
    descentM: run.descentM,
    avgSpeedMps: run.avgSpeedMps,
    maxSpeedMps: run.maxSpeedMps,
    avgHeartRateBpm: run.avgHeartRateBpm,
    maxHeartRateBpm: run.maxHeartRateBpm,
    avgCadenceSpm: run.avgCadenceSpm,
    maxCadenceSpm: run.maxCadenceSpm,
    avgPowerW: run.avgPowerW,
    maxPowerW: run.maxPowerW,
    channels: channelsPresent(run.streams),
    channelSources: run.channelSources as Record<string, string>,
  });
  await db.insert(activityStream).values({
    activityId: id,
    athleteId,
    codecVersion: STREAM_CODEC_VERSION,
    sampleCount: run.streams.time.length,
    data: encodeStreams(run.streams),
  });
}
