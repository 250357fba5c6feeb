import { PassThrough } from 'node:stream';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { CSV_TABLES, type Keel } from '../app/index.js';
import { machineLocalDate } from '../domain/time.js';

/** The preamble of buildApp's routes under /api/athletes/:id: the use cases, the id and the athlete, or a reply. */
type AthleteRoute = (
  req: FastifyRequest,
  reply: FastifyReply,
) => Promise<{ keel: Keel; params: { id: string } } | undefined>;

const csvParams = z.object({
  file: z.enum(CSV_TABLES.map((table) => `${table}.csv` as const) as [`${(typeof CSV_TABLES)[number]}.csv`]),
});

/** "Download all my data" (the full export) and the spreadsheets, as files the browser saves. */
export function registerExportRoutes(app: FastifyInstance, athleteRoute: AthleteRoute): void {
  app.get('/api/athletes/:id/export', async (req, reply) => {
    const route = await athleteRoute(req, reply);
    if (!route) return reply;
    const body = new PassThrough();
    // Streamed as it is written; a failure halfway cuts the download, which `keel import` then refuses whole.
    route.keel
      .exportData(body, { athleteIds: [route.params.id] })
      .catch((error: Error) => body.destroy(error));
    return reply
      .type('application/gzip')
      .header('cache-control', 'no-store')
      .header('content-disposition', `attachment; filename="keel-export-${today()}.ndjson.gz"`)
      .send(body);
  });

  app.get('/api/athletes/:id/export/:file', async (req, reply) => {
    const parsed = csvParams.safeParse(req.params);
    if (!parsed.success) {
      return reply
        .code(404)
        .send({ error: `no such spreadsheet: one of ${CSV_TABLES.map((t) => `${t}.csv`).join(', ')}` });
    }
    const route = await athleteRoute(req, reply);
    if (!route) return reply;
    const table = parsed.data.file.replace(/\.csv$/, '') as (typeof CSV_TABLES)[number];
    const csv = await route.keel.csv(route.params.id, table);
    return reply
      .type('text/csv; charset=utf-8')
      .header('cache-control', 'no-store')
      .header('content-disposition', `attachment; filename="keel-${table}-${today()}.csv"`)
      .send(csv.text);
  });
}

const today = () => machineLocalDate(new Date());
