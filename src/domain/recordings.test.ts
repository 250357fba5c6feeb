import { describe, expect, it } from 'vitest';
import { compareRichness, isSameRun, type RecordingFingerprint } from './recordings.js';

const at = (iso: string, distanceM: number) => ({
  startTime: new Date(iso),
  utcOffsetMin: null,
  distanceM,
  format: 'fit' as const,
});
/** A training-log row: a day at noon UTC, no time zone, as the store keeps it. */
const logged = (date: string, distanceM: number) => ({
  startTime: new Date(`${date}T12:00:00Z`),
  utcOffsetMin: null,
  distanceM,
  format: 'log' as const,
});
const stored = at('2026-03-01T08:00:00Z', 10_000);

describe('isSameRun', () => {
  it.each([
    ['the same start and distance', at('2026-03-01T08:00:00Z', 10_000), true],
    ['a re-export: start +30 s, distance +1%', at('2026-03-01T08:00:30Z', 10_100), true],
    ['a GPX whose distance from positions is 4% longer', at('2026-03-01T07:59:58Z', 10_400), true],
    ['a run starting 61 s later', at('2026-03-01T08:01:01Z', 10_000), false],
    ['the same start but 20% longer (a clock gone wrong)', at('2026-03-01T08:00:00Z', 12_000), false],
  ])('%s → %s', (_name, candidate, same) => {
    expect(isSameRun(stored, candidate)).toBe(same);
    expect(isSameRun(candidate, stored)).toBe(same);
  });

  it.each([
    ['a log row of the same day, 3% shorter', logged('2026-03-01', 9_700), true],
    ['a log row of the day before', logged('2026-02-28', 10_000), false],
    ['a log row of the same day, 8% longer', logged('2026-03-01', 10_800), false],
  ])('%s → %s', (_name, row, same) => {
    expect(isSameRun(stored, row)).toBe(same);
    expect(isSameRun(row, stored)).toBe(same);
  });

  it("compares a log row with the recording's local day, not UTC's", () => {
    const lateEvening = { ...at('2026-03-01T22:30:00Z', 10_000), utcOffsetMin: 120 };
    expect(isSameRun(lateEvening, logged('2026-03-02', 10_000))).toBe(true);
    expect(isSameRun(lateEvening, logged('2026-03-01', 10_000))).toBe(false);
  });

  it('lets short runs differ by up to 100 m', () => {
    expect(isSameRun(at('2026-03-01T08:00:00Z', 1_000), at('2026-03-01T08:00:05Z', 1_090))).toBe(true);
    expect(isSameRun(at('2026-03-01T08:00:00Z', 1_000), at('2026-03-01T08:00:05Z', 1_120))).toBe(false);
  });
});

describe('compareRichness', () => {
  const rec = (over: Partial<RecordingFingerprint>): RecordingFingerprint => ({
    ...stored,
    format: 'fit',
    channels: ['time', 'distance', 'speed', 'heartRate'],
    sampleCount: 3600,
    ...over,
  });
  it.each([
    [
      'more channels wins over the format',
      rec({ format: 'gpx', channels: ['time', 'distance', 'speed', 'heartRate', 'cadence'] }),
      rec({}),
      1,
    ],
    ['the same channels: FIT over TCX', rec({ format: 'fit' }), rec({ format: 'tcx' }), 1],
    ['the same channels: TCX over GPX', rec({ format: 'tcx' }), rec({ format: 'gpx' }), 1],
    [
      'the same channels and format: denser sampling',
      rec({ sampleCount: 3600 }),
      rec({ sampleCount: 900 }),
      1,
    ],
    ['identical recordings tie', rec({}), rec({}), 0],
  ])('%s', (_name, a, b, sign) => {
    expect(Math.sign(compareRichness(a, b))).toBe(sign);
    expect(Math.sign(compareRichness(b, a))).toBe(-sign || 0);
  });
});
