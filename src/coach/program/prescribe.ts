import {
  REGION_STABILIZERS,
  STABILIZER_GROUP_LABELS,
  type StabilizerGroup,
} from '../../domain/stabilizers.js';
import { EXERCISE_FAMILIES, exerciseById } from '../exercises/index.js';
import { type Exercise, type ExerciseFamily, PROGRAM_REGION_LABELS, PROGRAM_REGIONS } from '../types.js';
import { clampTarget, itemSeconds, stepDown, targetRange, targetUnit } from './dose.js';
import { doseOn, type ProgressionHistory } from './progression.js';
import type {
  BenchmarkFocus,
  ItemReason,
  PainFocus,
  Prescription,
  ProgramItem,
  ProgramSession,
  ProgramSettings,
  RegionEmphasis,
} from './types.js';

/**
 * The weekly program (issue 6): every region every week, the emphasis where the pain and the benchmarks point,
 * inside the athlete's sessions and minutes, with the reasons for every exercise.
 */

export interface PrescriptionInput {
  settings: ProgramSettings;
  pains: readonly PainFocus[];
  benchmarks: readonly BenchmarkFocus[];
  history: ProgressionHistory;
  /** Today, YYYY-MM-DD: doses follow the log up to it, and the missed-week rule to it. */
  date: string;
  redFlagOpen: boolean;
}

/**
 * §2 grades its evidence strong, moderate or low; Keel turns the grades into weights so that a strong link
 * emphasises its muscles more than a related one. The ordering is §2's; the numbers are Keel's choice.
 */
const EVIDENCE_WEIGHT = { strong: 1, moderate: 0.8, low: 0.6, related: 0.5 } as const;

/** ACSM 2009 (domain-reference §4): each muscle group 2–3 times a week; emphasised ones get the third. */
const BASE_FREQUENCY = 2;
const EMPHASIS_FREQUENCY = 3;

type Side = 'left' | 'right';

/** One pain or benchmark finding's contribution to a muscle group. */
interface Contribution {
  kind: 'pain' | 'benchmark';
  /** The pain's label or the finding's message: the reason is one per contributor, however many groups it hits. */
  key: string;
  weight: number;
  /** Where the pain-to-muscle link comes from; null for a finding, whose message says it. */
  source: string | null;
}

interface GroupWeight {
  weight: number;
  contributions: Contribution[];
  sides: Map<Side, { weight: number; why: string }>;
}

function groupWeights(pains: readonly PainFocus[], benchmarks: readonly BenchmarkFocus[]) {
  const weights = new Map<StabilizerGroup, GroupWeight>();
  const at = (group: StabilizerGroup): GroupWeight => {
    let entry = weights.get(group);
    if (!entry) {
      entry = { weight: 0, contributions: [], sides: new Map() };
      weights.set(group, entry);
    }
    return entry;
  };
  const addSide = (entry: GroupWeight, side: Side, weight: number, why: string) => {
    const current = entry.sides.get(side);
    if (!current || current.weight < weight) entry.sides.set(side, { weight, why });
  };
  for (const pain of pains) {
    const link = REGION_STABILIZERS[pain.region];
    const weight = pain.strength * EVIDENCE_WEIGHT[link.evidence];
    for (const group of link.groups) {
      const entry = at(group);
      entry.weight += weight;
      entry.contributions.push({ kind: 'pain', key: pain.label, weight, source: link.source });
      if (pain.side === 'left' || pain.side === 'right') addSide(entry, pain.side, weight, pain.label);
    }
  }
  for (const finding of benchmarks) {
    for (const group of finding.groups) {
      const entry = at(group);
      entry.weight += finding.weight;
      entry.contributions.push({
        kind: 'benchmark',
        key: finding.message,
        weight: finding.weight,
        source: null,
      });
      // A measured asymmetry outranks the side that hurts: it says which side is weaker. A pain's side weighs at
      // most 1 (strength × evidence), so 2 + weight stays above it even for a finding of weight 0.
      if (finding.weakerSide) addSide(entry, finding.weakerSide, 2 + finding.weight, finding.message);
    }
  }
  return weights;
}

interface Candidate {
  family: ExerciseFamily;
  exercise: Exercise;
  score: number;
  item: ProgramItem;
  /** The item at the fewest sets, for a budget too small for the full dose. */
  lean: ProgramItem;
}

