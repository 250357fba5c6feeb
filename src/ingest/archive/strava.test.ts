import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { isRunningType, parseStravaDate, readStravaIndex } from './strava.js';

const chunks = (text: string, size = 7) =>
  Readable.from(
    Array.from({ length: Math.ceil(text.length / size) }, (_, i) =>
      Buffer.from(text.slice(i * size, (i + 1) * size)),
    ),
  );

describe('isRunningType', () => {
  it.each(['Run', 'Trail Run', 'Virtual Run', 'TrailRun', 'VirtualRun', 'run'])('%s is a run', (type) => {
    expect(isRunningType(type)).toBe(true);
  });
  it.each([
    'Ride',
    'Virtual Ride',
    'E-Bike Ride',
    'Walk',
    'Hike',
    'Swim',
    'Workout',
    'Weight Training',
    'Elliptical',
    'Wheelchair',
  ])('%s is not', (type) => {
    expect(isRunningType(type)).toBe(false);
  });
  it('says nothing about a type it does not know', () => {
    expect(isRunningType('Lauf')).toBeUndefined();
    expect(isRunningType('Quidditch')).toBeUndefined();
  });
});

describe('parseStravaDate', () => {
  it('reads the export format as UTC', () => {
    expect(parseStravaDate('Apr 9, 2026, 7:30:00 AM')).toEqual(new Date('2026-04-09T07:30:00Z'));
    expect(parseStravaDate('Dec 31, 2025, 12:05:09 PM')).toEqual(new Date('2025-12-31T12:05:09Z'));
    expect(parseStravaDate('Jan 1, 2026, 12:00:00 AM')).toEqual(new Date('2026-01-01T00:00:00Z'));
    expect(parseStravaDate('2026-06-01 08:00:00')).toEqual(new Date('2026-06-01T08:00:00Z'));
  });
  it('gives nothing for what it cannot read', () => {
    expect(parseStravaDate('1. Jan. 2026')).toBeUndefined();
    expect(parseStravaDate('')).toBeUndefined();
  });
});

describe('readStravaIndex', () => {
  const csv = [
    '\uFEFFActivity ID,Activity Date,Activity Name,Activity Type,Activity Description,Distance,Filename,Distance',
    '1,"Apr 9, 2026, 7:30:00 AM",Morning Run,Run,"Legs ""heavy"",',
    'knee fine",5.01,activities/1.fit.gz,5010.0',
    '2,"Apr 10, 2026, 5:00:00 PM","Commute, home",Ride,,20.1,activities/2.gpx.gz',
    '3,"Apr 11, 2026, 6:00:00 AM",Treadmill,Run,,8.0,,8000.0',
    '4,"Apr 12, 2026, 6:00:00 AM",,Quidditch,,1,activities/4.tcx.gz,1',
    '',
  ].join('\r\n');

  it('maps each file to its name, type, running verdict and start, across multi-line fields', async () => {
    const hints = await readStravaIndex(chunks(csv), 'export/');
    expect([...(hints?.keys() ?? [])]).toEqual([
      'export/activities/1.fit.gz',
      'export/activities/2.gpx.gz',
      'export/activities/4.tcx.gz',
    ]);
    expect(hints?.get('export/activities/1.fit.gz')).toEqual({
      name: 'Morning Run',
      activityType: 'Run',
      isRunning: true,
      startTime: new Date('2026-04-09T07:30:00Z'),
    });
    expect(hints?.get('export/activities/2.gpx.gz')).toMatchObject({
      name: 'Commute, home',
      isRunning: false,
    });
    expect(hints?.get('export/activities/4.tcx.gz')).toEqual({
      activityType: 'Quidditch',
      startTime: new Date('2026-04-12T06:00:00Z'),
    });
  });

  it('is null for a CSV that is not Strava’s', async () => {
    expect(await readStravaIndex(chunks('Date,Distance\n2026-01-01,5\n'), '')).toBeNull();
  });
});
