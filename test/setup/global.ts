import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { openDatabase } from '../../src/store/database.js';
import { startTestPostgres } from './postgres.js';

declare module 'vitest' {
  export interface ProvidedContext {
    pgAdminUrl: string;
    /** A migrated embedded data folder that tests copy: creating one takes seconds, copying it milliseconds. */
    embeddedTemplateDir: string;
  }
}

export default async function setup(project: TestProject) {
  const [postgres, templateDir] = await Promise.all([startTestPostgres(), makeEmbeddedTemplate()]);
  project.provide('pgAdminUrl', postgres.adminUrl);
  project.provide('embeddedTemplateDir', templateDir);
  return () => {
    postgres.stop();
    rmSync(templateDir, { recursive: true, force: true });
  };
}

async function makeEmbeddedTemplate(): Promise<string> {
  const dir = mkdtempSync(join(tmpdir(), 'keel-template-'));
  const database = await openDatabase({ engine: 'embedded', dataDir: dir });
  await database.close();
  return dir;
}
