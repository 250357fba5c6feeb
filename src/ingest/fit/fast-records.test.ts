import { CrcCalculator } from '@garmin/fitsdk';
import { describe, expect, it } from 'vitest';
import { expectSameAsSdk } from '../../../test/helpers/fit-differential.js';
import {
  makeMultisportFit,
  makeRunFit,
  type RunFitOptions,
  truncate,
} from '../../../test/helpers/fit-files.js';
import { decodeFit } from './decode.js';

const GENERATED: Record<string, RunFitOptions> = {
  'a run with chest-strap dynamics and native power': { withPower: true },
  'a run without dynamics or power': { withDynamics: false, withPower: false },
  'a smart-recorded hilly run': { smartRecording: true, hilly: true, seed: 4 },
  'a run with pauses': { pauses: [{ atM: 2_000, durationS: 90 }], seed: 5 },
  'a treadmill run': { subSport: 'treadmill', seed: 6 },
};

function pathOf(bytes: Uint8Array, name: string) {
  const decoded = expectSameAsSdk(bytes, name);
  if (typeof decoded === 'string') throw new Error(`${name} was rejected: ${decoded}`);
  return decoded;
}

describe('record fast path: the same values as the SDK on files Keel generates', () => {
  for (const [name, options] of Object.entries(GENERATED)) {
    it(name, () => expect(pathOf(makeRunFit(options), name).recordPath).toBe('fast'));
  }

  it('reads the Stryd developer fields themselves, not just the native ones', () => {
    const decoded = pathOf(makeRunFit({ stryd: true, withDynamics: false, seed: 3 }), 'stryd');
    expect([...decoded.file.records.values.keys()]).toEqual(
      expect.arrayContaining(['Stryd/Power', 'Stryd/Ground Time', 'Stryd/Leg Spring Stiffness']),
    );
  });

  it('a run-bike-run multisport file', () => {
    expect(pathOf(makeMultisportFit(), 'multisport').recordPath).toBe('fast');
  });
});

describe('record fast path: falls back to the SDK for the whole file', () => {
  it('when the file is truncated', () => {
    const bytes = makeRunFit();
    const decoded = pathOf(truncate(bytes, Math.floor(bytes.length * 0.6)), 'truncated');
    expect(decoded).toMatchObject({
      recordPath: 'sdk',
      fallback: 'the file is shorter than its header says',
    });
  });

  it('when the CRC fails', () => {
    const bytes = makeRunFit();
    const middle = Math.floor(bytes.length / 2);
    bytes[middle] = (bytes[middle] ?? 0) ^ 0x01;
    expect(pathOf(bytes, 'corrupt')).toMatchObject({ recordPath: 'sdk', fallback: 'the CRC check failed' });
  });

  it('when a record field is stored with another base type than the profile says', () => {
    // heart_rate (field 3) as uint16 instead of uint8.
    const bytes = fitFile([
      definition(0, 20, [
        [253, 4, 0x86],
        [3, 2, 0x84],
      ]),
      data(0, [...u32(1e9), ...u16(150)]),
    ]);
    expect(pathOf(bytes, 'odd base type')).toMatchObject({
      recordPath: 'sdk',
      fallback: 'record field heartRate is stored as 2 bytes of uint16',
    });
  });

  it('when the SDK fails on a message Keel does not read, as it does on a lap with a broken developer field', () => {
    const bytes = fitFile([
      definition(0, 207, [[3, 1, 0x02]]),
      data(0, [0]),
      // A field description whose base type (0x1f) the protocol does not have.
      definition(1, 206, [
        [0, 1, 0x02],
        [1, 1, 0x02],
        [2, 1, 0x02],
      ]),
      data(1, [0, 5, 0x1f]),
      definition(2, 20, [
        [253, 4, 0x86],
        [3, 1, 0x02],
      ]),
      data(2, [...u32(1e9), 150]),
      [0x40 | 0x20 | 3, 0, 0, ...u16(19), 1, 253, 4, 0x86, 1, 5, 1, 0],
      data(3, [...u32(1e9 + 1), 7]),
      data(2, [...u32(1e9 + 2), 151]),
    ]);
    const decoded = pathOf(bytes, 'broken lap');
    expect(decoded.recordPath).toBe('sdk');
    expect(decoded.fallback).toContain('the SDK failed on the other messages');
    expect(decoded.damage).toContain('FIT file not fully readable');
  });

  it('when a record has a compressed-timestamp header', () => {
    const bytes = fitFile([
      definition(0, 20, [
        [253, 4, 0x86],
        [3, 1, 0x02],
      ]),
      data(0, [...u32(1e9), 150]),
      [0x80 | 0x05, 151],
    ]);
    expect(pathOf(bytes, 'compressed')).toMatchObject({ recordPath: 'sdk' });
  });
});

