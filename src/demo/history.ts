import type { Channel, Streams } from '../domain/channels.js';
import { createRandom, type Random } from '../domain/random.js';
import { makeCourse } from './course.js';
import {
  DEMO_ATHLETE,
  DEMO_PLACE,
  DEMO_RUNNER,
  DEMO_STRAP,
  type DemoAthlete,
  demoWatch,
} from './demo-athlete.js';
import { encodeActivityFit, type FitSubSport } from './fit-encoder.js';
import { type DemoPain, painOutlook, painReport } from './pain-story.js';
import { smartRecording } from './smart-recording.js';
import { generateRun, type RunPlan } from './synthetic-run.js';
import { type RunKind, type ScheduledRun, type Surface, scheduleRuns } from './training-plan.js';

export type { DemoAthlete } from './demo-athlete.js';
export type { DemoPain } from './pain-story.js';
export type { RunKind, Surface } from './training-plan.js';

/** What the demo athlete set out to do and what she reported; the FIT file holds what her watch measured. */
export interface DemoRunPlan {
  /** Week of the training block: 1–14, then 15 for the week under way. */
  week: number;
  startTime: Date;
  utcOffsetMin: number;
  kind: RunKind;
  surface: Surface;
  /** The distance her watch shows at the end. */
  distanceM: number;
  /** Where her form starts to drift on this run (what a form-breakdown detector should find); null if it never does. */
  formDriftFromM: number | null;
  pain: DemoPain | null;
}

export interface DemoRun {
  fileName: string;
  fit: Uint8Array;
  plan: DemoRunPlan;
}

export interface DemoHistory {
  athlete: DemoAthlete;
  runs: DemoRun[];
}

/** Moving speeds on the flat, before the fitness she gains over the block. */
const SPEED_MPS: Record<RunKind, number> = { easy: 2.63, steady: 2.85, tempo: 2.63, long: 2.58 };
const TEMPO_BLOCK_MPS = 3.15;
/** Easy running before and after a tempo block. */
const TEMPO_EASY_M = 2000;
const FITNESS_GAIN_PER_WEEK = 0.004;
/** The watch updated its firmware in this week. */
const FIRMWARE_UPDATE_WEEK = 8;
const SUB_SPORT: Record<Surface, FitSubSport> = { road: 'street', trail: 'trail', treadmill: 'treadmill' };
/** What an HRM-Pro adds to what the watch measures at the wrist. */
const STRAP_CHANNELS: readonly Channel[] = [
  'stanceTime',
  'stanceTimeBalance',
  'verticalOscillation',
  'verticalRatio',
  'stepLength',
];
/** Form power and leg spring stiffness come from a Stryd pod, which she does not have. */
const NOT_RECORDED: readonly Channel[] = ['formPower', 'legSpringStiffness'];

/**
 * The demo athlete's last 14 weeks (and the days since), ending before `endDate`: a half-marathon build with a
 * left knee that hurts from about the same distance on every run that goes that far. Pure: the same seed and
 * end date give the same bytes.
 */
export function generateDemoHistory({ seed, endDate }: { seed: number; endDate: Date }): DemoHistory {
  const random = createRandom(seed);
  const schedule = scheduleRuns(endDate, createRandom(random.fork()));
  let episodes = 0;
  const runs = schedule.map((scheduled) => {
    const run = demoRun(scheduled, episodes, createRandom(random.fork()));
    if (run.plan.pain) episodes++;
    return run;
  });
  return { athlete: DEMO_ATHLETE, runs };
}

