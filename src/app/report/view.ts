import { exerciseById } from '../../coach/exercises/index.js';
import type { ProgressionEvent, ProgressionRule } from '../../coach/program/types.js';
import { PROGRAM_REGION_LABELS } from '../../coach/types.js';
import { BODY_REGION_LABELS, type Side } from '../../domain/pain.js';
import { addDays } from '../../domain/time.js';
import type { UnitSystem } from '../../domain/units.js';
import type {
  AthleteView,
  BenchmarksView,
  FormSummaryView,
  PainPatternView,
  PainReportView,
  PlanView,
  ProgramView,
  ProgramWeek,
  RunListItem,
} from '../views.js';

/**
 * What the clinician report shows, already digested: plain numbers (metres, YYYY-MM-DD days) and Keel's own words,
 * nothing the renderer has to look up. Built by {@link reportView} from the use cases' views; drawn by
 * `renderReportHtml`. Distances stay in metres here; the renderer writes them in `units`.
 */
export interface ReportView {
  keelVersion: string;
  /** The day the report was made, YYYY-MM-DD: its "as of". */
  generatedOn: string;
  /** The runs, pain reports and analyses the report covers, both days included. */
  period: { from: string; to: string; days: number };
  units: UnitSystem;
  athlete: {
    name: string;
    sex: 'female' | 'male' | null;
    /** From the birth year: may be a year high before the birthday. */
    ageYears: number | null;
    isDemo: boolean;
  };
  /** Running in the period. */
  running: {
    runs: number;
    distanceM: number;
    longestM: number;
    /** The last four weeks' running, a week: the load the plan grows from. */
    recentPerWeekM: number;
  };
  goal: {
    name: string | null;
    distanceM: number;
    date: string;
    surface: string;
    feasible: boolean;
    verdict: string;
    /** The next step toward it, one sentence; null after race day. */
    next: string | null;
  } | null;
  /** Red flags not yet cleared by a clinician, newest first. */
  redFlags: ReportRedFlag[];
  /** Pain reports in the period, newest first. */
  painReports: ReportPainReport[];
  patterns: ReportPattern[];
  form: ReportForm;
  benchmarks: ReportBenchmarks;
  program: ReportProgram;
  plan: ReportPlan | null;
}

export interface ReportRedFlag {
  date: string;
  where: string;
  severity: number;
  advice: string;
  reasons: string[];
  note: string | null;
}

export interface ReportPainReport {
  date: string;
  where: string;
  severity: number;
  onsetM: number | null;
  nextMorning: number | null;
  triage: 'stop' | 'modify' | 'monitor';
  note: string | null;
}

export interface ReportPattern {
  /** "Left knee" */
  where: string;
  status: PainPatternView['status'];
  headline: string;
  /** The detector's own first paragraph: how many runs, how sure. */
  summary: string | null;
  events: number;
  runs: number;
  onsetM: number | null;
  onsetIntervalM: [number, number] | null;
  painFreeM: number | null;
  trend: PainPatternView['trend'];
  /** Every run of the window, oldest first, for the chart: its distance, and where the pain began on painful ones. */
  points: { date: string; distanceM: number; painful: boolean; onsetM: number | null }[];
}

export interface ReportForm {
  analysed: number;
  breakdowns: number;
  holdsToM: { median: number | null; q1: number | null; q3: number | null };
  trend: { perWeekM: number; significant: boolean } | null;
  medianPainLeadM: number | null;
  notes: string[];
  /** Runs with a breakdown or a pain onset, oldest first, for the chart. */
  points: { date: string; distanceM: number; breakdownM: number | null; painOnsetM: number | null }[];
}

export interface ReportBenchmarkSide {
  side: 'left' | 'right' | null;
  value: number;
  /** The norm's reference (mean, minimum or band edge) and where the value sits; null without a norm. */
  reference: number | null;
  comparison: 'below' | 'within' | 'above' | null;
  explanation: string;
  change: { previousOn: string; previousValue: number; direction: 'better' | 'worse' | 'unchanged' } | null;
}

