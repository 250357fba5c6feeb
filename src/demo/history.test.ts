import type { RecordMesg } from '@garmin/fitsdk';
import { beforeAll, describe, expect, it } from 'vitest';
import { decodeFit } from '../../test/helpers/fit-files.js';
import { type DemoHistory, type DemoRun, generateDemoHistory } from './history.js';
import { PAIN_ONSET_JITTER_M, PAIN_ONSET_M, STABILIZER_WORK_SHOWS_FROM_WEEK } from './pain-story.js';
import { describeDemoPainStory } from './story.js';

const SEED = 20261124;
const END = new Date('2026-11-24T06:00:00Z');
const DAY_MS = 86_400_000;

let history: DemoHistory;
let painful: Array<DemoRun & { plan: { pain: NonNullable<DemoRun['plan']['pain']> } }>;
beforeAll(() => {
  history = generateDemoHistory({ seed: SEED, endDate: END });
  painful = history.runs.flatMap((r) =>
    r.plan.pain ? [{ ...r, plan: { ...r.plan, pain: r.plan.pain } }] : [],
  );
});

describe('generateDemoHistory', () => {
  it('is the same, byte for byte, for the same seed and end date', () => {
    const again = generateDemoHistory({ seed: SEED, endDate: END });
    expect(again.runs.map((r) => r.fileName)).toEqual(history.runs.map((r) => r.fileName));
    for (const [i, run] of again.runs.entries()) {
      expect(Buffer.from(run.fit).equals(Buffer.from(history.runs[i]?.fit ?? []))).toBe(true);
    }
    expect(again.runs.map((r) => r.plan)).toEqual(history.runs.map((r) => r.plan));
  });

  it('describes the athlete', () => {
    expect(history.athlete).toEqual({
      name: 'Lena Brunner',
      units: 'metric',
      birthYear: 1991,
      sex: 'female',
    });
  });

  it('spans 12–16 weeks and ends before the end date', () => {
    const starts = history.runs.map((r) => r.plan.startTime.getTime());
    expect(END.getTime() - Math.min(...starts)).toBeGreaterThan(12 * 7 * DAY_MS);
    expect(END.getTime() - Math.min(...starts)).toBeLessThan(16 * 7 * DAY_MS);
    expect(END.getTime() - Math.max(...starts)).toBeLessThan(7 * DAY_MS);
    expect(new Set(history.runs.map((r) => r.fileName)).size).toBe(history.runs.length);
    expect(history.runs.every((r) => /^\d{4}-\d\d-\d\d-\d\d-\d\d-\d\d\.fit$/.test(r.fileName))).toBe(true);
  });

  it('has pain start in a narrow band of distance on every run that goes that far', () => {
    expect(painful.length).toBeGreaterThanOrEqual(6);
    const before = painful.filter((r) => r.plan.week < STABILIZER_WORK_SHOWS_FROM_WEEK);
    expect(before.length).toBeGreaterThanOrEqual(3);
    for (const r of before)
      expect(Math.abs(r.plan.pain.onsetM - PAIN_ONSET_M)).toBeLessThanOrEqual(PAIN_ONSET_JITTER_M);
    for (const r of painful) {
      expect(r.plan.pain.onsetM).toBeGreaterThan(13_000);
      expect(r.plan.pain.onsetM).toBeLessThan(16_500);
      expect(r.plan.pain).toMatchObject({ region: 'knee', side: 'left' });
      expect(r.plan.pain.severity).toBeGreaterThanOrEqual(3);
      expect(r.plan.pain.severity).toBeLessThanOrEqual(6);
      expect(r.plan.pain.nextMorningSeverity).toBeLessThan(r.plan.pain.severity);
    }
  });

  it('keeps every pain-free run shorter than the shortest onset', () => {
    const shortestOnset = Math.min(...painful.map((r) => r.plan.pain.onsetM));
    const painFree = history.runs.filter((r) => !r.plan.pain);
    expect(Math.max(...painFree.map((r) => r.plan.distanceM))).toBeLessThan(shortestOnset);
  });

  it('moves the onset out once the stabilizer work takes hold', () => {
    const mean = (runs: typeof painful) => runs.reduce((s, r) => s + r.plan.pain.onsetM, 0) / runs.length;
    const early = painful.filter((r) => r.plan.week < STABILIZER_WORK_SHOWS_FROM_WEEK);
    const late = painful.filter((r) => r.plan.week >= STABILIZER_WORK_SHOWS_FROM_WEEK);
    expect(late.length).toBeGreaterThanOrEqual(2);
    expect(mean(late)).toBeGreaterThan(mean(early) + 500);
  });

  it('starts the form drift one to two kilometres before the pain', () => {
    for (const r of painful) {
      const lead = r.plan.pain.onsetM - (r.plan.formDriftFromM ?? Number.NaN);
      expect(lead).toBeGreaterThanOrEqual(1_000);
      expect(lead).toBeLessThanOrEqual(2_000);
    }
  });

  it('shows the drift in the files: longer ground contact and lower cadence at the same speed, late on', () => {
    for (const run of painful) {
      const records = running(decodeFit(run.fit).messages.recordMesgs ?? []);
      const freshTo = Math.min(run.plan.formDriftFromM ?? 9_000, 9_000);
      const fresh = records.filter((r) => r.distance >= 2_000 && r.distance < freshTo);
      const late = records.filter((r) => r.distance >= run.plan.pain.onsetM);
      for (const [channel, change] of [
        ['stanceTime', 3],
        ['cadence', -0.5],
      ] as const) {
        const expected = lineFit(fresh.map((r) => [r.speed, r[channel]]));
        const residual = (rs: typeof records) =>
          rs.reduce((s, r) => s + r[channel] - expected(r.speed), 0) / rs.length;
        if (change > 0) expect(residual(late) - residual(fresh)).toBeGreaterThan(change);
        else expect(residual(late) - residual(fresh)).toBeLessThan(change);
      }
    }
  });

  it('writes files Garmin’s decoder reads cleanly, whose summaries match the plan', () => {
    for (const { fit, plan } of history.runs) {
      const { errors, intact, messages } = decodeFit(fit);
      expect(errors).toEqual([]);
      expect(intact).toBe(true);
      const [session, ...more] = messages.sessionMesgs ?? [];
      expect(more).toEqual([]);
      expect(session).toMatchObject({
        sport: 'running',
        subSport: { road: 'street', trail: 'trail', treadmill: 'treadmill' }[plan.surface],
        startTime: plan.startTime,
      });
      expect(Math.abs(Number(session?.totalDistance) - plan.distanceM)).toBeLessThan(0.01);
      const pace = Number(session?.totalTimerTime) / (plan.distanceM / 1000);
      expect(pace).toBeGreaterThan(5 * 60);
      expect(pace).toBeLessThan(7.5 * 60);
      const activity = messages.activityMesgs?.[0];
      const fitEnd = (Number(activity?.timestamp) - Date.UTC(1989, 11, 31)) / 1000;
      expect(Number(activity?.localTimestamp) - fitEnd).toBe(plan.utcOffsetMin * 60);
      expect(messages.fileIdMesgs?.[0]).toMatchObject({ manufacturer: 'garmin', garminProduct: 'fr965' });
      if (plan.pain) {
        const at = (messages.recordMesgs ?? []).find((r) => Number(r.distance) >= (plan.pain?.onsetM ?? 0));
        expect((Number(at?.timestamp) - plan.startTime.getTime()) / 1000).toBeGreaterThanOrEqual(
          plan.pain.onsetS,
        );
      }
    }
  });

  it('is realistic: a treadmill run without GPS, one with pauses, one without the chest strap', () => {
    const decoded = history.runs.map((r) => ({ plan: r.plan, messages: decodeFit(r.fit).messages }));
    const treadmill = decoded.filter((d) => d.plan.surface === 'treadmill');
    expect(treadmill.length).toBeGreaterThanOrEqual(1);
    for (const d of treadmill)
      expect(d.messages.recordMesgs?.some((r) => r.positionLat !== undefined)).toBe(false);
    const paused = decoded.filter(
      (d) => (d.messages.eventMesgs ?? []).filter((e) => e.eventType === 'stopAll').length > 1,
    );
    expect(paused.length).toBeGreaterThanOrEqual(1);
    const noStrap = decoded.filter((d) => !d.messages.recordMesgs?.some((r) => r.stanceTime !== undefined));
    expect(noStrap).toHaveLength(1);
    expect(noStrap[0]?.messages.recordMesgs?.some((r) => r.cadence !== undefined)).toBe(true);
  });

  it('stays small: well under 15 MB for the whole history', () => {
    const bytes = history.runs.reduce((sum, r) => sum + r.fit.byteLength, 0);
    expect(bytes).toBeLessThan(15_000_000);
  });
});

