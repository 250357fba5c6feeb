import { asc, eq } from 'drizzle-orm';
import type { Db } from './database.js';
import { type BenchmarkResultRow, benchmarkResult, type NewBenchmarkResultRow } from './schema.js';

export async function insertBenchmarkResults(
  db: Db,
  rows: NewBenchmarkResultRow[],
): Promise<BenchmarkResultRow[]> {
  if (rows.length === 0) return [];
  return db.insert(benchmarkResult).values(rows).returning();
}

/** An athlete's results, oldest test day first, in the order they were entered within a day. */
export async function listBenchmarkResults(db: Db, athleteId: string): Promise<BenchmarkResultRow[]> {
  return db
    .select()
    .from(benchmarkResult)
    .where(eq(benchmarkResult.athleteId, athleteId))
    .orderBy(asc(benchmarkResult.takenOn), asc(benchmarkResult.createdAt), asc(benchmarkResult.id));
}

export async function deleteBenchmarkResult(db: Db, id: string): Promise<boolean> {
  const rows = await db
    .delete(benchmarkResult)
    .where(eq(benchmarkResult.id, id))
    .returning({ id: benchmarkResult.id });
  return rows.length > 0;
}
