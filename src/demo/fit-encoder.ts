import type { ActivityMesg, EventMesg, FileIdMesg, LapMesg, Mesg, SessionMesg, Types } from '@garmin/fitsdk';
import { Encoder } from '@garmin/fitsdk';
import type { Channel, Streams } from '../domain/channels.js';
import { productId, type SyntheticDevice, writeDeviceInfo } from './fit-devices.js';
import { MESG_NUM } from './fit-mesg-num.js';
import { type SegmentSummary, summarise, type TimerPause } from './fit-summary.js';
import { fitCadence, fitTime, semicircles } from './fit-units.js';
import { type StrydChannel, type StrydDeveloperField, strydDeveloperFields } from './stryd-fields.js';

export type { FitManufacturer, SyntheticDevice } from './fit-devices.js';

export type { TimerPause } from './fit-summary.js';
export { fitTime } from './fit-units.js';
export type { StrydChannel } from './stryd-fields.js';

export type FitSport = Extract<Types.Sport, string>;
export type FitSubSport = Extract<Types.SubSport, string>;

export interface SyntheticSession {
  sport: FitSport;
  subSport: FitSubSport;
  startTime: Date;
  /**
   * Samples in Keel's channel units, `time` in whole seconds since `startTime` (pauses included), NaN where a
   * sample has no value. Cadence is steps/min for running and walking (written as strides/min plus
   * fractional cadence, as Garmin does) and rpm for every other sport.
   */
  samples: Streams;
  /** Channels a Stryd pod adds as developer fields, in Keel's units, aligned with `samples.time`. */
  stryd?: Partial<Record<StrydChannel, Float64Array>>;
  pauses?: TimerPause[];
  /** Auto-lap distance, 1 km unless set; sessions without distance get one lap. */
  lapDistanceM?: number;
  /** Replaces what the session message would say, for files whose summary disagrees with their records. */
  summaryOverride?: Partial<SegmentSummary>;
}

/** A whole FIT activity file, in Keel's units: `encodeActivityFit` applies FIT's scales and conventions. */
export interface SyntheticActivity {
  /** The device that wrote the file; also its first device_info. */
  creator: SyntheticDevice & { index: 'creator' };
  /** Sensors paired with the watch (heart rate strap, foot pod, …). */
  sensors?: SyntheticDevice[];
  /** Written as the activity's local_timestamp; null leaves it out, as some devices do. */
  utcOffsetMin: number | null;
  /** One for a run; several for multisport files, in order and not overlapping. */
  sessions: SyntheticSession[];
}

const STEP_SPORTS: ReadonlySet<FitSport> = new Set(['running', 'walking', 'hiking']);
const TIMER_TRIGGER = { manual: 0, auto: 1 } as const;

/** Record fields fed straight from a channel whose unit is already the field's unit (scale aside). */
const RECORD_FIELDS: ReadonlyArray<{ channel: Channel; field: string; integer?: true }> = [
  { channel: 'distance', field: 'distance' },
  { channel: 'speed', field: 'enhancedSpeed' },
  { channel: 'altitude', field: 'enhancedAltitude' },
  { channel: 'heartRate', field: 'heartRate', integer: true },
  { channel: 'power', field: 'power', integer: true },
  { channel: 'verticalOscillation', field: 'verticalOscillation' },
  { channel: 'stanceTime', field: 'stanceTime' },
  { channel: 'stanceTimeBalance', field: 'stanceTimeBalance' },
  { channel: 'verticalRatio', field: 'verticalRatio' },
  { channel: 'stepLength', field: 'stepLength' },
];

