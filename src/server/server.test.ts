import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, ENGINES, type TestDatabase } from '../../test/helpers/engines.js';
import { makeRunFit } from '../../test/helpers/fit-files.js';
import { multipart } from '../../test/helpers/multipart.js';
import { Keel } from '../app/index.js';
import type {
  AthleteView,
  BenchmarkResultView,
  BenchmarksView,
  CatalogueView,
  FormSummaryView,
  GoalView,
  ImportReport,
  PainPatternView,
  PainReportView,
  PlanView,
  ProgramView,
  RunDetail,
  RunFormView,
  RunListItem,
  RunSeries,
  RunSpikeView,
  SessionLogView,
} from '../app/views.js';
import { buildApp } from './index.js';

describe('the API while the database is opening', () => {
  it('answers health and asks other routes to wait', async () => {
    const app = buildApp(() => ({ status: 'starting', message: 'Generating the demo athlete… 3/40 runs' }));
    const health = await app.inject('/api/health');
    expect(health.json()).toMatchObject({
      status: 'starting',
      message: 'Generating the demo athlete… 3/40 runs',
    });
    const athletes = await app.inject('/api/athletes');
    expect(athletes.statusCode).toBe(503);
    expect(athletes.json().error).toContain('Generating');
  });
});

describe.each(ENGINES)('the HTTP API on the %s engine', (engine) => {
  let db: TestDatabase;
  let keel: Keel;
  let app: ReturnType<typeof buildApp>;
  let athlete: AthleteView;

  beforeAll(async () => {
    db = await createTestDatabase(engine);
    keel = await Keel.open(db.config);
    athlete = await keel.createAthlete({ name: 'Ana', units: 'metric' });
    app = buildApp(() => ({ status: 'ready', keel }));
  });
  afterAll(async () => {
    await app?.close();
    await keel?.close();
    await db?.drop();
  });

  it('reports ready with the engine', async () => {
    expect((await app.inject('/api/health')).json()).toMatchObject({ status: 'ready', engine });
  });

  it('imports uploaded files with a result per file', async () => {
    const body = await multipart([
      {
        name: 'morning.fit',
        bytes: makeRunFit({ distanceM: 8_000, start: new Date('2026-10-01T06:00:00Z') }),
      },
      { name: 'notes.txt', bytes: new TextEncoder().encode('not a run') },
    ]);
    const response = await app.inject({
      method: 'POST',
      url: `/api/athletes/${athlete.id}/imports`,
      ...body,
    });
    expect(response.statusCode).toBe(200);
    const report = response.json() as ImportReport;
    expect(report.files.map((f) => [f.fileName, f.status])).toEqual([
      ['morning.fit', 'imported'],
      ['notes.txt', 'rejected'],
    ]);
    expect(report.files[1]?.message.length).toBeGreaterThan(5);
  });

  it("refuses uploads into the demo athlete and imports them into the runner's own athlete instead", async () => {
    const own = await createTestDatabase(engine);
    const ownKeel = await Keel.open(own.config);
    const ownApp = buildApp(() => ({ status: 'ready', keel: ownKeel }));
    try {
      const demo = await ownKeel.createAthlete({ name: 'Demo', units: 'metric', isDemo: true });
      const upload = () =>
        multipart([{ name: 'easy.fit', bytes: makeRunFit({ start: new Date('2026-10-02T06:00:00Z') }) }]);
      const refused = await ownApp.inject({
        method: 'POST',
        url: `/api/athletes/${demo.id}/imports`,
        ...(await upload()),
      });
      expect(refused.statusCode).toBe(409);
      expect(refused.json().error).toContain('POST /api/imports');
      expect((await ownKeel.runs(demo.id)).length).toBe(0);

      const accepted = await ownApp.inject({ method: 'POST', url: '/api/imports', ...(await upload()) });
      const report = accepted.json() as ImportReport;
      expect(report.totals.imported).toBe(1);
      const target = await ownKeel.athlete(report.athleteId);
      expect(target).toMatchObject({ isDemo: false, runCount: 1 });
      const notForm = await ownApp.inject({ method: 'POST', url: '/api/imports', payload: { files: [] } });
      expect(notForm.statusCode).toBe(400);
      expect(notForm.json().error).toContain('multipart/form-data');
    } finally {
      await ownApp.close();
      await ownKeel.close();
      await own.drop();
    }
  });

  it('lists runs and serves a run with thinned series for charts', async () => {
    const runs = (await app.inject(`/api/athletes/${athlete.id}/runs`)).json() as RunListItem[];
    expect(runs).toHaveLength(1);
    const id = runs[0]?.id ?? '';
    const run = (await app.inject(`/api/runs/${id}`)).json() as RunDetail;
    expect(run).toMatchObject({ id, athleteId: athlete.id, distanceM: expect.closeTo(8_000, -2) });
    const series = (await app.inject(`/api/runs/${id}/series?points=200`)).json() as RunSeries;
    expect(series.points).toBeLessThanOrEqual(200);
    expect(series.rawPoints).toBeGreaterThan(200);
    expect(series.channels.distance).toHaveLength(series.points);
    expect(series.channels.heartRate).toHaveLength(series.points);
  });

  it('switches the athlete to miles and validates what it is sent', async () => {
    const ok = await app.inject({
      method: 'PATCH',
      url: `/api/athletes/${athlete.id}`,
      payload: { units: 'imperial' },
    });
    expect(ok.json()).toMatchObject({ units: 'imperial' });
    const bad = await app.inject({
      method: 'PATCH',
      url: `/api/athletes/${athlete.id}`,
      payload: { units: 'furlongs' },
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error).toMatch(/^body\.units: /);
    expect((await app.inject('/api/runs/not-an-id')).json().error).toMatch(/^path\.id: /);
    expect((await app.inject(`/api/runs/${crypto.randomUUID()}`)).statusCode).toBe(404);
    expect((await app.inject(`/api/athletes/${crypto.randomUUID()}/runs`)).statusCode).toBe(404);
    expect((await app.inject('/api/nothing')).statusCode).toBe(404);
  });

  it('takes pain reports, triages them, clears red flags and answers patterns', async () => {
    const [run] = (await app.inject(`/api/athletes/${athlete.id}/runs`)).json() as RunListItem[];
    const url = `/api/athletes/${athlete.id}/pain-reports`;
    const body = {
      runId: run?.id,
      region: 'calf',
      side: 'right',
      onset: { kind: 'distance', distanceM: 5_000 },
      severity: 3,
      redFlags: { calfSwollenWarmTender: true },
    };
    const created = await app.inject({ method: 'POST', url, payload: body });
    expect(created.statusCode).toBe(201);
    const report = created.json() as PainReportView;
    expect(report.triage).toMatchObject({ level: 'stop', urgent: true });
    expect((await app.inject(`/api/athletes/${athlete.id}/red-flags`)).json()).toHaveLength(1);

    const cleared = await app.inject({
      method: 'POST',
      url: `/api/pain-reports/${report.id}/clear`,
      payload: { note: 'GP, same day: ultrasound clear' },
    });
    expect((cleared.json() as PainReportView).cleared?.note).toBe('GP, same day: ultrasound clear');
    expect((await app.inject(`/api/athletes/${athlete.id}/red-flags`)).json()).toEqual([]);

    const patched = await app.inject({
      method: 'PATCH',
      url: `/api/pain-reports/${report.id}`,
      payload: { nextMorningSeverity: 1 },
    });
    expect((patched.json() as PainReportView).nextMorningSeverity).toBe(1);
    expect((await app.inject(`/api/runs/${run?.id}/pain-reports`)).json()).toHaveLength(1);

    const patterns = (
      await app.inject(`/api/athletes/${athlete.id}/patterns?days=3650`)
    ).json() as PainPatternView[];
    expect(patterns).toEqual([
      expect.objectContaining({ region: 'calf', side: 'right', status: 'insufficient-data', events: 1 }),
    ]);

    const deleted = await app.inject({ method: 'DELETE', url: `/api/pain-reports/${report.id}` });
    expect(deleted.statusCode).toBe(204);
    expect((await app.inject(`/api/pain-reports/${report.id}`)).statusCode).toBe(404);
  });

  it('says what is wrong with a pain report, and stores nothing', async () => {
    const url = `/api/athletes/${athlete.id}/pain-reports`;
    const [run] = (await app.inject(`/api/athletes/${athlete.id}/runs`)).json() as RunListItem[];
    const bad = await app.inject({
      method: 'POST',
      url,
      payload: { date: '2026-10-01', region: 'elbow', side: 'left', onset: { kind: 'during' }, severity: 12 },
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error).toMatch(/body\.region: .*body\.severity: /);
    const tooFar = await app.inject({
      method: 'POST',
      url,
      payload: {
        runId: run?.id,
        region: 'knee',
        side: 'left',
        onset: { kind: 'distance', distanceM: 30_000 },
        severity: 2,
      },
    });
    expect(tooFar.statusCode).toBe(422);
    expect(tooFar.json().error).toMatch(/beyond the run/);
    expect((await app.inject(url)).json()).toEqual([]);
  });

  it('answers a run’s form and the form summary', async () => {
    const [run] = (await app.inject(`/api/athletes/${athlete.id}/runs`)).json() as RunListItem[];
    const form = (await app.inject(`/api/runs/${run?.id}/form`)).json() as RunFormView;
    expect(form).toMatchObject({ runId: run?.id, evidence: expect.any(String) });
    expect(Array.isArray(form.metrics)).toBe(true);
    const summary = (
      await app.inject(`/api/athletes/${athlete.id}/form?days=3650`)
    ).json() as FormSummaryView;
    expect(summary.runs.map((r) => r.runId)).toContain(run?.id);
    expect((await app.inject(`/api/runs/${crypto.randomUUID()}/form`)).statusCode).toBe(404);
  });

  it('updates the profile the norms need, and says which field is wrong', async () => {
    const url = `/api/athletes/${athlete.id}`;
    const ok = await app.inject({ method: 'PATCH', url, payload: { sex: 'female', birthYear: 1991 } });
    expect(ok.json()).toMatchObject({ id: athlete.id, sex: 'female', birthYear: 1991 });
    const bad = await app.inject({ method: 'PATCH', url, payload: { birthYear: 1800 } });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error).toMatch(/body\.birthYear: a year from 1900/);
    const future = await app.inject({ method: 'PATCH', url, payload: { birthYear: 2999 } });
    expect(future.statusCode).toBe(422);
  });

  it('serves the catalogue, the program, session logs and benchmarks', async () => {
    const catalogue = (await app.inject('/api/exercises')).json() as CatalogueView;
    expect(catalogue.exercises.length).toBeGreaterThanOrEqual(40);

    const programUrl = `/api/athletes/${athlete.id}/program`;
    const put = await app.inject({
      method: 'PUT',
      url: programUrl,
      payload: { sessionsPerWeek: 2, minutesPerSession: 20, equipment: ['band', 'band'] },
    });
    expect(put.statusCode).toBe(200);
    const program = put.json() as ProgramView;
    expect(program.settings).toMatchObject({ sessionsPerWeek: 2, equipment: ['band'], saved: true });
    const badSettings = await app.inject({
      method: 'PUT',
      url: programUrl,
      payload: { sessionsPerWeek: 9, minutesPerSession: 20, equipment: ['anvil'] },
    });
    expect(badSettings.statusCode).toBe(400);
    expect(badSettings.json().error).toMatch(/body\.sessionsPerWeek: at most 4.*body\.equipment\.0/);
    expect((await app.inject(`${programUrl}?date=2026-02-30`)).statusCode).toBe(400);

    const item = program.today.session.items[0];
    const sessionsUrl = `${programUrl}/sessions`;
    const logged = await app.inject({
      method: 'POST',
      url: sessionsUrl,
      payload: {
        date: program.asOf,
        label: program.today.label,
        exercises: [
          {
            exerciseId: item?.exerciseId,
            setsDone: item?.sets,
            achieved: item?.target,
            rpe: 6,
            painDuring: 0,
            goodForm: true,
          },
        ],
      },
    });
    expect(logged.statusCode).toBe(201);
    const log = logged.json() as SessionLogView;
    const patched = await app.inject({
      method: 'PATCH',
      url: `/api/program-sessions/${log.id}`,
      payload: { painNextMorning: 1 },
    });
    expect((patched.json() as SessionLogView).painNextMorning).toBe(1);
    const badLog = await app.inject({
      method: 'POST',
      url: sessionsUrl,
      payload: {
        date: program.asOf,
        exercises: [{ exerciseId: 'nope', setsDone: 1, achieved: 1, rpe: 11, painDuring: 0, goodForm: true }],
      },
    });
    expect(badLog.statusCode).toBe(400);
    expect(badLog.json().error).toMatch(/exerciseId: "nope" is not an exercise.*rpe/);
    expect(((await app.inject(sessionsUrl)).json() as SessionLogView[]).map((l) => l.id)).toEqual([log.id]);
    expect((await app.inject({ method: 'DELETE', url: `/api/program-sessions/${log.id}` })).statusCode).toBe(
      204,
    );
    expect((await app.inject({ method: 'DELETE', url: `/api/program-sessions/${log.id}` })).statusCode).toBe(
      404,
    );

    const benchUrl = `/api/athletes/${athlete.id}/benchmarks`;
    const added = await app.inject({
      method: 'POST',
      url: benchUrl,
      payload: { results: [{ testId: 'trunk-flexor', takenOn: '2026-01-10', value: 120 }] },
    });
    expect(added.statusCode).toBe(201);
    const [result] = added.json() as BenchmarkResultView[];
    const badBench = await app.inject({
      method: 'POST',
      url: benchUrl,
      payload: { results: [{ testId: 'side-bridge', takenOn: '2026-01-10', value: 60 }] },
    });
    expect(badBench.statusCode).toBe(400);
    expect(badBench.json().error).toMatch(/body\.results\.0\.side: Side bridge is done per side/);
    const view = (await app.inject(`${benchUrl}?date=2026-01-20`)).json() as BenchmarksView;
    expect(view.evaluation.tests.map((t) => t.testId)).toEqual(['trunk-flexor']);
    expect(view.evaluation.retestDue).toBe('2026-02-07');
    expect((await app.inject({ method: 'DELETE', url: `/api/benchmarks/${result?.id}` })).statusCode).toBe(
      204,
    );
  });

  it('takes a goal race, answers the plan and each run’s spike guard', async () => {
    const url = `/api/athletes/${athlete.id}`;
    expect((await app.inject(`${url}/plan`)).statusCode).toBe(404);
    const bad = await app.inject({
      method: 'POST',
      url: `${url}/goals`,
      payload: { distanceM: 1000, date: 'soon' },
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error).toMatch(/body\.distanceM: at least 5 km.*body\.date/);
    const past = await app.inject({
      method: 'POST',
      url: `${url}/goals`,
      payload: { distanceM: 10_000, date: '2020-01-01' },
    });
    expect(past.statusCode).toBe(422);
    const made = await app.inject({
      method: 'POST',
      url: `${url}/goals`,
      payload: { distanceM: 21_097.5, date: '2099-04-11', surface: 'trail', name: 'Far Half' },
    });
    expect(made.statusCode).toBe(201);
    const view = made.json() as PlanView;
    expect(view.goal).toMatchObject({ name: 'Far Half', surface: 'trail' });
    expect((await app.inject(`${url}/plan`)).json()).toMatchObject({ goal: { id: view.goal.id } });
    const ics = await app.inject(`${url}/plan.ics`);
    expect(ics.headers['content-type']).toBe('text/calendar; charset=utf-8');
    expect(ics.headers['content-disposition']).toBe('attachment; filename="keel-plan-2099-04-11.ics"');
    expect(ics.body.match(/BEGIN:VEVENT/g)).toHaveLength(
      view.plan.weeks.filter((w) => w.longRunM > 0).length,
    );
    expect(((await app.inject(`${url}/goals`)).json() as GoalView[]).map((g) => g.id)).toEqual([
      view.goal.id,
    ]);
    const [run] = (await app.inject(`${url}/runs`)).json() as RunListItem[];
    const spike = (await app.inject(`/api/runs/${run?.id}/spike`)).json() as RunSpikeView;
    expect(spike).toMatchObject({ distanceM: run?.distanceM, source: expect.stringMatching(/RUNSAFE/) });
    expect((await app.inject({ method: 'DELETE', url: `/api/goals/${view.goal.id}` })).statusCode).toBe(204);
    expect((await app.inject(`${url}/plan.ics`)).statusCode).toBe(404);
  });
});