/** The hardest rung at or below the logged one that the athlete has the equipment for. */
function availableRung(
  family: ExerciseFamily,
  exerciseId: string,
  settings: ProgramSettings,
): Exercise | null {
  for (let index = family.ladder.indexOf(exerciseId); index >= 0; index -= 1) {
    const exercise = exerciseById(family.ladder[index] as string);
    if (exercise?.equipment.every((item) => settings.equipment.includes(item))) return exercise;
  }
  return null;
}

/** One programmed exercise at a given dose, scored and explained by the groups it trains. */
function itemFor(
  family: ExerciseFamily,
  exercise: Exercise,
  dose: { sets: number; target: number },
  input: PrescriptionInput,
  weights: Map<StabilizerGroup, GroupWeight>,
): { item: ProgramItem; score: number } {
  let total = 0;
  const contributors = new Map<string, Contribution & { groups: StabilizerGroup[] }>();
  let strongestSide: { side: Side; weight: number; why: string } | null = null;
  for (const group of exercise.targets) {
    const entry = weights.get(group);
    if (!entry) continue;
    total += entry.weight;
    for (const contribution of entry.contributions) {
      const known = contributors.get(contribution.key);
      if (known) {
        known.weight += contribution.weight;
        known.groups.push(group);
      } else contributors.set(contribution.key, { ...contribution, groups: [group] });
    }
    for (const [side, { weight, why }] of entry.sides) {
      if (!strongestSide || weight > strongestSide.weight) strongestSide = { side, weight, why };
    }
  }
  // The mean over the muscles it trains, not the sum: an exercise aimed at the weighted muscles should outrank one
  // that touches many muscles a little (a balance drill trains the foot, calf and hip at once).
  const score = exercise.targets.length > 0 ? total / exercise.targets.length : 0;
  const reasons: ItemReason[] = [...contributors.values()]
    .sort((a, b) => b.weight - a.weight)
    .map((c) => ({
      kind: c.kind,
      text:
        c.kind === 'pain'
          ? `Your ${c.key}: this trains ${c.groups.map((g) => STABILIZER_GROUP_LABELS[g]).join('; ')} (${c.source}).`
          : c.key,
    }));
  const extraSetSide = exercise.dose.perSide && strongestSide ? strongestSide.side : null;
  const allReasons: ItemReason[] = [
    {
      kind: 'coverage',
      text: `Every week trains the ${PROGRAM_REGION_LABELS[family.region]}: the whole chain decides what the knee and foot must absorb.`,
    },
    ...reasons,
  ];
  if (extraSetSide && strongestSide) {
    allReasons.push({
      kind: 'weaker-side',
      text: `One set more on the ${extraSetSide} side, never less: ${strongestSide.why}`,
    });
  }
  const item: ProgramItem = {
    exerciseId: exercise.id,
    familyId: family.id,
    region: family.region,
    sets: dose.sets,
    target: dose.target,
    unit: targetUnit(exercise),
    perSide: exercise.dose.perSide,
    extraSetSide,
    estimatedS: itemSeconds(exercise, dose.sets, dose.target, extraSetSide !== null),
    reasons: allReasons,
    paused: input.redFlagOpen,
  };
  return { item, score };
}

function candidate(
  family: ExerciseFamily,
  input: PrescriptionInput,
  weights: Map<StabilizerGroup, GroupWeight>,
): Candidate | null {
  const state = doseOn(input.history, family.id, input.date);
  const exercise = availableRung(family, state.exerciseId, input.settings);
  if (!exercise) return null;
  const sets = Math.min(exercise.dose.sets.max, Math.max(exercise.dose.sets.min, state.sets));
  const target = clampTarget(exercise, state.target);
  const { item, score } = itemFor(family, exercise, { sets, target }, input, weights);
  const lean = itemFor(family, exercise, { sets: exercise.dose.sets.min, target }, input, weights).item;
  return { family, exercise, score, item, lean };
}

/**
 * The lean item one step easier, for a budget too small even for the fewest sets: less volume first, then the rung
 * below that the athlete has the equipment for, as the regression rules step down. Null at the family's floor.
 */
