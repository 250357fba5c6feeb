import type { Activity, DeviceInfo } from '../../domain/activity.js';
import type { DecodeOutcome, SkippedSession } from '../outcome.js';
import {
  buildTrackRun,
  droppedPointWarnings,
  emptyPoint,
  type PointField,
  type RunWarnings,
  type TrackPoint,
  TrackRecorder,
  trackActivity,
  trackOutcome,
} from '../track/index.js';
import { walkXml } from '../xml/sax.js';

/**
 * A new <Track> whose first point comes later than this after the previous one is a pause. Garmin starts a
 * track per lap as well as at each resume, and a lap change costs a second or two; smart recording spaces
 * points up to ~8 s apart.
 */
const PAUSE_GAP_S = 10;

/** Trackpoint elements read as numbers, by local name and parent, with their field and source label. */
const TRACKPOINT_VALUES: ReadonlyArray<{ name: string; parent: string; field: PointField; label: string }> = [
  { name: 'LatitudeDegrees', parent: 'Position', field: 'lat', label: 'tcx:Position' },
  { name: 'LongitudeDegrees', parent: 'Position', field: 'lon', label: 'tcx:Position' },
  { name: 'AltitudeMeters', parent: 'Trackpoint', field: 'altitudeM', label: 'tcx:AltitudeMeters' },
  { name: 'DistanceMeters', parent: 'Trackpoint', field: 'distanceM', label: 'tcx:DistanceMeters' },
  { name: 'Value', parent: 'HeartRateBpm', field: 'heartRateBpm', label: 'tcx:HeartRateBpm' },
  { name: 'Cadence', parent: 'Trackpoint', field: 'cadence', label: 'tcx:Cadence' },
  { name: 'Speed', parent: 'TPX', field: 'speedMps', label: 'tcx:TPX.Speed' },
  { name: 'RunCadence', parent: 'TPX', field: 'cadence', label: 'tcx:TPX.RunCadence' },
  { name: 'Watts', parent: 'TPX', field: 'powerW', label: 'tcx:TPX.Watts' },
];
const BY_NAME = new Map(TRACKPOINT_VALUES.map((v) => [`${v.parent}/${v.name}`, v]));
/** ActivityExtension's RunCadence is per leg, like FIT's; it wins over a plain <Cadence> when both exist. */
const RUN_CADENCE = 'tcx:TPX.RunCadence';

interface ActivityState {
  index: number;
  sport: string;
  idS: number;
  firstLapS: number;
  lapMovingS: number | null;
  lapDistanceM: number | null;
  recorder: TrackRecorder | null;
  newTrack: boolean;
  creator: { name: string | null; major: string | null; minor: string | null };
}

/**
 * Runs of a TCX file: one per `<Activity Sport="Running">` (a file may hold several, or a multisport
 * session), others skipped with a reason. Lap totals give distance and moving time, as the device summed
 * them; trackpoints give the streams. Parsed as a stream, never as a document.
 */