describe('describeDemoPainStory', () => {
  it('tells the story with the history’s own numbers', () => {
    const story = describeDemoPainStory(history);
    expect(story).toContain('Lena Brunner');
    expect(story).toContain('left knee');
    const early = painful.filter((r) => r.plan.week < STABILIZER_WORK_SHOWS_FROM_WEEK);
    const earliest = Math.min(...early.map((r) => r.plan.pain.onsetM));
    expect(story).toContain(`between ${(earliest / 1000).toFixed(1)} km and`);
    expect(story).toContain('stabilizer endurance work');
  });
});

/** Running records (no walking, no start) with the channels the drift test compares, in steps/min. */
function running(records: RecordMesg[]) {
  return records.flatMap((r) => {
    const speed = Number(r.enhancedSpeed);
    const cadence = 2 * (Number(r.cadence) + Number(r.fractionalCadence));
    return speed > 2 && r.stanceTime !== undefined
      ? [{ distance: Number(r.distance), speed, stanceTime: Number(r.stanceTime), cadence }]
      : [];
  });
}

/** Least-squares line through (x, y) points. */
function lineFit(points: ReadonlyArray<readonly [number, number]>): (x: number) => number {
  const n = points.length;
  const mx = points.reduce((s, [x]) => s + x, 0) / n;
  const my = points.reduce((s, [, y]) => s + y, 0) / n;
  const sxy = points.reduce((s, [x, y]) => s + (x - mx) * (y - my), 0);
  const sxx = points.reduce((s, [x]) => s + (x - mx) ** 2, 0);
  const slope = sxx > 0 ? sxy / sxx : 0;
  return (x) => my + slope * (x - mx);
}
