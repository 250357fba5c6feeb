import { describe, expect, it } from 'vitest';
import { describeDatabase, resolveDatabaseConfig } from './config.js';

const base = { homeDir: '/home/ana', platform: 'linux' as const };

describe('resolveDatabaseConfig', () => {
  it.each([
    [
      'the user data folder by default',
      {},
      undefined,
      { engine: 'embedded', dataDir: '/home/ana/.local/share/keel' },
    ],
    [
      'XDG_DATA_HOME when set',
      { XDG_DATA_HOME: '/x' },
      undefined,
      { engine: 'embedded', dataDir: '/x/keel' },
    ],
    ['KEEL_DATA over the default', { KEEL_DATA: '/d' }, undefined, { engine: 'embedded', dataDir: '/d' }],
    ['--data over KEEL_DATA', { KEEL_DATA: '/d' }, '/flag', { engine: 'embedded', dataDir: '/flag' }],
    [
      'the server when KEEL_DATABASE_URL is set',
      { KEEL_DATABASE_URL: 'postgres://h/k' },
      undefined,
      { engine: 'server', url: 'postgres://h/k' },
    ],
    [
      '--data over KEEL_DATABASE_URL',
      { KEEL_DATABASE_URL: 'postgres://h/k' },
      '/flag',
      { engine: 'embedded', dataDir: '/flag' },
    ],
  ])('uses %s', (_name, env, dataFlag, expected) => {
    expect(resolveDatabaseConfig({ ...base, env, dataFlag })).toEqual(expected);
  });

  it('follows platform conventions on macOS and Windows', () => {
    expect(resolveDatabaseConfig({ env: {}, homeDir: '/Users/ana', platform: 'darwin' })).toEqual({
      engine: 'embedded',
      dataDir: '/Users/ana/Library/Application Support/Keel',
    });
    expect(
      resolveDatabaseConfig({ env: { APPDATA: 'C:/AppData' }, homeDir: 'C:/ana', platform: 'win32' }),
    ).toMatchObject({
      dataDir: expect.stringContaining('Keel'),
    });
  });

  it('never prints a server password', () => {
    expect(describeDatabase({ engine: 'server', url: 'postgres://u:secret@db:5433/keel' })).toBe(
      'PostgreSQL at db:5433/keel',
    );
  });
});
