import { addDays } from '../../domain/time.js';
import { BENCHMARK_TESTS, benchmarkTest } from './battery.js';
import { compareWithNorm } from './norms.js';
import {
  CHANGE_THRESHOLD_PERCENT,
  FLEXOR_EXTENSOR_MAX,
  LSI_ASYMMETRY_THRESHOLD,
  MCGILL_RATIO_SOURCE,
  RETEST_INTERVAL_DAYS,
  SIDE_BRIDGE_EXTENSOR_MAX,
  SIDE_BRIDGE_RIGHT_LEFT,
} from './thresholds.js';
import type {
  Athlete,
  BenchmarkChange,
  BenchmarkEvaluation,
  BenchmarkResult,
  BenchmarkSide,
  BenchmarkTest,
  McGillRatio,
  SideEvaluation,
  Symmetry,
  TestEvaluation,
} from './types.js';

/** A test's results of one day: the best value per side (`null` key for unsided tests). */
interface Session {
  takenOn: string;
  values: Map<BenchmarkSide | null, number>;
}

/**
 * Where the athlete stands on each test as of `asOf`: the latest session against its norm, left against right,
 * the change since the session before, McGill's ratios and when to retest. Results after `asOf` are not yet
 * known at that day and are left out; results of tests no longer in the battery are ignored.
 */
export function evaluateBenchmarks(
  results: BenchmarkResult[],
  athlete: Athlete,
  asOf: string,
): BenchmarkEvaluation {
  const ageYears = athlete.birthYear === null ? null : Number(asOf.slice(0, 4)) - athlete.birthYear;
  const byTest = new Map<string, BenchmarkResult[]>();
  let latestSessionOn: string | null = null;
  for (const r of results) {
    if (r.takenOn > asOf) continue;
    const test = benchmarkTest(r.testId);
    if (!test) continue;
    checkResult(r, test);
    const own = byTest.get(r.testId);
    if (own) own.push(r);
    else byTest.set(r.testId, [r]);
    if (latestSessionOn === null || r.takenOn > latestSessionOn) latestSessionOn = r.takenOn;
  }

  const tests: TestEvaluation[] = [];
  const latest = new Map<string, Session>();
  for (const test of BENCHMARK_TESTS) {
    const own = byTest.get(test.id);
    if (!own) continue;
    const sessions = toSessions(own, test);
    const last = sessions[sessions.length - 1];
    if (!last) continue;
    latest.set(test.id, last);
    tests.push(evaluateTest(test, sessions, last, athlete, ageYears));
  }

  const retestDue = latestSessionOn === null ? null : addDays(latestSessionOn, RETEST_INTERVAL_DAYS);
  return {
    asOf,
    ageYears,
    tests,
    ratios: mcgillRatios(latest),
    latestSessionOn,
    retestDue,
    retestIsDue: retestDue === null || asOf >= retestDue,
  };
}

/** Entry validation keeps these out; one getting here is a bug upstream. */
function checkResult(r: BenchmarkResult, test: BenchmarkTest): void {
  if (!Number.isFinite(r.value) || r.value < 0) {
    throw new Error(
      `benchmark result ${r.id ?? ''} of ${r.testId}: value ${r.value} is not a finite number ≥ 0`,
    );
  }
  if (test.sided !== (r.side !== null)) {
    throw new Error(
      `benchmark result ${r.id ?? ''} of ${r.testId}: side ${r.side} does not fit a test ${test.sided ? '' : 'not '}done per side`,
    );
  }
}

/**
 * Several entries of one side on one day are trials of the same session: the best stands, as a tester keeps
 * the best of several tries (Keel's reading; §3 gives no rule).
 */
function toSessions(results: BenchmarkResult[], test: BenchmarkTest): Session[] {
  const byDay = new Map<string, Map<BenchmarkSide | null, number>>();
  for (const r of results) {
    const values = byDay.get(r.takenOn) ?? new Map<BenchmarkSide | null, number>();
    const before = values.get(r.side);
    values.set(r.side, before === undefined ? r.value : best(test, before, r.value));
    byDay.set(r.takenOn, values);
  }
  return [...byDay.entries()]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([takenOn, values]) => ({ takenOn, values }));
}

function best(test: BenchmarkTest, a: number, b: number): number {
  return test.higherIsBetter ? Math.max(a, b) : Math.min(a, b);
}