export interface ReportBenchmarkTest {
  name: string;
  unit: 's' | 'reps' | 'faults';
  higherIsBetter: boolean;
  takenOn: string;
  sides: ReportBenchmarkSide[];
  /** Limb symmetry index, weaker ÷ stronger × 100. */
  lsi: number | null;
  asymmetric: boolean;
}

export interface ReportBenchmarks {
  latestOn: string | null;
  retestDue: string | null;
  tests: ReportBenchmarkTest[];
  /** What the results point to, most weighty first. */
  findings: string[];
}

export interface ReportProgram {
  sessionsPerWeek: number;
  minutesPerSession: number;
  paused: boolean;
  /** Emphasised regions (weight above the whole-body baseline of 1), heaviest first. */
  emphasis: { region: string; weight: number }[];
  sessions: { label: string; minutes: number; items: string[] }[];
  /** The last eight weeks, oldest first. */
  adherence: ProgramWeek[];
  /** The most recent changes the progression rules made, newest first: "Glute bridge 2 × 12 → 2 × 14". */
  changes: { date: string; rule: string; text: string }[];
}

export interface ReportPlan {
  peakLongRunM: number;
  startingLongRunM: number;
  weeks: {
    weekStart: string;
    phase: string;
    longRunM: number;
    runWalk: boolean;
    gate: 'open' | 'held' | 'halted';
    reasons: string[];
  }[];
  /** The pain-free and form-breakdown distances the plan used, for the chart's guide lines. */
  painFreeM: number | null;
  breakdownM: number | null;
}

/** Everything the report is made from, as the use cases return it. */
/**
 * The report's window by default: the pain pattern's own window (180 days), so the report's numbers are the ones
 * the runner sees on the Patterns and Form pages and in `keel pattern`; the detector needs that much history.
 */
export const REPORT_DAYS = 180;

export interface ReportParts {
  keelVersion: string;
  today: string;
  days: number;
  athlete: AthleteView;
  runs: RunListItem[];
  patterns: PainPatternView[];
  form: FormSummaryView;
  redFlags: PainReportView[];
  painReports: PainReportView[];
  benchmarks: BenchmarksView;
  program: ProgramView;
  plan: PlanView | undefined;
}

/** How many pain reports, program changes and findings the report lists: it must stay two pages. */
export const REPORT_LIMITS = { painReports: 6, changes: 3, findings: 3, patterns: 3 } as const;

const capitalise = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

/** "Left knee", "Low back (both sides)". */
export function whereLabel(region: keyof typeof BODY_REGION_LABELS, side: Side | null): string {
  const name = BODY_REGION_LABELS[region];
  if (side === null) return capitalise(name);
  if (side === 'both') return `${capitalise(name)} (both sides)`;
  return `${capitalise(side)} ${name}`;
}

/** The day (YYYY-MM-DD) of a run's start, where the runner was. */
function runDay(startTime: string, utcOffsetMin: number | null): string {
  return new Date(Date.parse(startTime) + (utcOffsetMin ?? 0) * 60_000).toISOString().slice(0, 10);
}

