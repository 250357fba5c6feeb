import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { BENCHMARK_TESTS } from './battery.js';
import { evaluateBenchmarks, symmetry } from './evaluate.js';
import { benchmarkFindings } from './findings.js';
import type { BenchmarkResult } from './types.js';

const day = fc
  .integer({ min: 0, max: 120 })
  .map((d) => new Date(Date.UTC(2026, 0, 1 + d)).toISOString().slice(0, 10));

const result: fc.Arbitrary<BenchmarkResult> = fc
  .record({
    test: fc.constantFrom(...BENCHMARK_TESTS),
    takenOn: day,
    side: fc.constantFrom('left' as const, 'right' as const),
    seconds: fc.double({ min: 0, max: 400, noNaN: true }),
    count: fc.integer({ min: 0, max: 15 }),
  })
  .map(({ test, takenOn, side, seconds, count }) => ({
    testId: test.id,
    takenOn,
    side: test.sided ? side : null,
    value: test.unit === 's' ? seconds : count,
  }));

const athlete = fc.record({
  sex: fc.constantFrom('female' as const, 'male' as const, null),
  birthYear: fc.option(fc.integer({ min: 1940, max: 2010 })),
});

describe('properties', () => {
  it('LSI lies in [0, 100], in (0, 100] when both sides are above 0, and the weaker side is never the better one', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 0, max: 1800, noNaN: true }),
        fc.double({ min: 0, max: 1800, noNaN: true }),
        (left, right) => {
          const s = symmetry({ higherIsBetter: true }, left, right);
          if (s.lsi !== null) {
            expect(s.lsi).toBeGreaterThanOrEqual(0);
            expect(s.lsi).toBeLessThanOrEqual(100);
            // Results are read to a tenth of a second; below that a quotient can underflow to 0.
            if (left >= 0.1 && right >= 0.1) expect(s.lsi).toBeGreaterThan(0);
          } else {
            expect(Math.max(left, right)).toBe(0);
          }
          if (s.weakerSide !== null) {
            const weaker = s.weakerSide === 'left' ? left : right;
            const stronger = s.weakerSide === 'left' ? right : left;
            expect(weaker).toBeLessThan(stronger);
          } else {
            expect(left).toBe(right);
          }
          expect(s.asymmetric).toBe(s.lsi !== null && s.lsi < 90);
        },
      ),
    );
  });

  it('findings are sorted by weight, weights lie in [0, 1], below-norm and asymmetry weigh at least 0.6 and the others at most 0.5', () => {
    fc.assert(
      fc.property(fc.array(result, { maxLength: 60 }), athlete, day, (results, who, asOf) => {
        const evaluation = evaluateBenchmarks(results, who, asOf);
        const list = benchmarkFindings(evaluation);
        for (let i = 1; i < list.length; i++) {
          expect(list[i - 1]?.weight ?? 0).toBeGreaterThanOrEqual(list[i]?.weight ?? 0);
        }
        for (const f of list) {
          expect(f.weight).toBeGreaterThanOrEqual(0);
          expect(f.weight).toBeLessThanOrEqual(1);
          if (f.kind === 'below-norm' || f.kind === 'asymmetry') expect(f.weight).toBeGreaterThanOrEqual(0.6);
          else expect(f.weight).toBeLessThanOrEqual(0.5);
          expect(f.regions.length).toBeGreaterThan(0);
          expect(f.groups.length).toBeGreaterThan(0);
          expect(f.message).toMatch(/\d/);
        }
      }),
    );
  });

  it('every sided symmetry in an evaluation names a weaker side whose value is no better than the other', () => {
    fc.assert(
      fc.property(fc.array(result, { maxLength: 60 }), athlete, day, (results, who, asOf) => {
        for (const t of evaluateBenchmarks(results, who, asOf).tests) {
          if (!t.symmetry?.weakerSide) continue;
          const weaker = t.symmetry[t.symmetry.weakerSide];
          const other = t.symmetry[t.symmetry.weakerSide === 'left' ? 'right' : 'left'];
          if (t.higherIsBetter) expect(weaker).toBeLessThanOrEqual(other);
          else expect(weaker).toBeGreaterThanOrEqual(other);
        }
      }),
    );
  });

  it('the retest falls 28 days after the latest session up to asOf, whatever the order of the results', () => {
    fc.assert(
      fc.property(fc.array(result, { minLength: 1, maxLength: 30 }), day, (results, asOf) => {
        const known = results.filter((r) => r.takenOn <= asOf).map((r) => r.takenOn);
        const forward = evaluateBenchmarks(results, { sex: null, birthYear: null }, asOf);
        const backward = evaluateBenchmarks([...results].reverse(), { sex: null, birthYear: null }, asOf);
        expect(backward).toEqual(forward);
        const latest = known.sort().at(-1);
        if (latest === undefined) expect(forward.retestDue).toBeNull();
        else expect(Date.parse(forward.retestDue ?? '') - Date.parse(latest)).toBe(28 * 86_400_000);
      }),
    );
  });
});
