import { and, asc, eq, gte, lt } from 'drizzle-orm';
import type { Db } from './database.js';
import { type ActivityRow, activity, activitySource } from './schema.js';

/** A run known only from the runner's training log: a date, a distance and a time, no samples. */
export interface LoggedRun {
  activityId: string;
  sourceId: string;
  athleteId: string;
  /** Where it was written: "log.csv line 12". */
  fileName: string;
  /** Identifies the row by what it says (date, distance, time), so the same row imported again adds nothing. */
  rowKey: string;
  date: string;
  distanceM: number;
  durationS: number;
  note: string | null;
}

/**
 * A logged run has a day but no start time. It is stored at noon UTC of that day with no time zone, so it keeps its
 * date wherever it is shown; `source_format` 'log' tells views to show the date alone.
 */
export function loggedRunStart(date: string): Date {
  return new Date(`${date}T12:00:00Z`);
}

export async function insertLoggedRun(db: Db, run: LoggedRun): Promise<void> {
  const startTime = loggedRunStart(run.date);
  await db.insert(activity).values({
    id: run.activityId,
    athleteId: run.athleteId,
    sourceFormat: 'log',
    sourceFileName: run.fileName,
    sourceHash: run.rowKey,
    sourceSessionIndex: 0,
    name: run.note,
    sport: 'running',
    subSport: 'generic',
    startTime,
    utcOffsetMin: null,
    elapsedS: run.durationS,
    movingS: run.durationS,
    distanceM: run.distanceM,
    avgSpeedMps: run.distanceM / run.durationS,
    channels: [],
  });
  await db.insert(activitySource).values(logSource(run, startTime, true));
}

/** Records a log row as one more source of a recorded run it describes, so importing the log again skips it. */
export async function addLogSource(db: Db, run: LoggedRun & { startTime: Date }): Promise<void> {
  await db.insert(activitySource).values(logSource(run, run.startTime, false));
}

function logSource(run: LoggedRun, startTime: Date, isPrimary: boolean) {
  return {
    id: run.sourceId,
    activityId: run.activityId,
    athleteId: run.athleteId,
    format: 'log',
    fileName: run.fileName,
    fileHash: run.rowKey,
    sessionIndex: 0,
    isPrimary,
    startTime,
    distanceM: run.distanceM,
    elapsedS: run.durationS,
    channels: [],
  };
}

/** Runs starting in [from, to), oldest first. */
export async function listRunsBetween(
  db: Db,
  athleteId: string,
  from: Date,
  to: Date,
): Promise<ActivityRow[]> {
  return db
    .select()
    .from(activity)
    .where(and(eq(activity.athleteId, athleteId), gte(activity.startTime, from), lt(activity.startTime, to)))
    .orderBy(asc(activity.startTime));
}
