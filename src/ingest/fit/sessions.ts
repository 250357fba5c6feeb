import type { RunningSubSport } from '../../domain/activity.js';
import type { SkippedSession } from '../outcome.js';
import type { FitRecords, FitSession } from './model.js';
import { pickRecords } from './record-table.js';

/** The time span whose records belong to a session: [startS, endS). */
export interface SessionRange {
  startS: number;
  endS: number;
}

export interface PlannedRun {
  session: FitSession;
  subSport: RunningSubSport;
  range: SessionRange;
}

export interface SessionPlan {
  runs: PlannedRun[];
  skipped: SkippedSession[];
}

// FIT sub-sports a running session can carry, in Keel's terms; any other is 'generic'.
const SUB_SPORTS: Readonly<Record<string, RunningSubSport>> = {
  generic: 'generic',
  street: 'road',
  road: 'road',
  trail: 'trail',
  track: 'track',
  treadmill: 'treadmill',
  // Virtual runs (Zwift and the like) happen on a treadmill.
  virtualActivity: 'treadmill',
  indoorRunning: 'indoor',
};

export function runningSubSport(subSport: string | null): RunningSubSport {
  return (subSport !== null ? SUB_SPORTS[subSport] : undefined) ?? 'generic';
}

/**
 * Records past a session's end that still belong to it: devices stamp the last record up to a second or two
 * after start + elapsed. Later records are leftovers (an empty record written at power-off, a crashed app's
 * garbage) or a summary that ends early, which summary.ts detects from the records it is given.
 */
const END_SLACK_S = 60;
/** A session with no end in its summary is cut here, so that garbage timestamps decades later stay out. */
const MAX_SESSION_S = 7 * 24 * 3600;

/**
 * Splits a file into running sessions to import and other sessions to skip. Each session owns the records
 * from its start up to the next session's start or its own end, whichever comes first: in a multisport file
 * all sessions share one record stream.
 */
export function planSessions(sessions: readonly FitSession[]): SessionPlan {
  const plan: SessionPlan = { runs: [], skipped: [] };
  const starts = sessions
    .map((s) => s.startS)
    .filter((s): s is number => s !== null)
    .sort((a, b) => a - b);
  for (const session of sessions) {
    if (session.sport !== 'running') {
      plan.skipped.push({
        sessionIndex: session.index,
        reason: `${sportLabel(session.sport)} session skipped`,
      });
      continue;
    }
    const startS = session.startS;
    if (startS === null) {
      plan.skipped.push({
        sessionIndex: session.index,
        reason: 'running session skipped: it has no start time',
      });
      continue;
    }
    const nextStart = starts.find((s) => s > startS) ?? Number.POSITIVE_INFINITY;
    plan.runs.push({
      session,
      subSport: runningSubSport(session.subSport),
      range: { startS, endS: Math.min(nextStart, sessionEnd(session, startS) + END_SLACK_S) },
    });
  }
  return plan;
}

function sessionEnd(session: FitSession, startS: number): number {
  const ends = [
    session.elapsedS !== null && session.elapsedS > 0 ? startS + session.elapsedS : null,
    session.timestampS !== null && session.timestampS > startS ? session.timestampS : null,
  ].filter((e): e is number => e !== null);
  return ends.length > 0 ? Math.max(...ends) : startS + MAX_SESSION_S;
}

/** 'crossCountrySkiing' → 'cross country skiing'. */
function sportLabel(sport: string | null): string {
  if (sport === null) return 'unnamed-sport';
  return /^\d+$/.test(sport) ? `sport ${sport}` : sport.replace(/[A-Z]/g, (c) => ` ${c.toLowerCase()}`);
}

export function recordsInRange(records: FitRecords, range: SessionRange): FitRecords {
  const rows: number[] = [];
  records.timeS.forEach((t, i) => {
    if (t >= range.startS && t < range.endS) rows.push(i);
  });
  return pickRecords(records, rows);
}

/**
 * A session for a file that has records but no session message (a watch that died before saving its
 * summary), when the file still says which sport it was.
 */
export function sessionFromRecords(records: FitRecords, sport: string | null): FitSession | null {
  const startS = records.timeS.find((t) => !Number.isNaN(t)) ?? null;
  return startS === null || sport === null ? null : bareSession(0, sport, startS);
}

/** A session known only by its sport and start: every summary value is left to the samples. */
export function bareSession(index: number, sport: string | null, startS: number | null): FitSession {
  return {
    index,
    sport,
    subSport: null,
    startS,
    timestampS: null,
    elapsedS: null,
    timerS: null,
    distanceM: null,
    ascentM: null,
    descentM: null,
    avgSpeedMps: null,
    maxSpeedMps: null,
    avgHeartRateBpm: null,
    maxHeartRateBpm: null,
    avgCadence: null,
    maxCadence: null,
    avgPowerW: null,
    maxPowerW: null,
  };
}
