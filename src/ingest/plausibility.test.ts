import { describe, expect, it } from 'vitest';
import type { Activity } from '../domain/activity.js';
import { checkPlausibility } from './plausibility.js';

function run(overrides: Partial<Activity> = {}, n = 3600): Activity {
  return {
    sport: 'running',
    subSport: 'generic',
    startTime: new Date('2024-05-01T06:00:00Z'),
    utcOffsetMin: null,
    elapsedS: n,
    movingS: n,
    distanceM: 3 * n,
    ascentM: null,
    descentM: null,
    avgSpeedMps: 3,
    maxSpeedMps: 3.5,
    avgHeartRateBpm: 150,
    maxHeartRateBpm: 170,
    avgCadenceSpm: 170,
    maxCadenceSpm: 180,
    avgPowerW: null,
    maxPowerW: null,
    device: null,
    source: { format: 'gpx', fileName: 'run.gpx', fileHash: '', sessionIndex: 0 },
    streams: {
      time: Float64Array.from({ length: n }, (_, i) => i),
      distance: Float64Array.from({ length: n }, (_, i) => 3 * i),
      cadence: new Float64Array(n).fill(170),
    },
    channelSources: { distance: 'gpx:computed distance', cadence: 'gpx:gpxtpx:cad (strides/min ×2)' },
    ...overrides,
  };
}

const plausible = (activity: Activity) => {
  const checked = checkPlausibility(activity);
  if (checked.kind !== 'plausible') throw new Error(checked.reason);
  return checked;
};

describe('checkPlausibility', () => {
  it('passes a sane run untouched, without warnings', () => {
    const sane = run();
    const checked = plausible(sane);
    expect(checked.warnings).toEqual([]);
    expect(checked.activity.streams.cadence).toEqual(sane.streams.cadence);
  });

  it('refuses a run starting before 2000 or after 2090', () => {
    expect(checkPlausibility(run({ startTime: new Date('1989-12-31T23:00:00Z') }))).toEqual({
      kind: 'implausible',
      reason: 'its start time 1989-12-31T23:00:00Z is before 2000: the device clock was not set',
    });
    expect(checkPlausibility(run({ startTime: new Date('2106-02-07T06:28:15Z') }))).toMatchObject({
      reason: expect.stringContaining('is after 2090'),
    });
  });

  it('refuses a "run" averaging a car’s speed', () => {
    expect(checkPlausibility(run({ distanceM: 36_000 }))).toEqual({
      kind: 'implausible',
      reason: 'an average of 36.0 km/h is no run (a ride recorded as a run?)',
    });
  });

  it('turns zero and absurd cadence into missing samples, one warning line per kind', () => {
    const cadence = new Float64Array(3600).fill(170);
    cadence.fill(0, 0, 3000);
    cadence.fill(400, 3000, 3010);
    const checked = plausible(run({ streams: { ...run().streams, cadence }, maxCadenceSpm: 400 }));
    expect(checked.warnings).toEqual([
      'cadence: 3,000 zero samples treated as missing',
      'cadence: 10 samples outside 40–260 steps/min treated as missing',
      'summary: implausible maximum cadence recomputed from the samples',
    ]);
    expect(checked.activity.streams.cadence?.[0]).toBeNaN();
    expect(checked.activity.maxCadenceSpm).toBe(170);
  });

  it('drops speeds above 10 m/s and heart rates outside 25–250 bpm', () => {
    const speed = new Float64Array(3600).fill(3);
    speed[5] = 16.8;
    const heartRate = new Float64Array(3600).fill(150);
    heartRate[7] = 255;
    heartRate[8] = 12;
    const checked = plausible(
      run({ streams: { ...run().streams, speed, heartRate }, maxSpeedMps: 16.8, maxHeartRateBpm: 255 }),
    );
    expect(checked.warnings).toEqual([
      'speed: 1 samples above 36 km/h or negative treated as missing',
      'heart rate: 2 samples outside 25–250 bpm treated as missing',
      'summary: implausible maximum speed, maximum heart rate recomputed from the samples',
    ]);
    expect(checked.activity).toMatchObject({ maxSpeedMps: 3, maxHeartRateBpm: 150 });
  });

  it('makes distance that is negative or goes backwards missing, and drops a channel left empty', () => {
    const distance = Float64Array.from({ length: 3600 }, (_, i) => 3 * i);
    distance[0] = -5;
    distance[100] = 9999;
    const checked = plausible(
      run({ streams: { ...run().streams, distance, cadence: new Float64Array(3600) } }),
    );
    expect(checked.warnings).toContain('distance: 2 samples negative or going backwards treated as missing');
    expect(checked.activity.streams.distance?.[100]).toBeNaN();
    expect(checked.activity.streams.cadence).toBeUndefined();
    expect(checked.activity.channelSources.cadence).toBeUndefined();
  });
});
