import { describe, expect, it } from 'vitest';
import { result as r } from '../../../test/helpers/benchmarks.js';
import { evaluateBenchmarks } from './evaluate.js';
import { benchmarkFindings } from './findings.js';
import type { Athlete, BenchmarkResult } from './types.js';

const woman: Athlete = { sex: 'female', birthYear: null };

function findings(results: BenchmarkResult[], athlete: Athlete = woman, asOf = '2026-04-10') {
  return benchmarkFindings(evaluateBenchmarks(results, athlete, asOf));
}

describe('benchmark findings', () => {
  it('finds nothing in a balanced battery at or above its norms', () => {
    const results = [
      r('trunk-flexor', '2026-04-01', 130),
      r('trunk-extensor', '2026-04-01', 190),
      r('side-bridge', '2026-04-01', 78, 'left'),
      r('side-bridge', '2026-04-01', 77, 'right'),
      r('single-leg-heel-raise', '2026-04-01', 30, 'left'),
      r('single-leg-heel-raise', '2026-04-01', 31, 'right'),
      r('single-leg-squat-quality', '2026-04-01', 1, 'left'),
      r('single-leg-squat-quality', '2026-04-01', 1, 'right'),
    ];
    expect(findings(results)).toEqual([]);
  });

  it('reports a below-norm result with the weaker side, the groups it tests, numbers and units', () => {
    const [f, ...rest] = findings([
      r('single-leg-heel-raise', '2026-04-01', 18, 'left'),
      r('single-leg-heel-raise', '2026-04-01', 19, 'right'),
    ]);
    expect(f).toMatchObject({
      testId: 'single-leg-heel-raise',
      kind: 'below-norm',
      regions: ['foot-ankle'],
      groups: ['soleus-calf'],
      weakerSide: 'left',
      weight: expect.closeTo(0.6 + 0.4 * (1 - 18 / 25), 10),
    });
    expect(f?.message).toBe(
      'Single-leg heel raise, 2026-04-01: left: 18 reps is below the 25 reps minimum; right: 19 reps is below the 25 reps minimum (25 reps is the commonly used minimum (Lunsford & Perry 1995, 203 healthy adults aged 20–59)).',
    );
    expect(f?.source).toMatch(/^Lunsford & Perry 1995/);
    expect(rest).toEqual([]);
  });

  it('reports an asymmetry below 90% LSI, weighted by how far below', () => {
    const list = findings([
      r('side-lying-hip-abduction-hold', '2026-04-01', 45, 'left'),
      r('side-lying-hip-abduction-hold', '2026-04-01', 60, 'right'),
    ]);
    expect(list).toHaveLength(1);
    expect(list[0]).toMatchObject({
      kind: 'asymmetry',
      weakerSide: 'left',
      groups: ['hip-abductors'],
      regions: ['hip-pelvis'],
      weight: expect.closeTo(0.6 + 0.4 * ((90 - 75) / 90), 10),
    });
    expect(list[0]?.message).toContain('left 45 s, right 60 s. Your left side reaches 75% of your right');
  });

  it('reports the step-down side with more faults', () => {
    const list = findings([
      r('single-leg-squat-quality', '2026-04-01', 1, 'left'),
      r('single-leg-squat-quality', '2026-04-01', 4, 'right'),
    ]);
    expect(list).toMatchObject([
      {
        kind: 'asymmetry',
        weakerSide: 'right',
        regions: ['knee', 'hip-pelvis'],
        weight: expect.closeTo(0.6 + 0.4 * (3 / 15), 10),
      },
    ]);
  });

  it('reports McGill ratios outside their targets against the back extensors, and a side bridge imbalance', () => {
    const list = findings([
      r('trunk-flexor', '2026-04-01', 200),
      r('trunk-extensor', '2026-04-01', 180),
      r('side-bridge', '2026-04-01', 80, 'left'),
      r('side-bridge', '2026-04-01', 74, 'right'),
    ]);
    expect(list.map((f) => [f.kind, f.testId, f.weakerSide])).toEqual([
      // 1.11 is 11% past its ceiling, 0.93 only 3% under its floor.
      ['ratio', 'trunk-extensor', null],
      ['ratio', 'side-bridge', 'right'],
    ]);
    const flexExt = list.find((f) => f.testId === 'trunk-extensor');
    expect(flexExt?.groups).toEqual(['trunk-extensors']);
    expect(flexExt?.message).toContain('a flexor/extensor ratio of 1.11');
    expect(list[1]?.message).toContain('a right/left ratio of 0.93');
  });

  it('merges both side bridge/extensor ratios into one finding, the larger ratio', () => {
    const list = findings(
      [
        r('trunk-extensor', '2026-04-01', 130),
        r('side-bridge', '2026-04-01', 100, 'left'),
        r('side-bridge', '2026-04-01', 101, 'right'),
      ],
      { sex: 'male', birthYear: null },
    );
    expect(list).toHaveLength(1);
    expect(list[0]?.message).toContain(
      'right side bridge 101 s, back extensors 130 s, a side bridge/extensor ratio of 0.78',
    );
  });

  it('lets an asymmetry finding stand for the right/left side bridge ratio', () => {
    const list = findings([
      r('side-bridge', '2026-04-01', 65, 'left'),
      r('side-bridge', '2026-04-01', 80, 'right'),
    ]);
    expect(list.map((f) => f.kind)).toEqual(['asymmetry']);
    expect(list[0]?.weakerSide).toBe('left');
  });

  it('reports a decline of more than 10% since the last session, not one of 10%', () => {
    const list = findings(
      [
        r('prone-plank', '2026-03-01', 100),
        r('prone-plank', '2026-04-01', 80),
        r('trunk-flexor', '2026-03-01', 100),
        r('trunk-flexor', '2026-04-01', 90),
      ],
      { sex: null, birthYear: null },
    );
    expect(list).toMatchObject([
      {
        kind: 'declining',
        testId: 'prone-plank',
        weakerSide: null,
        weight: expect.closeTo(0.3 + 0.2 * 0.2, 10),
      },
    ]);
    expect(list[0]?.message).toContain('Prone plank, 2026-04-01: 80 s, from 100 s on 2026-03-01 (−20%)');
  });

  it('orders by weight with below-norm and asymmetry above ratio and decline', () => {
    const list = findings([
      r('trunk-flexor', '2026-03-01', 400),
      r('trunk-flexor', '2026-04-01', 130),
      r('trunk-extensor', '2026-04-01', 100),
      r('single-leg-bridge', '2026-04-01', 19, 'left'),
      r('single-leg-bridge', '2026-04-01', 22, 'right'),
    ]);
    expect(list.map((f) => [f.kind, f.testId])).toEqual([
      ['below-norm', 'trunk-extensor'],
      ['below-norm', 'single-leg-bridge'],
      ['asymmetry', 'single-leg-bridge'],
      ['declining', 'trunk-flexor'],
      ['ratio', 'trunk-extensor'],
    ]);
    for (const f of list) expect(f.weight).toBeLessThanOrEqual(1);
    const strong = list.filter((f) => f.kind === 'below-norm' || f.kind === 'asymmetry');
    const weak = list.filter((f) => f.kind === 'ratio' || f.kind === 'declining');
    expect(Math.min(...strong.map((f) => f.weight))).toBeGreaterThan(Math.max(...weak.map((f) => f.weight)));
  });
});
