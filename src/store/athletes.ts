import { asc, count, eq } from 'drizzle-orm';
import type { UnitSystem } from '../domain/units.js';
import type { Db } from './database.js';
import { type AthleteRow, activity, athlete } from './schema.js';

export interface NewAthlete {
  id: string;
  name: string;
  units: UnitSystem;
  birthYear?: number | null;
  sex?: 'female' | 'male' | null;
  isDemo?: boolean;
}

export type AthleteWithRunCount = AthleteRow & { runCount: number };

/** Athletes with their run counts, the default one first: the first athlete who is not the demo, by age. */
export async function listAthletes(db: Db): Promise<AthleteWithRunCount[]> {
  const rows = await db
    .select({ athlete, runCount: count(activity.id) })
    .from(athlete)
    .leftJoin(activity, eq(activity.athleteId, athlete.id))
    .groupBy(athlete.id)
    .orderBy(asc(athlete.isDemo), asc(athlete.createdAt), asc(athlete.id));
  return rows.map((r) => ({ ...r.athlete, runCount: r.runCount }));
}

export async function getAthlete(db: Db, id: string): Promise<AthleteRow | undefined> {
  const [row] = await db.select().from(athlete).where(eq(athlete.id, id));
  return row;
}

export async function insertAthlete(db: Db, input: NewAthlete): Promise<AthleteRow> {
  const [row] = await db
    .insert(athlete)
    .values({
      id: input.id,
      name: input.name,
      units: input.units,
      birthYear: input.birthYear ?? null,
      sex: input.sex ?? null,
      isDemo: input.isDemo ?? false,
    })
    .returning();
  if (!row) throw new Error('insert into athlete returned no row');
  return row;
}

export type AthletePatch = Partial<Pick<AthleteRow, 'name' | 'units' | 'sex' | 'birthYear'>>;

export async function updateAthlete(
  db: Db,
  id: string,
  patch: AthletePatch,
): Promise<AthleteRow | undefined> {
  const [row] = await db.update(athlete).set(patch).where(eq(athlete.id, id)).returning();
  return row;
}
