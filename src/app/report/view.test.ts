import { describe, expect, it } from 'vitest';
import type {
  AthleteView,
  BenchmarksView,
  FormSummaryView,
  PainPatternView,
  PainReportView,
  ProgramView,
  RunListItem,
} from '../views.js';
import { REPORT_LIMITS, type ReportParts, reportView, whereLabel } from './view.js';

/** Only the fields the report reads: the rest of each view does not matter here. */
const partial = <T>(value: object) => value as unknown as T;

const athlete: AthleteView = {
  id: 'a',
  name: 'Ada',
  units: 'metric',
  sex: 'female',
  birthYear: 1990,
  isDemo: false,
  runCount: 3,
};

const run = (day: string, distanceM: number) =>
  partial<RunListItem>({ startTime: `${day}T07:00:00Z`, utcOffsetMin: 60, distanceM });

const report = (date: string, note: string | null = null) =>
  partial<PainReportView>({
    date,
    region: 'knee',
    side: 'left',
    severity: 4,
    onsetM: 9_000,
    nextMorningSeverity: null,
    note,
    triage: { level: 'monitor', advice: '', reasons: [] },
  });

const pattern = (status: PainPatternView['status'], region: PainPatternView['region']) =>
  partial<PainPatternView>({
    region,
    side: 'right',
    status,
    events: 3,
    runs: 10,
    onsetM: null,
    onsetIntervalM: null,
    painFreeM: null,
    trend: null,
    explanation: { headline: `${region} ${status}`, paragraphs: [] },
    runPoints: [
      { runId: 'r', startTime: '2026-11-02T07:00:00Z', distanceM: 8_000, painful: true, onsetM: 7_000 },
      { runId: 'z', startTime: '2026-11-01T07:00:00Z', distanceM: 0, painful: false, onsetM: null },
    ],
  });

function parts(overrides: Partial<ReportParts> = {}): ReportParts {
  return {
    keelVersion: '1.2.3',
    today: '2026-12-04',
    days: 28,
    athlete,
    runs: [run('2026-12-03', 10_000), run('2026-11-20', 16_000), run('2026-10-01', 30_000)],
    patterns: [
      pattern('insufficient-data', 'hip'),
      pattern('threshold', 'knee'),
      pattern('no-pattern', 'calf'),
    ],
    form: partial<FormSummaryView>({
      analysed: 0,
      breakdowns: 0,
      holdsToM: { median: null, q1: null, q3: null },
      trend: null,
      medianPainLeadM: null,
      notes: [],
      runs: [],
    }),
    redFlags: [],
    painReports: Array.from({ length: 9 }, (_, i) => report(`2026-11-${18 - i}`)).concat(
      report('2026-10-01'),
    ),
    benchmarks: partial<BenchmarksView>({
      evaluation: { latestSessionOn: null, retestDue: null, tests: [] },
      findings: [
        { weight: 0.2, message: 'light' },
        { weight: 0.9, message: 'heavy' },
      ],
    }),
    program: partial<ProgramView>({
      settings: { sessionsPerWeek: 3, minutesPerSession: 25 },
      prescription: {
        paused: false,
        emphasis: [
          { region: 'knee', weight: 1 },
          { region: 'hip-pelvis', weight: 2.5 },
        ],
        sessions: [],
      },
      adherence: [],
      exercises: {},
      events: [
        {
          date: '2026-11-30',
          familyId: 'hip-abduction',
          rule: 'level-up',
          from: { exerciseId: 'clamshell', sets: 2, target: 15 },
          to: { exerciseId: 'side-lying-hip-abduction', sets: 2, target: 12 },
          reason: '',
          source: '',
        },
      ],
    }),
    plan: undefined,
    ...overrides,
  };
}

describe('reportView', () => {
  it('keeps the period: runs and pain reports in it, the period stated', () => {
    const view = reportView(parts());
    expect(view.period).toEqual({ from: '2026-11-07', to: '2026-12-04', days: 28 });
    expect(view.running).toEqual({ runs: 2, distanceM: 26_000, longestM: 16_000, recentPerWeekM: 6_500 });
    expect(view.painReports).toHaveLength(REPORT_LIMITS.painReports);
    expect(view.painReports.every((r) => r.date >= '2026-11-07')).toBe(true);
    expect(view.athlete).toEqual({ name: 'Ada', sex: 'female', ageYears: 36, isDemo: false });
    expect(view.keelVersion).toBe('1.2.3');
  });

  it('puts thresholds first, drops runs without a distance, and weighs the findings', () => {
    const view = reportView(parts());
    expect(view.patterns.map((p) => p.status)).toEqual(['threshold', 'no-pattern', 'insufficient-data']);
    expect(view.patterns[0]?.where).toBe('Right knee');
    expect(view.patterns[0]?.points).toEqual([
      { date: '2026-11-02', distanceM: 8_000, painful: true, onsetM: 7_000 },
    ]);
    expect(view.benchmarks.findings).toEqual(['heavy', 'light']);
  });

  it('names the program’s changes and emphasis in words, even for an exercise no longer prescribed', () => {
    const view = reportView(parts());
    expect(view.program.emphasis).toEqual([{ region: 'hips and pelvis', weight: 2.5 }]);
    expect(view.program.changes).toEqual([
      { date: '2026-11-30', rule: 'next level', text: 'Clamshell 2 × 15 → Side-lying hip abduction 2 × 12' },
    ]);
    expect(view.goal).toBeNull();
    expect(view.plan).toBeNull();
  });
});

describe('whereLabel', () => {
  it('reads as a runner says it', () => {
    expect(whereLabel('knee', 'left')).toBe('Left knee');
    expect(whereLabel('low-back', 'both')).toBe('Low back (both sides)');
    expect(whereLabel('achilles', null)).toBe('Achilles');
  });
});
