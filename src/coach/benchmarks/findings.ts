import { BENCHMARK_TESTS, benchmarkTest } from './battery.js';
import { formatPercent, formatRatio, formatValue } from './format.js';
import {
  CHANGE_THRESHOLD_PERCENT,
  CHANGE_THRESHOLD_SOURCE,
  LSI_ASYMMETRY_THRESHOLD,
  LSI_SOURCE,
  WEIGHTS,
} from './thresholds.js';
import type {
  BenchmarkEvaluation,
  BenchmarkFinding,
  BenchmarkFindingKind,
  BenchmarkTest,
  McGillRatio,
  SideEvaluation,
  TestEvaluation,
} from './types.js';

const KIND_ORDER: readonly BenchmarkFindingKind[] = ['below-norm', 'asymmetry', 'ratio', 'declining'];

/**
 * What the tests point to, heaviest first, for the program to emphasize: regions and groups to weight, and the
 * weaker side to give at least as much work. One finding per test and kind (both sides in one message).
 */
export function benchmarkFindings(evaluation: BenchmarkEvaluation): BenchmarkFinding[] {
  const findings: BenchmarkFinding[] = [];
  for (const te of evaluation.tests) {
    const test = benchmarkTest(te.testId);
    if (!test) continue;
    const below = belowNorm(test, te);
    if (below) findings.push(below);
    const asymmetric = asymmetry(test, te);
    if (asymmetric) findings.push(asymmetric);
    const declined = declining(test, te);
    if (declined) findings.push(declined);
  }
  findings.push(...ratioFindings(evaluation.ratios, findings));
  return findings.sort(byWeight);
}

function weigh(scale: { base: number; span: number }, severity: number): number {
  return scale.base + scale.span * Math.min(1, Math.max(0, severity));
}

function base(test: BenchmarkTest): Pick<BenchmarkFinding, 'testId' | 'regions' | 'groups'> {
  return { testId: test.id, regions: [...test.regions], groups: [...test.targets] };
}

function sideName(s: SideEvaluation): string {
  return s.side === null ? '' : `${s.side}: `;
}

function belowNorm(test: BenchmarkTest, te: TestEvaluation): BenchmarkFinding | null {
  const below = te.sides.filter((s) => s.norm.comparison === 'below');
  const worst = below.reduce<SideEvaluation | null>(
    (w, s) => (w === null || (s.norm.ratio ?? 1) < (w.norm.ratio ?? 1) ? s : w),
    null,
  );
  if (!worst) return null;
  return {
    ...base(test),
    kind: 'below-norm',
    weakerSide: worst.side,
    weight: weigh(WEIGHTS.strong, 1 - (worst.norm.ratio ?? 1)),
    message: `${test.name}, ${te.latestOn}: ${below.map((s) => `${sideName(s)}${s.norm.explanation}`).join('; ')} (${worst.norm.standard}).`,
    source: worst.norm.source ?? test.source,
  };
}

function asymmetry(test: BenchmarkTest, te: TestEvaluation): BenchmarkFinding | null {
  const sym = te.symmetry;
  if (!sym?.asymmetric || sym.weakerSide === null) return null;
  const weaker = sym.weakerSide;
  const stronger = weaker === 'left' ? 'right' : 'left';
  const values = `left ${formatValue(sym.left, test.unit)}, right ${formatValue(sym.right, test.unit)}`;
  if (sym.lsi === null) {
    // Fault counts: the more faults, the weaker the control; severity scales with the difference over the most
    // the protocol can count.
    const difference = Math.abs(sym.left - sym.right);
    return {
      ...base(test),
      kind: 'asymmetry',
      weakerSide: weaker,
      weight: weigh(WEIGHTS.strong, difference / (test.protocolMax ?? difference)),
      message: `${test.name}, ${te.latestOn}: ${values}. Your ${weaker} leg holds the pelvis, knee and trunk less well than your ${stronger}.`,
      source: 'domain reference §3 (a qualitative check); any difference counts: Keel’s own choice',
    };
  }
  return {
    ...base(test),
    kind: 'asymmetry',
    weakerSide: weaker,
    weight: weigh(WEIGHTS.strong, (LSI_ASYMMETRY_THRESHOLD - sym.lsi) / LSI_ASYMMETRY_THRESHOLD),
    message: `${test.name}, ${te.latestOn}: ${values}. Your ${weaker} side reaches ${formatPercent(sym.lsi)} of your ${stronger}, below the ${LSI_ASYMMETRY_THRESHOLD}% that rehabilitation uses to call two sides even.`,
    source: LSI_SOURCE,
  };
}

