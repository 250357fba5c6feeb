import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Activity } from '../../src/domain/activity.js';
import { decodeActivityFile } from '../../src/ingest/index.js';
import { gpsPath } from '../../src/ingest/track/geo.js';
import { corpusDir, corpusFilesOf, corpusPath } from '../helpers/corpus.js';
import {
  checkOutcome,
  checkRunInvariants,
  type FileExpectation,
  type RunExpectation,
  withinOnePercent,
} from '../helpers/run-invariants.js';

/**
 * Every TCX and GPX file of the corpus (judged by content: a TCX saved as .fit counts) either imports runs
 * that agree with the file's own totals, or is skipped or rejected with a precise reason.
 *
 * TCX files carry totals per lap, read here with a plain text scan independent of the importer. GPX files
 * carry none, and PROVENANCE.md gives only their first and last point's times: for them the test holds the
 * elapsed time to those, and distance and moving time to bounds with the reason written down. The method that
 * computes a GPX run's distance is held to the devices' own distances on the TCX files instead.
 */
interface Expectation extends RunExpectation, FileExpectation {
  device?: string;
  /** GPX: the file's first → last point time, from PROVENANCE.md. */
  elapsedS?: number;
  /** GPX: no reference summary exists; bounds and the reason for them. */
  bounds?: { distanceM: [number, number]; movingS: [number, number]; why: string };
  /**
   * Whether positions cover the whole run, so that distance computed from them must agree with the
   * device's within 2%.
   */
  positionsCoverRun?: boolean;
}

const EXPECTED: Record<string, Expectation> = {
  'garmin-venusq-half-marathon-126min.tcx': {
    status: 'imported',
    runs: 1,
    device: 'Venu Sq',
    positionsCoverRun: true,
    channels: {
      heartRate: 'tcx:HeartRateBpm',
      cadence: 'tcx:TPX.RunCadence (strides/min ×2)',
      speed: 'tcx:TPX.Speed',
      distance: 'tcx:DistanceMeters',
      altitude: true,
      lat: true,
    },
  },
  'garmin-fr255-run-29min-power-tcx-misnamed.fit': {
    status: 'imported',
    runs: 1,
    device: 'Forerunner 255',
    positionsCoverRun: true,
    channels: { power: 'tcx:TPX.Watts', cadence: 'tcx:TPX.RunCadence (strides/min ×2)', heartRate: true },
  },
  'polar-v800-run-105min.tcx': {
    status: 'imported',
    runs: 1,
    device: 'Polar V800',
    positionsCoverRun: true,
    // Polar writes running cadence per leg into the plain <Cadence>, and 0 while standing.
    channels: { cadence: 'tcx:Cadence (strides/min ×2)', speed: 'tcx:computed speed' },
    warnings: ['cadence: 181 zero samples treated as missing'],
    cadenceMedian: {
      range: [100, 210],
      why: 'a run/walk: over half its samples are at 1–2 m/s, at a walking cadence of 100–140 steps/min',
    },
  },
  'suunto-spartan-ultra-run-32min.tcx': {
    // The first three minutes' laps have no trackpoints, so positions cannot give the whole distance.
    status: 'imported',
    runs: 1,
    device: 'Suunto Spartan Ultra',
    channels: {
      distance: 'tcx:computed distance',
      speed: 'tcx:TPX.Speed',
      cadence: 'tcx:Cadence (strides/min ×2)',
    },
  },
  'garmin-fr610-three-runs-in-one.tcx': {
    status: 'imported',
    runs: 3,
    device: 'Forerunner 610',
    positionsCoverRun: true,
    channels: { speed: 'tcx:TPX.Speed', heartRate: true },
    absent: ['cadence'],
    // The footpod reports 16.8 m/s at the start of the first run.
    warnings: ['activity 1: speed: 14 samples above 36 km/h or negative treated as missing'],
  },
  'strava-export-run-128min-hr-cad.gpx': {
    status: 'imported',
    runs: 1,
    elapsedS: 7723,
    bounds: {
      distanceM: [19_000, 23_000],
      movingS: [6900, 7723],
      why:
        'Strava exports no totals; the track is titled a 120-minute session of 2:08:43 from first to last ' +
        'point, at a trail pace (635 m of climbing)',
    },
    channels: {
      heartRate: 'gpx:gpxtpx:hr',
      cadence: 'gpx:gpxtpx:cad (strides/min ×2)',
      distance: 'gpx:computed distance',
    },
  },
  'amazfit-run-42min-hr.gpx': {
    status: 'imported',
    runs: 1,
    elapsedS: 2531,
    device: 'Huami Amazfit Sports Watch',
    bounds: {
      distanceM: [7500, 10_000],
      movingS: [2300, 2531],
      why: 'the watch exports no totals; 42 minutes of points at a steady running pace with no stops',
    },
    // Amazfit writes the heart rate twice, plain and in Garmin's extension: Garmin's is the one named.
    channels: { heartRate: 'gpx:gpxtpx:hr', distance: 'gpx:computed distance' },
    absent: ['cadence'],
  },
  'runkeeper-run-56min-negative-time-step.gpx': {
    // Despite the fixture's name this is a bike ride: Runkeeper named it "Cycling …", and its pace is
    // 23.9 km/h.
    status: 'skipped',
    reason: 'cycling track skipped (named "Cycling 10/2/17 10:49 am")',
  },
};