function evaluateTest(
  test: BenchmarkTest,
  sessions: Session[],
  last: Session,
  athlete: Athlete,
  ageYears: number | null,
): TestEvaluation {
  const sides: (BenchmarkSide | null)[] = test.sided ? ['left', 'right'] : [null];
  const evaluated: SideEvaluation[] = [];
  for (const side of sides) {
    const value = last.values.get(side);
    if (value === undefined) continue;
    const previous = sessions
      .slice(0, -1)
      .reverse()
      .find((s) => s.values.has(side));
    const previousValue = previous?.values.get(side);
    evaluated.push({
      side,
      value,
      norm: compareWithNorm(test, side, value, athlete, ageYears),
      change:
        previous && previousValue !== undefined
          ? changeBetween(test, previous.takenOn, previousValue, value)
          : null,
    });
  }
  const left = last.values.get('left');
  const right = last.values.get('right');
  return {
    testId: test.id,
    name: test.name,
    unit: test.unit,
    higherIsBetter: test.higherIsBetter,
    latestOn: last.takenOn,
    sides: evaluated,
    symmetry: test.sided && left !== undefined && right !== undefined ? symmetry(test, left, right) : null,
  };
}

export function changeBetween(
  test: Pick<BenchmarkTest, 'higherIsBetter'>,
  previousOn: string,
  previousValue: number,
  value: number,
): BenchmarkChange {
  const absolute = value - previousValue;
  const percent = previousValue === 0 ? null : (absolute / previousValue) * 100;
  const improved = test.higherIsBetter ? absolute > 0 : absolute < 0;
  return {
    previousOn,
    previousValue,
    absolute,
    percent,
    direction: absolute === 0 ? 'unchanged' : improved ? 'better' : 'worse',
    // From 0 any change is infinitely many percent.
    meaningful: percent === null ? absolute !== 0 : Math.abs(percent) > CHANGE_THRESHOLD_PERCENT,
  };
}

/**
 * Limb symmetry index (§3): weaker/stronger × 100. A fault count has no meaningful ratio (0 faults against 2
 * would read 0%), so for it only the weaker side is named: the one with more faults, any difference counting.
 */
export function symmetry(test: Pick<BenchmarkTest, 'higherIsBetter'>, left: number, right: number): Symmetry {
  const weakerSide: BenchmarkSide | null =
    left === right ? null : left < right === test.higherIsBetter ? 'left' : 'right';
  if (!test.higherIsBetter) return { left, right, lsi: null, weakerSide, asymmetric: weakerSide !== null };
  const stronger = Math.max(left, right);
  const lsi = stronger === 0 ? null : (Math.min(left, right) / stronger) * 100;
  return { left, right, lsi, weakerSide, asymmetric: lsi !== null && lsi < LSI_ASYMMETRY_THRESHOLD };
}

/** McGill's ratios, only from each test's latest session and only when the sessions share a date. */
function mcgillRatios(latest: Map<string, Session>): McGillRatio[] {
  const ratios: McGillRatio[] = [];
  const flexor = latest.get('trunk-flexor');
  const extensor = latest.get('trunk-extensor');
  const bridge = latest.get('side-bridge');
  const extensorS = extensor?.values.get(null);
  const add = (
    id: McGillRatio['id'],
    label: string,
    takenOn: string,
    numerator: number | undefined,
    denominator: number | undefined,
    target: McGillRatio['target'],
  ) => {
    if (numerator === undefined || denominator === undefined || denominator === 0) return;
    const value = numerator / denominator;
    const withinTarget =
      target.min === null ? value < target.max : value >= target.min && value <= target.max;
    ratios.push({
      id,
      label,
      takenOn,
      value,
      numerator,
      denominator,
      target,
      withinTarget,
      source: MCGILL_RATIO_SOURCE,
      verified: true,
    });
  };
  if (flexor && extensor && flexor.takenOn === extensor.takenOn) {
    add('flexor-extensor', 'flexor/extensor', flexor.takenOn, flexor.values.get(null), extensorS, {
      min: null,
      max: FLEXOR_EXTENSOR_MAX,
    });
  }
  if (bridge) {
    add(
      'side-bridge-right-left',
      'right/left side bridge',
      bridge.takenOn,
      bridge.values.get('right'),
      bridge.values.get('left'),
      { ...SIDE_BRIDGE_RIGHT_LEFT },
    );
  }
  if (bridge && extensor && bridge.takenOn === extensor.takenOn) {
    for (const side of ['left', 'right'] as const) {
      add(
        `side-bridge-${side}-extensor`,
        `${side} side bridge/extensor`,
        bridge.takenOn,
        bridge.values.get(side),
        extensorS,
        { min: null, max: SIDE_BRIDGE_EXTENSOR_MAX },
      );
    }
  }
  return ratios;
}
