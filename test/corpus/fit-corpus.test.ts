import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Decoder, Stream } from '@garmin/fitsdk';
import { describe, expect, it } from 'vitest';
import type { Activity, RunningSubSport } from '../../src/domain/activity.js';
import { decodeActivityFile } from '../../src/ingest/index.js';
import { corpusDir, corpusFilesOf, corpusPath } from '../helpers/corpus.js';
import {
  checkOutcome,
  checkRunInvariants,
  type FileExpectation,
  type RunExpectation,
  withinOnePercent,
} from '../helpers/run-invariants.js';

/**
 * Every FIT file of the corpus (judged by content) either imports runs that agree with its own session summary, or is
 * skipped or rejected with a precise reason; none may crash. The table pins down what each known file must
 * give, so a regression fails by name; files not in the table still face the generic rules.
 */
interface Expectation extends RunExpectation, FileExpectation {
  subSport?: RunningSubSport;
  /**
   * For a file whose session summary is known to be broken: what its records say instead, and why. The
   * run is compared with this rather than with the summary.
   */
  reference?: { distanceM: number; movingS: number; why: string };
}

const RUN_DYNAMICS = { stanceTime: true, verticalOscillation: true, cadence: true } as const;

const EXPECTED: Record<string, Expectation> = {
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
  'garmin-fr70-run-62min-compressed-timestamps.fit': {
    // Its clock was never set: a run dated 1990 would sit on the history as truth, so it is not stored.
    status: 'skipped',
    reason:
      'running session skipped: its start time 1990-07-18T06:44:24Z is before 2000: the device clock was not set',
    warnings: ['compressed-timestamp records, which the FIT SDK cannot read yet'],
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

/** The file's own session summaries, read straight from the SDK, to hold the importer to. */
function sessionSummaries(bytes: Uint8Array) {
  const { messages } = new Decoder(Stream.fromByteArray(bytes)).read();
  return (messages.sessionMesgs ?? []).map((s) => ({ distanceM: s.totalDistance, timerS: s.totalTimerTime }));
}

function checkRun(
  run: Activity,
  summary: { distanceM?: number; timerS?: number } | undefined,
  expected: Expectation | undefined,
) {
  checkRunInvariants(run, expected);
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
  if (expected?.subSport !== undefined) expect(run.subSport).toBe(expected.subSport);
}

const dir = corpusDir();

describe.skipIf(dir === undefined)(
  dir === undefined
    ? `FIT corpus: KEEL_CORPUS not found at ${corpusPath()}, skipped`
    : `FIT corpus in ${dir}`,
  () => {
    it('has activity files to check', () => expect(corpusFilesOf('fit').length).toBeGreaterThan(0));

    for (const name of corpusFilesOf('fit')) {
      it(name, () => {
        const bytes = new Uint8Array(readFileSync(join(dir ?? '', name)));
        const outcome = decodeActivityFile(bytes, name);
        const expected = EXPECTED[name];

        const activities = checkOutcome(outcome, expected);
        const summaries = sessionSummaries(bytes);
        for (const run of activities) checkRun(run, summaries[run.source.sessionIndex], expected);
      });
    }
  },
);
