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

  it('rejects a TCX saved under a .fit name with what it is', () => {
    const tcx = new TextEncoder().encode('<?xml version="1.0"?>\n<TrainingCenterDatabase><Activities/>');
    expect(decodeActivityFile(tcx, 'run.fit')).toEqual({
      kind: 'rejected',
      reason: 'TCX file (XML), not FIT: TCX import is not supported yet',
    });
  });

  it('reads the bytes it is given, also as a view into a larger buffer', () => {
    const run = minimalRun();
    const padded = new Uint8Array(run.length + 64);
    padded.set(run, 32);
    const outcome = decodeActivityFile(padded.subarray(32, 32 + run.length), 'run.fit');
    expect(outcome.kind === 'decoded' && outcome.warnings).toEqual([]);
  });
});