export function decodeTcxActivities(bytes: Uint8Array, fileName: string): DecodeOutcome {
  const activities: Activity[] = [];
  const skipped: SkippedSession[] = [];
  const runWarnings: RunWarnings[] = [];
  let activityCount = 0;
  // A holder, not a `let`: the XML callbacks assign it, which TypeScript's narrowing cannot follow.
  const walk: { current: ActivityState | null } = { current: null };
  let point: TrackPoint = emptyPoint();
  let labels: Partial<Record<PointField, string>> = {};

  const finish = (state: ActivityState) => {
    if (state.recorder === null) {
      skipped.push({ sessionIndex: state.index, reason: `${state.sport} activity skipped` });
      return;
    }
    const track = state.recorder.finish();
    const startS = [state.firstLapS, state.idS, track.time[0] ?? Number.NaN].find((s) => !Number.isNaN(s));
    const summaryOnly = track.time.length === 0;
    if (startS === undefined || (summaryOnly && positive(state.lapMovingS) === null)) {
      skipped.push({
        sessionIndex: state.index,
        reason: 'running activity skipped: it has neither trackpoints with a time nor lap totals',
      });
      return;
    }
    const run = buildTrackRun({
      track,
      format: 'tcx',
      startS,
      totals: { movingS: positive(state.lapMovingS), distanceM: positive(state.lapDistanceM) },
      cadenceConvention: track.sources.cadence === RUN_CADENCE ? 'strides' : null,
    });
    activities.push(
      trackActivity(run, {
        format: 'tcx',
        fileName,
        sessionIndex: state.index,
        device: device(state.creator),
      }),
    );
    runWarnings.push({
      index: state.index,
      lines: [
        ...(summaryOnly ? ['no trackpoints, only the lap totals'] : []),
        ...droppedPointWarnings(track.outOfOrder, track.untimed),
        ...run.warnings,
      ],
    });
  };

  const error = walkXml(bytes, {
    open(name, attributes, parents) {
      const parent = parents.at(-1);
      if (name === 'Activity') {
        const sport = attributes.get('Sport') ?? 'Unnamed-sport';
        walk.current = {
          index: activityCount++,
          sport,
          idS: Number.NaN,
          firstLapS: Number.NaN,
          lapMovingS: null,
          lapDistanceM: null,
          recorder: sport === 'Running' ? new TrackRecorder() : null,
          newTrack: false,
          creator: { name: null, major: null, minor: null },
        };
        return;
      }
      const state = walk.current;
      if (state === null) return;
      if (name === 'Lap' && Number.isNaN(state.firstLapS)) {
        state.firstLapS = timeS(attributes.get('StartTime'));
      } else if (name === 'Track') {
        state.newTrack = true;
      } else if (name === 'Trackpoint' && parent === 'Track') {
        point = emptyPoint();
        labels = {};
      }
    },
    close(name, text, parents) {
      const state = walk.current;
      if (state === null) return;
      const parent = parents.at(-1) ?? '';
      if (name === 'Activity') {
        finish(state);
        walk.current = null;
        return;
      }
      if (parent === 'Lap') {
        if (name === 'TotalTimeSeconds') state.lapMovingS = sum(state.lapMovingS, text);
        else if (name === 'DistanceMeters') state.lapDistanceM = sum(state.lapDistanceM, text);
        return;
      }
      if (parents.at(-2) === 'Creator' && parent === 'Version') {
        if (name === 'VersionMajor') state.creator.major = text;
        else if (name === 'VersionMinor') state.creator.minor = text;
        return;
      }
      if (name === 'Id' && parent === 'Activity') state.idS = timeS(text);
      if (name === 'Name' && parent === 'Creator') state.creator.name = text || null;
      const recorder = state.recorder;
      if (recorder === null) return;
      if (name === 'Time' && parent === 'Trackpoint') point.timeS = timeS(text);
      else if (name === 'Trackpoint') {
        if (state.newTrack && point.timeS - recorder.lastTimeS > PAUSE_GAP_S) recorder.pause();
        state.newTrack = false;
        recorder.add(point, labels);
      } else {
        const value = BY_NAME.get(`${parent}/${name}`);
        if (value === undefined || text === '') return;
        // A plain <Cadence> never overrides the extension's RunCadence within the same point.
        if (value.field === 'cadence' && labels.cadence === RUN_CADENCE) return;
        const number = Number(text);
        if (!Number.isFinite(number)) return;
        point[value.field] = number;
        labels[value.field] = value.label;
      }
    },
  });

  if (error !== null && walk.current !== null) finish(walk.current);
  return trackOutcome({
    format: 'TCX',
    unit: 'activity',
    count: activityCount,
    empty: 'TCX file with no activities',
    error,
    activities,
    skipped,
    runWarnings,
  });
}

function timeS(text: string | undefined): number {
  return text === undefined ? Number.NaN : Date.parse(text) / 1000;
}

function sum(total: number | null, text: string): number | null {
  const value = Number(text);
  if (text === '' || !Number.isFinite(value)) return total;
  return (total ?? 0) + value;
}

function positive(value: number | null): number | null {
  return value !== null && value > 0 ? value : null;
}

function device(creator: ActivityState['creator']): DeviceInfo | null {
  if (creator.name === null) return null;
  const version = creator.major !== null ? `${creator.major}.${creator.minor ?? '0'}` : null;
  return { manufacturer: null, product: creator.name, softwareVersion: version };
}