function declining(test: BenchmarkTest, te: TestEvaluation): BenchmarkFinding | null {
  const worse = te.sides.filter((s) => s.change?.meaningful && s.change.direction === 'worse');
  const severity = (s: SideEvaluation) => (s.change?.percent == null ? 100 : Math.abs(s.change.percent));
  const worst = worse.reduce<SideEvaluation | null>(
    (w, s) => (w === null || severity(s) > severity(w) ? s : w),
    null,
  );
  if (!worst) return null;
  const parts = worse.map((s) => {
    const c = s.change;
    if (!c) return '';
    const pct =
      c.percent === null ? '' : ` (${c.percent > 0 ? '+' : '−'}${formatPercent(Math.abs(c.percent))})`;
    return `${sideName(s)}${formatValue(s.value, test.unit)}, from ${formatValue(c.previousValue, test.unit)} on ${c.previousOn}${pct}`;
  });
  return {
    ...base(test),
    kind: 'declining',
    weakerSide: worst.side,
    weight: weigh(WEIGHTS.weak, severity(worst) / 100),
    message: `${test.name}, ${te.latestOn}: ${parts.join('; ')}. That is worse by more than the ${CHANGE_THRESHOLD_PERCENT}% Keel counts as a real change; check sleep, soreness and warm-up before reading too much into one test.`,
    source: CHANGE_THRESHOLD_SOURCE,
  };
}

function ratioFindings(ratios: McGillRatio[], already: BenchmarkFinding[]): BenchmarkFinding[] {
  const out: BenchmarkFinding[] = [];
  const extensor = benchmarkTest('trunk-extensor');
  const bridge = benchmarkTest('side-bridge');
  if (!extensor || !bridge) return out;
  const off = ratios.filter((r) => !r.withinTarget);
  const beyond = (r: McGillRatio) =>
    r.target.min !== null && r.value < r.target.min
      ? (r.target.min - r.value) / r.target.min
      : (r.value - r.target.max) / r.target.max;

  const flexExt = off.find((r) => r.id === 'flexor-extensor');
  if (flexExt) {
    out.push({
      ...base(extensor),
      kind: 'ratio',
      weakerSide: null,
      weight: weigh(WEIGHTS.weak, beyond(flexExt)),
      message: `Trunk tests, ${flexExt.takenOn}: flexors ${formatValue(flexExt.numerator, 's')}, back extensors ${formatValue(flexExt.denominator, 's')}, a flexor/extensor ratio of ${formatRatio(flexExt.value)}; McGill’s ratios put it under ${formatRatio(flexExt.target.max)}. Your back extensors tire early compared with your abdominals.`,
      source: flexExt.source,
    });
  }

  // An asymmetry finding on the side bridge already says the same more strongly; one is enough.
  const rightLeft = off.find((r) => r.id === 'side-bridge-right-left');
  const bridgeAsymmetric = already.some((f) => f.testId === 'side-bridge' && f.kind === 'asymmetry');
  if (rightLeft && !bridgeAsymmetric && rightLeft.target.min !== null) {
    const weaker = rightLeft.value < rightLeft.target.min ? 'right' : 'left';
    out.push({
      ...base(bridge),
      kind: 'ratio',
      weakerSide: weaker,
      weight: weigh(WEIGHTS.weak, beyond(rightLeft)),
      message: `Side bridge, ${rightLeft.takenOn}: right ${formatValue(rightLeft.numerator, 's')}, left ${formatValue(rightLeft.denominator, 's')}, a right/left ratio of ${formatRatio(rightLeft.value)}; McGill’s ratios keep it within ${formatRatio(rightLeft.target.min)}–${formatRatio(rightLeft.target.max)}. Your ${weaker} side tires first.`,
      source: rightLeft.source,
    });
  }

  const sideExt = off
    .filter((r) => r.id === 'side-bridge-left-extensor' || r.id === 'side-bridge-right-extensor')
    .sort((a, b) => b.value - a.value)[0];
  if (sideExt) {
    out.push({
      ...base(extensor),
      kind: 'ratio',
      weakerSide: null,
      weight: weigh(WEIGHTS.weak, beyond(sideExt)),
      message: `Trunk tests, ${sideExt.takenOn}: ${sideExt.label.replace('/extensor', '')} ${formatValue(sideExt.numerator, 's')}, back extensors ${formatValue(sideExt.denominator, 's')}, a side bridge/extensor ratio of ${formatRatio(sideExt.value)}; McGill’s ratios put it under ${formatRatio(sideExt.target.max)}. Your back extensors tire early compared with the sides of your trunk.`,
      source: sideExt.source,
    });
  }
  return out;
}

const TEST_ORDER = new Map(BENCHMARK_TESTS.map((t, i) => [t.id, i]));

function byWeight(a: BenchmarkFinding, b: BenchmarkFinding): number {
  return (
    b.weight - a.weight ||
    KIND_ORDER.indexOf(a.kind) - KIND_ORDER.indexOf(b.kind) ||
    (TEST_ORDER.get(a.testId) ?? 0) - (TEST_ORDER.get(b.testId) ?? 0)
  );
}