function demoRun(scheduled: ScheduledRun, episode: number, random: Random): DemoRun {
  const { session, week } = scheduled;
  const surface = session.surface ?? 'road';
  const outlook = painOutlook(week, random);
  const intendedM = session.km * 1000 + random.uniform(0, 80);
  const report = intendedM > outlook.onsetM ? painReport(episode, outlook.onsetM, random) : null;
  // Stopping means walking home with the watch off: the run ends a few hundred metres after the pain.
  const distanceM = report?.action === 'stopped' ? outlook.onsetM + random.uniform(300, 600) : intendedM;
  const plan: RunPlan = {
    ...paceOf(session.kind, week, distanceM, random),
    seed: random.fork(),
    distanceM,
    course: surface === 'treadmill' ? null : demoCourse(session.kind, surface, intendedM, random),
    indoorAltitudeM: DEMO_PLACE.altitudeM + 9,
    runner: { ...DEMO_RUNNER, stabilizerEnduranceM: outlook.stabilizerEnduranceM },
    pauses: session.stops?.map(([km, durationS]) => ({
      atM: km * 1000,
      durationS,
      trigger: 'auto' as const,
    })),
    walkBreaks:
      session.walkAtKm === undefined ? undefined : [{ atM: session.walkAtKm * 1000, durationS: 45 }],
    pain:
      report && report.action !== 'stopped' ? { fromM: report.onsetM, response: report.action } : undefined,
  };
  const full = generateRun(plan);
  const recorded = smartRecording(full, random.fork());
  const dropped = session.noStrap ? [...NOT_RECORDED, ...STRAP_CHANNELS] : NOT_RECORDED;
  const fit = encodeActivityFit({
    creator: demoWatch(week < FIRMWARE_UPDATE_WEEK ? 19.18 : 20.26),
    sensors: session.noStrap ? [] : [DEMO_STRAP],
    utcOffsetMin: scheduled.utcOffsetMin,
    sessions: [
      {
        sport: 'running',
        subSport: SUB_SPORT[surface],
        startTime: scheduled.startTime,
        samples: without(recorded.samples, dropped),
        pauses: recorded.pauses,
      },
    ],
  });
  return {
    fileName: deviceFileName(scheduled),
    fit,
    plan: {
      week,
      startTime: scheduled.startTime,
      utcOffsetMin: scheduled.utcOffsetMin,
      kind: session.kind,
      surface,
      distanceM,
      formDriftFromM: distanceM > outlook.stabilizerEnduranceM ? outlook.stabilizerEnduranceM : null,
      pain: report ? { ...report, onsetS: timeAtDistance(full.samples, report.onsetM) } : null,
    },
  };
}

/** Her speeds for a kind of run, a little faster every week, and better or worse on the day. */
function paceOf(
  kind: RunKind,
  week: number,
  distanceM: number,
  random: Random,
): Pick<RunPlan, 'speedMps' | 'blocks'> {
  const fitness = (1 + FITNESS_GAIN_PER_WEEK * (week - 1)) * random.normal(1, 0.015);
  return {
    speedMps: SPEED_MPS[kind] * fitness,
    blocks:
      kind === 'tempo'
        ? [{ fromM: TEMPO_EASY_M, toM: distanceM - TEMPO_EASY_M, speedMps: TEMPO_BLOCK_MPS * fitness }]
        : undefined,
  };
}

/** Long runs go round a park loop twice or out along the river and back; tempo runs use the river path. */
function demoCourse(kind: RunKind, surface: Surface, lengthM: number, random: Random) {
  const outAndBack = surface === 'trail' || kind === 'tempo' || (kind === 'long' && random.chance(0.5));
  const loops = lengthM > 12_000 ? 2 : 1;
  return outAndBack
    ? makeCourse(DEMO_PLACE, 'out-and-back', lengthM, random)
    : makeCourse(DEMO_PLACE, 'loop', lengthM / loops, random);
}

function without(samples: Streams, channels: readonly Channel[]): Streams {
  const kept: Streams = { ...samples };
  for (const channel of channels) if (channel !== 'time') delete kept[channel];
  return kept;
}

function timeAtDistance(samples: Streams, distanceM: number): number {
  const i = samples.distance?.findIndex((d) => d >= distanceM) ?? -1;
  return samples.time[i] ?? samples.time[samples.time.length - 1] ?? 0;
}

/** Garmin watches name activity files by their local start time. */
function deviceFileName({ startTime, utcOffsetMin }: ScheduledRun): string {
  const local = new Date(startTime.getTime() + utcOffsetMin * 60_000).toISOString();
  return `${local.slice(0, 19).replace('T', '-').replaceAll(':', '-')}.fit`;
}
