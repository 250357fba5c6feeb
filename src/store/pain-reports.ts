import { and, asc, eq, gte, inArray, isNotNull, isNull, lte } from 'drizzle-orm';
import type { Db } from './database.js';
import { type NewPainReportRow, type PainReportRow, painReport } from './schema.js';

export async function insertPainReports(db: Db, rows: NewPainReportRow[]): Promise<PainReportRow[]> {
  if (rows.length === 0) return [];
  return db.insert(painReport).values(rows).returning();
}

export async function getPainReport(db: Db, id: string): Promise<PainReportRow | undefined> {
  const [row] = await db.select().from(painReport).where(eq(painReport.id, id));
  return row;
}

/** An athlete's reports between two local dates (inclusive, either open), oldest first. */
export async function listPainReports(
  db: Db,
  athleteId: string,
  range: { from?: string; to?: string } = {},
): Promise<PainReportRow[]> {
  return db
    .select()
    .from(painReport)
    .where(
      and(
        eq(painReport.athleteId, athleteId),
        range.from === undefined ? undefined : gte(painReport.date, range.from),
        range.to === undefined ? undefined : lte(painReport.date, range.to),
      ),
    )
    .orderBy(asc(painReport.date), asc(painReport.createdAt), asc(painReport.id));
}

export async function listPainReportsForRun(db: Db, activityId: string): Promise<PainReportRow[]> {
  return db
    .select()
    .from(painReport)
    .where(eq(painReport.activityId, activityId))
    .orderBy(asc(painReport.createdAt), asc(painReport.id));
}

/** Red flags not yet cleared: any of them holds every plan and progression. */
export async function listOpenRedFlags(db: Db, athleteId: string): Promise<PainReportRow[]> {
  return db
    .select()
    .from(painReport)
    .where(
      and(
        eq(painReport.athleteId, athleteId),
        eq(painReport.triageLevel, 'stop'),
        isNull(painReport.clearedAt),
      ),
    )
    .orderBy(asc(painReport.date), asc(painReport.id));
}

export async function updatePainReport(
  db: Db,
  id: string,
  values: Partial<Omit<NewPainReportRow, 'id' | 'athleteId' | 'createdAt'>>,
): Promise<PainReportRow | undefined> {
  const [row] = await db.update(painReport).set(values).where(eq(painReport.id, id)).returning();
  return row;
}

export async function deletePainReport(db: Db, id: string): Promise<boolean> {
  const rows = await db.delete(painReport).where(eq(painReport.id, id)).returning({ id: painReport.id });
  return rows.length > 0;
}

/** Which of these source keys (training-log rows) are already stored for the athlete. */
export async function findPainSourceKeys(db: Db, athleteId: string, keys: string[]): Promise<Set<string>> {
  if (keys.length === 0) return new Set();
  const rows = await db
    .select({ key: painReport.sourceKey })
    .from(painReport)
    .where(
      and(
        eq(painReport.athleteId, athleteId),
        isNotNull(painReport.sourceKey),
        inArray(painReport.sourceKey, keys),
      ),
    );
  return new Set(rows.flatMap((r) => (r.key === null ? [] : [r.key])));
}
