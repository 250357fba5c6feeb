import { describe, expect, it } from 'vitest';
import { sniffFormat, xmlRootElement } from './sniff.js';

const text = (s: string) => new TextEncoder().encode(s);
const reason = (bytes: Uint8Array) => {
  const sniffed = sniffFormat(bytes);
  return sniffed.format === 'unsupported' ? sniffed.reason : sniffed.format;
};

describe('sniffFormat', () => {
  it('takes a file with the .FIT signature at bytes 8–11 as FIT, whatever its header says otherwise', () => {
    const header = new Uint8Array([14, 0x20, 0, 0, 0, 0, 0, 0, 0x2e, 0x46, 0x49, 0x54, 0, 0]);
    expect(sniffFormat(header)).toEqual({ format: 'fit' });
    expect(sniffFormat(Uint8Array.of(99, ...header.subarray(1)))).toEqual({ format: 'fit' });
  });

  it('names TCX and GPX by their root element, whatever comes before it', () => {
    expect(reason(text('<?xml version="1.0"?>\n<TrainingCenterDatabase xmlns="x">'))).toBe('tcx');
    expect(
      reason(text('\uFEFF  <?xml version="1.0"?><!-- exported --><!DOCTYPE gpx><gpx version="1.1">')),
    ).toBe('gpx');
    expect(reason(text('<tcx:TrainingCenterDatabase xmlns:tcx="x">'))).toBe('tcx');
  });

  it('names archives by their magic bytes, whatever the file is called', () => {
    expect(sniffFormat(Uint8Array.of(0x1f, 0x8b, 8, 0))).toEqual({ format: 'gzip' });
    expect(sniffFormat(Uint8Array.of(0x50, 0x4b, 3, 4, 20, 0))).toEqual({ format: 'zip' });
    expect(sniffFormat(Uint8Array.of(0x50, 0x4b, 5, 6, 0, 0))).toEqual({ format: 'zip' });
  });

  it('says what anything else looks like', () => {
    expect(reason(new Uint8Array())).toBe('not an activity file: the file is empty');
    expect(reason(text('<kml><Document/></kml>'))).toBe(
      'not an activity file: XML with root element <kml>, not TCX or GPX',
    );
    expect(reason(text('date,distance,time\n2024-05-01,10.2,55:00\n'))).toBe(
      'not an activity file: text starting "date,distance,time"',
    );
    expect(reason(Uint8Array.of(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0))).toBe(
      'not an activity file: unrecognised binary data (starts 89 50 4e 47)',
    );
  });

  it('does not take a short file ending in ".FIT" for FIT', () => {
    expect(reason(text('.FIT'))).toBe('not an activity file: text starting ".FIT"');
  });
});

describe('xmlRootElement', () => {
  it('skips the declaration, comments and doctype and drops a namespace prefix', () => {
    expect(xmlRootElement('<?xml version="1.0"?>\n<!-- a -->\n<!DOCTYPE x>\n<ns:root a="1">')).toBe('root');
    expect(xmlRootElement('no markup')).toBeNull();
  });
});
