import type { BenchmarkResultInput } from '../coach/benchmarks/index.js';
import type { ProgramSettings } from '../coach/program/types.js';

/**
 * The demo athlete's program story: she tested six weeks ago with a clearly weaker left hip and trunk, set up
 * three sessions a week with a band, trained since (one week lost to travel, one knee flare-up), and retested two
 * weeks ago: the trunk back within its norms, the left hip better but still the weak side. Values are invented for the demo, chosen to sit
 * where the norms in domain-reference §3 put a recreational runner with a weak side.
 */
export const DEMO_PROGRAM_SETTINGS: ProgramSettings = {
  sessionsPerWeek: 3,
  minutesPerSession: 25,
  equipment: ['band'],
};

type Entry = Omit<BenchmarkResultInput, 'takenOn'>;

function sided(testId: string, left: number, right: number): Entry[] {
  return [
    { testId, side: 'left', value: left },
    { testId, side: 'right', value: right },
  ];
}

/** A day of the program: weeks before this one (0 = this week) and the day of the week (0 = Monday). */
export interface ProgramDay {
  weeksAgo: number;
  weekday: number;
}

export const DEMO_BENCHMARK_DAYS: readonly (ProgramDay & { results: Entry[] })[] = [
  {
    weeksAgo: 6,
    weekday: 0,
    results: [
      { testId: 'trunk-flexor', value: 98 },
      { testId: 'trunk-extensor', value: 150 },
      ...sided('side-bridge', 52, 68),
      ...sided('single-leg-heel-raise', 19, 24),
      ...sided('single-leg-bridge', 16, 22),
      ...sided('side-lying-hip-abduction-hold', 38, 55),
      { testId: 'prone-plank', value: 75 },
      ...sided('single-leg-balance-eyes-closed', 9, 14),
      ...sided('single-leg-squat-quality', 6, 3),
    ],
  },
  {
    weeksAgo: 2,
    weekday: 0,
    results: [
      { testId: 'trunk-flexor', value: 112 },
      { testId: 'trunk-extensor', value: 163 },
      ...sided('side-bridge', 64, 71),
      ...sided('single-leg-heel-raise', 22, 25),
      ...sided('single-leg-bridge', 19, 23),
      ...sided('side-lying-hip-abduction-hold', 46, 58),
      { testId: 'prone-plank', value: 88 },
      ...sided('single-leg-balance-eyes-closed', 11, 14),
      ...sided('single-leg-squat-quality', 4, 3),
    ],
  },
];

/** A logged session: how hard it felt, and whether the knee flared during it. */
export interface DemoSession extends ProgramDay {
  rpe: number;
  kneeFlare: boolean;
  painNextMorning: number;
}

const WEEKDAYS_TRAINED = [0, 2, 4];
/** Six weeks of program up to this one; the third lost to travel. */
const WEEKS_AGO_TRAINED = [6, 5, 4, 2, 1, 0];
const FLARE_WEEKS_AGO = 2;

/** Every planned session; the ones after today are left out when they are loaded. */
export const DEMO_SESSIONS: readonly DemoSession[] = WEEKS_AGO_TRAINED.flatMap((weeksAgo) =>
  WEEKDAYS_TRAINED.map((weekday, index) => {
    const flare = weeksAgo === FLARE_WEEKS_AGO && index === 0;
    return {
      weeksAgo,
      weekday,
      // New exercises feel harder in the first week.
      rpe: weeksAgo === 6 ? 8 : 6,
      kneeFlare: flare,
      painNextMorning: flare ? 2 : 1,
    };
  }),
);

/** Her goal: the half marathon her build aims at, on a Sunday ten weeks after this one. */
export const DEMO_GOAL = {
  name: 'Lakeside Half Marathon',
  distanceM: 21_097.5,
  weeksAhead: 10,
  weekday: 6,
  surface: 'road',
} as const;
