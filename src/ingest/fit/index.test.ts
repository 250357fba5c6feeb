import { Encoder, type Mesg } from '@garmin/fitsdk';
import { describe, expect, it } from 'vitest';
import type { DecodeOutcome } from '../outcome.js';
import { decodeFitActivities } from './index.js';
import { FIT_EPOCH_S, MESG_NUM } from './protocol.js';

// Real files are covered by test/corpus; these files are written with the SDK's encoder so that each test
// holds exactly the situation it is about.

const T0_MS = Date.parse('2024-05-01T06:00:00Z');
const at = (s: number) => new Date(T0_MS + s * 1000);

const STRYD_APP = [
  0x18, 0xfb, 0x2c, 0xf0, 0x1a, 0x4b, 0x43, 0x0d, 0xad, 0x66, 0x98, 0x8c, 0x84, 0x74, 0x21, 0xf4,
];
const OTHER_APP = [
  0x6d, 0xcf, 0xff, 0xe5, 0xcd, 0x3d, 0x41, 0xf3, 0x8b, 0xa3, 0x13, 0xfa, 0x06, 0x47, 0xb0, 0x03,
];

interface DeveloperField {
  app: number[];
  fieldDefinitionNumber: number;
  name: string;
  units: string;
}

/** A FIT file written message by message; `dev` names developer fields by key for record messages. */
function fitFile(
  write: (mesg: (num: number, fields: Record<string, unknown>) => void) => void,
  dev: Record<string, DeveloperField> = {},
) {
  const fieldDescriptions = Object.fromEntries(
    Object.entries(dev).map(([key, f]) => [
      key,
      {
        developerDataIdMesg: { developerDataIndex: 0, applicationId: f.app },
        fieldDescriptionMesg: {
          developerDataIndex: 0,
          fieldDefinitionNumber: f.fieldDefinitionNumber,
          fitBaseTypeId: 132, // uint16
          fieldName: f.name,
          units: f.units,
        },
      },
    ]),
  );
  const encoder = new Encoder({ fieldDescriptions });
  write((num, fields) => encoder.onMesg(num, fields as Mesg));
  return encoder.close();
}

function writeHeader(mesg: (num: number, fields: Record<string, unknown>) => void) {
  mesg(MESG_NUM.fileId, { type: 'activity', manufacturer: 'garmin', product: 4315, timeCreated: at(0) });
  mesg(MESG_NUM.deviceInfo, {
    deviceIndex: 'creator',
    manufacturer: 'garmin',
    product: 4315,
    softwareVersion: 27.09,
    timestamp: at(0),
  });
}

/** A record a second from `fromS` to `toS`, at `speed` m/s on a distance counted from the file's start. */
function writeRecords(
  mesg: (num: number, fields: Record<string, unknown>) => void,
  fromS: number,
  toS: number,
  speed: number,
  baseDistanceM: number,
  extra: (s: number) => Record<string, unknown> = () => ({}),
) {
  for (let s = fromS; s <= toS; s++) {
    mesg(MESG_NUM.record, {
      timestamp: at(s),
      distance: baseDistanceM + (s - fromS) * speed,
      speed,
      heartRate: 150,
      cadence: 85,
      fractionalCadence: 0.5,
      ...extra(s),
    });
  }
}

function writeSession(
  mesg: (num: number, fields: Record<string, unknown>) => void,
  sport: string,
  fromS: number,
  toS: number,
  distanceM: number,
  subSport = 'generic',
) {
  mesg(MESG_NUM.session, {
    timestamp: at(toS),
    startTime: at(fromS),
    sport,
    subSport,
    totalElapsedTime: toS - fromS,
    totalTimerTime: toS - fromS,
    totalDistance: distanceM,
    avgHeartRate: 150,
    avgCadence: 85,
    avgFractionalCadence: 0.5,
  });
}

function writeActivity(
  mesg: (num: number, fields: Record<string, unknown>) => void,
  endS: number,
  offsetS: number,
) {
  const fitS = T0_MS / 1000 + endS - FIT_EPOCH_S;
  mesg(MESG_NUM.activity, {
    timestamp: at(endS),
    localTimestamp: fitS + offsetS,
    numSessions: 1,
    type: 'manual',
  });
}

/** Run 600 s, ride 1200 s, run 300 s. */
const brick = fitFile((mesg) => {
  writeHeader(mesg);
  mesg(MESG_NUM.event, { timestamp: at(0), event: 'timer', eventType: 'start' });
  writeRecords(mesg, 0, 600, 3, 0);
  writeSession(mesg, 'running', 0, 600, 1800, 'street');
  writeRecords(mesg, 601, 1800, 9, 1803);
  writeSession(mesg, 'cycling', 601, 1800, 10800);
  writeRecords(mesg, 1801, 2100, 3.5, 12600);
  writeSession(mesg, 'running', 1801, 2100, 1050);
  mesg(MESG_NUM.event, { timestamp: at(2100), event: 'timer', eventType: 'stopAll' });
  writeActivity(mesg, 2100, 7200);
});

