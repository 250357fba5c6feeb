import { describe, expect, it } from 'vitest';
import { createRandom } from '../../domain/random.js';
import { detectPattern, detectPatternWith, MIN_EVENTS, MIN_RUNS, robustCv } from './detect.js';
import { SCENARIOS, simulateHistory } from './simulate.js';
import type { PatternRun } from './types.js';

const AS_OF = new Date('2026-06-01T00:00:00Z');
const DAY_MS = 86_400_000;
const SECONDS_PER_METRE = 0.33;

/** Runs every third day up to AS_OF, oldest first: [distance, onset or 'none' for "somewhere", or null]. */
function history(runs: [number, number | 'none' | null][]): PatternRun[] {
  return runs.map(([distanceM, onset], i) => ({
    runId: `run-${i}`,
    startTime: new Date(AS_OF.getTime() - (runs.length - 1 - i) * 3 * DAY_MS),
    distanceM,
    durationS: distanceM * SECONDS_PER_METRE,
    pain: onset === null ? null : { onsetM: onset === 'none' ? null : onset, onsetS: null, severity: 4 },
  }));
}

/** Easy runs of 6–10 km without pain, and long runs of 15–18 km that hurt at 14 km ± 300 m. */
function kneeAt14km(): [number, number | 'none' | null][] {
  const random = createRandom(11);
  return Array.from({ length: 28 }, (_, i): [number, number | null] =>
    i % 4 === 3
      ? [random.uniform(15_000, 18_000), random.normal(14_000, 300)]
      : [random.uniform(6000, 10_000), null],
  );
}

