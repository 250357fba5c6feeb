import { randomBytes, timingSafeEqual } from 'node:crypto';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { FastifyInstance, FastifyReply } from 'fastify';
import { z } from 'zod';
import type { Keel } from '../app/index.js';

/**
 * How `keel backup` reaches a running `keel serve` that holds the embedded database (no second process may open
 * it): the server writes its loopback address and a one-time secret next to keel.lock, readable by its own user
 * only, and makes the copy itself when asked with that secret, from this machine only.
 */
export const SERVER_INFO_FILE = 'keel.server.json';

const serverInfo = z.object({ pid: z.number().int(), url: z.url(), token: z.string().min(32) });
export type ServerInfo = z.infer<typeof serverInfo>;

export function newBackupToken(): string {
  return randomBytes(32).toString('hex');
}

/** Writes the info file and returns what removes it again; nothing is written for a non-loopback address. */
export function advertiseServer(dataDir: string, host: string, port: number, token: string): () => void {
  const loopback = loopbackUrl(host, port);
  if (!loopback) return () => {};
  const path = join(dataDir, SERVER_INFO_FILE);
  const info: ServerInfo = { pid: process.pid, url: loopback, token };
  writeFileSync(path, `${JSON.stringify(info)}\n`, { mode: 0o600 });
  return () => rmSync(path, { force: true });
}

/** Where this machine reaches a server listening on `host`: itself, when it listens on loopback or everywhere. */
function loopbackUrl(host: string, port: number): string | undefined {
  if (host === '127.0.0.1' || host === 'localhost' || host === '0.0.0.0') return `http://127.0.0.1:${port}`;
  if (host === '::1' || host === '::') return `http://[::1]:${port}`;
  return undefined;
}

/** The running server's info, when the file is there and well-formed. */
export function readServerInfo(dataDir: string): ServerInfo | undefined {
  try {
    const parsed = serverInfo.safeParse(JSON.parse(readFileSync(join(dataDir, SERVER_INFO_FILE), 'utf8')));
    return parsed.success ? parsed.data : undefined;
  } catch {
    return undefined;
  }
}

const LOOPBACK = new Set(['127.0.0.1', '::1', '::ffff:127.0.0.1']);

/** POST /api/backup: the embedded database as a gzip tarball, for a caller on this machine holding the secret. */
export function registerBackupRoute(
  app: FastifyInstance,
  keelOr503: (reply: FastifyReply) => Keel | undefined,
  token: string,
): void {
  const expected = Buffer.from(`Bearer ${token}`);
  app.post('/api/backup', async (req, reply) => {
    const given = Buffer.from(req.headers.authorization ?? '');
    if (!LOOPBACK.has(req.socket.remoteAddress ?? '')) {
      return reply.code(403).send({ error: 'backups are made for callers on this machine only' });
    }
    if (given.length !== expected.length || !timingSafeEqual(given, expected)) {
      return reply.code(403).send({ error: `run keel backup with the same data folder as this server` });
    }
    const keel = keelOr503(reply);
    if (!keel) return reply;
    const tarball = await keel.backup();
    if (!tarball) return reply.code(409).send({ error: 'the database is a PostgreSQL server: use pg_dump' });
    return reply
      .type('application/gzip')
      .header('cache-control', 'no-store')
      .send(Buffer.from(await tarball.arrayBuffer()));
  });
}
