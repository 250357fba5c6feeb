import { asc, eq } from 'drizzle-orm';
import type { Db } from './database.js';
import {
  type NewProgramSessionRow,
  type ProgramSessionRow,
  type ProgramSettingsRow,
  programSession,
  programSettings,
} from './schema.js';

export async function getProgramSettings(db: Db, athleteId: string): Promise<ProgramSettingsRow | undefined> {
  const [row] = await db.select().from(programSettings).where(eq(programSettings.athleteId, athleteId));
  return row;
}

export async function saveProgramSettings(
  db: Db,
  values: Omit<ProgramSettingsRow, 'updatedAt'>,
): Promise<ProgramSettingsRow> {
  const updatedAt = new Date();
  const [row] = await db
    .insert(programSettings)
    .values({ ...values, updatedAt })
    .onConflictDoUpdate({
      target: programSettings.athleteId,
      set: {
        sessionsPerWeek: values.sessionsPerWeek,
        minutesPerSession: values.minutesPerSession,
        equipment: values.equipment,
        updatedAt,
      },
    })
    .returning();
  if (!row) throw new Error('saving program_settings returned no row');
  return row;
}

export async function insertProgramSession(db: Db, row: NewProgramSessionRow): Promise<ProgramSessionRow> {
  const [stored] = await db.insert(programSession).values(row).returning();
  if (!stored) throw new Error('insert into program_session returned no row');
  return stored;
}

export async function getProgramSession(db: Db, id: string): Promise<ProgramSessionRow | undefined> {
  const [row] = await db.select().from(programSession).where(eq(programSession.id, id));
  return row;
}

/** Oldest first: the order the progression rules replay them in. */
export async function listProgramSessions(db: Db, athleteId: string): Promise<ProgramSessionRow[]> {
  return db
    .select()
    .from(programSession)
    .where(eq(programSession.athleteId, athleteId))
    .orderBy(asc(programSession.performedOn), asc(programSession.createdAt), asc(programSession.id));
}

export async function updateProgramSession(
  db: Db,
  id: string,
  values: Partial<Pick<ProgramSessionRow, 'painNextMorning' | 'note'>>,
): Promise<ProgramSessionRow | undefined> {
  const [row] = await db.update(programSession).set(values).where(eq(programSession.id, id)).returning();
  return row;
}

export async function deleteProgramSession(db: Db, id: string): Promise<boolean> {
  const rows = await db
    .delete(programSession)
    .where(eq(programSession.id, id))
    .returning({ id: programSession.id });
  return rows.length > 0;
}
