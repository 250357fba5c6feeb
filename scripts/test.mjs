#!/usr/bin/env node
// `npm test`: makes sure what the tests need from the system is there (Debian's chromium and postgresql,
// installed with apt-get when running as root and missing), builds Keel, then runs every test with Vitest.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';

const hasPostgres = () =>
  existsSync('/usr/lib/postgresql') &&
  readdirSync('/usr/lib/postgresql').some((v) => existsSync(`/usr/lib/postgresql/${v}/bin/initdb`));
const hasChromium = () => existsSync('/usr/bin/chromium');

const missing = [];
if (!hasPostgres()) missing.push('postgresql');
if (!hasChromium()) missing.push('chromium');
if (missing.length > 0) {
  const isRoot = process.getuid?.() === 0;
  if (!isRoot || !existsSync('/usr/bin/apt-get')) {
    console.error(
      `The tests need Debian's ${missing.join(' and ')} package${missing.length > 1 ? 's' : ''}: ` +
        `sudo apt-get install -y ${missing.join(' ')}`,
    );
    process.exit(1);
  }
  console.error(`Installing ${missing.join(', ')} with apt-get (needed by the storage and browser tests)…`);
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  execFileSync('apt-get', ['update', '-qq'], { stdio: 'inherit', env });
  execFileSync('apt-get', ['install', '-y', '-qq', '--no-install-recommends', ...missing], {
    stdio: 'inherit',
    env,
  });
}

const run = (command, args) => spawnSync(command, args, { stdio: 'inherit', shell: false }).status ?? 1;

if (run('npm', ['run', 'build', '--silent']) !== 0) process.exit(1);
process.exit(run('npx', ['vitest', 'run', ...process.argv.slice(2)]));
