import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import fastifyMultipart from '@fastify/multipart';
import fastifyStatic from '@fastify/static';
import Fastify, { type FastifyInstance, type FastifyReply, type FastifyRequest } from 'fastify';
import { z } from 'zod';
import {
  athletePatchBody,
  benchmarkSessionBody,
  ChromiumMissingError,
  catalogueView,
  chromiumPath,
  clearRedFlagBody,
  goalRaceBody,
  InputError,
  KEEL_VERSION,
  Keel,
  PATTERN_WINDOW_DAYS,
  painReportBody,
  painReportPatch,
  paperFor,
  pdfFooter,
  planCalendar,
  printReportPdf,
  programSettingsBody,
  REPORT_DAYS,
  renderReportHtml,
  sessionLogBody,
  sessionLogPatch,
} from '../app/index.js';
import { isCalendarDate, machineLocalDate } from '../domain/time.js';
import type { DatabaseConfig } from '../store/index.js';
import { advertiseServer, newBackupToken, registerBackupRoute } from './backup.js';
import { registerExportRoutes } from './export.js';
import { importUpload, MAX_UPLOAD_BYTES } from './imports.js';
import { prepareDatabase } from './prepare.js';

export interface ServerOptions {
  database: DatabaseConfig;
  host: string;
  port: number;
  /** Load the demo athlete when the database has no athletes (what `npm start` does). */
  loadDemoIfEmpty: boolean;
  log: (line: string) => void;
}

export interface RunningServer {
  url: string;
  close(): Promise<void>;
}

const DEFAULT_SERIES_POINTS = 1500;

type Readiness =
  | { status: 'starting'; message: string }
  | { status: 'ready'; keel: Keel }
  | { status: 'failed'; message: string };

const idParams = z.object({ id: z.uuid({ message: 'not a valid id' }) });
const patternQuery = z.object({
  days: z.coerce.number().int().min(7).max(3650).default(PATTERN_WINDOW_DAYS),
});
const dayQuery = z.object({
  date: z.string().refine(isCalendarDate, 'a date as YYYY-MM-DD').optional(),
});
const reportQuery = z.object({
  days: z.coerce.number().int().min(7).max(3650).default(REPORT_DAYS),
});
const seriesQuery = z.object({
  points: z.coerce.number().int().min(2).max(20_000).default(DEFAULT_SERIES_POINTS),
});

/** One line per problem, naming where it is: "body.units: Invalid option: expected one of …". */
function validationMessage(where: string, error: z.ZodError): string {
  return error.issues.map((i) => `${[where, ...i.path].join('.')}: ${i.message}`).join('; ');
}

function parse<T>(schema: z.ZodType<T>, value: unknown, where: string, reply: FastifyReply): T | undefined {
  const result = schema.safeParse(value ?? {});
  if (result.success) return result.data;
  reply.code(400).send({ error: validationMessage(where, result.error) });
  return undefined;
}

/** Input Keel cannot take (an onset past the run's end, a day in the future, no such athlete) is the client's 422. */
async function inputErrors(reply: FastifyReply, work: () => Promise<unknown>): Promise<unknown> {
  try {
    return await work();
  } catch (error) {
    if (error instanceof InputError) return reply.code(422).send({ error: error.message });
    throw error;
  }
}

function webRoot(): string | undefined {
  // From dist/server the app sits in dist/web; from src/server (tests) in the built dist/web.
  const candidates = [new URL('../web', import.meta.url), new URL('../../dist/web', import.meta.url)];
  return candidates.map((u) => fileURLToPath(u)).find((dir) => existsSync(`${dir}/index.html`));
}

/**
 * Starts listening at once and opens the database behind it, because creating a fresh embedded database
 * takes seconds: the app shows "preparing" until /api/health says ready.
 */
