import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, ENGINES, type TestDatabase } from '../../../test/helpers/engines.js';
import { makeRunFit } from '../../../test/helpers/fit-files.js';
import { itemsFromBytes } from '../import/index.js';
import { Keel } from '../keel.js';

const DAY_MS = 86_400_000;

describe.each(ENGINES)('form breakdown on the %s engine', (engine) => {
  let db: TestDatabase;
  let keel: Keel;
  let athleteId: string;
  const ids: Record<string, string> = {};

  beforeAll(async () => {
    db = await createTestDatabase(engine);
    keel = await Keel.open(db.config);
    athleteId = (await keel.importTarget()).id;
    const now = Date.now();
    const runs = [
      { name: 'steady', distanceM: 12_000, durationS: 4_200, daysAgo: 9 },
      { name: 'steady2', distanceM: 10_000, durationS: 3_450, daysAgo: 6 },
      { name: 'drifting', distanceM: 16_000, durationS: 5_700, daysAgo: 3, fatigueFromM: 10_000 },
    ];
    const report = await keel.importFiles(
      athleteId,
      itemsFromBytes(
        runs.map((r, i) => ({
          fileName: `${r.name}.fit`,
          bytes: makeRunFit({
            distanceM: r.distanceM,
            durationS: r.durationS,
            start: new Date(now - r.daysAgo * DAY_MS),
            withDynamics: true,
            seed: 40 + i,
            ...(r.fatigueFromM ? { fatigueFromM: r.fatigueFromM } : {}),
          }),
        })),
      ),
    );
    runs.forEach((r, i) => {
      ids[r.name] = report.files[i]?.runs[0]?.id as string;
    });
    await keel.addPainReport(athleteId, {
      runId: ids.drifting,
      region: 'knee',
      side: 'left',
      onset: { kind: 'distance', distanceM: 12_500 },
      severity: 4,
      redFlags: {},
    });
  });
  afterAll(async () => {
    await keel?.close();
    await db?.drop();
  });

  it('finds where a run’s form starts to drift, on native dynamics, with the pain onset beside it', async () => {
    const form = await keel.runForm(ids.drifting as string);
    expect(form).toMatchObject({ evidence: 'native-dynamics', painOnsetM: 12_500 });
    expect(form?.breakdownM).toBeGreaterThan(9_000);
    expect(form?.breakdownM).toBeLessThan(11_000);
    expect(form?.metrics.find((m) => m.name === 'stanceTime')?.series.distanceM.length).toBeGreaterThan(20);
  });

  it('finds no breakdown on a steady run', async () => {
    expect((await keel.runForm(ids.steady as string))?.breakdownM).toBeNull();
  });

  it('summarises form across runs, with how far the drift came before the pain', async () => {
    const summary = await keel.formSummary(athleteId, new Date(), 180);
    expect(summary).toMatchObject({ analysed: 3, breakdowns: 1 });
    expect(summary.runs.map((r) => r.runId)).toEqual([ids.drifting, ids.steady2, ids.steady]);
    expect(summary.painLead).toHaveLength(1);
    expect(summary.painLead[0]?.leadM).toBeGreaterThan(1_500);
  });

  it('answers undefined for a run that does not exist', async () => {
    expect(await keel.runForm(crypto.randomUUID())).toBeUndefined();
  });
});
