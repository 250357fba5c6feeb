import { describe, expect, it } from 'vitest';
import { decodeGpxActivities } from './index.js';
import { gpxSport } from './sport.js';

/** Metres per degree of latitude, near enough for test tracks. */
const M_PER_DEG = 111_195;

/** `n` points one per second heading north at `speed` m/s, from 06:00:00 plus `offsetS`. */
function points(n: number, speed: number, offsetS = 0, extensions: (i: number) => string = () => '') {
  return Array.from({ length: n }, (_, i) => {
    const s = offsetS + i;
    const time = new Date(Date.UTC(2024, 4, 1, 6, 0, 0) + s * 1000).toISOString();
    return `<trkpt lat="${47 + (s * speed) / M_PER_DEG}" lon="8"><ele>400</ele><time>${time}</time>${extensions(i)}</trkpt>`;
  }).join('\n');
}

function gpx(tracks: string) {
  return new TextEncoder().encode(`<?xml version="1.0" encoding="UTF-8"?>
<gpx version="1.1" creator="Test Watch" xmlns="http://www.topografix.com/GPX/1/1"
  xmlns:gpxtpx="http://www.garmin.com/xmlschemas/TrackPointExtension/v2">${tracks}</gpx>`);
}

const decoded = (bytes: Uint8Array) => {
  const outcome = decodeGpxActivities(bytes, 'run.gpx');
  if (outcome.kind !== 'decoded') throw new Error(outcome.reason);
  return outcome;
};

describe('decodeGpxActivities', () => {
  it('reads a run: distance and moving time from positions, Garmin extensions by local name', () => {
    const { activities, warnings } = decoded(
      gpx(
        `<trk><name>Morning Run</name><type>running</type><trkseg>${points(601, 3, 0, (i) => `<extensions><gpxtpx:TrackPointExtension><gpxtpx:hr>${140 + (i % 10)}</gpxtpx:hr><gpxtpx:cad>86</gpxtpx:cad><gpxtpx:atemp>18</gpxtpx:atemp></gpxtpx:TrackPointExtension></extensions>`)}</trkseg></trk>`,
      ),
    );
    const [run] = activities;
    expect(run?.distanceM).toBeCloseTo(1800, -1);
    expect(run).toMatchObject({
      startTime: new Date('2024-05-01T06:00:00Z'),
      utcOffsetMin: null,
      elapsedS: 600,
      movingS: 600,
      maxHeartRateBpm: 149,
      avgCadenceSpm: 172,
      device: { product: 'Test Watch' },
      source: { format: 'gpx', sessionIndex: 0 },
    });
    expect(run?.channelSources).toEqual({
      heartRate: 'gpx:gpxtpx:hr',
      altitude: 'gpx:ele',
      lat: 'gpx:trkpt',
      lon: 'gpx:trkpt',
      distance: 'gpx:computed distance',
      speed: 'gpx:computed speed',
      cadence: 'gpx:gpxtpx:cad (strides/min ×2)',
    });
    expect(run?.streams.speed?.[300]).toBeCloseTo(3, 1);
    expect(warnings).toEqual([]);
  });

  it('reads the plain extension names other apps write; Garmin’s wins when both are there', () => {
    const { activities } = decoded(
      gpx(
        `<trk><type>Run</type><trkseg>${points(60, 3, 0, () => '<extensions><heartrate>99</heartrate><gpxtpx:TrackPointExtension><gpxtpx:hr>150</gpxtpx:hr></gpxtpx:TrackPointExtension><cadence>170</cadence><power>260</power></extensions>')}</trkseg></trk>`,
      ),
    );
    const run = activities[0];
    expect(run?.streams.heartRate?.[0]).toBe(150);
    expect(run?.streams.cadence?.[0]).toBe(170);
    expect(run?.channelSources).toMatchObject({
      cadence: 'gpx:cadence (steps/min)',
      power: 'gpx:power',
    });
    const pwr = decoded(
      gpx(
        `<trk><type>9</type><trkseg>${points(60, 3, 0, () => '<extensions><pwr:PowerInWatts>240</pwr:PowerInWatts></extensions>')}</trkseg></trk>`,
      ),
    );
    expect(pwr.activities[0]?.channelSources.power).toBe('gpx:PowerInWatts');
  });

  it('takes a new segment as a pause: neither its time nor the ground between counts', () => {
    const { activities } = decoded(
      gpx(
        `<trk><type>running</type><trkseg>${points(301, 3)}</trkseg><trkseg>${points(301, 3, 900)}</trkseg></trk>`,
      ),
    );
    expect(activities[0]).toMatchObject({ elapsedS: 1200, movingS: 600 });
    expect(activities[0]?.distanceM).toBeCloseTo(1800, -1);
  });

  it('judges a track without a type by its name, else by its pace', () => {
    const ride = decoded(gpx(`<trk><name>Cycling 10/2/17</name><trkseg>${points(120, 3)}</trkseg></trk>`));
    expect(ride.skipped).toEqual([
      { sessionIndex: 0, reason: 'cycling track skipped (named "Cycling 10/2/17")' },
    ]);
    expect(decoded(gpx(`<trk><trkseg>${points(120, 3)}</trkseg></trk>`)).activities).toHaveLength(1);
    expect(decoded(gpx(`<trk><trkseg>${points(120, 7)}</trkseg></trk>`)).skipped[0]?.reason).toBe(
      'track with no sport skipped: its average of 25.2 km/h is no running pace',
    );
    expect(
      decoded(gpx(`<trk><type>hiking</type><trkseg>${points(60, 1)}</trkseg></trk>`)).skipped[0]?.reason,
    ).toBe('hiking activity skipped');
  });

  it('skips a track without times (a planned route) and rejects a file without tracks', () => {
    const route = gpx(
      '<trk><type>running</type><trkseg><trkpt lat="47" lon="8"/><trkpt lat="47.1" lon="8"/></trkseg></trk>',
    );
    expect(decoded(route).skipped[0]?.reason).toBe(
      'track without times skipped: a planned route, not a recorded run',
    );
    expect(decodeGpxActivities(gpx('<rte><rtept lat="47" lon="8"/></rte>'), 'route.gpx')).toEqual({
      kind: 'rejected',
      reason: 'GPX file with no tracks (only routes or waypoints?)',
    });
  });

  it('drops points going back in time and names each run in warnings when a file holds several', () => {
    const back = points(1, 3, 30);
    const { activities, warnings } = decoded(
      gpx(
        `<trk><type>running</type><trkseg>${points(60, 3)}${back}</trkseg></trk><trk><type>running</type><trkseg>${points(60, 3, 100)}</trkseg></trk>`,
      ),
    );
    expect(activities).toHaveLength(2);
    expect(warnings).toEqual(['track 1: 1 points out of time order were dropped']);
  });
});

describe('gpxSport', () => {
  it.each([
    ['running', null, 'running'],
    ['Run', null, 'running'],
    ['9', null, 'running'],
    ['trail_running', null, 'running'],
    ['1', null, 'other'],
    ['Biking', 'Evening Run', 'other'],
    [null, 'Lunch Run', 'running'],
    [null, 'Morgenlauf', 'unknown'],
    [null, 'Afternoon Ride', 'other'],
    [null, null, 'unknown'],
  ])('type %s, name %s: %s', (type, name, kind) => {
    expect(gpxSport(type, name).kind).toBe(kind);
  });
});
