import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Decoder, Stream } from '@garmin/fitsdk';
import { describe, expect, it } from 'vitest';
import type { Activity, RunningSubSport } from '../../src/domain/activity.js';
import { CHANNELS, type Channel, type ChannelSources, channelsPresent } from '../../src/domain/channels.js';
import { decodeActivityFile } from '../../src/ingest/index.js';
import { corpusDir, corpusFiles, corpusPath } from '../helpers/corpus.js';

/**
 * Every file in the corpus either imports runs that agree with the file's own session summary, or is
 * skipped or rejected with a precise reason; none may crash. The table pins down what each known file must
 * give, so a regression fails by name; files not in the table still face the generic rules.
 */
interface Expectation {
  status: 'imported' | 'skipped' | 'rejected';
  /** Running activities the file must give. */
  runs?: number;
  /** Must appear in the rejection reason, or in a skipped session's reason. */
  reason?: string;
  subSport?: RunningSubSport;
  /** Channels every run must have, and where they must come from when a source is named. */
  channels?: Partial<Record<Channel, string | true>>;
  /** Channels no run may have. */
  absent?: Channel[];
  /** Must appear among the warnings. */
  warnings?: string[];
  /**
   * For a file whose session summary is known to be broken: what its records say instead, and why. The
   * run is compared with this rather than with the summary.
   */
  reference?: { distanceM: number; movingS: number; why: string };
}

const RUN_DYNAMICS = { stanceTime: true, verticalOscillation: true, cadence: true } as const;

