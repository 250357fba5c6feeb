import { describe, expect, it } from 'vitest';
import type { Streams } from '../domain/channels.js';
import { createRandom } from '../domain/random.js';
import { makeCourse } from './course.js';
import { DEMO_PLACE } from './demo-athlete.js';
import { DEFAULT_RUNNER } from './runner-model.js';
import { generateRun, type RunPlan } from './synthetic-run.js';

const flat = { ...DEMO_PLACE, hills: [] };
const plan = (overrides: Partial<RunPlan> = {}): RunPlan => ({
  seed: 7,
  distanceM: 10_000,
  speedMps: 2.7,
  course: makeCourse(DEMO_PLACE, 'loop', 5_000, createRandom(1)),
  runner: { ...DEFAULT_RUNNER, stabilizerEnduranceM: Number.POSITIVE_INFINITY },
  ...overrides,
});

/** Mean of a channel over samples whose distance is in [fromM, toM) and that pass `keep`. */
function meanOver(
  s: Streams,
  channel: keyof Streams,
  fromM: number,
  toM: number,
  keep: (i: number) => boolean = () => true,
) {
  let sum = 0;
  let n = 0;
  s.time.forEach((_, i) => {
    const d = s.distance?.[i] ?? 0;
    const v = s[channel]?.[i];
    if (d >= fromM && d < toM && v !== undefined && keep(i)) {
      sum += v;
      n++;
    }
  });
  return sum / n;
}

