import { describe, expect, it } from 'vitest';
import type { FitRecord } from './model.js';
import { recordTable } from './record-table.js';
import { buildStreams } from './streams.js';

const T0 = 1_700_000_000;
const rec = (offsetS: number | null, values: Record<string, number>): FitRecord => ({
  timeS: offsetS === null ? null : T0 + offsetS,
  values: new Map(Object.entries(values)),
});
const build = (records: FitRecord[], startS: number) => buildStreams(recordTable(records), startS);
const list = (values: Float64Array | undefined) => Array.from(values ?? []);

describe('buildStreams: samples', () => {
  it('counts time from the session start and distance from its first sample', () => {
    const { streams } = build([rec(2, { distance: 30_000 }), rec(3, { distance: 30_003.5 })], T0);
    expect(list(streams.time)).toEqual([2, 3]);
    expect(list(streams.distance)).toEqual([0, 3.5]);
  });

  it('drops distances above a later one: cumulative distance never goes back', () => {
    const { streams } = build(
      [
        rec(0, { distance: 100 }),
        rec(1, { distance: 350 }),
        rec(2, { distance: 180 }),
        rec(3, { distance: 185 }),
      ],
      T0,
    );
    expect(list(streams.distance)).toEqual([0, Number.NaN, 80, 85]);
  });

  it('merges records that share a second, later values winning, and drops time going backwards', () => {
    const built = build(
      [
        rec(0, { heartRate: 100, distance: 0 }),
        rec(0, { positionLat: 2 ** 29 }),
        rec(1, { distance: 3 }),
        rec(1, { distance: 4 }),
        rec(0, { distance: 1 }),
        rec(2, { distance: 7 }),
      ],
      T0,
    );
    expect(list(built.streams.time)).toEqual([0, 1, 2]);
    expect(list(built.streams.distance)).toEqual([0, 4, 7]);
    expect(list(built.streams.heartRate)).toEqual([100, Number.NaN, Number.NaN]);
    expect(list(built.streams.lat)).toEqual([45, Number.NaN, Number.NaN]);
    expect(built.outOfOrder).toBe(1);
  });

  it('leaves out records without a time and empty records, such as the one TomTom writes at power-off', () => {
    const { streams } = build([rec(null, { heartRate: 150 }), rec(0, { heartRate: 140 }), rec(180, {})], T0);
    expect(list(streams.time)).toEqual([0]);
  });

  it('gives no channel but time to a session without samples', () => {
    expect(build([], T0)).toEqual({
      streams: { time: new Float64Array() },
      channelSources: {},
      cadenceConvention: null,
      outOfOrder: 0,
    });
  });
});

describe('buildStreams: values', () => {
  it('converts positions from semicircles and drops placeholder fixes and invalid altitudes', () => {
    const { streams } = build(
      [
        rec(0, { positionLat: 0, positionLong: 0, enhancedAltitude: -500 }),
        rec(1, { positionLat: -(2 ** 30), positionLong: 2 ** 30, enhancedAltitude: 212.4 }),
      ],
      T0,
    );
    expect(list(streams.lat)).toEqual([Number.NaN, -90]);
    expect(list(streams.lon)).toEqual([Number.NaN, 90]);
    expect(list(streams.altitude)).toEqual([Number.NaN, 212.4]);
  });

  it('takes zero running dynamics for missing, not for a measurement', () => {
    const { streams } = build(
      [
        rec(0, { stanceTime: 0, verticalOscillation: 0, cadence: 0 }),
        rec(1, { stanceTime: 250, verticalOscillation: 85, cadence: 88 }),
      ],
      T0,
    );
    expect(list(streams.stanceTime)).toEqual([Number.NaN, 250]);
    expect(list(streams.verticalOscillation)).toEqual([Number.NaN, 85]);
    expect(list(streams.cadence)).toEqual([Number.NaN, 176]);
  });

  it('prefers enhanced speed and altitude, falling back on the plain fields', () => {
    const built = build([rec(0, { speed: 3, altitude: 100 }), rec(1, { speed: 3.1, altitude: 101 })], T0);
    expect(built.channelSources.speed).toBe('fit:record.speed');
    expect(built.channelSources.altitude).toBe('fit:record.altitude');
  });
});