function decoded(outcome: DecodeOutcome) {
  if (outcome.kind !== 'decoded') throw new Error(`expected a decoded file, got: ${outcome.reason}`);
  return outcome;
}

describe('decodeFitActivities: sessions', () => {
  it('gives one run per running session of a multisport file, each with its own samples', () => {
    const { activities, skipped, warnings } = decoded(decodeFitActivities(brick, 'brick.fit'));
    expect(skipped).toEqual([{ sessionIndex: 1, reason: 'cycling session skipped' }]);
    expect(warnings).toEqual([]);
    expect(activities.map((a) => [a.source.sessionIndex, a.subSport, a.startTime.toISOString()])).toEqual([
      [0, 'road', '2024-05-01T06:00:00.000Z'],
      [2, 'generic', '2024-05-01T06:30:01.000Z'],
    ]);
    const second = activities[1];
    expect(second?.streams.time.length).toBe(300);
    expect(second?.streams.time[0]).toBe(0);
    expect(second?.streams.distance?.[0]).toBe(0);
    expect(second?.streams.distance?.at(-1)).toBeCloseTo(1046.5, 1);
    expect(second).toMatchObject({ distanceM: 1050, movingS: 299, elapsedS: 299, avgCadenceSpm: 171 });
  });

  it('reads the device, the time zone and the source of each channel', () => {
    const [run] = decoded(decodeFitActivities(brick, 'brick.fit')).activities;
    expect(run).toMatchObject({
      sport: 'running',
      utcOffsetMin: 120,
      device: { manufacturer: 'garmin', product: 'fr965', softwareVersion: '27.09' },
      source: { format: 'fit', fileName: 'brick.fit', fileHash: '', sessionIndex: 0 },
      channelSources: {
        distance: 'fit:record.distance',
        speed: 'fit:record.enhanced_speed',
        heartRate: 'fit:record.heart_rate',
        cadence: 'fit:record.cadence+fractional_cadence (strides/min ×2)',
      },
    });
    expect(run?.streams.cadence?.[0]).toBe(171);
  });

  it('decodes a file without running sessions to no runs, each session skipped with its reason', () => {
    const ride = fitFile((mesg) => {
      writeHeader(mesg);
      writeRecords(mesg, 0, 100, 9, 0);
      writeSession(mesg, 'cycling', 0, 100, 900);
    });
    expect(decodeFitActivities(ride, 'ride.fit')).toEqual({
      kind: 'decoded',
      activities: [],
      skipped: [{ sessionIndex: 0, reason: 'cycling session skipped' }],
      warnings: [],
    });
  });

  it('skips a "run" faster than anyone runs', () => {
    const drive = fitFile((mesg) => {
      writeHeader(mesg);
      writeRecords(mesg, 0, 600, 14, 0);
      writeSession(mesg, 'running', 0, 600, 8400);
    });
    expect(decoded(decodeFitActivities(drive, 'drive.fit')).skipped).toEqual([
      {
        sessionIndex: 0,
        reason: 'running session skipped: an average of 50.4 km/h is no run (a ride recorded as a run?)',
      },
    ]);
  });

  it('rejects a FIT file that is not an activity, or holds nothing', () => {
    const course = fitFile((mesg) =>
      mesg(MESG_NUM.fileId, { type: 'course', manufacturer: 'garmin', timeCreated: at(0) }),
    );
    expect(decodeFitActivities(course, 'course.fit')).toEqual({
      kind: 'rejected',
      reason: 'FIT course file, not an activity',
    });
    const empty = fitFile((mesg) =>
      mesg(MESG_NUM.fileId, { type: 'activity', manufacturer: 'garmin', timeCreated: at(0) }),
    );
    expect(decodeFitActivities(empty, 'empty.fit')).toEqual({
      kind: 'rejected',
      reason: 'FIT activity file with no sessions and no samples',
    });
  });
});

