import { addDays, daysBetween, mondayOf } from '../../domain/time.js';
import { distanceUnitLabel, formatDistance, type UnitSystem } from '../../domain/units.js';
import {
  FIRST_RUN_M,
  LONG_RUN_SHARE,
  MARATHON_M,
  MAX_SEARCH_WEEKS,
  MIN_HELD_LONG_RUN_M,
  PLAN_RULES,
  PROGRAM_ADHERENCE,
  peakFor,
  roundDownM,
  STANDARD_RACES,
  TAPER_FINAL_SHARE,
  taperShare,
  taperWeeksFor,
  ULTRA_PEAK_CAP_M,
  WEEKLY_VOLUME_CAP,
} from './rules.js';
import { longestInWindow, SPIKE_LIMIT, SPIKE_WINDOW_DAYS, type SpikeCheck, spikeCheck } from './spike.js';
import type { PlanBasis, PlanPhase, PlanState, PlanWeek, RaceGoal, RacePlan } from './types.js';

export { comparePlans } from './compare.js';

/**
 * The way to a goal race, week by week, from today's state (issue 7). Pure: no I/O and no clock; today is
 * `state.today`. Every rule is in ./rules.ts with its source and in docs/race-plan.md.
 */

type Run = { date: string; distanceM: number };

/** A distance for the athlete to read: one decimal, in their unit. */
export function distanceWords(units: UnitSystem): (m: number) => string {
  return (m) => formatDistance(m, units, 1);
}

/** A name for the race: its own, the standard race it is, or its distance. */
export function raceName(goal: Pick<RaceGoal, 'distanceM' | 'name'>, units: UnitSystem): string {
  if (goal.name) return goal.name;
  const standard = STANDARD_RACES.find((race) => Math.abs(race.distanceM - goal.distanceM) <= 50);
  return standard ? standard.name : `${distanceWords(units)(goal.distanceM)} race`;
}

/** The longest run of the 30 days up to and including today, and the recent weekly volume. */
export function recentLoad(state: Pick<PlanState, 'today' | 'runs'>): {
  longestRecentM: number | null;
  weeklyVolumeM: number;
} {
  let last7 = 0;
  let last28 = 0;
  for (const run of state.runs) {
    const ago = daysBetween(run.date, state.today);
    if (ago < 0 || !(run.distanceM > 0)) continue;
    if (ago < 7) last7 += run.distanceM;
    if (ago < 28) last28 += run.distanceM;
  }
  return {
    longestRecentM: longestInWindow(state.runs, addDays(state.today, 1), SPIKE_WINDOW_DAYS),
    // Keel's choice: the last 7 days or the mean week of the last 28, whichever is more, so one light week does not
    // drop the base and a runner who is already building is not pulled back.
    weeklyVolumeM: Math.max(last7, last28 / 4),
  };
}

interface GateCheck {
  held: boolean;
  /** Why the gate holds, or which gates passed. */
  reasons: string[];
  /** Gates with no answer yet: they do not hold the plan, but Keel asks for them. */
  notes: string[];
}

/** The gates for the next long run (docs/race-plan.md, "Gates"). */
export function checkGates(state: PlanState): GateCheck {
  const held: string[] = [];
  const passed: string[] = [];
  const notes: string[] = [];
  const g = state.gates;
  if (state.painTrend === 'worsening')
    held.push('the pain is arriving earlier from run to run (worsening trend)');
  if (g.lastLongRunPainFree === false) held.push('the last long run was not pain-free');
  else if (g.lastLongRunPainFree === true) passed.push('the last long run was pain-free');
  else
    notes.push(
      'No answer yet on whether the last long run was pain-free: it does not hold the plan, but tell Keel.',
    );
  if (g.morningSettled === false)
    held.push('the morning after the last long run was not settled (pain above 2/10)');
  else if (g.morningSettled === true) passed.push('the next morning was settled');
  else
    notes.push(
      'No answer yet on the morning after the last long run: it does not hold the plan, but tell Keel.',
    );
  if (state.painFreeM !== null) {
    const planned = g.programSessionsPlanned2Weeks;
    const done = g.programSessionsLast2Weeks;
    if (planned > 0) {
      const needed = Math.ceil((planned * PROGRAM_ADHERENCE.done) / PROGRAM_ADHERENCE.of);
      if (done >= needed) passed.push(`program sessions done: ${done} of ${planned} in the last two weeks`);
      else held.push(`program sessions: ${done} of ${planned} in the last two weeks (${needed} needed)`);
    } else {
      notes.push(
        'No program sessions were planned in the last two weeks: the stabilizer program is what moves the pain-free distance out.',
      );
    }
    if (g.benchmarksImproving === false) held.push('the benchmark results are not improving');
    else if (g.benchmarksImproving === true) passed.push('the benchmarks are improving');
    else
      notes.push('The benchmarks have not been retested yet: that does not hold the plan, but retest them.');
  }
  if (held.length > 0) return { held: true, reasons: held, notes };
  return { held: false, reasons: passed.length > 0 ? passed : ['no gate is closed'], notes };
}