function easierItem(
  family: ExerciseFamily,
  item: ProgramItem,
  input: PrescriptionInput,
  weights: Map<StabilizerGroup, GroupWeight>,
): ProgramItem | null {
  const exercise = exerciseById(item.exerciseId) as Exercise;
  const lower = stepDown(exercise, item.target);
  if (lower < item.target) {
    return itemFor(family, exercise, { sets: item.sets, target: lower }, input, weights).item;
  }
  const below = family.ladder[family.ladder.indexOf(exercise.id) - 1];
  const rung = below === undefined ? null : availableRung(family, below, input.settings);
  if (!rung) return null;
  const dose = { sets: rung.dose.sets.min, target: targetRange(rung).min };
  return itemFor(family, rung, dose, input, weights).item;
}

/** The family's floor: its easiest rung the athlete can do, fewest sets, bottom of the range. */
function floorItem(
  family: ExerciseFamily,
  input: PrescriptionInput,
  weights: Map<StabilizerGroup, GroupWeight>,
): ProgramItem | null {
  const rung = family.ladder
    .map((id) => exerciseById(id) as Exercise)
    .find((exercise) => exercise.equipment.every((item) => input.settings.equipment.includes(item)));
  if (!rung) return null;
  const dose = { sets: rung.dose.sets.min, target: targetRange(rung).min };
  return itemFor(family, rung, dose, input, weights).item;
}

interface Planned {
  item: ProgramItem;
  frequency: number;
}

/**
 * Places each item's weekly copies in distinct sessions, the longest items first, each copy in the least loaded
 * session (longest-processing-time first, a good greedy bin packing). Null when a session would overrun.
 */
function pack(planned: readonly Planned[], settings: ProgramSettings): ProgramItem[][] | null {
  const budgetS = settings.minutesPerSession * 60;
  const sessions: ProgramItem[][] = Array.from({ length: settings.sessionsPerWeek }, () => []);
  const loads = sessions.map(() => 0);
  const order = [...planned].sort(
    (a, b) => b.item.estimatedS - a.item.estimatedS || a.item.familyId.localeCompare(b.item.familyId),
  );
  for (const { item, frequency } of order) {
    const chosen = loads
      .map((load, index) => ({ load, index }))
      .sort((a, b) => a.load - b.load || a.index - b.index)
      .slice(0, frequency);
    if (chosen.length < frequency) return null;
    for (const { index } of chosen) {
      if ((loads[index] as number) + item.estimatedS > budgetS) return null;
      loads[index] = (loads[index] as number) + item.estimatedS;
      sessions[index]?.push(item);
    }
  }
  return sessions;
}

function bestPerRegion(candidates: readonly Candidate[], lean: boolean): Candidate[] {
  return PROGRAM_REGIONS.flatMap((region) => {
    const inRegion = candidates
      .filter((entry) => entry.family.region === region)
      .sort(
        (a, b) =>
          b.score - a.score ||
          (lean ? a.lean.estimatedS - b.lean.estimatedS : 0) ||
          a.family.id.localeCompare(b.family.id),
      );
    return inRegion.slice(0, 1);
  });
}

/** Per region, the family whose fewest-sets item is quickest at the athlete's current dose. */
function quickestPerRegion(candidates: readonly Candidate[]): Planned[] {
  return PROGRAM_REGIONS.flatMap((region) => {
    const [quickest] = candidates
      .filter((entry) => entry.family.region === region)
      .sort(
        (a, b) =>
          a.lean.estimatedS - b.lean.estimatedS ||
          b.score - a.score ||
          a.family.id.localeCompare(b.family.id),
      );
    return quickest ? [{ item: quickest.lean, frequency: 1 }] : [];
  });
}

/**
 * Per region, the family with the quickest floor, then the longest item one step easier at a time until the week
 * fits. Every floor together is a fraction of the smallest budget (two sessions of 15 minutes), so this ends in a fit.
 */
function trimToFit(
  candidates: readonly Candidate[],
  input: PrescriptionInput,
  weights: Map<StabilizerGroup, GroupWeight>,
): Planned[] {
  const chosen = PROGRAM_REGIONS.flatMap((region) => {
    const options = candidates
      .filter((entry) => entry.family.region === region)
      .map((entry) => ({ entry, floor: floorItem(entry.family, input, weights) }))
      .filter((option): option is { entry: Candidate; floor: ProgramItem } => option.floor !== null)
      .sort(
        (a, b) =>
          a.floor.estimatedS - b.floor.estimatedS ||
          b.entry.score - a.entry.score ||
          a.entry.family.id.localeCompare(b.entry.family.id),
      );
    return options.slice(0, 1).map(({ entry }) => ({ family: entry.family, item: entry.lean }));
  });
  for (;;) {
    const planned = chosen.map(({ item }) => ({ item, frequency: 1 }));
    if (pack(planned, input.settings)) return planned;
    const order = [...chosen].sort((a, b) => b.item.estimatedS - a.item.estimatedS);
    const next = order
      .map((entry) => ({ entry, easier: easierItem(entry.family, entry.item, input, weights) }))
      .find((option) => option.easier !== null);
    if (!next?.easier) return planned;
    next.entry.item = next.easier;
  }
}

