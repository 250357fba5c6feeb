import { describe, expect, it } from 'vitest';
import { result as r } from '../../../test/helpers/benchmarks.js';
import { changeBetween, evaluateBenchmarks, symmetry } from './evaluate.js';
import type { Athlete, BenchmarkResult } from './types.js';

const man: Athlete = { sex: 'male', birthYear: 1990 };
const woman: Athlete = { sex: 'female', birthYear: 1990 };
const unknown: Athlete = { sex: null, birthYear: null };

function evaluateOne(results: BenchmarkResult[], athlete: Athlete, testId: string, asOf = '2026-06-01') {
  const test = evaluateBenchmarks(results, athlete, asOf).tests.find((t) => t.testId === testId);
  if (!test) throw new Error(`no evaluation of ${testId}`);
  return test;
}

describe('norm comparison', () => {
  it.each([
    // McGill means (§3): flexor men 136, women 134; extensor men 161, women 185. Within is 80–120% (Keel).
    ['trunk-flexor', man, null, 108, 'below', 136],
    ['trunk-flexor', man, null, 109, 'within', 136],
    ['trunk-flexor', woman, null, 134, 'within', 134],
    ['trunk-flexor', woman, null, 160, 'within', 134],
    ['trunk-flexor', woman, null, 161, 'above', 134],
    ['trunk-extensor', man, null, 161, 'within', 161],
    ['trunk-extensor', woman, null, 140, 'below', 185],
    ['trunk-extensor', man, null, 140, 'within', 161],
    ['side-bridge', man, 'right', 95, 'within', 95],
    ['side-bridge', man, 'left', 70, 'below', 99],
    ['side-bridge', woman, 'right', 95, 'above', 75],
    ['side-bridge', woman, 'left', 78, 'within', 78],
    // Lunsford & Perry: ≥ 25 reps, whatever the sex.
    ['single-leg-heel-raise', man, 'left', 24, 'below', 25],
    ['single-leg-heel-raise', woman, 'left', 25, 'within', 25],
    ['single-leg-heel-raise', unknown, 'right', 40, 'within', 25],
    // Freckleton bands: < 20 poor, 20–25 average, > 25 good.
    ['single-leg-bridge', unknown, 'left', 19, 'below', 20],
    ['single-leg-bridge', unknown, 'left', 20, 'within', 20],
    ['single-leg-bridge', unknown, 'left', 25, 'within', 20],
    ['single-leg-bridge', unknown, 'left', 26, 'above', 20],
  ] as const)(
    '%s, %o, %s side, %d → %s (reference %d)',
    (testId, athlete, side, value, comparison, reference) => {
      const test = evaluateOne([r(testId, '2026-05-01', value, side)], athlete, testId);
      expect(test.sides).toHaveLength(1);
      expect(test.sides[0]?.norm).toMatchObject({ comparison, reference, ratio: value / reference });
    },
  );

  it('names the band of a banded norm', () => {
    const test = evaluateOne([r('single-leg-bridge', '2026-05-01', 19, 'left')], man, 'single-leg-bridge');
    expect(test.sides[0]?.norm.band).toBe('poor');
    expect(test.sides[0]?.norm.explanation).toBe('19 reps is poor');
    expect(test.sides[0]?.norm.standard).toMatch(
      /^under 20 reps is poor, 20–25 reps average, more good \(Freckleton et al\. 2014/,
    );
  });

  it('has no norm for sex-specific means when the sex is unknown, and says so', () => {
    const test = evaluateOne([r('trunk-extensor', '2026-05-01', 40)], unknown, 'trunk-extensor');
    expect(test.sides[0]?.norm).toMatchObject({ comparison: null, reference: null, ratio: null });
    expect(test.sides[0]?.norm.explanation).toMatch(/your sex is not recorded, so there is no norm/);
  });

  it.each([
    'side-lying-hip-abduction-hold',
    'prone-plank',
    'single-leg-balance-eyes-closed',
    'single-leg-squat-quality',
  ])('%s has no numeric norm: compare sides and history', (testId) => {
    const side = testId === 'prone-plank' ? null : 'left';
    const test = evaluateOne([r(testId, '2026-05-01', 3, side)], man, testId);
    expect(test.sides[0]?.norm.comparison).toBeNull();
    expect(test.sides[0]?.norm.explanation).toMatch(
      /compare left with right and with your own earlier results/,
    );
  });

  it('shows the age next to norms from young adults and marks unverified figures', () => {
    const test = evaluateOne(
      [r('trunk-flexor', '2026-05-01', 100)],
      { sex: 'male', birthYear: 1970 },
      'trunk-flexor',
    );
    expect(test.sides[0]?.norm.explanation).toBe('100 s is 74% of the 136 s mean for men');
    expect(test.sides[0]?.norm.standard).toBe(
      'means from McGill et al. 1999, young healthy adults (31 men, 44 women); figures Keel has not yet re-checked against the paper; you are about 56, so read them as a rough guide',
    );
    expect(test.sides[0]?.norm.verified).toBe(false);
  });
});

describe('limb symmetry', () => {
  it.each([
    // left, right, higherIsBetter → lsi, weaker, asymmetric
    [60, 60, true, 100, null, false],
    [54, 60, true, 90, 'left', false],
    [53.9, 60, true, (53.9 / 60) * 100, 'left', true],
    [80, 40, true, 50, 'right', true],
    [0, 30, true, 0, 'left', true],
    [0, 0, true, null, null, false],
    // Fault counts: more faults is weaker, any difference counts, no ratio.
    [1, 4, false, null, 'right', true],
    [3, 0, false, null, 'left', true],
    [2, 2, false, null, null, false],
  ] as const)(
    'left %d, right %d (higher better: %s) → LSI %d, weaker %s, asymmetric %s',
    (left, right, higherIsBetter, lsi, weakerSide, asymmetric) => {
      const s = symmetry({ higherIsBetter }, left, right);
      expect(s.lsi).toEqual(lsi === null ? null : expect.closeTo(lsi, 10));
      expect(s).toMatchObject({ left, right, weakerSide, asymmetric });
    },
  );

  it('comes from the latest session with both sides; a one-sided session has none', () => {
    const results = [
      r('side-bridge', '2026-04-01', 50, 'left'),
      r('side-bridge', '2026-04-01', 70, 'right'),
      r('side-bridge', '2026-05-01', 60, 'left'),
    ];
    const test = evaluateOne(results, man, 'side-bridge');
    expect(test.latestOn).toBe('2026-05-01');
    expect(test.sides.map((s) => s.side)).toEqual(['left']);
    expect(test.symmetry).toBeNull();
  });

  it('keeps the best of several trials on one day', () => {
    const results = [
      r('single-leg-balance-eyes-closed', '2026-05-01', 8, 'left'),
      r('single-leg-balance-eyes-closed', '2026-05-01', 12, 'left'),
      r('single-leg-balance-eyes-closed', '2026-05-01', 20, 'right'),
      r('single-leg-squat-quality', '2026-05-01', 4, 'left'),
      r('single-leg-squat-quality', '2026-05-01', 2, 'left'),
      r('single-leg-squat-quality', '2026-05-01', 1, 'right'),
    ];
    const evaluation = evaluateBenchmarks(results, man, '2026-06-01');
    expect(evaluation.tests.map((t) => t.symmetry)).toEqual([
      { left: 12, right: 20, lsi: 60, weakerSide: 'left', asymmetric: true },
      { left: 2, right: 1, lsi: null, weakerSide: 'left', asymmetric: true },
    ]);
  });
});

describe('McGill ratios', () => {
  const battery = (day: string, flexor: number, extensor: number, left: number, right: number) => [
    r('trunk-flexor', day, flexor),
    r('trunk-extensor', day, extensor),
    r('side-bridge', day, left, 'left'),
    r('side-bridge', day, right, 'right'),
  ];

  it.each([
    // flexor, extensor, left, right → flexor/extensor, right/left, left/ext, right/ext, each within target?
    [120, 160, 100, 100, [0.75, true], [1, true], [0.625, true], [0.625, true]],
    [160, 160, 100, 95, [1, false], [0.95, true], [0.625, true], [0.59375, true]],
    [100, 120, 100, 94, [100 / 120, true], [0.94, false], [100 / 120, false], [94 / 120, false]],
    [100, 200, 100, 105, [0.5, true], [1.05, true], [0.5, true], [0.525, true]],
    [100, 200, 100, 106, [0.5, true], [1.06, false], [0.5, true], [0.53, true]],
    [100, 200, 150, 150, [0.5, true], [1, true], [0.75, false], [0.75, false]],
  ] as const)(
    'flexor %d s, extensor %d s, side bridges L %d / R %d',
    (flexor, extensor, left, right, ...expected) => {
      const { ratios } = evaluateBenchmarks(
        battery('2026-05-01', flexor, extensor, left, right),
        man,
        '2026-05-01',
      );
      expect(ratios.map((q) => q.id)).toEqual([
        'flexor-extensor',
        'side-bridge-right-left',
        'side-bridge-left-extensor',
        'side-bridge-right-extensor',
      ]);
      ratios.forEach((q, i) => {
        const [value, within] = (expected as unknown as (readonly [number, boolean])[])[i] ?? [
          Number.NaN,
          false,
        ];
        expect(q.value).toBeCloseTo(value, 10);
        expect(q.withinTarget, q.id).toBe(within);
        expect(q.takenOn).toBe('2026-05-01');
      });
    },
  );

  it('needs the tests taken on the same date, from their latest sessions', () => {
    const results = [
      ...battery('2026-04-01', 120, 160, 100, 100),
      r('trunk-flexor', '2026-05-01', 130),
      r('side-bridge', '2026-05-02', 90, 'left'),
    ];
    // Flexor and extensor latest sessions differ; the side bridge's latest has only the left side.
    expect(evaluateBenchmarks(results, man, '2026-06-01').ratios).toEqual([]);
    // As of the first session, all four apply.
    expect(evaluateBenchmarks(results, man, '2026-04-30').ratios).toHaveLength(4);
  });

  it('skips a ratio over a zero', () => {
    const { ratios } = evaluateBenchmarks(battery('2026-05-01', 100, 0, 0, 50), man, '2026-05-01');
    expect(ratios).toEqual([]);
  });
});

describe('change between sessions', () => {
  it.each([
    // higherIsBetter, previous, value → absolute, percent, direction, meaningful (> 10%, Keel)
    [true, 100, 110, 10, 10, 'better', false],
    [true, 100, 111, 11, 11, 'better', true],
    [true, 100, 89, -11, -11, 'worse', true],
    [true, 100, 90, -10, -10, 'worse', false],
    [true, 50, 50, 0, 0, 'unchanged', false],
    [true, 0, 10, 10, null, 'better', true],
    [false, 4, 2, -2, -50, 'better', true],
    [false, 0, 1, 1, null, 'worse', true],
    [false, 0, 0, 0, null, 'unchanged', false],
  ] as const)(
    'higher better %s: %d → %d',
    (higherIsBetter, previousValue, value, absolute, percent, direction, meaningful) => {
      expect(changeBetween({ higherIsBetter }, '2026-04-01', previousValue, value)).toEqual({
        previousOn: '2026-04-01',
        previousValue,
        absolute,
        percent,
        direction,
        meaningful,
      });
    },
  );

  it('compares each side with the last earlier session that has it', () => {
    const results = [
      r('single-leg-heel-raise', '2026-03-01', 20, 'left'),
      r('single-leg-heel-raise', '2026-03-01', 30, 'right'),
      r('single-leg-heel-raise', '2026-04-01', 22, 'left'),
      r('single-leg-heel-raise', '2026-05-01', 26, 'left'),
      r('single-leg-heel-raise', '2026-05-01', 25, 'right'),
    ];
    const test = evaluateOne(results, man, 'single-leg-heel-raise');
    expect(test.sides.map((s) => [s.side, s.change?.previousOn, s.change?.previousValue])).toEqual([
      ['left', '2026-04-01', 22],
      ['right', '2026-03-01', 30],
    ]);
  });

  it('has no change on a first session', () => {
    expect(evaluateOne([r('prone-plank', '2026-05-01', 60)], man, 'prone-plank').sides[0]?.change).toBeNull();
  });
});

describe('retest', () => {
  it.each([
    ['2026-05-01', '2026-05-28', '2026-05-29', false],
    ['2026-05-01', '2026-05-29', '2026-05-29', true],
    ['2026-02-15', '2026-04-01', '2026-03-15', true],
    ['2024-02-10', '2024-02-10', '2024-03-09', false],
    ['2025-12-20', '2026-01-01', '2026-01-17', false],
  ])('latest session %s, as of %s: due %s, is due %s', (latest, asOf, due, isDue) => {
    const results = [r('prone-plank', '2025-01-01', 50), r('side-bridge', latest, 60, 'left')];
    const evaluation = evaluateBenchmarks(results, man, asOf);
    expect(evaluation).toMatchObject({ latestSessionOn: latest, retestDue: due, retestIsDue: isDue });
  });

  it('is due at once before any test, and ignores results after asOf', () => {
    expect(evaluateBenchmarks([], man, '2026-05-01')).toMatchObject({
      tests: [],
      ratios: [],
      latestSessionOn: null,
      retestDue: null,
      retestIsDue: true,
    });
    const later = evaluateBenchmarks([r('prone-plank', '2026-05-02', 60)], man, '2026-05-01');
    expect(later.tests).toEqual([]);
  });
});

describe('results that cannot be', () => {
  it('throws on a side that does not fit the test, a bug upstream of entry validation', () => {
    expect(() => evaluateBenchmarks([r('side-bridge', '2026-05-01', 60)], man, '2026-05-01')).toThrow(/side/);
    expect(() => evaluateBenchmarks([r('prone-plank', '2026-05-01', Number.NaN)], man, '2026-05-01')).toThrow(
      /value/,
    );
  });

  it('ignores tests no longer in the battery', () => {
    expect(evaluateBenchmarks([r('wall-sit', '2026-05-01', 60)], man, '2026-05-01').tests).toEqual([]);
  });
});
