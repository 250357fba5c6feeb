import { describe, expect, it } from 'vitest';
import { longestInWindow, SPIKE_LIMIT, spikeCheck } from './spike.js';

describe('spikeCheck: RUNSAFE bands', () => {
  it.each([
    // distance, 30-day longest, band, hazard ratio
    [5_000, 10_000, 'within', 1],
    [10_000, 10_000, 'within', 1],
    [11_000, 10_000, 'within', 1], // exactly +10%: the limit itself is allowed
    [11_001, 10_000, 'over-10', 1.64],
    [3_300, 3_000, 'within', 1], // +10% where the division is inexact in floating point
    [13_000, 10_000, 'over-10', 1.64], // exactly +30% belongs to the 10–30% band
    [13_001, 10_000, 'over-30', 1.52],
    [20_000, 10_000, 'over-30', 1.52], // exactly +100% belongs to the 30–100% band
    [20_001, 10_000, 'over-100', 2.28],
    [42_195, 10_000, 'over-100', 2.28],
    [21_097.5, 19_000, 'over-10', 1.64],
  ] as const)('%d m after a 30-day longest of %d m → %s (HR %d)', (distance, longest, band, hr) => {
    const check = spikeCheck(distance, longest, 'metric');
    expect(check.band).toBe(band);
    expect(check.hazardRatio).toBe(hr);
    expect(check.limitM).toBeCloseTo(longest * 1.1, 6);
    expect(check.ratio).toBeCloseTo(distance / longest, 9);
    expect(check.longestPrior30dM).toBe(longest);
    expect(check.source).toMatch(/RUNSAFE/);
    if (band === 'within') expect(check.message).toMatch(/within \+10%/);
    else expect(check.message).toMatch(new RegExp(`${hr} times`));
  });

  it.each([null, 0])('no history (%s) is its own band, with no limit', (longest) => {
    const check = spikeCheck(8_000, longest, 'metric');
    expect(check).toMatchObject({
      band: 'no-history',
      ratio: null,
      hazardRatio: null,
      limitM: null,
      longestPrior30dM: null,
    });
    expect(check.message).toMatch(/No run in the 30 days/);
  });

  it('keeps the limit at +10%', () => {
    expect(SPIKE_LIMIT).toBe(0.1);
  });
});

describe('longestInWindow', () => {
  const runs = [
    { date: '2026-03-01', distanceM: 20_000 }, // 31 days before: outside
    { date: '2026-03-02', distanceM: 15_000 }, // exactly 30 days before: inside
    { date: '2026-03-20', distanceM: 9_000 },
    { date: '2026-04-01', distanceM: 30_000 }, // the day itself: not before it
    { date: '2026-04-05', distanceM: 40_000 }, // after
  ];

  it('takes the longest run strictly before the date, within 30 days', () => {
    expect(longestInWindow(runs, '2026-04-01')).toBe(15_000);
    expect(longestInWindow(runs, '2026-04-02')).toBe(30_000);
    expect(longestInWindow(runs, '2026-04-01', 12)).toBe(9_000);
    expect(longestInWindow(runs, '2026-04-01', 11)).toBeNull();
  });

  it('is null with no run in the window, in any order', () => {
    expect(longestInWindow(runs, '2026-03-01')).toBeNull();
    expect(longestInWindow([], '2026-03-01')).toBeNull();
    expect(longestInWindow([...runs].reverse(), '2026-04-01')).toBe(15_000);
  });
});

describe("spikeCheck: words in the athlete's unit", () => {
  it('speaks miles to an imperial athlete', () => {
    expect(spikeCheck(16_093.44, 12_874.752, 'imperial').message).toBe(
      '10.0 mi is 25% longer than your longest run of the past 30 days (8.0 mi). In RUNSAFE, runs 10–30% over ' +
        'carried about 1.64 times the injury rate of runs within +10%. Keep it to 8.8 mi.',
    );
    expect(spikeCheck(5_000, 10_000, 'metric').message).toBe(
      '5.0 km is within +10% of your longest run of the past 30 days (10.0 km).',
    );
  });
});
