import { Column } from './column.js';

/** What one trackpoint of a TCX or GPX file may say, in the file's own units; NaN when it says nothing. */
export interface TrackPoint {
  /** Seconds since the Unix epoch. */
  timeS: number;
  lat: number;
  lon: number;
  altitudeM: number;
  /** The device's own cumulative distance, when the file carries one (TCX does, GPX does not). */
  distanceM: number;
  speedMps: number;
  heartRateBpm: number;
  /** Raw cadence; its convention (strides or steps per minute) is settled when the run is built. */
  cadence: number;
  powerW: number;
}

export type PointField = Exclude<keyof TrackPoint, 'timeS'>;

const FIELDS: readonly PointField[] = [
  'lat',
  'lon',
  'altitudeM',
  'distanceM',
  'speedMps',
  'heartRateBpm',
  'cadence',
  'powerW',
];

export function emptyPoint(): TrackPoint {
  return {
    timeS: Number.NaN,
    lat: Number.NaN,
    lon: Number.NaN,
    altitudeM: Number.NaN,
    distanceM: Number.NaN,
    speedMps: Number.NaN,
    heartRateBpm: Number.NaN,
    cadence: Number.NaN,
    powerW: Number.NaN,
  };
}

/** The recorded points of one run, columnar, with where each field's values came from. */
export interface RecordedTrack {
  time: Float64Array;
  fields: Record<PointField, Float64Array>;
  /** Indices of points that start a new segment after a pause (a new GPX segment, a new TCX track). */
  segmentStarts: ReadonlySet<number>;
  /** Per field, the source label that gave most of its values, e.g. `gpx:gpxtpx:hr`. */
  sources: Partial<Record<PointField, string>>;
  /** Points dropped because their time went backwards. */
  outOfOrder: number;
  /** Points dropped because they had no time. */
  untimed: number;
}

/**
 * Collects trackpoints as a parser meets them. Points going back in time are dropped and counted: such a
 * sample (a Runkeeper file's second point) has no place on a time axis.
 */
export class TrackRecorder {
  private readonly time = new Column();
  private readonly columns = Object.fromEntries(FIELDS.map((f) => [f, new Column()])) as Record<
    PointField,
    Column
  >;
  private readonly labelCounts = new Map<PointField, Map<string, number>>();
  private readonly segmentStarts = new Set<number>();
  private pausePending = false;
  private outOfOrder = 0;
  private untimed = 0;

  /** Time of the last point recorded, NaN before the first. */
  get lastTimeS(): number {
    return this.time.last();
  }

  /** The next point starts a new segment: the time since the previous one was a pause. */
  pause(): void {
    if (this.time.length > 0) this.pausePending = true;
  }

  /**
   * Records a point; `labels` names the source of each field the point has a value for. A point at the
   * same time as the last one is merged into it, its values winning (Garmin repeats the last point of a lap
   * as the first of the next).
   */
  add(point: TrackPoint, labels: Partial<Record<PointField, string>>): void {
    if (Number.isNaN(point.timeS)) {
      this.untimed++;
      return;
    }
    const last = this.time.last();
    if (point.timeS < last) {
      this.outOfOrder++;
      return;
    }
    const merge = point.timeS === last;
    if (!merge) {
      if (this.pausePending) this.segmentStarts.add(this.time.length);
      this.time.push(point.timeS);
    }
    this.pausePending = false;
    for (const field of FIELDS) {
      const value = point[field];
      const column = this.columns[field];
      if (!merge) column.push(value);
      else if (!Number.isNaN(value)) column.setLast(value);
      else continue;
      const label = labels[field];
      if (label !== undefined && !Number.isNaN(value)) this.count(field, label);
    }
  }

  finish(): RecordedTrack {
    const fields = Object.fromEntries(FIELDS.map((f) => [f, this.columns[f].values()])) as Record<
      PointField,
      Float64Array
    >;
    const sources: Partial<Record<PointField, string>> = {};
    for (const [field, counts] of this.labelCounts) {
      const [best] = [...counts].sort((a, b) => b[1] - a[1]);
      if (best !== undefined) sources[field] = best[0];
    }
    return {
      time: this.time.values(),
      fields,
      segmentStarts: this.segmentStarts,
      sources,
      outOfOrder: this.outOfOrder,
      untimed: this.untimed,
    };
  }

  private count(field: PointField, label: string): void {
    let counts = this.labelCounts.get(field);
    if (counts === undefined) {
      counts = new Map();
      this.labelCounts.set(field, counts);
    }
    counts.set(label, (counts.get(label) ?? 0) + 1);
  }
}
