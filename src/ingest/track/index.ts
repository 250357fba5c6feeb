export { droppedPointWarnings, type RunWarnings, trackActivity, trackOutcome } from './activity.js';
export { buildTrackRun, type FileTotals, type TrackRun } from './build.js';
export {
  emptyPoint,
  type PointField,
  type RecordedTrack,
  type TrackPoint,
  TrackRecorder,
} from './recorder.js';
