import { homedir } from 'node:os';
import type { Command } from 'commander';
import type { ZodError } from 'zod';
import { InputError, issuesMessage, Keel, resolveDatabaseConfig } from '../app/index.js';

/** Exit codes of the CLI contract (architecture.md). */
export const EXIT_REJECTED = 1;
export const EXIT_USAGE = 2;

/** Something the user named is not there or cannot be done: exit 1. */
export class UserError extends Error {}

/** A flag's value is malformed: exit 2, like a usage error. */
export class UsageError extends Error {}

interface GlobalOptions {
  data?: string;
}

export function databaseConfig(program: Command) {
  const { data } = program.opts<GlobalOptions>();
  return resolveDatabaseConfig({
    dataFlag: data,
    env: process.env,
    homeDir: homedir(),
    platform: process.platform,
  });
}

export async function withKeel<T>(program: Command, work: (keel: Keel) => Promise<T>): Promise<T> {
  const keel = await Keel.open(databaseConfig(program));
  try {
    return await work(keel);
  } finally {
    await keel.close();
  }
}

export async function athleteFor(keel: Keel, id: string | undefined) {
  if (id === undefined) return keel.defaultAthlete();
  const athlete = await keel.athlete(id);
  if (!athlete) throw new UserError(`no athlete with id ${id}`);
  return athlete;
}

/** The athlete a command acts on, refusing an empty database with what to do first. */
export async function requireAthlete(keel: Keel, id: string | undefined) {
  const athlete = await athleteFor(keel, id);
  if (!athlete) throw new UserError('no athlete yet: import some runs first (keel import …)');
  return athlete;
}

/** The one item whose id is `idOrPrefix` or starts with it (at least 4 characters, as the lists show 8). */
export function byIdPrefix<T extends { id: string }>(
  items: readonly T[],
  idOrPrefix: string,
  what: string,
): T {
  const wanted = idOrPrefix.trim().toLowerCase();
  const matches = wanted.length < 4 ? [] : items.filter((item) => item.id.startsWith(wanted));
  if (matches.length > 1)
    throw new UserError(`several ${what}s have ids starting ${wanted}; give more characters`);
  const [found] = matches;
  if (!found) throw new UserError(`no ${what} with an id starting ${wanted}`);
  return found;
}

export const printJson = (doc: unknown) => process.stdout.write(`${JSON.stringify(doc, null, 2)}\n`);

/** A flag set checked by one of the app's schemas: its issues, each naming its field, are a usage error. */
export function validated<T>(result: { success: true; data: T } | { success: false; error: ZodError }): T {
  if (!result.success) throw new UsageError(issuesMessage(result.error));
  return result.data;
}

/** Input the use cases refuse (a day after today, no such run) is the user's error, exit 1. */
export async function asUserError<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (error instanceof InputError) throw new UserError(error.message);
    throw error;
  }
}