describe('detectPattern', () => {
  it('finds a threshold, its interval and the pain-free distance below it', () => {
    const pattern = detectPattern(history(kneeAt14km()), { asOf: AS_OF });
    expect(pattern.status).toBe('threshold');
    expect(pattern.reasons).toContain('threshold-criteria-met');
    expect(pattern.events).toBe(7);
    expect(pattern.runs).toBe(28);
    expect(pattern.onsetM).toBeGreaterThan(13_600);
    expect(pattern.onsetM).toBeLessThan(14_400);
    const [lo, hi] = pattern.onsetIntervalM as [number, number];
    expect(lo).toBeLessThanOrEqual(pattern.onsetM as number);
    expect(hi).toBeGreaterThanOrEqual(pattern.onsetM as number);
    expect(pattern.painFreeM).toBeLessThanOrEqual(pattern.onsetM as number);
    expect(pattern.painFreeM).toBeGreaterThan(13_000);
    expect(pattern.weibull?.shape).toBeGreaterThan(4);
    expect(pattern.weibull?.lrtP).toBeLessThan(0.001);
    expect(pattern.trend).toBe('stable');
    expect(pattern.survival[0]).toEqual({ distanceM: 0, survival: 1 });
    expect(pattern.onsets).toHaveLength(7);
    expect(pattern.onsets.map((o) => o.startTime.getTime())).toEqual(
      [...pattern.onsets.map((o) => o.startTime.getTime())].sort((a, b) => a - b),
    );
  });

  it('reads a threshold from painful runs that gave no onset, bounded by pain-free runs', () => {
    const runs = kneeAt14km().map(([d, onset]): [number, number | 'none' | null] => [
      d,
      onset === null ? null : 'none',
    ]);
    const pattern = detectPattern(history(runs), { asOf: AS_OF });
    expect(pattern.status).toBe('threshold');
    expect(pattern.reasons).toContain('too-few-onsets');
    expect(pattern.trend).toBeNull();
    expect(pattern.onsetM).toBeGreaterThan(10_000);
    expect(pattern.onsetM).toBeLessThan(18_000);
  });

  it('needs 3 painful runs and 8 runs in the window', () => {
    const two = history([
      ...Array.from({ length: 10 }, (): [number, null] => [8000, null]),
      [15_000, 14_000],
      [15_000, 14_100],
    ]);
    expect(detectPattern(two, { asOf: AS_OF })).toMatchObject({
      status: 'insufficient-data',
      events: 2,
      reasons: ['too-few-painful-runs'],
      onsetM: null,
      trend: null,
    });
    const few = history([
      [8000, null],
      [8000, null],
      [15_000, 14_000],
      [15_000, 14_100],
      [15_000, 13_900],
    ]);
    expect(detectPattern(few, { asOf: AS_OF })).toMatchObject({
      status: 'insufficient-data',
      reasons: ['too-few-runs'],
    });
  });

  it('counts only runs inside the window, and leaves out runs without a distance', () => {
    const runs = history(kneeAt14km());
    const old = {
      ...(runs[0] as PatternRun),
      runId: 'old',
      startTime: new Date(AS_OF.getTime() - 200 * DAY_MS),
    };
    const future = {
      ...(runs[0] as PatternRun),
      runId: 'future',
      startTime: new Date(AS_OF.getTime() + DAY_MS),
    };
    const treadmill = { ...(runs[0] as PatternRun), runId: 'treadmill', distanceM: 0 };
    const pattern = detectPattern([old, future, treadmill, ...runs], { asOf: AS_OF });
    expect(pattern.runs).toBe(28);
    expect(pattern.reasons).toContain('runs-without-distance-left-out');
    expect(detectPattern(runs, { asOf: AS_OF, windowDays: 30 }).runs).toBe(11);
  });

  it('finds no pattern when pain comes at any distance', () => {
    const random = createRandom(5);
    const runs = Array.from({ length: 40 }, (): [number, number | null] => {
      const distance = random.uniform(5000, 20_000);
      const onset = -Math.log(1 - random.next()) * 25_000;
      return [distance, onset < distance ? onset : null];
    });
    const pattern = detectPattern(history(runs), { asOf: AS_OF });
    expect(pattern.status).toBe('no-pattern');
    expect(pattern.basis).toBe('undetermined');
    expect(pattern.reasons).not.toContain('threshold-criteria-met');
  });

  it('says when time on feet explains the pain better than distance', () => {
    const random = createRandom(9);
    const runs: PatternRun[] = Array.from({ length: 36 }, (_, i) => {
      const secondsPerMetre = 0.33 * random.normal(1, 0.12);
      const durationS = i % 3 === 2 ? random.uniform(6000, 7200) : random.uniform(2400, 3600);
      const onsetS = random.normal(5000, 120);
      return {
        runId: `run-${i}`,
        startTime: new Date(AS_OF.getTime() - i * 4 * DAY_MS),
        distanceM: durationS / secondsPerMetre,
        durationS,
        pain: onsetS < durationS ? { onsetM: null, onsetS, severity: 3 } : null,
      };
    });
    const pattern = detectPattern(runs, { asOf: AS_OF });
    expect(pattern.status).toBe('threshold');
    expect(pattern.basis).toBe('time');
    expect(pattern.onsetS).toBeGreaterThan(4800);
    expect(pattern.onsetS).toBeLessThan(5200);
  });
});

describe('robustCv', () => {
  it('equals the sd over the mean for symmetric onsets and ignores one stray report', () => {
    expect(robustCv([9, 10, 11])).toBeCloseTo(1.4826 / 10, 10);
    const withStray = [3, 13.5, 14, 14, 14.5];
    const mean = withStray.reduce((a, b) => a + b, 0) / withStray.length;
    const sd = Math.sqrt(withStray.reduce((a, b) => a + (b - mean) ** 2, 0) / (withStray.length - 1));
    expect(sd / mean).toBeGreaterThan(0.4);
    expect(robustCv(withStray)).toBeLessThan(0.06);
  });
});

/** Generated histories of every scenario, with random runs dropped, so that small and odd histories occur too. */
function* variedHistories(count: number): Generator<PatternRun[]> {
  const random = createRandom(2026);
  for (let i = 0; i < count; i++) {
    const scenario = SCENARIOS[i % SCENARIOS.length] as (typeof SCENARIOS)[number];
    const series = simulateHistory(scenario, 50_000 + i).series[0]?.runs ?? [];
    const keep = random.uniform(0.2, 1);
    yield series.filter(() => random.chance(keep));
  }
}

const quick = { intervalResamples: 0 };
const ONE_MILE_IN_KM = 1.609344;

