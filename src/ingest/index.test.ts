import { Encoder, type Mesg } from '@garmin/fitsdk';
import { describe, expect, it } from 'vitest';
import { decodeActivityFile } from './index.js';

function minimalRun(): Uint8Array {
  const encoder = new Encoder();
  const write = (num: number, fields: Record<string, unknown>) => encoder.onMesg(num, fields as Mesg);
  const start = Date.parse('2024-05-01T06:00:00Z');
  write(0, { type: 'activity', manufacturer: 'garmin', timeCreated: new Date(start) });
  for (let s = 0; s <= 60; s++)
    write(20, { timestamp: new Date(start + s * 1000), distance: s * 3, speed: 3 });
  write(18, {
    timestamp: new Date(start + 60_000),
    startTime: new Date(start),
    sport: 'running',
    totalElapsedTime: 60,
    totalTimerTime: 60,
    totalDistance: 180,
  });
  return encoder.close();
}

describe('decodeActivityFile', () => {
  it('decodes FIT by its content, whatever the file is called', () => {
    const outcome = decodeActivityFile(minimalRun(), 'run.tcx');
    expect(outcome.kind).toBe('decoded');
    expect(outcome.kind === 'decoded' && outcome.activities[0]?.distanceM).toBe(180);
  });

  it('decodes a TCX saved under a .fit name as TCX', () => {
    const tcx = new TextEncoder().encode(`<?xml version="1.0"?>
<TrainingCenterDatabase><Activities><Activity Sport="Running"><Id>2024-05-01T06:00:00Z</Id>
<Lap StartTime="2024-05-01T06:00:00Z"><TotalTimeSeconds>60</TotalTimeSeconds><DistanceMeters>180</DistanceMeters>
<Track><Trackpoint><Time>2024-05-01T06:00:00Z</Time></Trackpoint><Trackpoint><Time>2024-05-01T06:01:00Z</Time></Trackpoint></Track>
</Lap></Activity></Activities></TrainingCenterDatabase>`);
    const outcome = decodeActivityFile(tcx, 'run.fit');
    expect(outcome.kind === 'decoded' && outcome.activities[0]?.source).toMatchObject({ format: 'tcx' });
    expect(outcome.kind === 'decoded' && outcome.activities[0]?.distanceM).toBe(180);
  });

  it('leaves archives to the archive layer, saying how to import them', () => {
    expect(decodeActivityFile(Uint8Array.of(0x1f, 0x8b, 8, 0), 'run.fit')).toEqual({
      kind: 'rejected',
      reason: 'gzip-compressed file: import it with `keel import` (archives are expanded before decoding)',
    });
    expect(decodeActivityFile(Uint8Array.of(0x50, 0x4b, 3, 4), 'runs')).toEqual({
      kind: 'rejected',
      reason: 'ZIP archive: import it with `keel import` (archives are expanded before decoding)',
    });
  });

  it('holds FIT runs to the plausibility bounds too', () => {
    const encoder = new Encoder();
    const write = (num: number, fields: Record<string, unknown>) => encoder.onMesg(num, fields as Mesg);
    const start = Date.parse('1995-05-01T06:00:00Z');
    write(0, { type: 'activity', manufacturer: 'garmin', timeCreated: new Date(start) });
    for (let s = 0; s <= 60; s++) write(20, { timestamp: new Date(start + s * 1000), distance: s * 3 });
    write(18, { timestamp: new Date(start + 60_000), startTime: new Date(start), sport: 'running' });
    const outcome = decodeActivityFile(encoder.close(), 'old.fit');
    expect(outcome.kind === 'decoded' && outcome.activities).toEqual([]);
    expect(outcome.kind === 'decoded' && outcome.skipped[0]?.reason).toBe(
      'running session skipped: its start time 1995-05-01T06:00:00Z is before 2000: the device clock was not set',
    );
  });

  it('reads the bytes it is given, also as a view into a larger buffer', () => {
    const run = minimalRun();
    const padded = new Uint8Array(run.length + 64);
    padded.set(run, 32);
    const outcome = decodeActivityFile(padded.subarray(32, 32 + run.length), 'run.fit');
    expect(outcome.kind === 'decoded' && outcome.warnings).toEqual([]);
  });
});
