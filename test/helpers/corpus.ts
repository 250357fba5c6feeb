import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { sniffFormat } from '../../src/ingest/sniff.js';

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

/** Names of the corpus files whose content (not name) is one of `formats`: a TCX saved as .fit counts as TCX. */
export function corpusFilesOf(...formats: string[]): string[] {
  const dir = corpusDir() ?? '';
  return corpusFiles().filter((name) => {
    const head = new Uint8Array(readFileSync(join(dir, name)).subarray(0, 4096));
    return formats.includes(sniffFormat(head).format);
  });
}
