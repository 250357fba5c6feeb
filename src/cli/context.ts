import { homedir } from 'node:os';
import type { Command } from 'commander';
import { Keel, resolveDatabaseConfig } from '../app/index.js';

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

export const printJson = (doc: unknown) => process.stdout.write(`${JSON.stringify(doc, null, 2)}\n`);