describe('buildStreams: cadence', () => {
  it('doubles Garmin strides per minute, fractional part included, and records the convention', () => {
    const built = build(
      [rec(0, { cadence: 85, fractionalCadence: 0.5 }), rec(1, { cadence: 86 }), rec(2, { cadence: 87 })],
      T0,
    );
    expect(list(built.streams.cadence)).toEqual([171, 172, 174]);
    expect(built.cadenceConvention).toBe('strides');
    expect(built.channelSources.cadence).toBe('fit:record.cadence+fractional_cadence (strides/min ×2)');
  });

  it('keeps a recorder that already writes steps per minute as it is', () => {
    const built = build([rec(0, { cadence: 168 }), rec(1, { cadence: 172 }), rec(2, { cadence: 170 })], T0);
    expect(list(built.streams.cadence)).toEqual([168, 172, 170]);
    expect(built.channelSources.cadence).toBe('fit:record.cadence+fractional_cadence (steps/min)');
  });

  it("takes Stryd's cadence as strides per minute when there is no native cadence", () => {
    const built = build([rec(0, { 'Stryd/Cadence': 88 }), rec(1, { 'Stryd/Cadence': 90 })], T0);
    expect(list(built.streams.cadence)).toEqual([176, 180]);
    expect(built.channelSources.cadence).toBe('dev:Stryd/Cadence (strides/min ×2)');
  });
});

describe('buildStreams: choosing a source per channel', () => {
  it('fills running dynamics from Stryd developer fields when the watch has none, in Keel units', () => {
    const built = build(
      [
        rec(0, { 'Stryd/Ground Time': 262, 'Stryd/Vertical Oscillation': 6.625, 'Stryd/Power': 311 }),
        rec(1, { 'Stryd/Ground Time': 258, 'Stryd/Vertical Oscillation': 6.5, 'Stryd/Power': 305 }),
        rec(2, { 'Stryd/Form Power': 72, 'Stryd/Leg Spring Stiffness': 8.25 }),
      ],
      T0,
    );
    expect(list(built.streams.stanceTime)).toEqual([262, 258, Number.NaN]);
    expect(list(built.streams.verticalOscillation)).toEqual([66.25, 65, Number.NaN]);
    expect(list(built.streams.legSpringStiffness)).toEqual([Number.NaN, Number.NaN, 8.25]);
    expect(built.channelSources).toMatchObject({
      stanceTime: 'dev:Stryd/Ground Time',
      verticalOscillation: 'dev:Stryd/Vertical Oscillation',
      power: 'dev:Stryd/Power',
      formPower: 'dev:Stryd/Form Power',
      legSpringStiffness: 'dev:Stryd/Leg Spring Stiffness',
    });
  });

  it('keeps the native source when it covers the run, and never mixes two sources in one channel', () => {
    const records = [0, 1, 2, 3].map((t) =>
      rec(t, t === 3 ? { 'Stryd/Ground Time': 300 } : { stanceTime: 240, 'Stryd/Ground Time': 300 }),
    );
    const built = build(records, T0);
    expect(built.channelSources.stanceTime).toBe('fit:record.stance_time');
    expect(list(built.streams.stanceTime)).toEqual([240, 240, 240, Number.NaN]);
  });

  it('switches to a developer source that covers more than twice the samples of a sparse native one', () => {
    const records = [0, 1, 2, 3, 4].map((t) =>
      rec(t, t === 0 ? { stanceTime: 240, 'Stryd/Ground Time': 300 } : { 'Stryd/Ground Time': 300 }),
    );
    expect(build(records, T0).channelSources.stanceTime).toBe('dev:Stryd/Ground Time');
  });

  it("averages RunScribe's left and right contact times into stance time", () => {
    const built = build(
      [
        rec(0, {
          'RunScribe/RS_ContactTime_L': 330,
          'RunScribe/RS_ContactTime_R': 336,
          'RunScribe/RS_Power_AVG': 321,
        }),
        rec(1, { 'RunScribe/RS_ContactTime_L': 332 }),
      ],
      T0,
    );
    expect(list(built.streams.stanceTime)).toEqual([333, 332]);
    expect(list(built.streams.power)).toEqual([321, Number.NaN]);
    expect(built.channelSources.stanceTime).toBe(
      'dev:RunScribe/RS_ContactTime_L+dev:RunScribe/RS_ContactTime_R',
    );
  });
});
