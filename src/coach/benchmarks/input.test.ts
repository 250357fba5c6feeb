import { describe, expect, it } from 'vitest';
import { parseBenchmarkResult } from './input.js';

describe('benchmark result entry', () => {
  it('accepts a sided and an unsided entry and fills the empty fields', () => {
    expect(
      parseBenchmarkResult({ testId: 'side-bridge', takenOn: '2026-03-02', side: 'left', value: 72.5 }),
    ).toEqual({
      ok: true,
      result: { testId: 'side-bridge', takenOn: '2026-03-02', side: 'left', value: 72.5, note: null },
    });
    expect(
      parseBenchmarkResult({ testId: 'prone-plank', takenOn: '2024-02-29', value: 0, note: 'tired' }),
    ).toEqual({
      ok: true,
      result: { testId: 'prone-plank', takenOn: '2024-02-29', side: null, value: 0, note: 'tired' },
    });
  });

  it.each([
    [
      'unknown test',
      { testId: 'plank', takenOn: '2026-03-02', value: 60 },
      /^testId: "plank" is not a Keel benchmark test; one of trunk-flexor, /,
    ],
    [
      'side missing on a sided test',
      { testId: 'side-bridge', takenOn: '2026-03-02', value: 60 },
      /^side: Side bridge is done per side: say left or right$/,
    ],
    [
      'side on an unsided test',
      { testId: 'trunk-flexor', takenOn: '2026-03-02', side: 'left', value: 60 },
      /^side: Trunk flexor endurance \(McGill\) is not done per side: leave side empty$/,
    ],
    [
      'a side that is neither',
      { testId: 'side-bridge', takenOn: '2026-03-02', side: 'both', value: 60 },
      /^side: left or right/,
    ],
    [
      'a date that does not exist',
      { testId: 'prone-plank', takenOn: '2026-02-30', value: 60 },
      /^takenOn: "2026-02-30" is not a calendar day/,
    ],
    [
      'a date in another format',
      { testId: 'prone-plank', takenOn: '02/03/2026', value: 60 },
      /^takenOn: "02\/03\/2026" is not a calendar day/,
    ],
    [
      'a negative value',
      { testId: 'prone-plank', takenOn: '2026-03-02', value: -1 },
      /^value: -1 is below 0$/,
    ],
    ['not a number', { testId: 'prone-plank', takenOn: '2026-03-02', value: '60' }, /^value: a number/],
    [
      'infinity',
      { testId: 'prone-plank', takenOn: '2026-03-02', value: Number.POSITIVE_INFINITY },
      /^value: a number/,
    ],
    ['NaN', { testId: 'prone-plank', takenOn: '2026-03-02', value: Number.NaN }, /^value: a number/],
    [
      'seconds beyond plausible',
      { testId: 'prone-plank', takenOn: '2026-03-02', value: 1801 },
      /^value: 1801 seconds is more than 1800 seconds, .*plausible entry \(a check for typing slips, not a norm\)$/,
    ],
    [
      'reps beyond plausible',
      { testId: 'single-leg-heel-raise', takenOn: '2026-03-02', side: 'right', value: 501 },
      /^value: 501 reps is more than 500 reps/,
    ],
    [
      'faults beyond plausible',
      { testId: 'single-leg-squat-quality', takenOn: '2026-03-02', side: 'right', value: 31 },
      /^value: 31 faults is more than 30 faults/,
    ],
    [
      'faults beyond what the protocol can count',
      { testId: 'single-leg-squat-quality', takenOn: '2026-03-02', side: 'right', value: 16 },
      /^value: 16 faults is more than the 15 the Single-leg squat \/ step-down quality protocol allows$/,
    ],
    [
      'a fraction of a rep',
      { testId: 'single-leg-bridge', takenOn: '2026-03-02', side: 'left', value: 20.5 },
      /^value: 20.5 is not a whole number of reps$/,
    ],
    [
      'an unknown field',
      { testId: 'prone-plank', takenOn: '2026-03-02', value: 60, minutes: 1 },
      /^minutes: not a field/,
    ],
  ])('rejects %s, naming the field', (_, input, message) => {
    const parsed = parseBenchmarkResult(input);
    expect(parsed.ok).toBe(false);
    if (parsed.ok) return;
    expect(
      parsed.errors.some((e) => message.test(e)),
      parsed.errors.join(' | '),
    ).toBe(true);
  });

  it('allows the plausibility limits themselves', () => {
    expect(parseBenchmarkResult({ testId: 'prone-plank', takenOn: '2026-03-02', value: 1800 }).ok).toBe(true);
    expect(
      parseBenchmarkResult({
        testId: 'single-leg-heel-raise',
        takenOn: '2026-03-02',
        side: 'left',
        value: 500,
      }).ok,
    ).toBe(true);
    expect(
      parseBenchmarkResult({
        testId: 'single-leg-squat-quality',
        takenOn: '2026-03-02',
        side: 'left',
        value: 15,
      }).ok,
    ).toBe(true);
  });

  it('reports every mistake of an entry at once', () => {
    const parsed = parseBenchmarkResult({ testId: 'side-bridge', takenOn: '2026-13-01', value: -5 });
    expect(parsed.ok).toBe(false);
    if (parsed.ok) return;
    expect(parsed.errors.map((e) => e.split(':')[0])).toEqual(['takenOn', 'side', 'value']);
  });
});
