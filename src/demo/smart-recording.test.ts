import { describe, expect, it } from 'vitest';
import { DEFAULT_RUNNER } from './runner-model.js';
import { smartRecording } from './smart-recording.js';
import { generateRun } from './synthetic-run.js';

const run = generateRun({
  seed: 3,
  distanceM: 8_000,
  speedMps: 2.7,
  course: null,
  runner: DEFAULT_RUNNER,
  pauses: [{ atM: 4_000, durationS: 60 }],
  walkBreaks: [{ atM: 6_000, durationS: 60 }],
});

describe('smartRecording', () => {
  const { samples, pauses } = smartRecording(run, 9);
  const gaps = samples.time.slice(1).map((t, i) => t - (samples.time[i] ?? 0));

  it('keeps a sample every few seconds, unevenly, like a Garmin on smart recording', () => {
    const mean = (samples.time.at(-1) ?? 0) / samples.time.length;
    expect(mean).toBeGreaterThan(5);
    expect(mean).toBeLessThan(7.5);
    expect(gaps.filter((g) => g <= 8).every((g) => g >= 1)).toBe(true);
    expect(gaps.filter((g) => g > 8)).toHaveLength(1);
    expect(new Set(gaps).size).toBeGreaterThan(4);
  });

  it('keeps the first and last samples, both sides of a pause, and every channel aligned', () => {
    expect(samples.time[0]).toBe(0);
    expect(samples.distance?.at(-1)).toBe(8_000);
    const [pause] = pauses;
    expect(samples.time).toContain(pause?.startS);
    expect(samples.time).toContain((pause?.endS ?? 0) + 1);
    for (const values of Object.values(samples)) expect(values?.length).toBe(samples.time.length);
  });

  it('samples more densely when the speed changes (a walk break)', () => {
    const walkStart = samples.time.findIndex(
      (_, i) => (samples.distance?.[i] ?? 0) > 6_000 && (samples.speed?.[i] ?? 9) < 1.8,
    );
    expect(walkStart).toBeGreaterThan(3);
    const densest = Math.min(...gaps.slice(walkStart - 3, walkStart + 3));
    expect(densest).toBeLessThan(6);
  });

  it('is deterministic for a seed', () => {
    expect(smartRecording(run, 9).samples.time).toEqual(samples.time);
  });
});
