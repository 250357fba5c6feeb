import { describe, expect, it } from 'vitest';
import { decodeTcxActivities } from './index.js';

const encode = (xml: string) => new TextEncoder().encode(xml);

function trackpoint(time: string, extra = '') {
  return `<Trackpoint><Time>${time}</Time>${extra}</Trackpoint>`;
}

/** A minute of running at 3 m/s, one point every 10 s, from 06:00:00 plus `offsetS`. */
function minute(offsetS: number, extension: (i: number) => string = () => '') {
  return Array.from({ length: 7 }, (_, i) => {
    const t = new Date(Date.UTC(2024, 4, 1, 6, 0, 0) + (offsetS + i * 10) * 1000).toISOString();
    return trackpoint(
      t,
      `<Position><LatitudeDegrees>${47 + (offsetS + i * 10) * 3 * 9e-6}</LatitudeDegrees><LongitudeDegrees>8</LongitudeDegrees></Position>` +
        `<AltitudeMeters>400</AltitudeMeters><DistanceMeters>${(offsetS + i * 10) * 3}</DistanceMeters>` +
        `<HeartRateBpm><Value>${140 + i}</Value></HeartRateBpm>${extension(i)}`,
    );
  }).join('');
}

function tcx(activities: string, creator = '') {
  return encode(`<?xml version="1.0" encoding="UTF-8"?>
<TrainingCenterDatabase xmlns="http://www.garmin.com/xmlschemas/TrainingCenterDatabase/v2"
  xmlns:ns3="http://www.garmin.com/xmlschemas/ActivityExtension/v2"><Activities>${activities}</Activities>
  ${creator}</TrainingCenterDatabase>`);
}

const lap = (start: string, seconds: number, metres: number, tracks: string) =>
  `<Lap StartTime="${start}"><TotalTimeSeconds>${seconds}</TotalTimeSeconds><DistanceMeters>${metres}</DistanceMeters>` +
  `<Intensity>Active</Intensity>${tracks}</Lap>`;

