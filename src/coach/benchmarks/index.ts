/**
 * The endurance benchmark battery (domain reference §3): the tests and their norms, entry validation, where an
 * athlete stands and what that points the program to. Pure: dates come in as YYYY-MM-DD strings.
 */
export { BENCHMARK_TESTS, benchmarkTest } from './battery.js';
export { changeBetween, evaluateBenchmarks, symmetry } from './evaluate.js';
export { benchmarkFindings } from './findings.js';
export {
  type BenchmarkResultInput,
  benchmarkResultInput,
  type ParsedBenchmarkResult,
  parseBenchmarkResult,
} from './input.js';
export * from './thresholds.js';
export type * from './types.js';
