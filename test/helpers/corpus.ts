import { existsSync, readdirSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

/** Where the corpus is looked for: `KEEL_CORPUS`, relative to the repository root, or the shared fixtures. */
export function corpusPath(): string {
  return resolve(repoRoot, process.env.KEEL_CORPUS ?? '../shared/fixtures/activities');
}

/** The corpus folder of real activity files, or undefined when it is not there. */
export function corpusDir(): string | undefined {
  const dir = corpusPath();
  return existsSync(dir) && statSync(dir).isDirectory() ? dir : undefined;
}

/** Names of the corpus's activity files (its documentation left out), sorted; none when it is missing. */
export function corpusFiles(): string[] {
  const dir = corpusDir();
  if (dir === undefined) return [];
  return readdirSync(dir)
    .filter((name) => !name.startsWith('.') && !name.endsWith('.md') && statSync(join(dir, name)).isFile())
    .sort();
}
