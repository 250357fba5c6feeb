import type { StabilizerGroup } from '../../domain/stabilizers.js';
import type { ProgramRegion } from '../types.js';

export type BenchmarkUnit = 's' | 'reps' | 'faults';
export type BenchmarkSide = 'left' | 'right';
export type Sex = 'female' | 'male';
/** Where a value sits against its norm; `null` when no norm applies to this athlete. */
export type NormComparison = 'below' | 'within' | 'above';

interface NormBase {
  /** Short, for messages: "McGill et al. 1999". */
  citation: string;
  /** Who the figures come from, so a runner far from that group reads them as a rough guide. */
  population: string | null;
  source: string;
  /**
   * False where domain-reference §3 marks the figure **(verify)**: remembered from the literature, not yet
   * re-checked against the paper.
   */
  verified: boolean;
}

/** One mean of a sex-specific table; `side` only for tests done per side. */
export interface SexMean {
  sex: Sex;
  side: BenchmarkSide | null;
  value: number;
}

/** A band of a banded norm. Bands are listed from worst to best; a value falls in the first band that admits it. */
export interface NormBand {
  label: string;
  comparison: NormComparison;
  /** The band's upper end, `null` for the open top band. */
  upTo: { value: number; inclusive: boolean } | null;
}

export type BenchmarkNorm =
  /** Means of a healthy cohort by sex (McGill et al. 1999); no spread is given, see `MEAN_NORM_BAND`. */
  | (NormBase & { kind: 'sex-means'; means: readonly SexMean[] })
  /** A minimum that counts as normal, for everyone (Lunsford & Perry 1995). */
  | (NormBase & { kind: 'minimum'; minimum: number })
  | (NormBase & { kind: 'bands'; bands: readonly NormBand[] })
  /** No numeric norm Keel can use: compare left with right and with the athlete's own history. */
  | { kind: 'none'; reason: string; source: string; verified: boolean };

export interface BenchmarkTest {
  /** Stable kebab-case id; results key on it. */
  id: string;
  name: string;
  /** How to set up, when the clock or count starts and stops, what ends the test; in Keel's own words. */
  protocol: readonly string[];
  unit: BenchmarkUnit;
  /** Done once per side (left and right), each side a result of its own. */
  sided: boolean;
  /** False for fault counts, where fewer is better. */
  higherIsBetter: boolean;
  /** The largest value the protocol itself allows, when it has one (e.g. 3 faults × 5 reps). */
  protocolMax: number | null;
  regions: readonly ProgramRegion[];
  targets: readonly StabilizerGroup[];
  norm: BenchmarkNorm;
  source: string;
}

export interface BenchmarkResult {
  id?: string;
  testId: string;
  /** YYYY-MM-DD */
  takenOn: string;
  side: BenchmarkSide | null;
  value: number;
  note?: string | null;
}

export interface Athlete {
  sex: Sex | null;
  birthYear: number | null;
}

/** A value set against its norm. */
export interface NormResult {
  comparison: NormComparison | null;
  /** The mean, the minimum, or for bands the lower edge of the `within` band; `null` without a norm. */
  reference: number | null;
  /** value / reference; `null` without a norm. */
  ratio: number | null;
  /** The band the value falls in (`poor`, `average`, `good`) for banded norms. */
  band: string | null;
  /** Plain words about this value: "120 s is 65% of the 185 s mean for women", or why there is no norm. */
  explanation: string;
  /** The norm itself in plain words, with who it comes from and whether it is re-checked; `null` without one. */
  standard: string | null;
  source: string | null;
  verified: boolean | null;
}

export interface BenchmarkChange {
  previousOn: string;
  previousValue: number;
  /** value − previous value, in the test's unit. */
  absolute: number;
  /** Change as a % of the previous value; `null` when the previous value was 0. */
  percent: number | null;
  direction: 'better' | 'worse' | 'unchanged';
  /** More than `CHANGE_THRESHOLD_PERCENT` (or any change from 0). */
  meaningful: boolean;
}

export interface SideEvaluation {
  side: BenchmarkSide | null;
  value: number;
  norm: NormResult;
  /** Against the last earlier session that has this side; `null` when there is none. */
  change: BenchmarkChange | null;
}

export interface Symmetry {
  left: number;
  right: number;
  /** weaker / stronger × 100, in [0, 100]; `null` for fault counts and when the stronger side is 0. */
  lsi: number | null;
  /** `null` when both sides are equal. */
  weakerSide: BenchmarkSide | null;
  asymmetric: boolean;
}

export interface TestEvaluation {
  testId: string;
  name: string;
  unit: BenchmarkUnit;
  higherIsBetter: boolean;
  latestOn: string;
  /** One entry for an unsided test; for a sided test, the sides recorded in the latest session, left first. */
  sides: SideEvaluation[];
  /** Both sides recorded in the latest session; `null` for unsided tests or a one-sided session. */
  symmetry: Symmetry | null;
}

export type McGillRatioId =
  | 'flexor-extensor'
  | 'side-bridge-right-left'
  | 'side-bridge-left-extensor'
  | 'side-bridge-right-extensor';

export interface McGillRatio {
  id: McGillRatioId;
  label: string;
  takenOn: string;
  value: number;
  numerator: number;
  denominator: number;
  /**
   * The healthy range as §3 writes it: a ceiling alone (`min` null) is exclusive ("< 1.0"), a range is inclusive
   * ("within 0.95–1.05").
   */
  target: { min: number | null; max: number };
  withinTarget: boolean;
  source: string;
  verified: boolean;
}

export interface BenchmarkEvaluation {
  asOf: string;
  /** asOf's year − birth year: may be a year high before the birthday; only shown next to the norms. */
  ageYears: number | null;
  /** In battery order; tests without results up to asOf are left out. */
  tests: TestEvaluation[];
  /** Only from each test's latest session, and only when those sessions share a date. */
  ratios: McGillRatio[];
  latestSessionOn: string | null;
  /** 4 weeks after the latest session; `null` before the first test. */
  retestDue: string | null;
  /** asOf is on or after retestDue, or nothing has been tested yet. */
  retestIsDue: boolean;
}

export type BenchmarkFindingKind = 'below-norm' | 'asymmetry' | 'ratio' | 'declining';

export interface BenchmarkFinding {
  testId: string;
  kind: BenchmarkFindingKind;
  regions: ProgramRegion[];
  groups: StabilizerGroup[];
  weakerSide: BenchmarkSide | null;
  /** 0..1; below-norm and asymmetry findings always outweigh ratio and declining ones. */
  weight: number;
  message: string;
  source: string;
}
