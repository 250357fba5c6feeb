import { Decoder, Profile, Stream } from '@garmin/fitsdk';
import { describe, expect, it } from 'vitest';
import { decodeFit } from '../../test/helpers/fit-files.js';
import type { Streams } from '../domain/channels.js';
import { encodeActivityFit, type SyntheticActivity, type SyntheticSession } from './fit-encoder.js';
import { MESG_NUM } from './fit-mesg-num.js';

const START = new Date('2026-05-14T04:05:59Z');
const WATCH = {
  index: 'creator',
  manufacturer: 'garmin',
  product: 'fr965',
  serialNumber: 3_448_026_845,
  softwareVersion: 27.09,
} as const;

const columns = (values: Record<string, number[]>): Streams => {
  const streams: Record<string, Float64Array> = {};
  for (const [channel, v] of Object.entries(values)) streams[channel] = Float64Array.from(v);
  return streams as Streams;
};

/** Three samples with every channel, values chosen to land between FIT's steps. */
const SAMPLES = columns({
  time: [0, 1, 3],
  distance: [0, 2.874, 8.611],
  speed: [2.8743, 2.8689, 2.86],
  heartRate: [141.4, 142.6, 143],
  cadence: [171, 170.3, 173.999],
  stanceTime: [262.37, 263.01, 261.99],
  stanceTimeBalance: [49.634, 50.001, 51.2],
  verticalOscillation: [84.26, 85.04, 83.91],
  verticalRatio: [8.514, 8.6, 8.499],
  stepLength: [1012.34, 1011.98, 1009.5],
  power: [251.4, 252.6, 250],
  altitude: [418.27, 418.41, 418.6],
  lat: [47.3573, 47.35732, 47.357371],
  lon: [8.5176, 8.51763, 8.517711],
});

const run = (session: Partial<SyntheticSession> = {}, activity: Partial<SyntheticActivity> = {}) =>
  encodeActivityFit({
    creator: WATCH,
    utcOffsetMin: 120,
    sessions: [{ sport: 'running', subSport: 'street', startTime: START, samples: SAMPLES, ...session }],
    ...activity,
  });