export async function startServer(options: ServerOptions): Promise<RunningServer> {
  let readiness: Readiness = { status: 'starting', message: 'Opening the database…' };
  const backupToken = newBackupToken();
  const app = buildApp(() => readiness, { backupToken });
  await app.listen({ host: options.host, port: options.port });
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : options.port;
  let unadvertise = () => {};
  const opened = (async () => {
    try {
      const demoAthlete = await prepareDatabase(
        {
          database: options.database,
          loadDemoIfEmpty: options.loadDemoIfEmpty,
          today: new Date().toISOString(),
        },
        (message) => {
          readiness = { status: 'starting', message };
        },
      );
      if (demoAthlete) options.log(`Loaded the demo athlete ${demoAthlete}.`);
      readiness = { status: 'starting', message: 'Opening the database…' };
      readiness = { status: 'ready', keel: await Keel.open(options.database) };
      // Once this process holds the embedded folder, `keel backup` asks it for the copy (src/server/backup.ts).
      if (options.database.engine === 'embedded') {
        unadvertise = advertiseServer(options.database.dataDir, options.host, port, backupToken);
      }
      options.log('Database ready.');
    } catch (error) {
      readiness = { status: 'failed', message: (error as Error).message };
      options.log(`Keel could not open its database: ${(error as Error).message}`);
    }
  })();
  return {
    url: `http://${options.host.includes(':') ? `[${options.host}]` : options.host}:${port}`,
    async close() {
      await app.close();
      await opened;
      unadvertise();
      if (readiness.status === 'ready') await readiness.keel.close();
    },
  };
}