const EXPECTED: Record<string, Expectation> = {
  'amazfit-run-42min-hr.gpx': {
    status: 'rejected',
    reason: 'GPX file (XML), not FIT: GPX import is not supported yet',
  },
  'coros-apex-pro-run-48min-rundyn-power.fit': {
    status: 'imported',
    runs: 1,
    channels: {
      ...RUN_DYNAMICS,
      stanceTimeBalance: true,
      verticalRatio: true,
      stepLength: true,
      power: 'fit:record.power',
      lat: true,
    },
  },
  'corrupt-empty-activities-crc-error.fit': {
    status: 'rejected',
    reason: 'corrupt FIT file: CRC check failed at byte 14; the header declares no data',
  },
  'garmin-edge500-bike-67min.fit': { status: 'skipped', reason: 'cycling session skipped' },
  'garmin-fenix2-run-46min-vo-gct-pauses.fit': { status: 'imported', runs: 1, channels: RUN_DYNAMICS },
  'garmin-fenix3-duathlon-run-bike-run.fit': {
    status: 'imported',
    runs: 2,
    reason: 'cycling session skipped',
    channels: { ...RUN_DYNAMICS, stanceTimeBalance: true, stepLength: true },
  },
  'garmin-fenix3-runscribe-run-46min-rundyn-unnamed-devfields.fit': {
    // The RunScribe fields here have no names: they can't be told apart safely, so none is read.
    status: 'imported',
    runs: 1,
    channels: { stanceTime: 'fit:record.stance_time', stanceTimeBalance: true },
    absent: ['power', 'formPower', 'legSpringStiffness'],
  },
  'garmin-fenix5-walk-short-with-rundyn.fit': { status: 'skipped', reason: 'walking session skipped' },
  'garmin-fenix5x-ironman-multisport-run-330min-rundyn.fit': {
    status: 'imported',
    runs: 1,
    reason: 'swimming session skipped',
    channels: {
      ...RUN_DYNAMICS,
      stanceTime: 'fit:record.stance_time',
      power: 'dev:Stryd/Power',
      formPower: 'dev:Stryd/Form Power',
      legSpringStiffness: 'dev:Stryd/Leg Spring Stiffness',
    },
  },
  'garmin-fr255-run-29min-power-tcx-misnamed.fit': {
    status: 'rejected',
    reason: 'TCX file (XML), not FIT: TCX import is not supported yet',
  },
  'garmin-fr255-triathlon-summary-no-records.fit': {
    // The SDK fails on this file's first record (an accumulated-field bug), after the summary-first layout
    // has given every session: the run is kept from its summary.
    status: 'imported',
    runs: 1,
    reason: 'transition session skipped',
    warnings: [
      'FIT file not fully readable: unreadable from byte',
      'no samples could be read, only the session summary',
    ],
  },
  'garmin-fr610-three-runs-in-one.tcx': { status: 'rejected', reason: 'TCX file (XML), not FIT' },
  'garmin-fr70-run-62min-compressed-timestamps.fit': {
    status: 'imported',
    runs: 1,
    warnings: [
      'compressed-timestamp records, which the FIT SDK cannot read yet',
      'is before 2000: the device clock was probably not set',
    ],
  },
  'garmin-fr920xt-run-23km-137min-rundyn-smartrec-hrv.fit': {
    status: 'imported',
    runs: 1,
    channels: { ...RUN_DYNAMICS, stanceTimeBalance: true, verticalRatio: true, stepLength: true },
  },
  'garmin-fr920xt-run-30km-167min-vo-gct-extra-start-events.fit': {
    status: 'imported',
    runs: 1,
    channels: RUN_DYNAMICS,
    absent: ['stanceTimeBalance', 'stepLength'],
  },
  'garmin-fr920xt-runscribe-treadmill-21min-rundyn-devfields.fit': {
    status: 'imported',
    runs: 1,
    subSport: 'treadmill',
    channels: { stanceTime: 'fit:record.stance_time', power: 'dev:RunScribe/RS_Power_AVG' },
    absent: ['lat', 'lon'],
  },
  'garmin-fr920xt-two-running-sessions.fit': { status: 'imported', runs: 2, channels: RUN_DYNAMICS },
  'garmin-fr945-pool-swim-47min.fit': { status: 'skipped', reason: 'swimming session skipped' },
  'garmin-fr945-stryd-run-83min-devfield-dynamics-only.fit': {
    status: 'imported',
    runs: 1,
    channels: {
      stanceTime: 'dev:Stryd/Ground Time',
      verticalOscillation: 'dev:Stryd/Vertical Oscillation',
      power: 'dev:Stryd/Power',
      formPower: 'dev:Stryd/Form Power',
      legSpringStiffness: 'dev:Stryd/Leg Spring Stiffness',
      cadence: 'fit:record.cadence+fractional_cadence (strides/min ×2)',
    },
  },
  'garmin-fr945-treadmill-run-51min-rundyn-nogps.fit': {
    // The chest strap sent dynamics for a fifth of the run, the Stryd pod for all of it.
    status: 'imported',
    runs: 1,
    subSport: 'treadmill',
    channels: {
      stanceTime: 'dev:Stryd/Ground Time',
      verticalOscillation: 'dev:Stryd/Vertical Oscillation',
      stanceTimeBalance: 'fit:record.stance_time_balance',
      power: 'dev:Stryd/Power',
    },
    absent: ['lat', 'lon', 'altitude'],
  },
  'garmin-fr955-stryd-run-10km-rundyn-devfields.fit': {
    status: 'imported',
    runs: 1,
    channels: {
      stanceTime: 'fit:record.stance_time',
      verticalOscillation: 'fit:record.vertical_oscillation',
      stepLength: true,
      power: 'dev:Stryd/Power',
      formPower: 'dev:Stryd/Form Power',
    },
  },
  'garmin-fr965-2026-run-74min-rundyn-native-power.fit': {
    status: 'imported',
    runs: 1,
    channels: { ...RUN_DYNAMICS, verticalRatio: true, stepLength: true, power: 'fit:record.power' },
    absent: ['stanceTimeBalance'],
  },
  'garmin-venusq-half-marathon-126min.tcx': { status: 'rejected', reason: 'TCX file (XML), not FIT' },
  'polar-v800-run-105min.tcx': { status: 'rejected', reason: 'TCX file (XML), not FIT' },
  'runkeeper-run-56min-negative-time-step.gpx': { status: 'rejected', reason: 'GPX file (XML), not FIT' },
  'strava-android-app-run-59min-crc-error-devfields.fit': {
    // The app crashed: the file breaks off 5 minutes in, after its summary-first session message.
    status: 'imported',
    runs: 1,
    channels: { distance: true, lat: true },
    warnings: [
      'truncated FIT file: data ends at byte 78233 of 78252 declared; unreadable from byte 7472; imported what decoded cleanly',
      'samples cover only 5:14 of 59:18',
    ],
  },
  'strava-export-run-128min-hr-cad.gpx': { status: 'rejected', reason: 'GPX file (XML), not FIT' },
  'stryd-app-run-70min-power-vo-gct-hrv.fit': {
    status: 'imported',
    runs: 1,
    channels: {
      ...RUN_DYNAMICS,
      power: 'fit:record.power',
      formPower: 'dev:Stryd/Form Power',
      legSpringStiffness: true,
    },
  },
  'stryd-recorded-run-57min-developer-types.fit': {
    status: 'imported',
    runs: 1,
    channels: { ...RUN_DYNAMICS, power: 'fit:record.power', formPower: 'dev:Stryd/Form Power' },
  },
  'suunto-ambit3-peak-run-67min-no-final-lap-zero-distance.fit': {
    status: 'imported',
    runs: 1,
    warnings: ['the session summary covers 1:07:15 but the samples run to 1:22:41'],
    reference: {
      distanceM: 15_220,
      movingS: 4962,
      why:
        'the session has no total_distance and ends 15 minutes before the records do (its final lap was never ' +
        'written): the last record says 15 220 m, the activity message 4962 s of timer time',
    },
  },
  'suunto-spartan-ultra-run-32min.tcx': { status: 'rejected', reason: 'TCX file (XML), not FIT' },
  'suunto-trail-run-36min-power.fit': {
    status: 'imported',
    runs: 1,
    subSport: 'trail',
    channels: { power: 'fit:record.power', cadence: true },
  },
  'suunto-ultra-run-340min-50km-no-hr.fit': {
    status: 'imported',
    runs: 1,
    channels: { cadence: true, altitude: true },
    absent: ['heartRate'],
  },
  'tomtom-run-78min-invalid-altitude-empty-last-record.fit': {
    status: 'imported',
    runs: 1,
    channels: { heartRate: true, altitude: 'fit:record.enhanced_altitude' },
    absent: ['cadence'],
  },
};