/** Pure: the report's view from the use cases' views. */
export function reportView(parts: ReportParts): ReportView {
  const { athlete, today, days } = parts;
  const from = addDays(today, -(days - 1));
  const inPeriod = (day: string) => day >= from && day <= today;
  const runs = parts.runs.filter((run) => inPeriod(runDay(run.startTime, run.utcOffsetMin)));
  const distanceM = runs.reduce((sum, run) => sum + run.distanceM, 0);
  const last28 = addDays(today, -27);
  const recentM = runs
    .filter((run) => runDay(run.startTime, run.utcOffsetMin) >= last28)
    .reduce((sum, run) => sum + run.distanceM, 0);
  const evaluation = parts.benchmarks.evaluation;
  const plan = parts.plan;
  return {
    keelVersion: parts.keelVersion,
    generatedOn: today,
    period: { from, to: today, days },
    units: athlete.units,
    athlete: {
      name: athlete.name,
      sex: athlete.sex,
      ageYears: athlete.birthYear === null ? null : Number(today.slice(0, 4)) - athlete.birthYear,
      isDemo: athlete.isDemo,
    },
    running: {
      runs: runs.length,
      distanceM,
      longestM: Math.max(0, ...runs.map((run) => run.distanceM)),
      recentPerWeekM: recentM / 4,
    },
    goal: plan
      ? {
          name: plan.goal.name,
          distanceM: plan.goal.distanceM,
          date: plan.goal.date,
          surface: plan.goal.surface,
          feasible: plan.plan.feasible,
          verdict: plan.plan.verdict,
          next: plan.next?.message ?? null,
        }
      : null,
    redFlags: parts.redFlags.map((report) => ({
      date: report.date,
      where: whereLabel(report.region, report.side),
      severity: report.severity,
      advice: report.triage.advice,
      reasons: report.triage.reasons.filter((r) => r.level === 'stop').map((r) => r.message),
      note: report.note ?? null,
    })),
    painReports: parts.painReports
      .filter((report) => inPeriod(report.date))
      .slice(0, REPORT_LIMITS.painReports)
      .map((report) => ({
        date: report.date,
        where: whereLabel(report.region, report.side),
        severity: report.severity,
        onsetM: report.onsetM,
        nextMorning: report.nextMorningSeverity ?? null,
        triage: report.triage.level,
        note: report.note ?? null,
      })),
    patterns: [...parts.patterns]
      .sort((a, b) => patternRank(a) - patternRank(b) || b.events - a.events)
      .slice(0, REPORT_LIMITS.patterns)
      .map(
        (pattern): ReportPattern => ({
          where: whereLabel(pattern.region, pattern.side),
          status: pattern.status,
          headline: pattern.explanation.headline,
          summary: pattern.explanation.paragraphs[0] ?? null,
          events: pattern.events,
          runs: pattern.runs,
          onsetM: pattern.onsetM,
          onsetIntervalM: pattern.onsetIntervalM,
          painFreeM: pattern.painFreeM,
          trend: pattern.trend,
          points: pattern.runPoints
            .filter((point) => point.distanceM > 0)
            .map((point) => ({
              date: point.startTime.slice(0, 10),
              distanceM: point.distanceM,
              painful: point.painful,
              onsetM: point.onsetM,
            }))
            .sort((a, b) => a.date.localeCompare(b.date)),
        }),
      ),
    form: {
      analysed: parts.form.analysed,
      breakdowns: parts.form.breakdowns,
      holdsToM: parts.form.holdsToM,
      trend: parts.form.trend && {
        perWeekM: parts.form.trend.perWeekM,
        significant: parts.form.trend.significant,
      },
      medianPainLeadM: parts.form.medianPainLeadM,
      notes: parts.form.notes,
      points: parts.form.runs
        .filter((run) => run.breakdownM !== null || run.painOnsetM !== null)
        .map((run) => ({
          date: run.startTime.slice(0, 10),
          distanceM: run.distanceM,
          breakdownM: run.breakdownM,
          painOnsetM: run.painOnsetM,
        }))
        .sort((a, b) => a.date.localeCompare(b.date)),
    },
    benchmarks: {
      latestOn: evaluation.latestSessionOn,
      retestDue: evaluation.retestDue,
      tests: evaluation.tests.map((test) => ({
        name: test.name,
        unit: test.unit,
        higherIsBetter: test.higherIsBetter,
        takenOn: test.latestOn,
        sides: test.sides.map((side) => ({
          side: side.side,
          value: side.value,
          reference: side.norm.reference,
          comparison: side.norm.comparison,
          explanation: side.norm.explanation,
          change: side.change && {
            previousOn: side.change.previousOn,
            previousValue: side.change.previousValue,
            direction: side.change.direction,
          },
        })),
        lsi: test.symmetry?.lsi ?? null,
        asymmetric: test.symmetry?.asymmetric ?? false,
      })),
      findings: [...parts.benchmarks.findings]
        .sort((a, b) => b.weight - a.weight)
        .slice(0, REPORT_LIMITS.findings)
        .map((finding) => finding.message),
    },
    program: programPart(parts.program),
    plan: plan
      ? {
          peakLongRunM: plan.plan.peakLongRunM,
          startingLongRunM: plan.plan.startingLongRunM,
          weeks: plan.plan.weeks.map((week) => ({
            weekStart: week.weekStart,
            phase: week.phase,
            longRunM: week.longRunM,
            runWalk: week.runWalk,
            gate: week.gate.status,
            reasons: week.gate.reasons,
          })),
          painFreeM: plan.plan.basis.painFreeM,
          breakdownM: plan.plan.basis.breakdownM,
        }
      : null,
  };
}

