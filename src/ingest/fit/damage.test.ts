import { describe, expect, it } from 'vitest';
import { describeDamage, type FitHeader, readFitHeader } from './damage.js';

function header(headerSize: number, dataSize: number): Uint8Array {
  const bytes = new Uint8Array(headerSize);
  const view = new DataView(bytes.buffer);
  view.setUint8(0, headerSize);
  view.setUint32(4, dataSize, true);
  bytes.set([0x2e, 0x46, 0x49, 0x54], 8);
  return bytes;
}

describe('readFitHeader', () => {
  it('reads the declared length: header, data and the file CRC', () => {
    expect(readFitHeader(header(14, 1000))).toEqual({ headerSize: 14, dataSize: 1000, declaredLength: 1016 });
    expect(readFitHeader(header(12, 0))).toEqual({ headerSize: 12, dataSize: 0, declaredLength: 14 });
  });

  it('says why a header is unusable', () => {
    expect(readFitHeader(header(14, 0).subarray(0, 9))).toBe(
      'truncated FIT file: only 9 bytes, not even a header',
    );
    expect(readFitHeader(Uint8Array.of(16, ...header(14, 0).subarray(1), 0, 0))).toBe(
      'corrupt FIT file: header size 16, the protocol allows 12 or 14',
    );
    expect(readFitHeader(new Uint8Array(14))).toBe('not a FIT file: no ".FIT" signature in the header');
  });
});

describe('describeDamage', () => {
  const declared: FitHeader = { headerSize: 14, dataSize: 78236, declaredLength: 78252 };

  it('is silent about a whole file', () => {
    expect(
      describeDamage({ header: declared, fileLength: 78252, integrityOk: true, error: null }),
    ).toBeNull();
  });

  it('names truncation first, with where decoding broke off', () => {
    expect(
      describeDamage({
        header: declared,
        fileLength: 78233,
        integrityOk: false,
        error: { message: 'FIT Runtime Error at byte 7472', atByte: 7472 },
      }),
    ).toBe('truncated FIT file: data ends at byte 78233 of 78252 declared; unreadable from byte 7472');
    expect(
      describeDamage({
        header: declared,
        fileLength: 5000,
        integrityOk: false,
        error: { message: 'FIT Runtime Error end of stream at byte 4999', atByte: 4999 },
      }),
    ).toBe(
      'truncated FIT file: data ends at byte 5000 of 78252 declared; unreadable from byte 4999 (the data stops mid-message)',
    );
  });

  it('reports a failed CRC, and a header that never got its data size', () => {
    expect(describeDamage({ header: declared, fileLength: 78252, integrityOk: false, error: null })).toBe(
      'corrupt FIT file: CRC check failed',
    );
    expect(
      describeDamage({
        header: { headerSize: 12, dataSize: 0, declaredLength: 14 },
        fileLength: 86016,
        integrityOk: false,
        error: { message: 'FIT Runtime Error at byte 14 CRC error', atByte: 14 },
      }),
    ).toBe(
      'corrupt FIT file: CRC check failed at byte 14; the header declares no data yet 86004 bytes follow (an unfinished recording?)',
    );
  });

  it("blames the decoder, not the file, when an intact file can't be read", () => {
    expect(
      describeDamage({
        header: declared,
        fileLength: 78252,
        integrityOk: true,
        error: {
          message: 'FIT Runtime Error at byte 936 compressed timestamp messages are not currently supported',
          atByte: 936,
        },
      }),
    ).toBe(
      'FIT file not fully readable: unreadable from byte 936 (compressed-timestamp records, which the FIT SDK cannot read yet)',
    );
    expect(
      describeDamage({
        header: declared,
        fileLength: 78252,
        integrityOk: true,
        error: { message: "Cannot read properties of undefined (reading '0')", atByte: 8479 },
      }),
    ).toBe(
      "FIT file not fully readable: unreadable from byte 8479 (the FIT SDK failed: Cannot read properties of undefined (reading '0'))",
    );
  });
});
