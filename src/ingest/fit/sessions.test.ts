import { describe, expect, it } from 'vitest';
import type { FitRecord, FitSession } from './model.js';
import { recordTable } from './record-table.js';
import {
  bareSession,
  planSessions,
  recordsInRange,
  runningSubSport,
  sessionFromRecords,
} from './sessions.js';

const T0 = 1_700_000_000;

function session(
  index: number,
  sport: string,
  startOffsetS: number,
  elapsedS: number,
  more: Partial<FitSession> = {},
) {
  return {
    ...bareSession(index, sport, T0 + startOffsetS),
    elapsedS,
    timestampS: T0 + startOffsetS + elapsedS,
    ...more,
  };
}

const record = (offsetS: number | null): FitRecord => ({
  timeS: offsetS === null ? null : T0 + offsetS,
  values: new Map([['heartRate', 140]]),
});

describe('runningSubSport', () => {
  it("maps FIT's running sub-sports into Keel's, anything else to generic", () => {
    expect(runningSubSport('street')).toBe('road');
    expect(runningSubSport('trail')).toBe('trail');
    expect(runningSubSport('track')).toBe('track');
    expect(runningSubSport('treadmill')).toBe('treadmill');
    expect(runningSubSport('virtualActivity')).toBe('treadmill');
    expect(runningSubSport('indoorRunning')).toBe('indoor');
    expect(runningSubSport('ultra')).toBe('generic');
    expect(runningSubSport(null)).toBe('generic');
  });
});

describe('planSessions', () => {
  it('keeps the running sessions of a multisport file and says why the others are skipped', () => {
    const plan = planSessions([
      session(0, 'running', 0, 1134),
      session(1, 'transition', 1134, 130),
      session(2, 'cycling', 1264, 2699),
      session(3, 'crossCountrySkiing', 3963, 100),
      session(4, 'running', 4063, 550),
    ]);
    expect(plan.runs.map((r) => r.session.index)).toEqual([0, 4]);
    expect(plan.skipped).toEqual([
      { sessionIndex: 1, reason: 'transition session skipped' },
      { sessionIndex: 2, reason: 'cycling session skipped' },
      { sessionIndex: 3, reason: 'cross country skiing session skipped' },
    ]);
  });

  it('gives a session the records up to the next session or its own end plus a minute', () => {
    const plan = planSessions([session(0, 'running', 0, 1000), session(1, 'running', 1030, 500)]);
    expect(plan.runs.map((r) => r.range)).toEqual([
      { startS: T0, endS: T0 + 1030 },
      { startS: T0 + 1030, endS: T0 + 1590 },
    ]);
  });

  it('ends a session at its timestamp when that is later than start + elapsed (a summary that stops early)', () => {
    const [run] = planSessions([session(0, 'running', 0, 4035, { timestampS: T0 + 4961 })]).runs;
    expect(run?.range.endS).toBe(T0 + 4961 + 60);
  });

  it('bounds a session without any end, so that garbage timestamps decades later stay out', () => {
    const [run] = planSessions([session(0, 'running', 0, 0, { elapsedS: null, timestampS: null })]).runs;
    expect(run?.range.endS).toBe(T0 + 7 * 24 * 3600 + 60);
  });

  it('skips a running session that has no start, and names unknown sports by number', () => {
    const plan = planSessions([
      { ...bareSession(0, 'running', null), elapsedS: 100 },
      session(1, '99', 0, 100),
      { ...bareSession(2, null, T0) },
    ]);
    expect(plan.runs).toEqual([]);
    expect(plan.skipped.map((s) => s.reason)).toEqual([
      'running session skipped: it has no start time',
      'sport 99 session skipped',
      'unnamed-sport session skipped',
    ]);
  });
});

describe('recordsInRange', () => {
  it('keeps the timed records within [start, end)', () => {
    const records = recordTable([record(-1), record(0), record(null), record(5), record(10)]);
    const inRange = recordsInRange(records, { startS: T0, endS: T0 + 10 });
    expect(Array.from(inRange.timeS, (t) => t - T0)).toEqual([0, 5]);
    expect(Array.from(inRange.values.get('heartRate') ?? [])).toEqual([140, 140]);
  });
});

describe('sessionFromRecords', () => {
  it('rebuilds a session from the first timed record when the sport is known', () => {
    expect(sessionFromRecords(recordTable([record(null), record(3), record(4)]), 'running')).toMatchObject({
      index: 0,
      sport: 'running',
      startS: T0 + 3,
      elapsedS: null,
    });
    expect(sessionFromRecords(recordTable([record(3)]), null)).toBeNull();
    expect(sessionFromRecords(recordTable([]), 'running')).toBeNull();
  });
});
