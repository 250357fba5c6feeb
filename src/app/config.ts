import { join } from 'node:path';
import type { DatabaseConfig } from '../store/database.js';

export interface ConfigSources {
  /** `--data DIR` from the command line, when given. */
  dataFlag?: string | undefined;
  env: Record<string, string | undefined>;
  homeDir: string;
  platform: NodeJS.Platform;
}

/**
 * Which database to use: a PostgreSQL server when KEEL_DATABASE_URL is set, otherwise the embedded one in
 * `--data DIR`, KEEL_DATA, or the user's data folder, in that order.
 */
export function resolveDatabaseConfig(sources: ConfigSources): DatabaseConfig {
  const url = sources.env.KEEL_DATABASE_URL;
  if (url && !sources.dataFlag) return { engine: 'server', url };
  return {
    engine: 'embedded',
    dataDir: sources.dataFlag ?? sources.env.KEEL_DATA ?? defaultDataDir(sources),
  };
}

export function defaultDataDir({ env, homeDir, platform }: ConfigSources): string {
  if (platform === 'win32') return join(env.APPDATA ?? join(homeDir, 'AppData', 'Roaming'), 'Keel');
  if (platform === 'darwin') return join(homeDir, 'Library', 'Application Support', 'Keel');
  return join(env.XDG_DATA_HOME || join(homeDir, '.local', 'share'), 'keel');
}

export function describeDatabase(config: DatabaseConfig): string {
  if (config.engine === 'embedded') return `embedded database in ${config.dataDir}`;
  const url = new URL(config.url);
  return `PostgreSQL at ${url.hostname}:${url.port || 5432}${url.pathname}`;
}
