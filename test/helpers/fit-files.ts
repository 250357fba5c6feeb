import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Decoder, type FitMessages, Stream } from '@garmin/fitsdk';
import {
  createRandom,
  DEFAULT_RUNNER,
  DEMO_PLACE,
  encodeActivityFit,
  type FitSubSport,
  generateRun,
  makeCourse,
  type StrydChannel,
  type SyntheticActivity,
  type SyntheticDevice,
  type SyntheticSession,
  smartRecording,
} from '../../src/demo/index.js';
import type { Streams } from '../../src/domain/channels.js';

export interface RunFitOptions {
  distanceM?: number;
  /** Moving time; the pace follows from it (hills, if any, bend it a little). */
  durationS?: number;
  start?: Date;
  /** Written as the activity's local_timestamp; null leaves it out. */
  utcOffsetMin?: number | null;
  /** 'treadmill' runs have no position. */
  subSport?: FitSubSport;
  /** Ground contact time, balance, vertical oscillation and ratio, step length (a chest strap's channels). */
  withDynamics?: boolean;
  withPower?: boolean;
  /** Power, ground time, oscillation, form power and leg spring stiffness as Stryd developer fields instead. */
  stryd?: boolean;
  /** Timer stops this far into the run, for this long. */
  pauses?: Array<{ atM: number; durationS: number }>;
  /** Rolling hills instead of a flat course. */
  hilly?: boolean;
  /** Irregular sampling like Garmin's smart recording instead of one sample a second. */
  smartRecording?: boolean;
  /** Form starts drifting (fatigue) beyond this distance; by default it never does. */
  fatigueFromM?: number;
  seed?: number;
}

const DEFAULT_START = new Date('2026-06-01T06:00:00Z');
const WATCH: SyntheticDevice & { index: 'creator' } = {
  index: 'creator',
  manufacturer: 'garmin',
  product: 'fr965',
  serialNumber: 3_391_104_527,
  softwareVersion: 20.26,
};
const STRAP: SyntheticDevice = {
  index: 1,
  manufacturer: 'garmin',
  product: 'hrmPro',
  antplusDeviceType: 'heartRate',
};
const STRYD_POD: SyntheticDevice = {
  index: 2,
  manufacturer: 'stryd',
  product: 1,
  antplusDeviceType: 'strideSpeedDistance',
};
const DYNAMICS = [
  'stanceTime',
  'stanceTimeBalance',
  'verticalOscillation',
  'verticalRatio',
  'stepLength',
] as const;
const STRYD_CHANNELS: readonly StrydChannel[] = [
  'power',
  'stanceTime',
  'verticalOscillation',
  'formPower',
  'legSpringStiffness',
];

/** A running session as a Forerunner 965 with a chest strap records it, ready to encode or to tweak first. */
export function makeRunSession(options: RunFitOptions = {}): SyntheticSession {
  const distanceM = options.distanceM ?? 5_000;
  const durationS = options.durationS ?? distanceM * 0.36;
  const seed = options.seed ?? 1;
  const subSport = options.subSport ?? 'street';
  const place = options.hilly ? DEMO_PLACE : { ...DEMO_PLACE, hills: [] };
  const indoors = subSport === 'treadmill';
  const simulated = generateRun({
    seed,
    distanceM,
    speedMps: distanceM / durationS,
    course: indoors ? null : makeCourse(place, 'loop', Math.min(distanceM, 5_000), createRandom(seed)),
    indoorAltitudeM: place.altitudeM,
    runner: { ...DEFAULT_RUNNER, stabilizerEnduranceM: options.fatigueFromM ?? Number.POSITIVE_INFINITY },
    pauses: options.pauses,
  });
  const run = options.smartRecording ? smartRecording(simulated, seed) : simulated;
  // A watch and chest strap measure neither; only a Stryd pod does.
  const samples: Streams = { ...run.samples };
  delete samples.formPower;
  delete samples.legSpringStiffness;
  if (options.withDynamics === false) for (const channel of DYNAMICS) delete samples[channel];
  if (options.withPower === false) delete samples.power;
  const session: SyntheticSession = {
    sport: 'running',
    subSport,
    startTime: options.start ?? DEFAULT_START,
    samples,
    pauses: run.pauses,
  };
  if (!options.stryd) return session;
  const stryd: SyntheticSession['stryd'] = {};
  for (const channel of STRYD_CHANNELS) {
    stryd[channel] = run.samples[channel];
    delete samples[channel];
  }
  return { ...session, stryd };
}