export function encodeActivityFit(spec: SyntheticActivity): Uint8Array {
  const first = spec.sessions[0];
  if (!first) throw new Error('a FIT activity needs at least one session');
  const encoder = new Encoder();
  const startTime = fitTime(first.startTime);
  const fileId: FileIdMesg = {
    type: 'activity',
    manufacturer: spec.creator.manufacturer,
    product: productId(spec.creator),
    serialNumber: spec.creator.serialNumber,
    timeCreated: startTime,
  };
  encoder.onMesg(MESG_NUM.fileId, fileId);
  const stryd = spec.sessions.some((s) => s.stryd) ? strydDeveloperFields() : [];
  const [firstStryd] = stryd;
  if (firstStryd) encoder.onMesg(MESG_NUM.developerDataId, firstStryd.developerDataIdMesg);
  for (const d of stryd) {
    encoder.addDeveloperField(d.key, d.developerDataIdMesg, d.fieldDescriptionMesg);
    encoder.onMesg(MESG_NUM.fieldDescription, d.fieldDescriptionMesg);
  }
  for (const device of [spec.creator, ...(spec.sensors ?? [])]) writeDeviceInfo(encoder, device, startTime);

  let lapIndex = 0;
  let totalTimerS = 0;
  let endTime = startTime;
  spec.sessions.forEach((session, sessionIndex) => {
    const written = writeSession(encoder, session, sessionIndex, lapIndex, stryd);
    lapIndex += written.laps;
    totalTimerS += written.timerS;
    endTime = written.endTime;
  });

  const activity: ActivityMesg = {
    timestamp: endTime,
    totalTimerTime: totalTimerS,
    numSessions: spec.sessions.length,
    type: spec.sessions.length > 1 ? 'autoMultiSport' : 'manual',
    event: 'activity',
    eventType: 'stop',
    localTimestamp: spec.utcOffsetMin === null ? undefined : endTime + spec.utcOffsetMin * 60,
  };
  encoder.onMesg(MESG_NUM.activity, activity);
  return encoder.close();
}

function writeSession(
  encoder: Encoder,
  session: SyntheticSession,
  sessionIndex: number,
  firstLapIndex: number,
  stryd: readonly StrydDeveloperField[],
): { laps: number; timerS: number; endTime: number } {
  const { samples } = session;
  const n = samples.time.length;
  if (n === 0) throw new Error('a session needs at least one sample');
  const pauses = session.pauses ?? [];
  const start = fitTime(session.startTime);
  const steps = STEP_SPORTS.has(session.sport);
  const lapEnds = lapEndIndices(samples, session.lapDistanceM ?? 1000);
  const record = recordBuilder(session, steps, stryd);
  const timer = (eventType: 'start' | 'stopAll', at: number, trigger: TimerPause['trigger'] = 'manual') => {
    const event: EventMesg = {
      timestamp: at,
      event: 'timer',
      eventType,
      data: TIMER_TRIGGER[trigger],
      eventGroup: 0,
    };
    encoder.onMesg(MESG_NUM.event, event);
  };

  timer('start', start);
  let pauseIndex = 0;
  let lapStart = 0;
  let lapNumber = 0;
  for (let i = 0; i < n; i++) {
    const t = samples.time[i] ?? 0;
    for (let p = pauses[pauseIndex]; p && p.startS < t; p = pauses[++pauseIndex]) {
      timer('stopAll', start + p.startS, p.trigger);
      timer('start', start + p.endS, p.trigger);
    }
    encoder.onMesg(MESG_NUM.record, record(i, start + t));
    if (i === lapEnds[lapNumber]) {
      const lap: LapMesg = {
        ...summaryFields(summarise(samples, lapStart, i, pauses), start, steps, session),
        messageIndex: firstLapIndex + lapNumber,
        event: 'lap',
        eventType: 'stop',
        lapTrigger: i === n - 1 ? 'sessionEnd' : 'distance',
      };
      encoder.onMesg(MESG_NUM.lap, lap);
      lapStart = i;
      lapNumber++;
    }
  }

  const summary = { ...summarise(samples, 0, n - 1, pauses), ...session.summaryOverride };
  const endTime = start + summary.endS;
  timer('stopAll', endTime);
  const message: SessionMesg = {
    ...summaryFields(summary, start, steps, session),
    messageIndex: sessionIndex,
    event: 'session',
    eventType: 'stop',
    trigger: 'activityEnd',
    firstLapIndex,
    numLaps: lapEnds.length,
  };
  encoder.onMesg(MESG_NUM.session, message);
  return { laps: lapEnds.length, timerS: summary.timerS, endTime };
}

