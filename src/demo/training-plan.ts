import type { Random } from '../domain/random.js';
import { weekday, zurichDay, zurichUtcOffsetMin, zurichWallClock } from './zurich-time.js';

export type RunKind = 'easy' | 'steady' | 'tempo' | 'long';
export type Surface = 'road' | 'trail' | 'treadmill';

export interface SessionTemplate {
  /** 0 for Monday … 6 for Sunday. */
  day: number;
  kind: RunKind;
  km: number;
  surface?: Surface;
  /** Timer stops (traffic lights, a drink) as [km into the run, seconds stopped]. */
  stops?: ReadonlyArray<readonly [number, number]>;
  /** A short walk with the timer running (taking a gel), km into the run. */
  walkAtKm?: number;
  /** The chest strap stayed at home: wrist heart rate and cadence, no ground contact or oscillation. */
  noStrap?: true;
}

export interface ScheduledRun {
  /** 1–14 are the full weeks of the block; 15 is the week under way when the history ends. */
  week: number;
  startTime: Date;
  utcOffsetMin: number;
  session: SessionTemplate;
}

export const FULL_WEEKS = 14;

const TUE = 1;
const WED = 2;
const THU = 3;
const SAT = 5;
const SUN = 6;

/**
 * Fourteen weeks toward a half marathon: three to five runs a week, a long run on Sunday that grows, and a
 * lighter week every few weeks (4, 8, 11). Weekly volume 21–47 km.
 */
const WEEKS: ReadonlyArray<ReadonlyArray<SessionTemplate>> = [
  [e(TUE, 6), { day: THU, kind: 'steady', km: 6.5 }, long(10)],
  [e(TUE, 6), tempo(7), long(11)],
  [e(TUE, 7), tempo(8), { ...e(SAT, 5), noStrap: true }, long(12)],
  [e(TUE, 6), e(THU, 6), long(9)],
  [
    {
      ...e(TUE, 7),
      stops: [
        [1.2, 35],
        [2.9, 50],
        [5.1, 25],
      ],
    },
    tempo(8),
    e(SAT, 5),
    long(13),
  ],
  [e(TUE, 7), tempo(8), e(SAT, 6), long(15)],
  [{ ...e(TUE, 6), surface: 'treadmill' }, tempo(8), e(SAT, 6), long(16)],
  [e(TUE, 6), { day: THU, kind: 'steady', km: 7 }, long(10)],
  [e(TUE, 8), e(WED, 5), tempo(9), e(SAT, 6), { ...long(16), stops: [[8, 90]] }],
  [e(TUE, 8), tempo(9), { ...e(SAT, 6), surface: 'trail' }, long(17)],
  [{ ...e(TUE, 7), surface: 'treadmill' }, { day: THU, kind: 'steady', km: 8 }, long(12)],
  [e(TUE, 8), e(WED, 5), tempo(9), e(SAT, 6), long(16)],
  [e(TUE, 8), tempo(10), e(SAT, 6), { ...long(17.5), walkAtKm: 10 }],
  [e(TUE, 8), e(WED, 5), tempo(10), e(SAT, 6), long(18)],
  [e(TUE, 6), tempo(8), e(SAT, 5)],
];

function e(day: number, km: number): SessionTemplate {
  return { day, kind: 'easy', km };
}
function tempo(km: number): SessionTemplate {
  return { day: THU, kind: 'tempo', km };
}
function long(km: number): SessionTemplate {
  return { day: SUN, kind: 'long', km };
}

/**
 * Places the plan on the calendar so the last full week ends on the last Sunday before `endDate` (in Zürich),
 * followed by the runs of the current week done before that day. Runs start at the hours she runs: early on
 * weekdays, Thursday's tempo after work, later at weekends.
 */
export function scheduleRuns(endDate: Date, random: Random): ScheduledRun[] {
  const today = zurichDay(endDate);
  const lastSunday = today - 1 - ((weekday(today - 1) - 6 + 7) % 7);
  const firstMonday = lastSunday - 7 * FULL_WEEKS + 1;
  const runs: ScheduledRun[] = [];
  WEEKS.forEach((sessions, w) => {
    for (const session of sessions) {
      const day = firstMonday + 7 * w + session.day;
      const second = startSecond(session, random);
      if (day >= today) continue;
      const startTime = zurichWallClock(day, second);
      runs.push({ week: w + 1, startTime, utcOffsetMin: zurichUtcOffsetMin(startTime), session });
    }
  });
  return runs;
}

function startSecond(session: SessionTemplate, random: Random): number {
  const between = (from: number, to: number) => 60 * random.int(from, to) + random.int(0, 59);
  if (session.day === SUN) return between(8 * 60, 9 * 60);
  if (session.day === SAT) return between(8 * 60 + 30, 9 * 60 + 30);
  if (session.kind === 'tempo') return between(18 * 60, 18 * 60 + 40);
  return between(6 * 60 + 15, 7 * 60);
}