/** The plan before the search for a later date or shorter race: the rules applied once. */
interface Core {
  weeks: PlanWeek[];
  feasible: boolean;
  peakLongRunM: number;
  peakVolumeM: number;
  peakDate: string | null;
  requiredPeakM: number;
  targetPeakM: number;
  peakRange: { minM: number; maxM: number };
  taperWeeks: number;
  gate: GateCheck;
  heldLevelM: number | null;
  startingLongRunM: number;
  startingVolumeM: number;
  datePassed: boolean;
}

function runWalkFor(longM: number, state: PlanState): boolean {
  return (
    (state.painFreeM !== null && longM > state.painFreeM) ||
    (state.breakdownM !== null && longM > state.breakdownM)
  );
}

function runWalkNote(longM: number, state: PlanState): string {
  const km = distanceWords(state.units);
  const from = Math.min(
    state.painFreeM !== null && longM > state.painFreeM ? state.painFreeM : Number.POSITIVE_INFINITY,
    state.breakdownM !== null && longM > state.breakdownM ? state.breakdownM : Number.POSITIVE_INFINITY,
  );
  const what =
    state.painFreeM !== null && from === state.painFreeM
      ? 'the pain-free distance'
      : 'the form-breakdown distance';
  return `Run–walk offered: run to ${km(from)} (${what}), then run–walk the rest (domain-reference §5).`;
}