export function prescribe(input: PrescriptionInput): Prescription {
  const { settings } = input;
  const weights = groupWeights(input.pains, input.benchmarks);
  const candidates = EXERCISE_FAMILIES.map((family) => candidate(family, input, weights)).filter(
    (entry): entry is Candidate => entry !== null,
  );
  const notes: string[] = [];

  // Coverage first: one family per region. When the full doses do not fit, the fewest sets of the cheapest.
  let lean = false;
  let planned: Planned[] = bestPerRegion(candidates, false).map((entry) => ({
    item: entry.item,
    frequency: 1,
  }));
  if (!pack(planned, settings)) {
    lean = true;
    planned = bestPerRegion(candidates, true).map((entry) => ({ item: entry.lean, frequency: 1 }));
    if (!pack(planned, settings)) planned = quickestPerRegion(candidates);
    if (pack(planned, settings)) {
      notes.push(
        'The time you have fits every region only at the fewest sets; more minutes would allow more.',
      );
    } else {
      // Coverage comes before the dose the log has earned: a week without a region is not Keel's program.
      planned = trimToFit(candidates, input, weights);
      notes.push(
        'The time you have fits every region only at lighter doses than your log has earned; more minutes would allow the full doses.',
      );
    }
  }
  const coveredRegions = new Set(planned.map((entry) => entry.item.region));
  for (const region of PROGRAM_REGIONS) {
    if (!coveredRegions.has(region)) {
      notes.push(`No exercise for the ${PROGRAM_REGION_LABELS[region]} fits your equipment.`);
    }
  }

  const tryAdd = (next: Planned[]) => {
    if (pack(next, settings)) planned = next;
  };
  const itemOf = (entry: Candidate) => (lean ? entry.lean : entry.item);
  const emphasised = candidates.filter((entry) => entry.score > 0).sort((a, b) => b.score - a.score);
  for (const entry of emphasised) {
    if (!planned.some((p) => p.item.familyId === entry.family.id)) {
      tryAdd([...planned, { item: itemOf(entry), frequency: 1 }]);
    }
  }
  const raise = (familyIds: Set<string>, upTo: number) => {
    for (let frequency = 2; frequency <= Math.min(upTo, settings.sessionsPerWeek); frequency += 1) {
      for (const entry of planned) {
        if (!familyIds.has(entry.item.familyId) || entry.frequency >= frequency) continue;
        tryAdd(planned.map((p) => (p === entry ? { ...p, frequency } : p)));
      }
    }
  };
  raise(new Set(emphasised.map((entry) => entry.family.id)), EMPHASIS_FREQUENCY);
  raise(new Set(planned.map((entry) => entry.item.familyId)), BASE_FREQUENCY);

  const sessions = pack(planned, settings) ?? [];
  const regionOrder = (item: ProgramItem) => PROGRAM_REGIONS.indexOf(item.region);
  const programSessions: ProgramSession[] = sessions.map((items, index) => {
    const ordered = [...items].sort(
      (a, b) => regionOrder(a) - regionOrder(b) || a.familyId.localeCompare(b.familyId),
    );
    return {
      label: String.fromCharCode(65 + index),
      items: ordered,
      estimatedS: ordered.reduce((sum, item) => sum + item.estimatedS, 0),
    };
  });

  const emphasis: RegionEmphasis[] = PROGRAM_REGIONS.map((region) => {
    const top = emphasised.find((entry) => entry.family.region === region);
    return {
      region,
      weight: 1 + (top?.score ?? 0),
      reasons: top ? top.item.reasons.filter((reason) => reason.kind !== 'coverage').map((r) => r.text) : [],
    };
  }).sort((a, b) => b.weight - a.weight);

  if (input.redFlagOpen) {
    notes.unshift(
      'A red flag is open: the program is paused and nothing progresses until a clinician has seen it and you clear it.',
    );
  }
  return { settings, emphasis, sessions: programSessions, paused: input.redFlagOpen, notes };
}