/** Thresholds first: they are what a clinician reads the report for. */
function patternRank(pattern: PainPatternView): number {
  return { threshold: 0, 'no-pattern': 1, 'insufficient-data': 2 }[pattern.status];
}

const RULE_WORDS: Partial<Record<ProgressionRule, string>> = {
  start: 'started',
  'volume-up': 'more volume',
  'level-up': 'next level',
  'set-up': 'one more set',
  'hold-at-top': 'held at the top',
  'pain-during': 'eased: pain during',
  'pain-next-morning': 'eased: pain next morning',
  'morning-pain-rising': 'eased: morning pain rising',
  incomplete: 'eased: not completed',
  'missed-weeks': 'eased: weeks missed',
  'red-flag-pause': 'paused: red flag',
};

function programPart(program: ProgramView): ReportProgram {
  // A change may name an exercise the prescription no longer uses: the catalogue knows them all.
  const exercise = (id: string) => program.exercises[id] ?? exerciseById(id);
  const name = (id: string) => exercise(id)?.name ?? id;
  const prescription = program.prescription;
  return {
    sessionsPerWeek: program.settings.sessionsPerWeek,
    minutesPerSession: program.settings.minutesPerSession,
    paused: prescription.paused,
    emphasis: prescription.emphasis
      .filter((e) => e.weight > 1)
      .sort((a, b) => b.weight - a.weight)
      .map((e) => ({ region: PROGRAM_REGION_LABELS[e.region], weight: e.weight })),
    sessions: prescription.sessions.map((session) => ({
      label: session.label,
      minutes: Math.round(session.estimatedS / 60),
      items: session.items.map((item) => {
        const side = item.extraSetSide ? ` (+1 set ${item.extraSetSide})` : '';
        const per = item.perSide ? ' per side' : '';
        return `${name(item.exerciseId)} ${item.sets} × ${item.target}${item.unit === 's' ? ' s' : ''}${per}${side}`;
      }),
    })),
    adherence: program.adherence,
    changes: program.events.slice(0, REPORT_LIMITS.changes).map((event) => {
      const dose = (step: ProgressionEvent['from']) =>
        `${step.sets} × ${step.target}${exercise(step.exerciseId)?.dose.kind === 'hold' ? ' s' : ''}`;
      const same = event.from.exerciseId === event.to.exerciseId;
      return {
        date: event.date,
        rule: RULE_WORDS[event.rule] ?? event.rule.replace(/-/g, ' '),
        text: same
          ? `${name(event.to.exerciseId)} ${dose(event.from)} → ${dose(event.to)}`
          : `${name(event.from.exerciseId)} ${dose(event.from)} → ${name(event.to.exerciseId)} ${dose(event.to)}`,
      };
    }),
  };
}