function buildCore(goal: RaceGoal, state: PlanState): Core {
  const km = distanceWords(state.units);
  const { longestRecentM, weeklyVolumeM } = recentLoad(state);
  const peak = peakFor(goal.distanceM);
  const taperWeeks = taperWeeksFor(goal.distanceM);
  const gate = checkGates(state);
  const startingLongRunM = longestRecentM ?? 0;
  const days = daysBetween(state.today, goal.date);
  const base = {
    requiredPeakM: peak.requiredM,
    targetPeakM: peak.targetM,
    peakRange: { minM: peak.minM, maxM: peak.maxM },
    taperWeeks,
    gate,
    startingLongRunM,
    startingVolumeM: weeklyVolumeM,
  };
  if (days < 0) {
    return {
      ...base,
      weeks: [],
      feasible: false,
      peakLongRunM: 0,
      peakVolumeM: 0,
      peakDate: null,
      heldLevelM: null,
      datePassed: true,
    };
  }
  // Long runs fall on the race's weekday, strictly after today: week i is `n - i` weeks before the race.
  const n = Math.max(0, Math.ceil(days / 7) - 1);
  const peakIndex = n - taperWeeks;
  // Only done runs that a planned run's 30-day window can see.
  const done: Run[] = state.runs.filter((run) => {
    const ago = daysBetween(run.date, state.today);
    return ago >= 0 && ago <= SPIKE_WINDOW_DAYS;
  });
  const planned: Run[] = [];
  const halted = state.redFlagOpen;
  const weeks: PlanWeek[] = [];
  let previousLongM = null as number | null;
  let previousVolumeM = roundDownM(Math.max(weeklyVolumeM, FIRST_RUN_M));
  // With no time left to build, the peak is what the body has already done.
  let peakLongM = halted ? 0 : roundDownM(startingLongRunM);
  // … and its week held at least that run.
  let peakVolumeM = halted ? 0 : Math.max(previousVolumeM, peakLongM);
  let peakDate: string | null = null;
  let heldLevelM: number | null = null;

  const priorOf = (date: string) => longestInWindow(done.concat(planned.slice(-5)), date);

  for (let i = 0; i < n; i += 1) {
    const weeksBefore = n - i;
    const date = addDays(goal.date, -7 * weeksBefore);
    const prior = priorOf(date);
    const notes: string[] = [];
    let longM: number;
    let volumeM: number;
    let phase: PlanPhase;
    let gateStatus: PlanWeek['gate'];
    if (halted) {
      longM = 0;
      volumeM = 0;
      phase = 'hold';
      gateStatus = { status: 'halted', reasons: ['a red flag is open: stop running and see a clinician'] };
      notes.push(
        'No running this week: a red flag is open. Keel plans nothing until a clinician has cleared it.',
      );
    } else {
      const taper = i > peakIndex;
      const share = taperShare(weeksBefore, taperWeeks);
      const want = taper ? roundDownM(share * peakLongM) : peak.targetM;
      const spikeCap = prior === null ? FIRST_RUN_M : roundDownM(prior * (1 + SPIKE_LIMIT));
      const stepCap: number =
        previousLongM === null ? Number.POSITIVE_INFINITY : roundDownM(previousLongM * (1 + SPIKE_LIMIT));
      const volumeCap = roundDownM(previousVolumeM * (1 + WEEKLY_VOLUME_CAP));
      const isHeld = i === 0 && gate.held;
      let heldCap = Number.POSITIVE_INFINITY;
      if (isHeld) {
        heldCap =
          state.painFreeM !== null
            ? Math.max(MIN_HELD_LONG_RUN_M, roundDownM(state.painFreeM))
            : roundDownM(prior ?? FIRST_RUN_M);
        heldLevelM = heldCap;
      }
      longM = Math.max(0, Math.min(want, spikeCap, stepCap, volumeCap, heldCap));
      if (longM < want) {
        if (longM === heldCap) {
          notes.push(
            state.painFreeM !== null
              ? `Held at the pain-free distance (${km(heldCap)}) until the gates open.`
              : `Held at ${km(heldCap)}, no longer than your recent longest, until the gates open.`,
          );
        } else if (longM === spikeCap) {
          notes.push(
            prior === null
              ? `No run in the 30 days before: a first long run of ${km(FIRST_RUN_M)} (Keel's choice).`
              : `At most +10% of the longest run of the 30 days before (${km(prior)}): RUNSAFE's limit.`,
          );
        } else if (longM === stepCap) {
          notes.push(`At most 10% longer than last week's long run (${km(previousLongM ?? 0)}).`);
        } else if (longM === volumeCap) {
          notes.push(
            `The whole week may grow at most 20% (to ${km(volumeCap)}), so the long run cannot be longer than that.`,
          );
        }
      } else if (!taper && longM === peak.targetM && i < peakIndex) {
        notes.push(`At the peak distance (${km(peak.targetM)}): holding it until the taper.`);
      }
      if (taper) {
        const percent = Math.round(share * 100);
        volumeM = Math.max(longM, Math.min(roundDownM(share * peakVolumeM), volumeCap));
        notes.push(
          `Taper: ${percent}% of the peak week's volume and long run, keeping the usual intensity (Bosquet 2007).`,
        );
        phase = 'taper';
      } else if (isHeld) {
        volumeM = Math.max(longM, Math.min(previousVolumeM, volumeCap));
        phase = 'hold';
      } else {
        const toward = roundDownM(longM / LONG_RUN_SHARE);
        volumeM = Math.max(longM, Math.min(Math.max(toward, previousVolumeM), volumeCap));
        const before = previousLongM ?? startingLongRunM;
        phase = i === peakIndex ? 'peak' : longM > before ? 'build' : 'hold';
      }
      if (i === peakIndex) {
        peakLongM = longM;
        peakVolumeM = volumeM;
        peakDate = date;
        notes.push(
          `Peak long run, ${taperWeeks} week${taperWeeks === 1 ? '' : 's'} before the race (domain-reference §5).`,
        );
      }
      if (volumeM > 0 && longM / volumeM > 0.5 && !taper) {
        notes.push(
          `The long run is ${Math.round((longM / volumeM) * 100)}% of this week: the rest of the week catches up by at most 20% a week.`,
        );
      }
      gateStatus = isHeld
        ? { status: 'held', reasons: gate.reasons }
        : i === 0
          ? { status: 'open', reasons: gate.reasons }
          : {
              status: 'open',
              reasons: ['projected: Keel checks the gates again after each run and pain report'],
            };
    }
    const runWalk = runWalkFor(longM, state);
    if (runWalk) notes.push(runWalkNote(longM, state));
    const spike: SpikeCheck = spikeCheck(longM, prior, state.units);
    if (longM > 0) planned.push({ date, distanceM: longM });
    weeks.push({
      weekStart: mondayOf(date),
      longRunDate: date,
      phase,
      longRunM: longM,
      volumeM,
      runWalk,
      gate: gateStatus,
      spike,
      notes,
    });
    previousLongM = longM;
    previousVolumeM = volumeM;
  }

  // Race week.
  const prior = priorOf(goal.date);
  const raceNotes: string[] = [];
  let raceGate: PlanWeek['gate'];
  let raceLongM = goal.distanceM;
  let raceVolumeM = goal.distanceM + roundDownM(TAPER_FINAL_SHARE * peakVolumeM);
  if (halted) {
    raceLongM = 0;
    raceVolumeM = 0;
    raceGate = { status: 'halted', reasons: ['a red flag is open: stop running and see a clinician'] };
    raceNotes.push('No race while a red flag is open: see a clinician first.');
  } else {
    const raceSpike = spikeCheck(goal.distanceM, prior, state.units);
    raceNotes.push(
      `Race day: ${km(goal.distanceM)}. The race is the one run allowed past the +10% line; the peak and taper prepare for it.`,
    );
    if (raceSpike.hazardRatio !== null && raceSpike.ratio !== null && raceSpike.band !== 'within') {
      raceNotes.push(
        `The race is ${Math.round((raceSpike.ratio - 1) * 100)}% longer than the longest run of the 30 days before it (${km(raceSpike.longestPrior30dM ?? 0)}): in RUNSAFE, runs that far over carried about ${raceSpike.hazardRatio} times the injury rate.`,
      );
    }
    raceNotes.push(
      `Race week: short easy runs, about ${Math.round(TAPER_FINAL_SHARE * 100)}% of the peak week's volume besides the race (Bosquet 2007).`,
    );
    if (n === 0 && gate.held) {
      raceGate = { status: 'held', reasons: gate.reasons };
      raceNotes.push('The gates are closed: run–walk the race, or choose a shorter one.');
    } else {
      raceGate = { status: 'open', reasons: ['race week'] };
    }
  }
  const raceRunWalk = !halted && runWalkFor(raceLongM, state);
  if (raceRunWalk) raceNotes.push(runWalkNote(raceLongM, state));
  weeks.push({
    weekStart: mondayOf(goal.date),
    longRunDate: goal.date,
    phase: 'race',
    longRunM: raceLongM,
    volumeM: raceVolumeM,
    runWalk: raceRunWalk,
    gate: raceGate,
    spike: spikeCheck(raceLongM, prior, state.units),
    notes: raceNotes,
  });

  return {
    ...base,
    weeks,
    feasible: !halted && peakLongM >= peak.requiredM,
    peakLongRunM: peakLongM,
    peakVolumeM,
    peakDate,
    heldLevelM,
    datePassed: false,
  };
}

