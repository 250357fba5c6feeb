import { expect } from 'vitest';
import { type DecodedFit, decodeFit, decodeFitWithSdk } from '../../src/ingest/fit/decode.js';
import { fitActivities } from '../../src/ingest/fit/index.js';

/**
 * Decodes a FIT file on Keel's path (the record fast path unless it declines) and with the SDK alone, and
 * expects the same from both: every record value bit for bit (NaN where either lacks one), the rest of the
 * file model, and the activities built from it. Returns Keel's decoding, to ask which path it took.
 */
export function expectSameAsSdk(bytes: Uint8Array, fileName: string): DecodedFit | string {
  const keel = decodeFit(bytes);
  const sdk = decodeFitWithSdk(bytes);
  if (typeof sdk === 'string' || typeof keel === 'string') {
    expect(keel).toEqual(sdk);
    return keel;
  }
  const { records, ...rest } = keel.file;
  const { records: sdkRecords, ...sdkRest } = sdk.file;
  expect(records.length, 'record count').toBe(sdkRecords.length);
  expect(firstDifference(records.timeS, sdkRecords.timeS), 'record times').toBeNull();
  expect([...records.values.keys()].sort(), 'record fields').toEqual([...sdkRecords.values.keys()].sort());
  for (const [key, column] of records.values) {
    expect(firstDifference(column, sdkRecords.values.get(key)), `record field ${key}`).toBeNull();
  }
  expect(rest).toEqual(sdkRest);
  expect(keel.damage).toBe(sdk.damage);
  expect(fitActivities(keel, fileName)).toEqual(fitActivities(sdk, fileName));
  return keel;
}

function firstDifference(a: Float64Array, b: Float64Array | undefined): string | null {
  if (b === undefined || a.length !== b.length) return `lengths ${a.length} and ${b?.length}`;
  const i = a.findIndex((v, k) => !Object.is(v, b[k]));
  return i < 0 ? null : `record ${i}: fast path ${a[i]}, SDK ${b[i]}`;
}
