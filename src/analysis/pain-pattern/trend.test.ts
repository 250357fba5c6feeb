import { describe, expect, it } from 'vitest';
import type { CensoringKind, Observation } from './observations.js';
import { estimateTrend } from './trend.js';

const AS_OF = new Date('2026-06-01T00:00:00Z');
const DAY_MS = 86_400_000;

/** One run every three days, oldest first, ending at AS_OF. */
function history(items: [CensoringKind, number][]): Observation[] {
  return items.map(([kind, at], i) => ({
    kind,
    at,
    startMs: AS_OF.getTime() - (items.length - 1 - i) * 3 * DAY_MS,
  }));
}
const repeat = <T>(n: number, make: (i: number) => T) => Array.from({ length: n }, (_, i) => make(i));
const trendOf = (items: [CensoringKind, number][]) => estimateTrend(history(items)).trend;

describe('estimateTrend', () => {
  it('calls a threshold that stays put stable', () => {
    expect(
      trendOf(
        repeat(24, (i): [CensoringKind, number] =>
          i % 3 === 0 ? ['exact', 12_000 + ((i * 37) % 5) * 100] : ['right', 8000],
        ),
      ),
    ).toBe('stable');
  });

  it('counts recent pain-free runs beyond the old onset as improvement, even with no new onsets', () => {
    const before = repeat(8, (i): [CensoringKind, number] =>
      i % 2 === 0 ? ['exact', 12_000 + i * 30] : ['right', 7000],
    );
    const after = repeat(8, (): [CensoringKind, number] => ['right', 14_500]);
    expect(trendOf([...before, ...after])).toBe('improving');
  });

  it('sees onsets coming sooner as worsening', () => {
    const before = repeat(8, (i): [CensoringKind, number] =>
      i % 2 === 0 ? ['exact', 14_000 + ((i * 37) % 5) * 60] : ['right', 9000],
    );
    const after = repeat(8, (i): [CensoringKind, number] =>
      i % 2 === 0 ? ['exact', 10_500 + ((i * 37) % 5) * 60] : ['right', 9000],
    );
    expect(trendOf([...before, ...after])).toBe('worsening');
  });

  it('does not mistake a build-up of long runs for a moving threshold', () => {
    // Early runs stop short of the threshold; later ones pass it and hurt at the same place.
    const early = repeat(10, (i): [CensoringKind, number] => ['right', 7000 + i * 200]);
    const late = repeat(10, (i): [CensoringKind, number] => ['exact', 12_000 + ((i * 7) % 4) * 150]);
    expect(trendOf([...early, ...late])).toBe('stable');
  });

  it('leaves runs without an onset out', () => {
    const base = history(
      repeat(12, (i): [CensoringKind, number] =>
        i % 2 === 0 ? ['exact', 12_000 + i * 20] : ['right', 8000],
      ),
    );
    const unknown = history(repeat(6, (): [CensoringKind, number] => ['interval', 15_000]));
    expect(estimateTrend([...base, ...unknown])).toEqual(estimateTrend(base));
  });
});