describe('record fast path: SDK semantics it must keep', () => {
  it("expands speed into enhanced_speed over the file's own enhanced_speed, as the SDK does", () => {
    const bytes = fitFile([
      definition(0, 20, [
        [253, 4, 0x86],
        [6, 2, 0x84],
        [73, 4, 0x86],
      ]),
      data(0, [...u32(1e9), ...u16(3_000), ...u32(3_500)]),
      data(0, [...u32(1e9 + 1), ...u16(0xffff), ...u32(3_600)]),
    ]);
    const decoded = pathOf(bytes, 'speeds');
    expect(decoded.recordPath).toBe('fast');
    expect(Array.from(decoded.file.records.values.get('enhancedSpeed') ?? [])).toEqual([3, 3.6]);
  });

  it('reads big-endian definitions and leaves invalid values out', () => {
    const bytes = fitFile([
      definition(
        0,
        20,
        [
          [253, 4, 0x86],
          [3, 1, 0x02],
          [7, 2, 0x84],
          [2, 2, 0x84],
        ],
        false,
      ),
      data(0, [...u32(1e9, false), 150, ...u16(310, false), ...u16(3_000, false)]),
      data(0, [...u32(1e9 + 1, false), 0xff, ...u16(0xffff, false), ...u16(0xffff, false)]),
    ]);
    const decoded = pathOf(bytes, 'big-endian');
    expect(decoded.recordPath).toBe('fast');
    const column = (key: string) => Array.from(decoded.file.records.values.get(key) ?? []);
    expect(column('heartRate')).toEqual([150, Number.NaN]);
    expect(column('power')).toEqual([310, Number.NaN]);
    expect(column('enhancedAltitude')).toEqual([100, Number.NaN]);
  });

  it('says which path it took', () => {
    const decoded = decodeFit(makeRunFit());
    expect(decoded).toMatchObject({ recordPath: 'fast', fallback: null });
  });
});

/** A FIT file of the given messages, with a 14-byte header and a valid CRC. */
function fitFile(messages: number[][]): Uint8Array {
  const data = messages.flat();
  const bytes = new Uint8Array(14 + data.length + 2);
  bytes.set([14, 0x20, ...u16(2_199), ...u32(data.length), 0x2e, 0x46, 0x49, 0x54, 0, 0]);
  bytes.set(data, 14);
  const crc = CrcCalculator.calculateCRC(bytes, 0, 14 + data.length);
  bytes.set(u16(crc), 14 + data.length);
  return bytes;
}

function definition(local: number, global: number, fields: [number, number, number][], little = true) {
  return [0x40 | local, 0, little ? 0 : 1, ...u16(global, little), fields.length, ...fields.flat()];
}

function data(local: number, bytes: number[]) {
  return [local, ...bytes];
}

function u16(value: number, little = true): number[] {
  const bytes = [value & 0xff, (value >> 8) & 0xff];
  return little ? bytes : bytes.reverse();
}

function u32(value: number, little = true): number[] {
  const bytes = [value & 0xff, (value >>> 8) & 0xff, (value >>> 16) & 0xff, (value >>> 24) & 0xff];
  return little ? bytes : bytes.reverse();
}
