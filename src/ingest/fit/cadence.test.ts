import { describe, expect, it } from 'vitest';
import { describeConvention, detectCadenceConvention, stepsFactor } from './cadence.js';

describe('detectCadenceConvention', () => {
  it('reads Garmin-style strides per minute, walk breaks and standing included', () => {
    expect(detectCadenceConvention([0, 0, 82, 84, 85, 86, 88, 90, 60, 58])).toBe('strides');
    // An ultra with long walking stretches still has a strides median well under the threshold.
    expect(detectCadenceConvention([55, 56, 58, 74, 76, 78])).toBe('strides');
    // Elite racing cadence, ~205 steps/min.
    expect(detectCadenceConvention([100, 102, 103, 104])).toBe('strides');
  });

  it('reads steps per minute from recorders that write them into the same field', () => {
    expect(detectCadenceConvention([0, 162, 168, 170, 172, 174])).toBe('steps');
    expect(detectCadenceConvention([122, 125, 150, 160])).toBe('steps');
  });

  it('is decided by the median, so a few doubled glitches do not flip it', () => {
    expect(detectCadenceConvention([76, 77, 78, 152, 154])).toBe('strides');
  });

  it('has nothing to judge without a moving cadence', () => {
    expect(detectCadenceConvention([])).toBeNull();
    expect(detectCadenceConvention([0, 0, Number.NaN])).toBeNull();
  });
});

describe('stepsFactor and describeConvention', () => {
  it('doubles strides and says so in the channel source', () => {
    expect(stepsFactor('strides')).toBe(2);
    expect(stepsFactor('steps')).toBe(1);
    expect(describeConvention('fit:record.cadence', 'strides')).toBe('fit:record.cadence (strides/min ×2)');
    expect(describeConvention('fit:record.cadence', 'steps')).toBe('fit:record.cadence (steps/min)');
  });
});
