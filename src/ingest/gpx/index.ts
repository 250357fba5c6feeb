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
import { gpxSport, UNTYPED_RUN_SPEED_MPS } from './sport.js';

/**
 * Extension elements by local name, whatever their namespace prefix: Garmin's TrackPointExtension v1/v2
 * (`gpxtpx:hr`, `cad`, `speed`), and the plain names other apps write (`heartrate`, `cadence`, `power`,
 * Garmin's PowerExtension `PowerInWatts`). Air temperature (`atemp`) has no channel in Keel.
 */
const EXTENSION_FIELDS: Readonly<Record<string, PointField>> = {
  hr: 'heartRateBpm',
  heartrate: 'heartRateBpm',
  cad: 'cadence',
  cadence: 'cadence',
  speed: 'speedMps',
  power: 'powerW',
  PowerInWatts: 'powerW',
};
/** Garmin's TrackPointExtension is the documented one: it wins over a plain element in the same point. */
const GARMIN_EXTENSION = 'TrackPointExtension';

interface TrackState {
  index: number;
  name: string | null;
  type: string | null;
  recorder: TrackRecorder;
}

/**
 * Runs of a GPX file: one per `<trk>` that is a run (see gpxSport), each `<trkseg>` after the first
 * starting after a pause. GPX has no totals: distance and moving time come from the positions (gpsPath).
 * Parsed as a stream, never as a document.
 */
export function decodeGpxActivities(bytes: Uint8Array, fileName: string): DecodeOutcome {
  const activities: Activity[] = [];
  const skipped: SkippedSession[] = [];
  const runWarnings: RunWarnings[] = [];
  let creator: string | null = null;
  let trackCount = 0;
  // A holder, not a `let`: the XML callbacks assign it, which TypeScript's narrowing cannot follow.
  const walk: { current: TrackState | null } = { current: null };
  let point: TrackPoint = emptyPoint();
  let labels: Partial<Record<PointField, string>> = {};
  let fromGarmin = new Set<PointField>();

  const finish = (state: TrackState) => {
    const skip = (reason: string) => skipped.push({ sessionIndex: state.index, reason });
    const sport = gpxSport(state.type, state.name);
    if (sport.kind === 'other') return skip(sport.reason);
    const track = state.recorder.finish();
    const startS = track.time[0];
    if (startS === undefined) {
      return skip(
        track.untimed > 0
          ? 'track without times skipped: a planned route, not a recorded run'
          : 'empty track skipped',
      );
    }
    const run = buildTrackRun({
      track,
      format: 'gpx',
      startS,
      totals: { movingS: null, distanceM: null },
      cadenceConvention: null,
    });
    if (sport.kind === 'unknown') {
      const { movingS, distanceM } = run.numbers;
      const speed = movingS > 0 ? distanceM / movingS : 0;
      if (speed < UNTYPED_RUN_SPEED_MPS.min || speed > UNTYPED_RUN_SPEED_MPS.max) {
        const kmh = (speed * 3.6).toFixed(1);
        return skip(`track with no sport skipped: its average of ${kmh} km/h is no running pace`);
      }
    }
    activities.push(
      trackActivity(run, { format: 'gpx', fileName, sessionIndex: state.index, device: device(creator) }),
    );
    runWarnings.push({
      index: state.index,
      lines: [...droppedPointWarnings(track.outOfOrder, track.untimed), ...run.warnings],
    });
  };

  const error = walkXml(bytes, {
    open(name, attributes, parents) {
      if (name === 'gpx' && parents.length === 0) creator = attributes.get('creator') ?? null;
      else if (name === 'trk') {
        walk.current = { index: trackCount++, name: null, type: null, recorder: new TrackRecorder() };
      } else if (name === 'trkseg') walk.current?.recorder.pause();
      else if (name === 'trkpt') {
        point = emptyPoint();
        point.lat = coordinate(attributes.get('lat'));
        point.lon = coordinate(attributes.get('lon'));
        labels = Number.isNaN(point.lat) ? {} : { lat: 'gpx:trkpt', lon: 'gpx:trkpt' };
        fromGarmin = new Set();
      }
    },
    close(name, text, parents) {
      const state = walk.current;
      if (state === null) return;
      const parent = parents.at(-1);
      if (name === 'trk') {
        finish(state);
        walk.current = null;
      } else if (parent === 'trk' && (name === 'name' || name === 'type')) {
        state[name] = text || null;
      } else if (name === 'trkpt') {
        state.recorder.add(point, labels);
      } else if (parent === 'trkpt' && name === 'ele') {
        set('altitudeM', text, 'gpx:ele', false);
      } else if (parent === 'trkpt' && name === 'time') {
        point.timeS = Date.parse(text) / 1000;
      } else if (parent === 'trkpt' && name === 'speed') {
        set('speedMps', text, 'gpx:speed', false);
      } else if (parents.includes('trkpt') && parents.includes('extensions')) {
        const field = EXTENSION_FIELDS[name];
        if (field === undefined) return;
        const garmin = parent === GARMIN_EXTENSION;
        set(field, text, garmin ? `gpx:gpxtpx:${name}` : `gpx:${name}`, garmin);
      }
    },
  });

  function set(field: PointField, text: string, label: string, garmin: boolean) {
    const value = Number(text);
    if (text === '' || !Number.isFinite(value) || (!garmin && fromGarmin.has(field))) return;
    point[field] = value;
    labels[field] = label;
    if (garmin) fromGarmin.add(field);
  }

  if (error !== null && walk.current !== null) finish(walk.current);
  return trackOutcome({
    format: 'GPX',
    unit: 'track',
    count: trackCount,
    empty: 'GPX file with no tracks (only routes or waypoints?)',
    error,
    activities,
    skipped,
    runWarnings,
  });
}

function coordinate(text: string | undefined): number {
  const value = text === undefined || text.trim() === '' ? Number.NaN : Number(text);
  return Number.isFinite(value) ? value : Number.NaN;
}

/** GPX names its writer, an app or a device, in the root's `creator` attribute. */
function device(creator: string | null): DeviceInfo | null {
  return creator === null || creator === ''
    ? null
    : { manufacturer: null, product: creator, softwareVersion: null };
}