describe('encodeActivityFit', () => {
  it('uses the protocol’s message numbers', () => {
    expect(MESG_NUM).toEqual({
      fileId: Profile.MesgNum.FILE_ID,
      session: Profile.MesgNum.SESSION,
      lap: Profile.MesgNum.LAP,
      record: Profile.MesgNum.RECORD,
      event: Profile.MesgNum.EVENT,
      deviceInfo: Profile.MesgNum.DEVICE_INFO,
      activity: Profile.MesgNum.ACTIVITY,
      fieldDescription: Profile.MesgNum.FIELD_DESCRIPTION,
      developerDataId: Profile.MesgNum.DEVELOPER_DATA_ID,
    });
  });

  it('writes a file Garmin’s decoder reads without errors and whose CRCs check out', () => {
    const { errors, intact, messages } = decodeFit(run());
    expect(errors).toEqual([]);
    expect(intact).toBe(true);
    expect(messages.fileIdMesgs?.[0]).toMatchObject({
      type: 'activity',
      manufacturer: 'garmin',
      garminProduct: 'fr965',
      serialNumber: 3_448_026_845,
      timeCreated: START,
    });
  });

  it('round-trips every record channel within FIT’s resolution', () => {
    const records = decodeFit(run()).messages.recordMesgs ?? [];
    expect(records).toHaveLength(3);
    records.forEach((r, i) => {
      const at = (channel: keyof Streams) => SAMPLES[channel]?.[i] ?? Number.NaN;
      expect(r.timestamp).toEqual(new Date(START.getTime() + at('time') * 1000));
      expect(r.distance).toBeCloseTo(at('distance'), 2);
      expect(r.enhancedSpeed).toBeCloseTo(at('speed'), 3);
      expect(r.heartRate).toBe(Math.round(at('heartRate')));
      expect(r.power).toBe(Math.round(at('power')));
      expect(Math.abs(Number(r.stanceTime) - at('stanceTime'))).toBeLessThanOrEqual(0.05);
      expect(Math.abs(Number(r.stanceTimeBalance) - at('stanceTimeBalance'))).toBeLessThanOrEqual(0.005);
      expect(Math.abs(Number(r.verticalOscillation) - at('verticalOscillation'))).toBeLessThanOrEqual(0.05);
      expect(Math.abs(Number(r.verticalRatio) - at('verticalRatio'))).toBeLessThanOrEqual(0.005);
      expect(Math.abs(Number(r.stepLength) - at('stepLength'))).toBeLessThanOrEqual(0.05);
      expect(Math.abs(Number(r.enhancedAltitude) - at('altitude'))).toBeLessThanOrEqual(0.1 + 1e-9);
      expect(Math.abs((Number(r.positionLat) * 180) / 2 ** 31 - at('lat'))).toBeLessThan(1e-6);
      expect(Math.abs((Number(r.positionLong) * 180) / 2 ** 31 - at('lon'))).toBeLessThan(1e-6);
    });
  });

  it('writes running cadence as strides/min plus fractional cadence, the Garmin way', () => {
    const records = decodeFit(run()).messages.recordMesgs ?? [];
    expect(records[0]).toMatchObject({ cadence: 85, fractionalCadence: 0.5 });
    records.forEach((r, i) => {
      const steps = 2 * (Number(r.cadence) + Number(r.fractionalCadence));
      expect(Math.abs(steps - (SAMPLES.cadence?.[i] ?? 0))).toBeLessThanOrEqual(1 / 128);
    });
    // 173.999 steps/min is 86.9995 strides: a whole 87, never 86 and 128/128.
    expect(records[2]).toMatchObject({ cadence: 87, fractionalCadence: 0 });
  });

  it('writes cadence of other sports as it is (rpm)', () => {
    const samples = columns({ time: [0, 1], distance: [0, 7], speed: [7, 7], cadence: [88.25, 90] });
    const bytes = run({ sport: 'cycling', subSport: 'road', samples });
    const { recordMesgs, sessionMesgs } = decodeFit(bytes).messages;
    expect(recordMesgs?.[0]).toMatchObject({ cadence: 88, fractionalCadence: 0.25 });
    expect(sessionMesgs?.[0]).toMatchObject({ sport: 'cycling', subSport: 'road', maxCadence: 90 });
  });

  it('leaves missing values out of the record while keeping one record definition', () => {
    const samples = columns({ time: [0, 1, 2], distance: [0, 3, 6], heartRate: [140, Number.NaN, 142] });
    const bytes = run({ samples });
    const records = decodeFit(bytes).messages.recordMesgs ?? [];
    expect(records[1]).not.toHaveProperty('heartRate');
    expect(records[1]?.distance).toBe(3);
    expect(records.map((r) => r.heartRate)).toEqual([140, undefined, 142]);
    let recordDefinitions = 0;
    new Decoder(Stream.fromByteArray(bytes)).read({
      mesgDefinitionListener: (d) => {
        if (d.globalMessageNumber === MESG_NUM.record) recordDefinitions++;
      },
    });
    expect(recordDefinitions).toBe(1);
  });

  it('summarises the session: times, distance, climb, averages weighted by time, maxima', () => {
    const session = decodeFit(run()).messages.sessionMesgs?.[0];
    expect(session).toMatchObject({
      sport: 'running',
      subSport: 'street',
      startTime: START,
      timestamp: new Date(START.getTime() + 3000),
      totalElapsedTime: 3,
      totalTimerTime: 3,
      totalDistance: 8.61,
      totalAscent: 0,
      totalDescent: 0,
      maxHeartRate: 143,
      // (141.4·1 + 142.6·2) / 3
      avgHeartRate: 142,
      maxPower: 253,
      firstLapIndex: 0,
      numLaps: 1,
      trigger: 'activityEnd',
    });
    expect(session?.enhancedAvgSpeed).toBeCloseTo(8.611 / 3, 3);
    expect(session?.avgStanceTime).toBeCloseTo((262.37 + 2 * 263.01) / 3, 1);
    expect(2 * (Number(session?.maxCadence) + Number(session?.maxFractionalCadence))).toBeCloseTo(173.999, 1);
  });

  it('stops and restarts the timer around pauses, and leaves them out of timer time', () => {
    const samples = columns({
      time: [0, 1, 2, 62, 63],
      distance: [0, 3, 6, 9, 12],
      heartRate: [140, 141, 142, 120, 125],
    });
    const bytes = run({ samples, pauses: [{ startS: 2, endS: 62, trigger: 'auto' }] });
    const { eventMesgs, sessionMesgs, activityMesgs } = decodeFit(bytes).messages;
    expect(
      eventMesgs?.map((e) => [e.eventType, e.timerTrigger, (Number(e.timestamp) - START.getTime()) / 1000]),
    ).toEqual([
      ['start', 'manual', 0],
      ['stopAll', 'auto', 2],
      ['start', 'auto', 62],
      ['stopAll', 'manual', 63],
    ]);
    expect(sessionMesgs?.[0]).toMatchObject({ totalElapsedTime: 63, totalTimerTime: 3, totalDistance: 12 });
    expect(sessionMesgs?.[0]?.enhancedAvgSpeed).toBe(4);
    expect(activityMesgs?.[0]).toMatchObject({ totalTimerTime: 3 });
  });

  it('auto-laps every kilometre and leaves the rest to a last lap', () => {
    const n = 1201;
    const samples = columns({
      time: Array.from({ length: n }, (_, i) => i),
      distance: Array.from({ length: n }, (_, i) => i * 2.5),
    });
    const { lapMesgs, sessionMesgs } = decodeFit(run({ samples })).messages;
    expect(lapMesgs?.map((l) => l.totalDistance)).toEqual([1000, 1000, 1000]);
    expect(lapMesgs?.map((l) => l.lapTrigger)).toEqual(['distance', 'distance', 'sessionEnd']);
    expect(lapMesgs?.map((l) => l.messageIndex)).toEqual([0, 1, 2]);
    expect(lapMesgs?.[1]?.startTime).toEqual(lapMesgs?.[0]?.timestamp);
    expect(sessionMesgs?.[0]).toMatchObject({ numLaps: 3, totalDistance: 3000, totalElapsedTime: 1200 });
  });

  it('writes the UTC offset as the activity’s local timestamp, or leaves it out', () => {
    const withOffset = decodeFit(run()).messages.activityMesgs?.[0];
    const end = withOffset?.timestamp as Date;
    const fitEnd = (end.getTime() - Date.UTC(1989, 11, 31)) / 1000;
    expect(withOffset).toMatchObject({
      numSessions: 1,
      type: 'manual',
      event: 'activity',
      eventType: 'stop',
    });
    expect(Number(withOffset?.localTimestamp) - fitEnd).toBe(120 * 60);
    const without = decodeFit(run({}, { utcOffsetMin: null })).messages.activityMesgs?.[0];
    expect(without).not.toHaveProperty('localTimestamp');
  });

  it('describes the watch and its sensors', () => {
    const bytes = run(
      {},
      {
        sensors: [
          {
            index: 1,
            manufacturer: 'garmin',
            product: 'hrmPro',
            antplusDeviceType: 'heartRate',
            serialNumber: 77,
          },
        ],
      },
    );
    const devices = decodeFit(bytes).messages.deviceInfoMesgs ?? [];
    expect(devices[0]).toMatchObject({
      deviceIndex: 'creator',
      garminProduct: 'fr965',
      softwareVersion: 27.09,
    });
    expect(devices[1]).toMatchObject({
      deviceIndex: 1,
      garminProduct: 'hrmPro',
      sourceType: 'antplus',
      antplusDeviceType: 'heartRate',
      serialNumber: 77,
    });
    expect(() => run({}, { creator: { ...WATCH, product: 'fr9999' } })).toThrow(/unknown product/);
  });

  it('writes Stryd developer fields with their real names and units, converted from Keel’s units', () => {
    const stryd = {
      power: Float64Array.from([251.4, 252.6, 250]),
      stanceTime: Float64Array.from([240.4, 241, 239.6]),
      verticalOscillation: Float64Array.from([81.5, 82, 80.25]),
      formPower: Float64Array.from([61, 62, 63]),
      legSpringStiffness: Float64Array.from([10.75, 10.5, Number.NaN]),
    };
    const { developerDataIdMesgs, fieldDescriptionMesgs, recordMesgs } = decodeFit(run({ stryd })).messages;
    expect(developerDataIdMesgs).toHaveLength(1);
    const fields = Object.fromEntries((fieldDescriptionMesgs ?? []).map((f) => [f.fieldName, f]));
    expect(Object.keys(fields).sort()).toEqual([
      'Form Power',
      'Ground Time',
      'Leg Spring Stiffness',
      'Power',
      'Vertical Oscillation',
    ]);
    expect(fields['Vertical Oscillation']).toMatchObject({
      units: 'Centimeters',
      nativeMesgNum: MESG_NUM.record,
    });
    expect(fields['Ground Time']).toMatchObject({ units: 'Milliseconds', nativeFieldNum: 41 });
    const value = (record: number, name: string) => {
      const key = (fieldDescriptionMesgs ?? []).findIndex((f) => f.fieldName === name);
      return recordMesgs?.[record]?.developerFields?.[key];
    };
    expect(value(0, 'Power')).toBe(251);
    expect(value(0, 'Ground Time')).toBe(240);
    expect(value(0, 'Vertical Oscillation')).toBeCloseTo(8.15, 5);
    expect(value(2, 'Vertical Oscillation')).toBeCloseTo(8.025, 5);
    expect(value(1, 'Form Power')).toBe(62);
    expect(value(0, 'Leg Spring Stiffness')).toBe(10.75);
    expect(value(2, 'Leg Spring Stiffness')).toBeUndefined();
  });

  it('writes multisport files: sessions in order, laps numbered across them', () => {
    const ride: SyntheticSession = {
      sport: 'cycling',
      subSport: 'road',
      startTime: new Date(START.getTime() + 10_000),
      samples: columns({ time: [0, 1, 2], distance: [0, 8, 16], cadence: [90, 90, 90] }),
    };
    const bytes = encodeActivityFit({
      creator: WATCH,
      utcOffsetMin: 60,
      sessions: [
        { sport: 'running', subSport: 'street', startTime: START, samples: SAMPLES },
        ride,
        {
          sport: 'running',
          subSport: 'street',
          startTime: new Date(START.getTime() + 20_000),
          samples: SAMPLES,
        },
      ],
    });
    const { messages, errors } = decodeFit(bytes);
    const { sessionMesgs, activityMesgs, lapMesgs } = messages;
    expect(errors).toEqual([]);
    expect(sessionMesgs?.map((s) => [s.sport, s.messageIndex, s.firstLapIndex, s.numLaps])).toEqual([
      ['running', 0, 0, 1],
      ['cycling', 1, 1, 1],
      ['running', 2, 2, 1],
    ]);
    expect(lapMesgs?.map((l) => l.sport)).toEqual(['running', 'cycling', 'running']);
    expect(activityMesgs?.[0]).toMatchObject({ numSessions: 3, type: 'autoMultiSport', totalTimerTime: 8 });
  });

  it('lets a test write a summary that disagrees with the records', () => {
    const session = decodeFit(run({ summaryOverride: { distanceM: 9_999, avgHeartRateBpm: 99 } })).messages
      .sessionMesgs?.[0];
    expect(session).toMatchObject({ totalDistance: 9_999, avgHeartRate: 99 });
  });
});