/** Plausible ranges in Keel units: a value outside is a conversion bug. */
const RANGES: Partial<Record<Channel, [number, number]>> = {
  speed: [0, 15],
  heartRate: [25, 250],
  cadence: [20, 320],
  stanceTime: [50, 2500],
  stanceTimeBalance: [0, 100],
  verticalOscillation: [0, 300],
  verticalRatio: [0, 60],
  stepLength: [100, 3000],
  power: [0, 1500],
  formPower: [0, 500],
  legSpringStiffness: [0, 50],
  altitude: [-450, 9000],
  lat: [-90, 90],
  lon: [-180, 180],
};

/** The file's own session summaries, read straight from the SDK, to hold the importer to. */
function sessionSummaries(bytes: Uint8Array) {
  const { messages } = new Decoder(Stream.fromByteArray(bytes)).read();
  return (messages.sessionMesgs ?? []).map((s) => ({ distanceM: s.totalDistance, timerS: s.totalTimerTime }));
}

function withinOnePercent(actual: number, expected: number) {
  expect(Math.abs(actual - expected)).toBeLessThanOrEqual(0.01 * expected);
}

function checkRun(
  run: Activity,
  summary: { distanceM?: number; timerS?: number } | undefined,
  expected: Expectation | undefined,
) {
  const { streams, channelSources } = run;
  const n = streams.time.length;
  expect(run.elapsedS).toBeGreaterThan(0);
  expect(run.movingS).toBeGreaterThan(0);
  expect(run.movingS).toBeLessThanOrEqual(run.elapsedS);
  expect(Number.isNaN(run.startTime.getTime())).toBe(false);

  const reference = expected?.reference;
  if (reference !== undefined) {
    withinOnePercent(run.distanceM, reference.distanceM);
    withinOnePercent(run.movingS, reference.movingS);
  } else {
    expect(summary?.distanceM, 'the session summary has a distance').toBeGreaterThan(0);
    expect(summary?.timerS, 'the session summary has a timer time').toBeGreaterThan(0);
    withinOnePercent(run.distanceM, summary?.distanceM ?? 0);
    withinOnePercent(run.movingS, summary?.timerS ?? 0);
  }

  for (const channel of CHANNELS) {
    const values = streams[channel];
    if (values === undefined) continue;
    expect(values.length, `${channel} has a value per sample`).toBe(n);
    const [min, max] = RANGES[channel] ?? [Number.NEGATIVE_INFINITY, Number.POSITIVE_INFINITY];
    const implausible = Array.from(values).filter((v) => v < min || v > max);
    expect(implausible.slice(0, 5), `${channel} values within [${min}, ${max}]`).toEqual([]);
  }
  const cadence = Array.from(streams.cadence ?? [])
    .filter((v) => !Number.isNaN(v))
    .sort((a, b) => a - b);
  if (cadence.length > 0) {
    const median = cadence[cadence.length >> 1] ?? 0;
    expect(median, 'median cadence is a running cadence in steps/min').toBeGreaterThan(130);
    expect(median, 'median cadence is a running cadence in steps/min').toBeLessThan(210);
  }
  const steps = Array.from(streams.time.subarray(1), (t, i) => t - (streams.time[i] ?? 0));
  expect(steps.filter((dt) => !(dt > 0)).length, 'time always moves forward').toBe(0);
  if (n > 0) {
    expect(streams.time[0]).toBeGreaterThanOrEqual(0);
    expect(streams.time[n - 1]).toBeLessThanOrEqual(run.elapsedS + 60);
  }
  const present = channelsPresent(streams).filter((c) => c !== 'time');
  expect(Object.keys(channelSources).sort()).toEqual([...present].sort());

  for (const [channel, source] of Object.entries(expected?.channels ?? {}) as [Channel, string | true][]) {
    expect(present, `${channel} is present`).toContain(channel);
    if (source !== true) expect((channelSources as ChannelSources)[channel]).toBe(source);
  }
  for (const channel of expected?.absent ?? []) expect(present).not.toContain(channel);
  if (expected?.subSport !== undefined) expect(run.subSport).toBe(expected.subSport);
}