describe('decodeTcxActivities', () => {
  it('reads a run: lap totals for distance and moving time, trackpoints for the streams, the device from Creator', () => {
    const outcome = decodeTcxActivities(
      tcx(
        `<Activity Sport="Running"><Id>2024-05-01T06:00:00Z</Id>
        ${lap('2024-05-01T06:00:00Z', 60, 181, `<Track>${minute(0, (i) => `<Extensions><ns3:TPX><ns3:Speed>3</ns3:Speed><ns3:RunCadence>${85 + i}</ns3:RunCadence><ns3:Watts>250</ns3:Watts></ns3:TPX></Extensions>`)}</Track>`)}
        <Creator xsi:type="Device_t"><Name>Forerunner 255</Name><Version><VersionMajor>26</VersionMajor><VersionMinor>8</VersionMinor></Version></Creator>
        </Activity>`,
      ),
      'run.tcx',
    );
    expect(outcome.kind).toBe('decoded');
    if (outcome.kind !== 'decoded') return;
    const [run] = outcome.activities;
    expect(run).toMatchObject({
      startTime: new Date('2024-05-01T06:00:00Z'),
      utcOffsetMin: null,
      distanceM: 181,
      movingS: 60,
      elapsedS: 60,
      maxHeartRateBpm: 146,
      avgPowerW: 250,
      device: { manufacturer: null, product: 'Forerunner 255', softwareVersion: '26.8' },
      source: { format: 'tcx', fileName: 'run.tcx', sessionIndex: 0 },
    });
    expect(Array.from(run?.streams.cadence ?? [])).toEqual([170, 172, 174, 176, 178, 180, 182]);
    expect(run?.channelSources).toEqual({
      heartRate: 'tcx:HeartRateBpm',
      power: 'tcx:TPX.Watts',
      altitude: 'tcx:AltitudeMeters',
      lat: 'tcx:Position',
      lon: 'tcx:Position',
      distance: 'tcx:DistanceMeters',
      speed: 'tcx:TPX.Speed',
      cadence: 'tcx:TPX.RunCadence (strides/min ×2)',
    });
    expect(outcome.warnings).toEqual([]);
  });

  it('reads the extension without a prefix too, and a plain Cadence when it is all there is', () => {
    const outcome = decodeTcxActivities(
      tcx(
        `<Activity Sport="Running"><Id>2024-05-01T06:00:00Z</Id>${lap('2024-05-01T06:00:00Z', 60, 180, `<Track>${minute(0, () => '<Cadence>88</Cadence><Extensions><TPX xmlns="http://www.garmin.com/xmlschemas/ActivityExtension/v2"><Speed>3.1</Speed></TPX></Extensions>')}</Track>`)}</Activity>`,
      ),
      'run.tcx',
    );
    const run = outcome.kind === 'decoded' ? outcome.activities[0] : undefined;
    expect(run?.streams.speed?.[0]).toBe(3.1);
    expect(run?.streams.cadence?.[0]).toBe(176);
    expect(run?.channelSources.cadence).toBe('tcx:Cadence (strides/min ×2)');
  });

  it('gives one run per running activity and skips the others with a reason', () => {
    const running = (day: number) =>
      `<Activity Sport="Running"><Id>2024-05-0${day}T06:00:00Z</Id>${lap(`2024-05-0${day}T06:00:00Z`, 60, 180, `<Track>${minute(0).replaceAll('2024-05-01', `2024-05-0${day}`)}</Track>`)}</Activity>`;
    const outcome = decodeTcxActivities(
      tcx(`${running(1)}<Activity Sport="Biking"><Id>2024-05-02T06:00:00Z</Id></Activity>${running(3)}`),
      'three.tcx',
    );
    expect(outcome.kind === 'decoded' && outcome.activities.map((a) => a.source.sessionIndex)).toEqual([
      0, 2,
    ]);
    expect(outcome.kind === 'decoded' && outcome.skipped).toEqual([
      { sessionIndex: 1, reason: 'Biking activity skipped' },
    ]);
  });

  it('sums laps for the totals and takes a gap between tracks as a pause', () => {
    const outcome = decodeTcxActivities(
      tcx(
        `<Activity Sport="Running"><Id>2024-05-01T06:00:00Z</Id>
        ${lap('2024-05-01T06:00:00Z', 60, 180, `<Track>${minute(0)}</Track>`)}
        ${lap('2024-05-01T06:01:00Z', 60, 180, `<Track>${minute(60)}</Track><Track>${minute(300)}</Track>`)}
        </Activity>`,
      ),
      'laps.tcx',
    );
    const run = outcome.kind === 'decoded' ? outcome.activities[0] : undefined;
    expect(run).toMatchObject({ distanceM: 360, movingS: 120, elapsedS: 360 });
    // The lap change at 60 s repeats a point and is no pause; the 180 s gap between tracks is one.
    expect(run?.streams.time.length).toBe(20);
  });

  it('imports a run with laps but no trackpoints from its lap totals, with a warning', () => {
    const outcome = decodeTcxActivities(
      tcx(
        `<Activity Sport="Running"><Id>2024-05-01T06:00:00Z</Id>${lap('2024-05-01T06:00:00Z', 1800, 5000, '')}</Activity>`,
      ),
      'treadmill.tcx',
    );
    expect(outcome.kind === 'decoded' && outcome.activities[0]).toMatchObject({
      distanceM: 5000,
      movingS: 1800,
      elapsedS: 1800,
    });
    expect(outcome.kind === 'decoded' && outcome.warnings).toEqual(['no trackpoints, only the lap totals']);
  });

  it('salvages what was read before the file breaks off, with a warning', () => {
    const whole = new TextDecoder().decode(
      tcx(
        `<Activity Sport="Running"><Id>2024-05-01T06:00:00Z</Id>${lap('2024-05-01T06:00:00Z', 60, 180, `<Track>${minute(0)}</Track>`)}</Activity>`,
      ),
    );
    const cut = whole.slice(0, whole.indexOf('</Track>'));
    const outcome = decodeTcxActivities(encode(cut), 'cut.tcx');
    expect(outcome.kind === 'decoded' && outcome.activities).toHaveLength(1);
    expect(outcome.kind === 'decoded' && outcome.warnings[0]).toMatch(
      /^malformed XML at line \d+: .*; imported what was read before it$/,
    );
  });

  it('rejects a TCX without activities, or broken before any', () => {
    expect(decodeTcxActivities(tcx(''), 'empty.tcx')).toEqual({
      kind: 'rejected',
      reason: 'TCX file with no activities',
    });
    expect(decodeTcxActivities(encode('<TrainingCenterDatabase><Activities'), 'x.tcx')).toMatchObject({
      kind: 'rejected',
      reason: expect.stringMatching(/^TCX file: malformed XML at line 1/),
    });
  });
});