describe('properties', () => {
  it('never claims a threshold from fewer than 3 painful runs or 8 runs', () => {
    for (const runs of variedHistories(300)) {
      const pattern = detectPatternWith(runs, { asOf: AS_OF }, quick);
      if (pattern.events < MIN_EVENTS || pattern.runs < MIN_RUNS)
        expect(pattern.status).toBe('insufficient-data');
    }
  });

  it('keeps the pain-free distance at or below the onset', () => {
    for (const runs of variedHistories(300)) {
      const pattern = detectPatternWith(runs, { asOf: AS_OF }, quick);
      if (pattern.painFreeM !== null && pattern.onsetM !== null) {
        expect(pattern.painFreeM).toBeLessThanOrEqual(pattern.onsetM);
      }
    }
  });

  it('does not depend on the order the runs come in', () => {
    const random = createRandom(3);
    for (const runs of variedHistories(60)) {
      const shuffled = [...runs].sort(() => random.next() - 0.5);
      expect(detectPatternWith(shuffled, { asOf: AS_OF }, quick)).toEqual(
        detectPatternWith(runs, { asOf: AS_OF }, quick),
      );
    }
  });

  it('gives the same answer in any unit: distances scaled by a mile in km scale the estimates', () => {
    for (const runs of variedHistories(100)) {
      // The 100 m floor on onsets is in metres; keep to histories it does not touch.
      if (runs.some((r) => r.pain?.onsetM !== null && (r.pain?.onsetM ?? Infinity) < 200)) continue;
      const scaled = runs.map((r) => ({
        ...r,
        distanceM: r.distanceM * ONE_MILE_IN_KM,
        pain: r.pain && { ...r.pain, onsetM: r.pain.onsetM === null ? null : r.pain.onsetM * ONE_MILE_IN_KM },
      }));
      const a = detectPatternWith(runs, { asOf: AS_OF }, quick);
      const b = detectPatternWith(scaled, { asOf: AS_OF }, quick);
      expect(b.status).toBe(a.status);
      expect(b.trend).toBe(a.trend);
      expect(b.basis).toBe(a.basis);
      if (a.onsetM !== null) expect((b.onsetM as number) / ONE_MILE_IN_KM).toBeCloseTo(a.onsetM, 0);
    }
  });

  it('adding pain-free runs shorter than any onset and any run moves neither the onset nor the pain-free distance', () => {
    const random = createRandom(4);
    for (const runs of variedHistories(150)) {
      const a = detectPatternWith(runs, { asOf: AS_OF }, quick);
      // Below the minimums there are no estimates to compare; more runs may lift it above them.
      if (a.status === 'insufficient-data') continue;
      const shortest = runs.reduce((s, r) => (r.distanceM < s.distanceM ? r : s));
      // A shortest run that hurt somewhere bounds a stretch from 0; a shorter run would split it.
      if (shortest.pain !== null) continue;
      const below = Math.min(shortest.distanceM, ...a.onsets.map((o) => o.onsetM ?? Infinity));
      const extra = Array.from({ length: random.int(1, 10) }, (_, i) => {
        const distanceM = below * random.uniform(0.3, 0.99);
        return { ...shortest, runId: `extra-${i}`, distanceM, durationS: distanceM * SECONDS_PER_METRE };
      });
      const b = detectPatternWith([...runs, ...extra], { asOf: AS_OF }, quick);
      // Equal up to where EM stops when some painful runs gave no onset: within 0.5%.
      for (const key of ['onsetM', 'painFreeM'] as const) {
        if (a[key] === null) expect(b[key]).toBeNull();
        else expect(Math.abs((b[key] as number) - a[key])).toBeLessThan(0.005 * a[key]);
      }
      // Onsets too spread stay too spread: short pain-free runs cannot make them "the same distance".
      if (a.reasons.includes('onsets-too-spread')) expect(b.status).not.toBe('threshold');
    }
  });

  it('repeats itself exactly, interval included', () => {
    const runs = history(kneeAt14km());
    expect(detectPattern(runs, { asOf: AS_OF })).toEqual(detectPattern(runs, { asOf: AS_OF }));
  });
});
