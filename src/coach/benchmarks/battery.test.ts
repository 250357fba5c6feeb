import { describe, expect, it } from 'vitest';
import { STABILIZER_GROUPS } from '../../domain/stabilizers.js';
import { PROGRAM_REGIONS } from '../types.js';
import { BENCHMARK_TESTS, benchmarkTest } from './battery.js';

describe('the battery', () => {
  it('has every test of domain reference §3, once, with kebab-case ids', () => {
    expect(BENCHMARK_TESTS.map((t) => t.id)).toEqual([
      'trunk-flexor',
      'trunk-extensor',
      'side-bridge',
      'single-leg-heel-raise',
      'single-leg-bridge',
      'side-lying-hip-abduction-hold',
      'prone-plank',
      'single-leg-balance-eyes-closed',
      'single-leg-squat-quality',
    ]);
    for (const t of BENCHMARK_TESTS) expect(t.id).toMatch(/^[a-z]+(-[a-z]+)*$/);
  });

  it.each(BENCHMARK_TESTS.map((t) => [t.id, t] as const))(
    '%s is complete and uses known regions and groups',
    (_, t) => {
      expect(t.protocol.length).toBeGreaterThanOrEqual(3);
      expect(t.regions.length).toBeGreaterThan(0);
      expect(t.targets.length).toBeGreaterThan(0);
      for (const r of t.regions) expect(PROGRAM_REGIONS).toContain(r);
      for (const g of t.targets) expect(STABILIZER_GROUPS).toContain(g);
      expect(t.source).not.toBe('');
      // Only the fault count is lower-is-better, and it has no numeric norm to compare against.
      expect(t.higherIsBetter).toBe(t.unit !== 'faults');
      if (!t.higherIsBetter) expect(t.norm.kind).toBe('none');
    },
  );

  it.each([
    ['trunk-flexor', 's', false],
    ['trunk-extensor', 's', false],
    ['side-bridge', 's', true],
    ['single-leg-heel-raise', 'reps', true],
    ['single-leg-bridge', 'reps', true],
    ['side-lying-hip-abduction-hold', 's', true],
    ['prone-plank', 's', false],
    ['single-leg-balance-eyes-closed', 's', true],
    ['single-leg-squat-quality', 'faults', true],
  ] as const)('%s is measured in %s, sided: %s', (id, unit, sided) => {
    expect(benchmarkTest(id)?.unit).toBe(unit);
    expect(benchmarkTest(id)?.sided).toBe(sided);
  });

  it('keeps the numbers of §3 and its (verify) marks', () => {
    const flexor = benchmarkTest('trunk-flexor')?.norm;
    expect(flexor).toMatchObject({ kind: 'sex-means', verified: false });
    if (flexor?.kind === 'sex-means') {
      expect(flexor.means).toEqual([
        { sex: 'male', side: null, value: 136 },
        { sex: 'female', side: null, value: 134 },
      ]);
    }
    const extensor = benchmarkTest('trunk-extensor')?.norm;
    if (extensor?.kind !== 'sex-means') throw new Error('extensor norm');
    expect(extensor.means.map((m) => m.value)).toEqual([161, 185]);
    const bridge = benchmarkTest('side-bridge')?.norm;
    if (bridge?.kind !== 'sex-means') throw new Error('side bridge norm');
    expect(bridge.means.map((m) => m.value).sort()).toEqual([75, 78, 95, 99]);
    expect(benchmarkTest('single-leg-heel-raise')?.norm).toMatchObject({ kind: 'minimum', minimum: 25 });
    expect(benchmarkTest('single-leg-bridge')?.norm).toMatchObject({ kind: 'bands', verified: false });
    for (const id of ['side-lying-hip-abduction-hold', 'prone-plank', 'single-leg-balance-eyes-closed']) {
      expect(benchmarkTest(id)?.norm.kind).toBe('none');
    }
  });
});