export function makeRunActivity(options: RunFitOptions = {}): SyntheticActivity {
  const sensors = [...(options.withDynamics === false ? [] : [STRAP]), ...(options.stryd ? [STRYD_POD] : [])];
  return {
    creator: WATCH,
    sensors,
    utcOffsetMin: options.utcOffsetMin === undefined ? 120 : options.utcOffsetMin,
    sessions: [makeRunSession(options)],
  };
}

/**
 * Four weekly runs written as FIT files into `dir`, 24, 17, 10 and 3 days before now, each 1 km longer than the one
 * before from `firstM`: a month of history for the plan and the report. Returns their paths, oldest first.
 */
export function writeWeeklyRuns(dir: string, firstM: number): string[] {
  return [24, 17, 10, 3].map((daysAgo, i) => {
    const file = join(dir, `week-${i}.fit`);
    const distanceM = firstM + i * 1_000;
    const start = new Date(Date.now() - daysAgo * 24 * 3600 * 1000);
    writeFileSync(file, makeRunFit({ distanceM, durationS: distanceM * 0.33, start }));
    return file;
  });
}

/** A FIT file of one run: 5 km in 30 minutes on a flat loop with running dynamics, unless told otherwise. */
export function makeRunFit(options: RunFitOptions = {}): Uint8Array {
  return encodeActivityFit(makeRunActivity(options));
}

/** A ride: for "skipped, not a run" paths. */
export function makeCyclingFit(
  options: { distanceM?: number; durationS?: number; start?: Date } = {},
): Uint8Array {
  return encodeActivityFit({
    creator: { ...WATCH, product: 'edge1040' },
    utcOffsetMin: 120,
    sessions: [
      rideSession(options.start ?? DEFAULT_START, options.distanceM ?? 20_000, options.durationS ?? 2_700),
    ],
  });
}

/** A duathlon in one file: run 5 km, ride 20 km, run 3 km, back to back. */
export function makeMultisportFit(options: { start?: Date } = {}): Uint8Array {
  const start = options.start ?? DEFAULT_START;
  const firstRun = makeRunSession({ distanceM: 5_000, durationS: 1_500, start, seed: 11 });
  const rideStart = after(firstRun);
  const ride = rideSession(rideStart, 20_000, 2_700);
  const secondRun = makeRunSession({ distanceM: 3_000, durationS: 960, start: after(ride), seed: 12 });
  return encodeActivityFit({
    creator: WATCH,
    sensors: [STRAP],
    utcOffsetMin: 120,
    sessions: [firstRun, ride, secondRun],
  });
}

/** What Garmin's own decoder reads from a file, with its integrity check: the reference for what we write. */
export function decodeFit(bytes: Uint8Array): { messages: FitMessages; errors: Error[]; intact: boolean } {
  const decoder = new Decoder(Stream.fromByteArray(bytes));
  const intact = decoder.checkIntegrity();
  const { messages, errors } = decoder.read();
  return { messages, errors, intact };
}

/** The first `n` bytes, as a transfer cut short leaves a file. */
export function truncate(bytes: Uint8Array, n: number): Uint8Array {
  return bytes.slice(0, n);
}

function after(session: SyntheticSession): Date {
  const lastS = session.samples.time[session.samples.time.length - 1] ?? 0;
  return new Date(session.startTime.getTime() + (lastS + 1) * 1000);
}

/** A steady ride at 1 Hz: cadence in rpm, no running dynamics. */
function rideSession(startTime: Date, distanceM: number, durationS: number): SyntheticSession {
  const n = durationS + 1;
  const speed = distanceM / durationS;
  const wave = (i: number, period: number) => Math.sin((2 * Math.PI * i) / period);
  return {
    sport: 'cycling',
    subSport: 'road',
    startTime,
    samples: {
      time: Float64Array.from({ length: n }, (_, i) => i),
      distance: Float64Array.from({ length: n }, (_, i) => i * speed),
      speed: Float64Array.from({ length: n }, () => speed),
      heartRate: Float64Array.from({ length: n }, (_, i) => 128 + Math.min(20, i / 30) + 3 * wave(i, 61)),
      cadence: Float64Array.from({ length: n }, (_, i) => 88 + 4 * wave(i, 43)),
      power: Float64Array.from({ length: n }, (_, i) => 185 + 25 * wave(i, 71)),
      altitude: Float64Array.from({ length: n }, (_, i) => DEMO_PLACE.altitudeM + 15 * wave(i, 900)),
    },
  };
}
