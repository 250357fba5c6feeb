import { readFileSync } from 'node:fs';

/** Read from package.json so `keel --version`, reports and exports can never disagree with the release. */
export const KEEL_VERSION: string = JSON.parse(
  readFileSync(new URL('../../package.json', import.meta.url), 'utf8'),
).version;