describe('decodeFitActivities: developer fields', () => {
  const dev = {
    other: { app: OTHER_APP, fieldDefinitionNumber: 0, name: 'Power', units: 'Watts' },
    strydPower: { app: STRYD_APP, fieldDefinitionNumber: 0, name: 'Power', units: 'Watts' },
    strydGct: { app: STRYD_APP, fieldDefinitionNumber: 3, name: 'Ground Time', units: 'Milliseconds' },
  };

  it("reads each record's fields with the descriptions in force when it was written", () => {
    // As a triathlon watch writes it: developer data index 0 is a bike app's, then Stryd's for the run.
    const file = fitFile((mesg) => {
      writeHeader(mesg);
      mesg(MESG_NUM.developerDataId, { developerDataIndex: 0, applicationId: OTHER_APP });
      mesg(MESG_NUM.fieldDescription, {
        developerDataIndex: 0,
        fieldDefinitionNumber: 0,
        fitBaseTypeId: 132,
        fieldName: 'Power',
      });
      writeRecords(mesg, 0, 9, 3, 0, () => ({ developerFields: { other: 999 } }));
      mesg(MESG_NUM.developerDataId, { developerDataIndex: 0, applicationId: STRYD_APP });
      mesg(MESG_NUM.fieldDescription, {
        developerDataIndex: 0,
        fieldDefinitionNumber: 0,
        fitBaseTypeId: 132,
        fieldName: 'Power',
      });
      mesg(MESG_NUM.fieldDescription, {
        developerDataIndex: 0,
        fieldDefinitionNumber: 3,
        fitBaseTypeId: 132,
        fieldName: 'Ground Time',
      });
      writeRecords(mesg, 10, 19, 3, 30, (s) => ({ developerFields: { strydPower: 250 + s, strydGct: 240 } }));
      writeSession(mesg, 'running', 0, 19, 57);
    }, dev);
    const [run] = decoded(decodeFitActivities(file, 'tri.fit')).activities;
    expect(run?.channelSources).toMatchObject({
      power: 'dev:Stryd/Power',
      stanceTime: 'dev:Stryd/Ground Time',
    });
    expect(Array.from(run?.streams.power ?? []).slice(8, 12)).toEqual([Number.NaN, Number.NaN, 260, 261]);
    expect(run?.avgPowerW).toBeCloseTo(264.5, 0);
  });
});

describe('decodeFitActivities: damaged files', () => {
  const run = fitFile((mesg) => {
    writeHeader(mesg);
    mesg(MESG_NUM.sport, { sport: 'running', subSport: 'generic' });
    writeRecords(mesg, 0, 1200, 3, 0);
    writeSession(mesg, 'running', 0, 1200, 3600);
    writeActivity(mesg, 1200, 0);
  });

  it('imports a file whose CRC fails, with a warning', () => {
    const flipped = run.slice();
    flipped[flipped.length - 1] = (flipped[flipped.length - 1] ?? 0) ^ 0xff;
    const outcome = decoded(decodeFitActivities(flipped, 'run.fit'));
    expect(outcome.activities).toHaveLength(1);
    expect(outcome.warnings).toEqual([
      `corrupt FIT file: CRC check failed at byte ${run.length}; imported what decoded cleanly`,
    ]);
  });

  it('rebuilds a truncated run, whose summary never got written, from its samples', () => {
    const truncated = run.subarray(0, Math.floor(run.length * 0.6));
    const outcome = decoded(decodeFitActivities(truncated, 'run.fit'));
    expect(outcome.warnings[0]).toMatch(
      /^truncated FIT file: data ends at byte \d+ of \d+ declared; unreadable from byte \d+/,
    );
    expect(outcome.warnings[1]).toBe(
      'the file has no session summary (a recording never finished?): the run was rebuilt from its samples',
    );
    const [rebuilt] = outcome.activities;
    expect(rebuilt?.elapsedS).toBeGreaterThan(600);
    expect(rebuilt?.distanceM).toBeCloseTo((rebuilt?.elapsedS ?? 0) * 3, 0);
  });

  it('rejects a file from which nothing decodes', () => {
    expect(decodeFitActivities(run.subarray(0, 20), 'run.fit')).toEqual({
      kind: 'rejected',
      reason: `truncated FIT file: data ends at byte 20 of ${run.length} declared; unreadable from byte 20 (the data stops mid-message)`,
    });
  });

  it('never throws, and says what is wrong in one line, whatever the bytes', () => {
    let seed = 7;
    const random = () => {
      seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31;
      return seed / 2 ** 31;
    };
    const damaged: Uint8Array[] = [];
    for (let length = 0; length < run.length; length += 151) damaged.push(run.subarray(0, length));
    for (let i = 0; i < 100; i++) {
      const bytes = run.slice();
      for (let flips = 0; flips < 3; flips++)
        bytes[Math.floor(random() * bytes.length)] = Math.floor(random() * 256);
      damaged.push(bytes);
    }
    for (const bytes of damaged) {
      const outcome = decodeFitActivities(bytes, 'damaged.fit');
      const lines = outcome.kind === 'rejected' ? [outcome.reason] : outcome.warnings;
      for (const line of lines) expect(line).not.toMatch(/\n|\bat \w+ \(/);
    }
  });
});