/** Lap totals per activity, read with a text scan: a Lap's own totals come right after its start tag. */
function tcxLapTotals(bytes: Uint8Array): Array<{ movingS: number; distanceM: number }> {
  const text = new TextDecoder().decode(bytes);
  return text
    .split(/<Activity\s/)
    .slice(1)
    .map((activity) => {
      let movingS = 0;
      let distanceM = 0;
      for (const lap of activity.matchAll(
        /<Lap\b[^>]*>\s*<TotalTimeSeconds>([^<]+)<\/TotalTimeSeconds>\s*<DistanceMeters>([^<]+)<\/DistanceMeters>/g,
      )) {
        movingS += Number(lap[1]);
        distanceM += Number(lap[2]);
      }
      return { movingS, distanceM };
    });
}

function checkRun(run: Activity, bytes: Uint8Array, expected: Expectation | undefined) {
  checkRunInvariants(run, expected);
  expect(run.utcOffsetMin, 'TCX and GPX times are UTC only').toBeNull();
  if (expected?.device !== undefined) expect(run.device?.product).toBe(expected.device);
  if (run.source.format === 'tcx') {
    const totals = tcxLapTotals(bytes)[run.source.sessionIndex];
    expect(totals?.distanceM, 'the laps have a distance').toBeGreaterThan(0);
    withinOnePercent(run.distanceM, totals?.distanceM ?? 0, 'distance');
    withinOnePercent(run.movingS, totals?.movingS ?? 0, 'moving time');
  } else {
    const bounds = expected?.bounds;
    expect(bounds, 'a GPX run has bounds with a reason').toBeDefined();
    const [minM, maxM] = bounds?.distanceM ?? [0, 0];
    const [minS, maxS] = bounds?.movingS ?? [0, 0];
    expect(run.distanceM).toBeGreaterThanOrEqual(minM);
    expect(run.distanceM).toBeLessThanOrEqual(maxM);
    expect(run.movingS).toBeGreaterThanOrEqual(minS);
    expect(run.movingS).toBeLessThanOrEqual(maxS);
    if (expected?.elapsedS !== undefined) expect(run.elapsedS).toBe(expected.elapsedS);
  }
  if (expected?.positionsCoverRun === true) {
    const { time, lat, lon } = run.streams;
    const path = gpsPath(time, lat ?? new Float64Array(), lon ?? new Float64Array(), new Set());
    const off = Math.abs(path.distanceM - run.distanceM) / run.distanceM;
    expect(off, `positions give ${path.distanceM.toFixed(0)} m for ${run.distanceM} m`).toBeLessThan(0.02);
  }
}

const dir = corpusDir();
const files = corpusFilesOf('tcx', 'gpx');

describe.skipIf(dir === undefined)(
  dir === undefined
    ? `TCX and GPX corpus: KEEL_CORPUS not found at ${corpusPath()}, skipped`
    : `TCX and GPX corpus in ${dir}`,
  () => {
    it('has TCX and GPX files, the TCX saved as .fit among them', () => {
      expect(files).toContain('garmin-fr255-run-29min-power-tcx-misnamed.fit');
      expect(files.length).toBeGreaterThanOrEqual(8);
    });

    for (const name of files) {
      it(name, () => {
        const bytes = new Uint8Array(readFileSync(join(dir ?? '', name)));
        const outcome = decodeActivityFile(bytes, name);
        const expected = EXPECTED[name];

        const activities = checkOutcome(outcome, expected);
        for (const run of activities) checkRun(run, bytes, expected);
      });
    }
  },
);
