import type { BenchmarkResult, BenchmarkSide } from '../../src/coach/benchmarks/types.js';

/** One benchmark result, written as tersely as the case tables need. */
export function result(
  testId: string,
  takenOn: string,
  value: number,
  side: BenchmarkSide | null = null,
): BenchmarkResult {
  return { testId, takenOn, side, value };
}