describe('generateRun', () => {
  it('is deterministic for a plan and differs between seeds', () => {
    const a = generateRun(plan());
    expect(generateRun(plan()).samples).toEqual(a.samples);
    expect(generateRun(plan({ seed: 8 })).samples.heartRate).not.toEqual(a.samples.heartRate);
  });

  it('samples every second and ends exactly at the planned distance', () => {
    const { samples } = generateRun(plan());
    const n = samples.time.length;
    expect(samples.time.every((t, i) => t === i)).toBe(true);
    expect(samples.distance?.[n - 1]).toBe(10_000);
    expect(samples.distance?.every((d, i) => i === 0 || d > (samples.distance?.[i - 1] ?? 0))).toBe(true);
    expect(n / 10).toBeGreaterThan(340);
    expect(n / 10).toBeLessThan(400);
  });

  it('keeps running dynamics within the ranges watches report', () => {
    const { samples } = generateRun(plan());
    const within = (channel: keyof Streams, min: number, max: number) =>
      expect(samples[channel]?.slice(30).every((v) => v >= min && v <= max)).toBe(true);
    within('cadence', 150, 195);
    within('stanceTime', 160, 300);
    within('stanceTimeBalance', 47, 53);
    within('verticalOscillation', 60, 130);
    within('verticalRatio', 6, 11);
    within('heartRate', 90, 188);
  });

  it('runs faster with a higher cadence, longer steps and shorter ground contact', () => {
    const slow = generateRun(plan({ course: null })).samples;
    const fast = generateRun(plan({ course: null, speedMps: 3.3 })).samples;
    const at = (s: Streams, c: keyof Streams) => meanOver(s, c, 1_000, 9_000);
    expect(at(fast, 'cadence')).toBeGreaterThan(at(slow, 'cadence') + 3);
    expect(at(fast, 'stepLength')).toBeGreaterThan(at(slow, 'stepLength') + 60);
    expect(at(fast, 'stanceTime')).toBeLessThan(at(slow, 'stanceTime') - 15);
    expect(at(fast, 'heartRate')).toBeGreaterThan(at(slow, 'heartRate') + 10);
  });

  it('slows uphill and climbs as much as it descends on a loop', () => {
    const { samples } = generateRun(plan());
    const alt = samples.altitude ?? new Float64Array();
    let upSpeed = 0;
    let up = 0;
    let downSpeed = 0;
    let down = 0;
    for (let i = 60; i < alt.length - 10; i++) {
      const grade =
        ((alt[i + 5] ?? 0) - (alt[i - 5] ?? 0)) /
        ((samples.distance?.[i + 5] ?? 0) - (samples.distance?.[i - 5] ?? 0));
      const v = samples.speed?.[i] ?? 0;
      if (grade > 0.02) {
        upSpeed += v;
        up++;
      } else if (grade < -0.02) {
        downSpeed += v;
        down++;
      }
    }
    expect(up).toBeGreaterThan(100);
    expect(down).toBeGreaterThan(100);
    expect(upSpeed / up).toBeLessThan(downSpeed / down - 0.15);
    expect(Math.abs((alt[alt.length - 1] ?? 0) - (alt[0] ?? 0))).toBeLessThan(3);
  });

  it('drifts in form beyond the stabilizer endurance distance, at the same speed', () => {
    const runner = { ...DEFAULT_RUNNER, stabilizerEnduranceM: 10_000 };
    const { samples } = generateRun(
      plan({ distanceM: 15_000, course: makeCourse(flat, 'loop', 5_000, createRandom(2)), runner }),
    );
    const steady = (i: number) => Math.abs((samples.speed?.[i] ?? 0) - 2.7) < 0.08;
    const fresh = (c: keyof Streams) => meanOver(samples, c, 3_000, 10_000, steady);
    const late = (c: keyof Streams) => meanOver(samples, c, 14_000, 15_000, steady);
    expect(late('stanceTime') / fresh('stanceTime')).toBeGreaterThan(1.04);
    expect(late('cadence') - fresh('cadence')).toBeLessThan(-2);
    expect(late('verticalOscillation') / fresh('verticalOscillation')).toBeGreaterThan(1.04);
    expect(late('stanceTimeBalance') - fresh('stanceTimeBalance')).toBeGreaterThan(1);
    // No drift before it.
    expect(
      Math.abs(meanOver(samples, 'stanceTime', 8_000, 10_000, steady) - fresh('stanceTime')),
    ).toBeLessThan(2);
  });

  it('lets heart rate rise at a steady pace (cardiac drift)', () => {
    const { samples } = generateRun(plan({ distanceM: 16_000, course: null }));
    expect(
      meanOver(samples, 'heartRate', 14_000, 16_000) - meanOver(samples, 'heartRate', 3_000, 5_000),
    ).toBeGreaterThan(3);
  });

  it('stops the timer for pauses: no samples inside, the pause returned', () => {
    const { samples, pauses } = generateRun(plan({ pauses: [{ atM: 2_000, durationS: 45 }] }));
    expect(pauses).toHaveLength(1);
    const [pause] = pauses;
    const i = samples.time.indexOf(pause?.startS ?? -1);
    expect(samples.distance?.[i]).toBeGreaterThanOrEqual(2_000);
    expect(samples.time[i + 1]).toBe((pause?.endS ?? 0) + 1);
  });

  it('walks during walk breaks and after pain when the runner walks it off', () => {
    const walked = generateRun(plan({ pain: { fromM: 6_000, response: 'walked' } })).samples;
    const walking = (s: Streams, from: number, to: number) =>
      s.time.filter(
        (_, i) => (s.distance?.[i] ?? 0) >= from && (s.distance?.[i] ?? 0) < to && (s.speed?.[i] ?? 9) < 1.8,
      ).length;
    expect(walking(walked, 0, 6_000)).toBeLessThan(20);
    expect(walking(walked, 6_000, 10_000)).toBeGreaterThan(150);
    const slowed = generateRun(plan({ pain: { fromM: 6_000, response: 'slowed' } })).samples;
    expect(meanOver(slowed, 'speed', 7_000, 10_000)).toBeLessThan(
      meanOver(slowed, 'speed', 2_000, 5_000) * 0.97,
    );
  });

  it('has no position and no hills on a treadmill', () => {
    const { samples } = generateRun(plan({ course: null, indoorAltitudeM: 430 }));
    expect(samples.lat).toBeUndefined();
    expect(samples.lon).toBeUndefined();
    expect(samples.altitude?.every((a) => a === 430)).toBe(true);
  });

  it('stays near home on the course it was given', () => {
    const { samples } = generateRun(plan());
    const farthest = Math.max(
      ...Array.from(samples.lat ?? [], (lat, i) =>
        Math.hypot(
          (lat - DEMO_PLACE.home.lat) * 111_320,
          ((samples.lon?.[i] ?? 0) - DEMO_PLACE.home.lon) * 75_000,
        ),
      ),
    );
    expect(farthest).toBeLessThan(2_500);
    expect(farthest).toBeGreaterThan(500);
  });
});
