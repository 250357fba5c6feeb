import type { Streams } from '../domain/channels.js';
import { createRandom } from '../domain/random.js';
import type { Course } from './course.js';
import type { TimerPause } from './fit-summary.js';
import { fatigueKm, formAt, heartRateTarget, type RunnerProfile } from './runner-model.js';

/** What a run is meant to be; `generateRun` turns it into what a watch would have measured. */
export interface RunPlan {
  seed: number;
  distanceM: number;
  /** Moving speed on the flat when not in a block. */
  speedMps: number;
  /** Stretches at another speed, e.g. the tempo part of a tempo run. */
  blocks?: ReadonlyArray<{ fromM: number; toM: number; speedMps: number }>;
  /** Null on a treadmill: no position, no hills, a belt's steady speed. */
  course: Course | null;
  /** Barometric altitude indoors, where there is no course. */
  indoorAltitudeM?: number;
  runner: RunnerProfile;
  /** The timer stopped (traffic lights, a drink) once this far into the run. */
  pauses?: ReadonlyArray<{ atM: number; durationS: number; trigger?: TimerPause['trigger'] }>;
  /** Walking with the timer running. */
  walkBreaks?: ReadonlyArray<{ atM: number; durationS: number }>;
  /** Pain from this distance on, and what the runner did about it. */
  pain?: { fromM: number; response: 'continued' | 'slowed' | 'walked' };
}

export interface SyntheticRun {
  /** 1 Hz samples in Keel's channel units; `time` counts seconds since the start, pauses included. */
  samples: Streams;
  pauses: TimerPause[];
}

const WALKING_SPEED_MPS = 1.45;
const CARDIAC_DRIFT_BPM_PER_HOUR = 4;
const PAIN_SLOWDOWN = 0.94;
/** A runner who walks because of pain walks about this long, about this often. */
const PAIN_WALK = { everyM: 1000, durationS: 70 };

/** Simulates a run second by second. Pure: the same plan gives the same samples. */
export function generateRun(plan: RunPlan): SyntheticRun {
  const random = createRandom(plan.seed);
  const { runner, course } = plan;
  const columns = {
    time: [] as number[],
    distance: [] as number[],
    speed: [] as number[],
    heartRate: [] as number[],
    cadence: [] as number[],
    stanceTime: [] as number[],
    stanceTimeBalance: [] as number[],
    verticalOscillation: [] as number[],
    verticalRatio: [] as number[],
    stepLength: [] as number[],
    power: [] as number[],
    formPower: [] as number[],
    legSpringStiffness: [] as number[],
    altitude: [] as number[],
    lat: [] as number[],
    lon: [] as number[],
  };
  const pauses: TimerPause[] = [];
  const pendingPauses = [...(plan.pauses ?? [])].sort((a, b) => a.atM - b.atM);
  const walkBreaks = [...(plan.walkBreaks ?? []), ...painWalks(plan)].sort((a, b) => a.atM - b.atM);

  let t = 0;
  let d = 0;
  let movingS = 0;
  let rampFromS = 0;
  let walkUntilS = -1;
  let heartRate = runner.restingHeartRateBpm + random.uniform(30, 45);
  let paceWobble = 0;
  let gpsX = 0;
  let gpsY = 0;
  let here = course?.at(0);
  let grade = 0;
  for (;;) {
    const nextWalk = walkBreaks[0];
    if (nextWalk && d >= nextWalk.atM) {
      walkUntilS = t + nextWalk.durationS;
      walkBreaks.shift();
    }
    const walking = t < walkUntilS;
    paceWobble = 0.97 * paceWobble + random.normal(0, course ? 0.006 : 0.0015);
    const ramp = Math.min(1, 0.35 + (0.65 * (t - rampFromS)) / 12);
    const speed = walking
      ? WALKING_SPEED_MPS * (1 + paceWobble)
      : plannedSpeed(plan, d) * gradeFactor(grade) * ramp * (1 + paceWobble);

    const target = heartRateTarget(runner, speed, grade) + (CARDIAC_DRIFT_BPM_PER_HOUR * movingS) / 3600;
    heartRate += (target - heartRate) * (target > heartRate ? 1 / 25 : 1 / 35);
    const form = formAt(runner, speed, grade, fatigueKm(runner, d), walking, random);

    columns.time.push(t);
    columns.distance.push(d);
    columns.speed.push(speed);
    columns.heartRate.push(heartRate + random.normal(0, 1));
    columns.cadence.push(form.cadenceSpm);
    columns.stanceTime.push(form.stanceTimeMs);
    columns.stanceTimeBalance.push(form.stanceTimeBalanceLeftPct);
    columns.verticalOscillation.push(form.verticalOscillationMm);
    columns.verticalRatio.push(form.verticalRatioPct);
    columns.stepLength.push(form.stepLengthMm);
    columns.power.push(form.powerW);
    columns.formPower.push(form.formPowerW);
    columns.legSpringStiffness.push(form.legSpringStiffnessKnm);
    columns.altitude.push(here?.altitudeM ?? plan.indoorAltitudeM ?? 0);
    if (here) {
      // GPS error wanders slowly around the true path, a couple of metres either way.
      gpsX = 0.9 * gpsX + random.normal(0, 0.8);
      gpsY = 0.9 * gpsY + random.normal(0, 0.8);
      columns.lat.push(here.lat + gpsY / 111_320);
      columns.lon.push(here.lon + gpsX / (111_320 * Math.cos((here.lat * Math.PI) / 180)));
    }
    if (d >= plan.distanceM) break;

    const pause = pendingPauses[0];
    if (pause && d >= pause.atM) {
      pendingPauses.shift();
      pauses.push({ startS: t, endS: t + pause.durationS, trigger: pause.trigger ?? 'auto' });
      t += pause.durationS;
      heartRate = 95 + (heartRate - 95) * Math.exp(-pause.durationS / 40);
      rampFromS = t;
    }
    d = Math.min(plan.distanceM, d + speed);
    t += 1;
    movingS += 1;
    if (course && here) {
      const next = course.at(d);
      // The grade of the last metres run: what the legs feel now.
      if (speed > 0.5) grade = (next.altitudeM - here.altitudeM) / speed;
      here = next;
    }
  }

  const samples: Streams = { time: Float64Array.from(columns.time) };
  for (const [channel, values] of Object.entries(columns)) {
    if (channel !== 'time' && values.length > 0)
      samples[channel as Exclude<keyof Streams, 'time'>] = Float64Array.from(values);
  }
  return { samples, pauses };
}

function plannedSpeed(plan: RunPlan, d: number): number {
  const block = plan.blocks?.find((b) => d >= b.fromM && d < b.toM);
  const speed = block?.speedMps ?? plan.speedMps;
  return plan.pain?.response === 'slowed' && d >= plan.pain.fromM ? speed * PAIN_SLOWDOWN : speed;
}

/** Uphill slows a runner at the same effort more than downhill speeds them up. */
function gradeFactor(grade: number): number {
  return grade > 0 ? Math.exp(-3.5 * grade) : Math.min(1.08, Math.exp(-1.5 * grade));
}

function painWalks(plan: RunPlan): Array<{ atM: number; durationS: number }> {
  if (plan.pain?.response !== 'walked') return [];
  const walks = [];
  for (let at = plan.pain.fromM + 200; at < plan.distanceM - 200; at += PAIN_WALK.everyM) {
    walks.push({ atM: at, durationS: PAIN_WALK.durationS });
  }
  return walks;
}