export function buildApp(
  readiness: () => Readiness,
  options: { backupToken?: string } = {},
): FastifyInstance {
  const app = Fastify({ logger: false, bodyLimit: 1024 * 1024 });

  /** The use cases, or a 503 that says why they are not there yet. */
  const keelOr503 = (reply: FastifyReply): Keel | undefined => {
    const state = readiness();
    if (state.status === 'ready') return state.keel;
    reply.code(503).send({ error: state.message });
    return undefined;
  };

  /**
   * The preamble of the routes under /api/athletes/:id: the use cases (or 503), the id (or 400), the body or query
   * `input` parses (or 400), and the athlete (or 404). Undefined once one of those replies is sent.
   */
  async function athleteRoute<T = undefined>(
    req: FastifyRequest,
    reply: FastifyReply,
    input?: { schema: z.ZodType<T>; from: 'body' | 'query' },
  ): Promise<{ keel: Keel; params: { id: string }; input: T } | undefined> {
    const keel = keelOr503(reply);
    const params = keel && parse(idParams, req.params, 'path', reply);
    if (!keel || !params) return undefined;
    let parsed: T | undefined;
    if (input) {
      parsed = parse(input.schema, input.from === 'body' ? req.body : req.query, input.from, reply);
      if (parsed === undefined) return undefined;
    }
    if (!(await keel.athlete(params.id))) {
      reply.code(404).send({ error: `no athlete with id ${params.id}` });
      return undefined;
    }
    return { keel, params, input: parsed as T };
  }

  app.register(fastifyMultipart, { limits: { fileSize: MAX_UPLOAD_BYTES, files: 10_000 } });

  app.get('/api/health', async () => {
    const state = readiness();
    return state.status === 'ready'
      ? { status: 'ready', version: KEEL_VERSION, engine: state.keel.engine }
      : { status: state.status, version: KEEL_VERSION, message: state.message };
  });

  app.get('/api/athletes', async (_req, reply) => {
    const keel = keelOr503(reply);
    return keel ? keel.athletes() : reply;
  });

  app.patch('/api/athletes/:id', async (req, reply) => {
    const keel = keelOr503(reply);
    const params = keel && parse(idParams, req.params, 'path', reply);
    const body = params && parse(athletePatchBody, req.body, 'body', reply);
    if (!keel || !params || !body) return reply;
    return inputErrors(reply, async () => {
      const athlete = await keel.updateAthlete(params.id, body, machineLocalDate(new Date()));
      return athlete ?? reply.code(404).send({ error: `no athlete with id ${params.id}` });
    });
  });

  app.get('/api/athletes/:id/runs', async (req, reply) => {
    const route = await athleteRoute(req, reply);
    if (!route) return reply;
    const { keel, params } = route;
    return keel.runs(params.id);
  });

  const notMultipart = { error: 'send the files as multipart/form-data, field "files"' };

  // Like `keel import` without an athlete: into the runner's own athlete, created on first use.
  app.post('/api/imports', async (req, reply) => {
    const keel = keelOr503(reply);
    if (!keel) return reply;
    if (!req.isMultipart()) return reply.code(400).send(notMultipart);
    return inputErrors(reply, () =>
      importUpload(keel, async () => (await keel.importTarget()).id, req, reply),
    );
  });

  app.post('/api/athletes/:id/imports', async (req, reply) => {
    const keel = keelOr503(reply);
    const params = keel && parse(idParams, req.params, 'path', reply);
    if (!keel || !params) return reply;
    const athlete = await keel.athlete(params.id);
    if (!athlete) return reply.code(404).send({ error: `no athlete with id ${params.id}` });
    if (athlete.isDemo) {
      return reply.code(409).send({
        error: "the demo athlete's runs are generated by Keel; send your own files to POST /api/imports",
      });
    }
    if (!req.isMultipart()) return reply.code(400).send(notMultipart);
    return inputErrors(reply, () => importUpload(keel, async () => athlete.id, req, reply));
  });

  app.get('/api/runs/:id', async (req, reply) => {
    const keel = keelOr503(reply);
    const params = keel && parse(idParams, req.params, 'path', reply);
    if (!keel || !params) return reply;
    const found = await keel.findRun(params.id);
    return found.kind === 'found' ? found.run : reply.code(404).send({ error: found.message });
  });

  app.get('/api/runs/:id/series', async (req, reply) => {
    const keel = keelOr503(reply);
    const params = keel && parse(idParams, req.params, 'path', reply);
    const query = params && parse(seriesQuery, req.query, 'query', reply);
    if (!keel || !params || !query) return reply;
    const series = await keel.runSeries(params.id, query.points);
    return series ?? reply.code(404).send({ error: `no run with id ${params.id}` });
  });

  app.get('/api/athletes/:id/pain-reports', async (req, reply) => {
    const route = await athleteRoute(req, reply);
    if (!route) return reply;
    const { keel, params } = route;
    return keel.painReports(params.id);
  });

  app.post('/api/athletes/:id/pain-reports', async (req, reply) => {
    const route = await athleteRoute(req, reply, { schema: painReportBody, from: 'body' });
    if (!route) return reply;
    const { keel, params, input: body } = route;
    return inputErrors(reply, async () => reply.code(201).send(await keel.addPainReport(params.id, body)));
  });

  app.get('/api/athletes/:id/red-flags', async (req, reply) => {
    const keel = keelOr503(reply);
    const params = keel && parse(idParams, req.params, 'path', reply);
    if (!keel || !params) return reply;
    return keel.openRedFlags(params.id);
  });

  app.get('/api/athletes/:id/patterns', async (req, reply) => {
    const route = await athleteRoute(req, reply, { schema: patternQuery, from: 'query' });
    if (!route) return reply;
    const { keel, params, input: query } = route;
    return keel.painPatterns(params.id, new Date(), query.days);
  });

  app.get('/api/pain-reports/:id', async (req, reply) => {
    const keel = keelOr503(reply);
    const params = keel && parse(idParams, req.params, 'path', reply);
    if (!keel || !params) return reply;
    return (
      (await keel.painReport(params.id)) ?? reply.code(404).send({ error: `no pain report ${params.id}` })
    );
  });

  app.patch('/api/pain-reports/:id', async (req, reply) => {
    const keel = keelOr503(reply);
    const params = keel && parse(idParams, req.params, 'path', reply);
    const body = params && parse(painReportPatch, req.body, 'body', reply);
    if (!keel || !params || !body) return reply;
    const report = await keel.updatePainReport(params.id, body);
    return report ?? reply.code(404).send({ error: `no pain report ${params.id}` });
  });

  app.post('/api/pain-reports/:id/clear', async (req, reply) => {
    const keel = keelOr503(reply);
    const params = keel && parse(idParams, req.params, 'path', reply);
    const body = params && parse(clearRedFlagBody, req.body, 'body', reply);
    if (!keel || !params || !body) return reply;
    return inputErrors(reply, async () => {
      const report = await keel.clearRedFlag(params.id, body.note);
      return report ?? reply.code(404).send({ error: `no pain report ${params.id}` });
    });
  });

  app.delete('/api/pain-reports/:id', async (req, reply) => {
    const keel = keelOr503(reply);
    const params = keel && parse(idParams, req.params, 'path', reply);
    if (!keel || !params) return reply;
    return (await keel.deletePainReport(params.id))
      ? reply.code(204).send()
      : reply.code(404).send({ error: `no pain report ${params.id}` });
  });

  app.get('/api/runs/:id/pain-reports', async (req, reply) => {
    const keel = keelOr503(reply);
    const params = keel && parse(idParams, req.params, 'path', reply);
    if (!keel || !params) return reply;
    return keel.runPainReports(params.id);
  });

  app.get('/api/runs/:id/form', async (req, reply) => {
    const keel = keelOr503(reply);
    const params = keel && parse(idParams, req.params, 'path', reply);
    if (!keel || !params) return reply;
    return (await keel.runForm(params.id)) ?? reply.code(404).send({ error: `no run with id ${params.id}` });
  });

  app.get('/api/athletes/:id/form', async (req, reply) => {
    const route = await athleteRoute(req, reply, { schema: patternQuery, from: 'query' });
    if (!route) return reply;
    const { keel, params, input: query } = route;
    return keel.formSummary(params.id, new Date(), query.days);
  });

  app.get('/api/exercises', async () => catalogueView());

  app.get('/api/athletes/:id/program', async (req, reply) => {
    const route = await athleteRoute(req, reply, { schema: dayQuery, from: 'query' });
    if (!route) return reply;
    const { keel, params, input: query } = route;
    return keel.program(params.id, query.date ?? machineLocalDate(new Date()));
  });

  app.put('/api/athletes/:id/program', async (req, reply) => {
    const route = await athleteRoute(req, reply, { schema: programSettingsBody, from: 'body' });
    if (!route) return reply;
    const { keel, params, input: body } = route;
    await keel.setProgramSettings(params.id, body);
    return keel.program(params.id, machineLocalDate(new Date()));
  });

  app.get('/api/athletes/:id/program/sessions', async (req, reply) => {
    const route = await athleteRoute(req, reply);
    if (!route) return reply;
    const { keel, params } = route;
    return keel.sessionLogs(params.id);
  });

  app.post('/api/athletes/:id/program/sessions', async (req, reply) => {
    const route = await athleteRoute(req, reply, { schema: sessionLogBody, from: 'body' });
    if (!route) return reply;
    const { keel, params, input: body } = route;
    return inputErrors(reply, async () =>
      reply.code(201).send(await keel.logSession(params.id, body, machineLocalDate(new Date()))),
    );
  });

  app.patch('/api/program-sessions/:id', async (req, reply) => {
    const keel = keelOr503(reply);
    const params = keel && parse(idParams, req.params, 'path', reply);
    const body = params && parse(sessionLogPatch, req.body, 'body', reply);
    if (!keel || !params || !body) return reply;
    const log = await keel.updateSessionLog(params.id, body);
    return log ?? reply.code(404).send({ error: `no program session ${params.id}` });
  });

  app.delete('/api/program-sessions/:id', async (req, reply) => {
    const keel = keelOr503(reply);
    const params = keel && parse(idParams, req.params, 'path', reply);
    if (!keel || !params) return reply;
    return (await keel.deleteSessionLog(params.id))
      ? reply.code(204).send()
      : reply.code(404).send({ error: `no program session ${params.id}` });
  });

  app.get('/api/athletes/:id/benchmarks', async (req, reply) => {
    const route = await athleteRoute(req, reply, { schema: dayQuery, from: 'query' });
    if (!route) return reply;
    const { keel, params, input: query } = route;
    return keel.benchmarks(params.id, query.date ?? machineLocalDate(new Date()));
  });

  app.post('/api/athletes/:id/benchmarks', async (req, reply) => {
    const route = await athleteRoute(req, reply, { schema: benchmarkSessionBody, from: 'body' });
    if (!route) return reply;
    const { keel, params, input: body } = route;
    return inputErrors(reply, async () =>
      reply.code(201).send(await keel.addBenchmarks(params.id, body, machineLocalDate(new Date()))),
    );
  });

  app.delete('/api/benchmarks/:id', async (req, reply) => {
    const keel = keelOr503(reply);
    const params = keel && parse(idParams, req.params, 'path', reply);
    if (!keel || !params) return reply;
    return (await keel.deleteBenchmark(params.id))
      ? reply.code(204).send()
      : reply.code(404).send({ error: `no benchmark result ${params.id}` });
  });

  app.get('/api/athletes/:id/goals', async (req, reply) => {
    const route = await athleteRoute(req, reply);
    if (!route) return reply;
    return route.keel.goals(route.params.id);
  });

  app.post('/api/athletes/:id/goals', async (req, reply) => {
    const route = await athleteRoute(req, reply, { schema: goalRaceBody, from: 'body' });
    if (!route) return reply;
    const { keel, params, input: body } = route;
    return inputErrors(reply, async () =>
      reply.code(201).send(await keel.addGoal(params.id, body, machineLocalDate(new Date()))),
    );
  });

  app.delete('/api/goals/:id', async (req, reply) => {
    const keel = keelOr503(reply);
    const params = keel && parse(idParams, req.params, 'path', reply);
    if (!keel || !params) return reply;
    return (await keel.deleteGoal(params.id))
      ? reply.code(204).send()
      : reply.code(404).send({ error: `no goal ${params.id}` });
  });

  app.get('/api/athletes/:id/plan', async (req, reply) => {
    const route = await athleteRoute(req, reply, { schema: dayQuery, from: 'query' });
    if (!route) return reply;
    const { keel, params, input: query } = route;
    const view = await keel.plan(params.id, query.date ?? machineLocalDate(new Date()));
    return view ?? reply.code(404).send({ error: 'no goal race yet: add one with POST …/goals' });
  });

  app.get('/api/athletes/:id/plan.ics', async (req, reply) => {
    const route = await athleteRoute(req, reply);
    if (!route) return reply;
    const view = await route.keel.plan(route.params.id, machineLocalDate(new Date()));
    if (!view) return reply.code(404).send({ error: 'no goal race yet: add one with POST …/goals' });
    return reply
      .type('text/calendar; charset=utf-8')
      .header('content-disposition', `attachment; filename="keel-plan-${view.goal.date}.ics"`)
      .send(planCalendar(view));
  });

  // The clinician report: one self-contained HTML page (src/app/report), or that page printed to PDF by Chromium.
  app.get('/api/athletes/:id/report.html', async (req, reply) => {
    const route = await athleteRoute(req, reply, { schema: reportQuery, from: 'query' });
    if (!route) return reply;
    const view = await route.keel.report(route.params.id, machineLocalDate(new Date()), route.input.days);
    if (!view) return reply.code(404).send({ error: `no athlete with id ${route.params.id}` });
    return reply.type('text/html; charset=utf-8').send(renderReportHtml(view));
  });

  app.get('/api/athletes/:id/report.pdf', async (req, reply) => {
    const route = await athleteRoute(req, reply, { schema: reportQuery, from: 'query' });
    if (!route) return reply;
    const today = machineLocalDate(new Date());
    const view = await route.keel.report(route.params.id, today, route.input.days);
    if (!view) return reply.code(404).send({ error: `no athlete with id ${route.params.id}` });
    try {
      const pdf = await printReportPdf(renderReportHtml(view), {
        executablePath: chromiumPath(),
        paper: paperFor(view.units),
        footer: pdfFooter(view),
      });
      return reply
        .type('application/pdf')
        .header('content-disposition', `inline; filename="keel-report-${today}.pdf"`)
        .send(Buffer.from(pdf));
    } catch (error) {
      if (error instanceof ChromiumMissingError) return reply.code(503).send({ error: error.message });
      throw error;
    }
  });

  app.get('/api/runs/:id/spike', async (req, reply) => {
    const keel = keelOr503(reply);
    const params = keel && parse(idParams, req.params, 'path', reply);
    if (!keel || !params) return reply;
    return (await keel.runSpike(params.id)) ?? reply.code(404).send({ error: `no run with id ${params.id}` });
  });

  registerExportRoutes(app, athleteRoute);
  if (options.backupToken) registerBackupRoute(app, keelOr503, options.backupToken);

  app.all('/api/*', async (req, reply) =>
    reply.code(404).send({ error: `no such API route: ${req.method} ${req.url}` }),
  );

  const root = webRoot();
  if (root) app.register(fastifyStatic, { root, index: 'index.html' });
  else
    app.get('/', async (_req, reply) =>
      reply.type('text/plain').send('The web app is not built yet: run `npm run build` and reload.'),
    );

  app.setErrorHandler((error: Error & { statusCode?: number }, _req, reply) => {
    const status = error.statusCode && error.statusCode < 500 ? error.statusCode : 500;
    reply.code(status).send({ error: status === 500 ? `internal error: ${error.message}` : error.message });
  });
  return app;
}
