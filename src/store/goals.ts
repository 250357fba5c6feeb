import { asc, desc, eq } from 'drizzle-orm';
import type { Db } from './database.js';
import {
  type GoalRaceRow,
  goalRace,
  type NewGoalRaceRow,
  type PlanSnapshotRow,
  planSnapshot,
} from './schema.js';

export async function insertGoalRace(db: Db, row: NewGoalRaceRow): Promise<GoalRaceRow> {
  const [stored] = await db.insert(goalRace).values(row).returning();
  if (!stored) throw new Error('insert into goal_race returned no row');
  return stored;
}

/** Soonest race first. */
export async function listGoalRaces(db: Db, athleteId: string): Promise<GoalRaceRow[]> {
  return db
    .select()
    .from(goalRace)
    .where(eq(goalRace.athleteId, athleteId))
    .orderBy(asc(goalRace.raceDate), asc(goalRace.createdAt), asc(goalRace.id));
}

export async function deleteGoalRace(db: Db, id: string): Promise<boolean> {
  const rows = await db.delete(goalRace).where(eq(goalRace.id, id)).returning({ id: goalRace.id });
  return rows.length > 0;
}

export async function insertPlanSnapshot(
  db: Db,
  row: Omit<PlanSnapshotRow, 'createdAt'>,
): Promise<PlanSnapshotRow> {
  const [stored] = await db.insert(planSnapshot).values(row).returning();
  if (!stored) throw new Error('insert into plan_snapshot returned no row');
  return stored;
}

/** The goal's snapshots, newest first, at most `limit`. */
export async function latestPlanSnapshots(db: Db, goalId: string, limit = 2): Promise<PlanSnapshotRow[]> {
  return db
    .select()
    .from(planSnapshot)
    .where(eq(planSnapshot.goalId, goalId))
    .orderBy(desc(planSnapshot.createdAt), desc(planSnapshot.id))
    .limit(limit);
}
