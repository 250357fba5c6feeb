import { describe, expect, it } from 'vitest';
import { createRandom } from '../../domain/random.js';
import { BASIS_LOG_LIK_MARGIN, compareBasis } from './basis.js';
import { buildObservations } from './observations.js';
import type { PatternRun } from './types.js';
import { fitWeibull, type WeibullFit } from './weibull.js';

const fitWith = (logLik: number): WeibullFit => ({
  shape: 10,
  scale: 1,
  logLik,
  exponentialLogLik: 0,
  lrtP: 0,
});

describe('compareBasis', () => {
  it('needs a clear likelihood margin either way', () => {
    expect(compareBasis(fitWith(-10), fitWith(-10 - BASIS_LOG_LIK_MARGIN), 0)).toBe('distance');
    expect(compareBasis(fitWith(-10 - BASIS_LOG_LIK_MARGIN), fitWith(-10), 0)).toBe('time');
    expect(compareBasis(fitWith(-10), fitWith(-11), 0)).toBe('undetermined');
  });

  it('puts the distance fit on the time scale with the onsets’ speeds', () => {
    expect(compareBasis(fitWith(-20), fitWith(-10), 12)).toBe('undetermined');
    expect(compareBasis(fitWith(-20), fitWith(-10), 14)).toBe('distance');
  });
});

/** Onset at a fixed distance or a fixed time, on runs whose pace varies by `paceSpread`. */
function runs(seed: number, bound: 'distance' | 'time', paceSpread: number): PatternRun[] {
  const random = createRandom(seed);
  return Array.from({ length: 40 }, (_, i) => {
    const secondsPerMetre = 0.33 * random.normal(1, paceSpread);
    const distanceM = i % 2 === 0 ? random.uniform(5000, 9000) : random.uniform(13_000, 17_000);
    const durationS = distanceM * secondsPerMetre;
    const onsetM =
      bound === 'distance' ? random.normal(12_000, 300) : random.normal(4000, 100) / secondsPerMetre;
    return {
      runId: `r${i}`,
      startTime: new Date(Date.UTC(2026, 0, 1 + i * 3)),
      distanceM,
      durationS,
      pain: onsetM < distanceM ? { onsetM, onsetS: onsetM * secondsPerMetre, severity: 4 } : null,
    };
  });
}

function basisOf(history: PatternRun[]) {
  const sets = buildObservations(history);
  return compareBasis(
    fitWeibull(sets.distance) as WeibullFit,
    fitWeibull(sets.time ?? []) as WeibullFit,
    sets.logSpeedAtOnsets,
  );
}

describe('distance or time on feet', () => {
  it('tells them apart when pace varies between runs', () => {
    expect(basisOf(runs(1, 'distance', 0.12))).toBe('distance');
    expect(basisOf(runs(2, 'time', 0.12))).toBe('time');
  });

  it('says undetermined when every run goes at the same pace', () => {
    expect(basisOf(runs(3, 'distance', 0))).toBe('undetermined');
    expect(basisOf(runs(4, 'time', 0))).toBe('undetermined');
  });
});