/** The earliest race date on the same weekday, after the goal's (and not before today), that the rules allow. */
function earliestSafeDate(goal: RaceGoal, state: PlanState): string | null {
  let first = 1;
  const behind = daysBetween(goal.date, state.today);
  if (behind > 0) first = Math.ceil(behind / 7);
  for (let j = first; j <= first + MAX_SEARCH_WEEKS; j += 1) {
    const date = addDays(goal.date, 7 * j);
    if (buildCore({ ...goal, date }, state).feasible) return date;
  }
  return null;
}

/** The longest standard race shorter than the goal that the rules allow by the goal's date. */
function shorterRace(goal: RaceGoal, state: PlanState): number | null {
  for (const race of [...STANDARD_RACES].reverse()) {
    if (race.distanceM >= goal.distanceM - 50) continue;
    if (buildCore({ ...goal, distanceM: race.distanceM, name: null }, state).feasible) return race.distanceM;
  }
  return null;
}

function weeksWord(count: number): string {
  return `${count} week${count === 1 ? '' : 's'}`;
}

/** The plan to `goal` from `state`, with its verdict in plain words. */
export function planRace(goal: RaceGoal, state: PlanState): RacePlan {
  const core = buildCore(goal, state);
  const km = distanceWords(state.units);
  const name = raceName(goal, state.units);
  const basis: PlanBasis = {
    longestRecentM: recentLoad(state).longestRecentM,
    weeklyVolumeM: core.startingVolumeM,
    painFreeM: state.painFreeM,
    painTrend: state.painTrend,
    breakdownM: state.breakdownM,
    gates: { ...state.gates },
    redFlagOpen: state.redFlagOpen,
  };
  const notes: string[] = [
    `Starting from a longest run of ${km(core.startingLongRunM)} in the last 30 days and about ${km(core.startingVolumeM)} a week.`,
  ];
  let earliest: string | null = null;
  let shorter: number | null = null;
  let verdict: string;
  // The usual peak belongs to the kind of race, not to a race's own name.
  const kind = raceName({ distanceM: goal.distanceM, name: null }, state.units);
  const peakText = `${km(core.requiredPeakM)} (the usual peak for a ${kind} is ${km(core.peakRange.minM)} to ${km(core.peakRange.maxM)})`;
  if (state.redFlagOpen) {
    verdict =
      `A red flag is open: stop running and see a clinician. Keel plans no running and no progression until it ` +
      `is cleared, so the ${name} on ${goal.date} cannot be called safe now. Once it is cleared, Keel plans again.`;
  } else {
    if (!core.feasible) {
      earliest = earliestSafeDate(goal, state);
      shorter = core.datePassed ? null : shorterRace(goal, state);
    }
    if (core.datePassed) {
      verdict = `The race date ${goal.date} has passed.`;
    } else if (core.feasible) {
      verdict =
        core.peakDate === null
          ? `The ${name} on ${goal.date} is within reach: your longest run of the last 30 days (${km(core.startingLongRunM)}) already covers the peak it needs, ${peakText}; what is left is the taper.`
          : `The ${name} on ${goal.date} is within reach: long runs build to a peak of ${km(core.peakLongRunM)} on ${core.peakDate}, ${weeksWord(core.taperWeeks)} before the race, each within +10% of the longest run of the 30 days before it; then the taper.`;
    } else {
      const reached =
        core.peakDate === null
          ? `there are no weeks left to build before the taper, and your longest run of the last 30 days is ${km(core.startingLongRunM)}`
          : `under the +10% rule${core.gate.held ? ' and the gates' : ''}, with the taper in place, the long runs reach ${km(core.peakLongRunM)} by ${core.peakDate}`;
      verdict = `The ${name} on ${goal.date} is not reachable safely: ${reached}, short of the ${peakText}.`;
    }
    if (!core.feasible) {
      verdict += earliest
        ? ` The earliest safe date under the same rules is ${earliest}.`
        : ` No date in the next two years reaches it under these rules.`;
      if (!core.datePassed) {
        const shorterName =
          shorter === null ? null : raceName({ distanceM: shorter, name: null }, state.units);
        verdict +=
          shorter === null
            ? ' No standard race from 5 km up is reachable safely by that date.'
            : ` Or run a ${shorterName}${shorterName?.endsWith(distanceUnitLabel(state.units)) ? '' : ` (${km(shorter)})`} on ${goal.date}.`;
      }
    }
    if (core.gate.held && !core.datePassed) {
      verdict += ` This week the long run holds at ${km(core.heldLevelM ?? core.weeks[0]?.longRunM ?? 0)}: ${core.gate.reasons.join('; ')}. The weeks after assume the gates open; Keel plans again after every run and pain report.`;
    }
  }
  if (!state.redFlagOpen) notes.push(...core.gate.notes);
  if (goal.distanceM >= MARATHON_M - 50) {
    const marathonPeak = peakFor(MARATHON_M);
    notes.push(
      `For a marathon or longer, a long run of about 3 hours is enough even if it falls short of the distance (domain-reference §5: ${km(marathonPeak.minM)} to ${km(marathonPeak.maxM)}, or 2.5–3 h).`,
    );
  }
  if (goal.distanceM > MARATHON_M + 50) {
    notes.push(
      `Ultra: Keel caps the peak long run at 50–60% of the race and at ${km(ULTRA_PEAK_CAP_M.max)} (Keel's choice); ultra plans add back-to-back long runs, which Keel does not plan.`,
    );
  }
  return {
    goal,
    today: state.today,
    feasible: core.feasible,
    verdict,
    earliestSafeDate: earliest,
    shorterRaceM: shorter,
    peakLongRunM: core.peakLongRunM,
    peakVolumeM: core.peakVolumeM,
    targetPeakM: core.targetPeakM,
    requiredPeakM: core.requiredPeakM,
    peakRange: core.peakRange,
    taperWeeks: core.taperWeeks,
    weeks: core.weeks,
    startingLongRunM: core.startingLongRunM,
    startingVolumeM: core.startingVolumeM,
    rules: PLAN_RULES.map((rule) => ({ ...rule })),
    notes,
    basis,
  };
}