const dir = corpusDir();

describe.skipIf(dir === undefined)(
  dir === undefined
    ? `FIT corpus: KEEL_CORPUS not found at ${corpusPath()}, skipped`
    : `FIT corpus in ${dir}`,
  () => {
    it('has activity files to check', () => expect(corpusFiles().length).toBeGreaterThan(0));

    for (const name of corpusFiles()) {
      it(name, () => {
        const bytes = new Uint8Array(readFileSync(join(dir ?? '', name)));
        const outcome = decodeActivityFile(bytes, name);
        const expected = EXPECTED[name];

        if (outcome.kind === 'rejected') {
          expect(outcome.reason).toMatch(/^[^\n]{10,300}$/);
          expect(outcome.reason).not.toMatch(/\bat \S+ \(|Error:/);
          if (expected !== undefined) {
            expect(expected.status).toBe('rejected');
            expect(outcome.reason).toContain(expected.reason ?? '');
          }
          return;
        }

        const { activities, skipped, warnings } = outcome;
        for (const line of [...warnings, ...skipped.map((s) => s.reason)]) expect(line).toMatch(/^[^\n]+$/);
        if (activities.length === 0)
          expect(skipped.length, 'a file without runs says why').toBeGreaterThan(0);
        if (expected !== undefined) {
          expect(activities.length > 0 ? 'imported' : 'skipped').toBe(expected.status);
          if (expected.runs !== undefined) expect(activities).toHaveLength(expected.runs);
          if (expected.reason !== undefined) expect(skipped.map((s) => s.reason)).toContain(expected.reason);
          for (const warning of expected.warnings ?? []) {
            expect(
              warnings.some((w) => w.includes(warning)),
              `a warning says "${warning}"`,
            ).toBe(true);
          }
        }
        const summaries = sessionSummaries(bytes);
        for (const run of activities) checkRun(run, summaries[run.source.sessionIndex], expected);
      });
    }
  },
);