/** The last sample of each lap: auto-laps every `lapDistanceM`, then whatever is left. */
function lapEndIndices(samples: Streams, lapDistanceM: number): number[] {
  const last = samples.time.length - 1;
  const distance = samples.distance;
  const ends: number[] = [];
  if (distance) {
    let lapStartM = distance[0] ?? 0;
    for (let i = 1; i < last; i++) {
      const d = distance[i] ?? Number.NaN;
      if (d - lapStartM >= lapDistanceM) {
        ends.push(i);
        lapStartM = d;
      }
    }
  }
  ends.push(last);
  return ends;
}

/**
 * Makes the function that turns sample `i` into a record message. Every record of a session has the same fields
 * in the same order, missing values written as FIT's invalid value, so the file needs one record definition.
 */
function recordBuilder(
  session: SyntheticSession,
  steps: boolean,
  stryd: readonly StrydDeveloperField[],
): (i: number, timestamp: number) => Mesg {
  const { samples } = session;
  const { lat, lon, cadence } = samples;
  const columns = RECORD_FIELDS.flatMap(({ channel, field, integer }) => {
    const values = samples[channel];
    return values ? [{ field, values, integer }] : [];
  });
  const developer = stryd.flatMap((d) => {
    const values = session.stryd?.[d.field.channel];
    return values ? [{ key: d.key, values, toField: d.field.toField }] : [];
  });
  return (i, timestamp) => {
    const record: Record<string, unknown> = { timestamp };
    if (lat && lon) {
      record.positionLat = semicircles(lat[i]);
      record.positionLong = semicircles(lon[i]);
    }
    for (const { field, values, integer } of columns) {
      const v = values[i] ?? Number.NaN;
      record[field] = integer ? Math.round(v) : v;
    }
    if (cadence) Object.assign(record, fitCadence(cadence[i] ?? Number.NaN, steps, ''));
    if (developer.length > 0) {
      // A float developer field cannot carry FIT's invalid value through the SDK: leave missing values out.
      const fields: Record<number, number> = {};
      for (const { key, values, toField } of developer) {
        const v = values[i] ?? Number.NaN;
        if (!Number.isNaN(v)) fields[key] = toField(v);
      }
      record.developerFields = fields;
    }
    return record as Mesg;
  };
}

/** Lap and session fields both carry. */
function summaryFields(
  s: SegmentSummary,
  start: number,
  steps: boolean,
  session: SyntheticSession,
): LapMesg & SessionMesg {
  const { lat, lon } = session.samples;
  const index = (atS: number) => session.samples.time.indexOf(atS);
  const round = (v: number | null) => (v === null ? undefined : Math.round(v));
  const value = (v: number | null) => v ?? undefined;
  return {
    timestamp: start + s.endS,
    startTime: start + s.startS,
    sport: session.sport,
    subSport: session.subSport,
    totalElapsedTime: s.elapsedS,
    totalTimerTime: s.timerS,
    totalDistance: session.samples.distance ? s.distanceM : undefined,
    startPositionLat: lat ? semicircles(lat[index(s.startS)]) : undefined,
    startPositionLong: lon ? semicircles(lon[index(s.startS)]) : undefined,
    endPositionLat: lat ? semicircles(lat[index(s.endS)]) : undefined,
    endPositionLong: lon ? semicircles(lon[index(s.endS)]) : undefined,
    totalAscent: round(s.ascentM),
    totalDescent: round(s.descentM),
    enhancedAvgSpeed: value(s.avgSpeedMps),
    enhancedMaxSpeed: value(s.maxSpeedMps),
    avgHeartRate: round(s.avgHeartRateBpm),
    maxHeartRate: round(s.maxHeartRateBpm),
    ...fitCadence(s.avgCadence, steps, 'avg'),
    ...fitCadence(s.maxCadence, steps, 'max'),
    totalCycles: s.totalCycles === null ? undefined : Math.round(steps ? s.totalCycles / 2 : s.totalCycles),
    avgPower: round(s.avgPowerW),
    maxPower: round(s.maxPowerW),
    avgStanceTime: value(s.avgStanceTimeMs),
    avgStanceTimeBalance: value(s.avgStanceTimeBalancePct),
    avgVerticalOscillation: value(s.avgVerticalOscillationMm),
    avgVerticalRatio: value(s.avgVerticalRatioPct),
    avgStepLength: value(s.avgStepLengthMm),
  };
}
