import { describe, expect, it } from 'vitest';
import { DISCLAIMER, renderReportHtml } from './render.js';
import { esc, niceTicks } from './svg.js';
import type { ReportView } from './view.js';

/** A report with every section filled, shaped like the demo athlete's. */
function fullView(overrides: Partial<ReportView> = {}): ReportView {
  const days = ['2026-10-04', '2026-10-11', '2026-10-18', '2026-10-25', '2026-11-01', '2026-11-08'];
  return {
    keelVersion: '9.8.7',
    generatedOn: '2026-12-04',
    period: { from: '2026-06-08', to: '2026-12-04', days: 180 },
    units: 'metric',
    athlete: { name: 'Lena Brunner', sex: 'female', ageYears: 35, isDemo: true },
    running: { runs: 56, distanceM: 480_000, longestM: 18_074, recentPerWeekM: 39_800 },
    goal: {
      name: 'Lakeside Half Marathon',
      distanceM: 21_097.5,
      date: '2027-02-14',
      surface: 'road',
      feasible: true,
      verdict: 'The Lakeside Half Marathon is within reach.',
      next: 'Sun 6 Dec 2026: long run of 13.5 km.',
    },
    redFlags: [
      {
        date: '2026-11-30',
        where: 'Left knee',
        severity: 7,
        advice: 'See a clinician before you run again.',
        reasons: ['Swelling after the run.'],
        note: 'it swelled up',
      },
    ],
    painReports: [
      {
        date: '2026-11-29',
        where: 'Left knee',
        severity: 3,
        onsetM: 15_126,
        nextMorning: 1,
        triage: 'monitor',
        note: 'felt it on the hill',
      },
    ],
    patterns: [
      {
        where: 'Left knee',
        status: 'threshold',
        headline: 'Your left knee pain starts at about 13.9 km (13.8–15.1 km)',
        summary: 'Of the 56 runs Keel looked at, 7 brought it on.',
        events: 7,
        runs: 56,
        onsetM: 13_890,
        onsetIntervalM: [13_776, 15_126],
        painFreeM: 13_507,
        trend: 'improving',
        points: days.map((date, i) => ({
          date,
          distanceM: 15_000 + i * 500,
          painful: i % 2 === 0,
          onsetM: i % 2 === 0 ? 13_800 + i * 100 : null,
        })),
      },
    ],
    form: {
      analysed: 56,
      breakdowns: 6,
      holdsToM: { median: 13_400, q1: 12_600, q3: 13_600 },
      trend: { perWeekM: 200, significant: true },
      medianPainLeadM: 1_562,
      notes: [],
      points: days.map((date, i) => ({
        date,
        distanceM: 15_000,
        breakdownM: 12_000 + i * 200,
        painOnsetM: 13_500 + i * 200,
      })),
    },
    benchmarks: {
      latestOn: '2026-11-16',
      retestDue: '2026-12-14',
      tests: [
        {
          name: 'Single-leg heel raise',
          unit: 'reps',
          higherIsBetter: true,
          takenOn: '2026-11-16',
          sides: [
            {
              side: 'left',
              value: 22,
              reference: 25,
              comparison: 'below',
              explanation: '22 reps is below the 25 reps minimum',
              change: { previousOn: '2026-10-19', previousValue: 19, direction: 'better' },
            },
            {
              side: 'right',
              value: 25,
              reference: 25,
              comparison: 'within',
              explanation: '25 reps is at or above the 25 reps minimum',
              change: null,
            },
          ],
          lsi: 88,
          asymmetric: true,
        },
      ],
      findings: ['Single-leg heel raise: your left side reaches 88% of your right.'],
    },
    program: {
      sessionsPerWeek: 3,
      minutesPerSession: 25,
      paused: false,
      emphasis: [{ region: 'hips and pelvis', weight: 3.7 }],
      sessions: [{ label: 'A', minutes: 25, items: ['Wall sit 2 × 35 s', 'Toe yoga 2 × 15'] }],
      adherence: [
        { weekStart: '2026-11-16', planned: 3, done: 3 },
        { weekStart: '2026-11-23', planned: 3, done: 2 },
      ],
      changes: [{ date: '2026-12-02', rule: 'more volume', text: 'Glute bridge 2 × 12 → 2 × 14' }],
    },
    plan: {
      peakLongRunM: 19_000,
      startingLongRunM: 18_074,
      weeks: [
        {
          weekStart: '2026-11-30',
          phase: 'hold',
          longRunM: 13_500,
          runWalk: true,
          gate: 'held',
          reasons: ['x'],
        },
        {
          weekStart: '2026-12-07',
          phase: 'build',
          longRunM: 14_800,
          runWalk: true,
          gate: 'open',
          reasons: [],
        },
        {
          weekStart: '2027-02-08',
          phase: 'race',
          longRunM: 21_097.5,
          runWalk: false,
          gate: 'open',
          reasons: [],
        },
      ],
      painFreeM: 13_507,
      breakdownM: 13_400,
    },
    ...overrides,
  };
}

/** A report for a runner who has only just started: no pain, no tests, no goal. */
function emptyView(): ReportView {
  const full = fullView();
  return {
    ...full,
    athlete: { name: 'New Runner', sex: null, ageYears: null, isDemo: false },
    running: { runs: 0, distanceM: 0, longestM: 0, recentPerWeekM: 0 },
    goal: null,
    redFlags: [],
    painReports: [],
    patterns: [],
    form: {
      analysed: 0,
      breakdowns: 0,
      holdsToM: { median: null, q1: null, q3: null },
      trend: null,
      medianPainLeadM: null,
      notes: [],
      points: [],
    },
    benchmarks: { latestOn: null, retestDue: null, tests: [], findings: [] },
    program: { ...full.program, emphasis: [], adherence: [], changes: [] },
    plan: null,
  };
}

const SECTIONS = ['red-flags', 'patterns', 'form', 'benchmarks', 'program', 'plan'] as const;

/** The text of one section, tags removed. */
function sectionText(html: string, id: string): string {
  const match = new RegExp(`<section class="section[^"]*" id="${id}"[\\s\\S]*?</section>`).exec(html);
  if (!match) throw new Error(`no section ${id}`);
  return match[0].replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ');
}

describe('renderReportHtml', () => {
  it('is one self-contained page: no script, no external resource', () => {
    const html = renderReportHtml(fullView());
    expect(html).toMatch(/^<!doctype html>/);
    expect(html).not.toMatch(/<script|<link|<img|@import|url\(/i);
    expect(html).not.toMatch(/(src|href)="(https?:)?\/\//);
    expect(html).toMatch(/@media print/);
  });

  it('has every section, its charts, the period, the version and the disclaimer', () => {
    const html = renderReportHtml(fullView());
    for (const id of SECTIONS) expect(html).toContain(`id="${id}"`);
    expect(html).toContain('Lena Brunner');
    expect(html).toContain('Lakeside Half Marathon');
    expect(html).toContain('8 Jun – 4 Dec 2026 (180 days)');
    expect(html).toContain('Keel 9.8.7');
    expect(html).toContain(esc(DISCLAIMER));
    // Pattern, form, adherence and plan charts, and the norm bars.
    expect(html.match(/<svg class="chart /g)).toHaveLength(4);
    expect(html.match(/<svg class="norm-bar"/g)).toHaveLength(2);
    expect(sectionText(html, 'red-flags')).toContain('Swelling after the run.');
    expect(sectionText(html, 'benchmarks')).toMatch(/22 reps below 25 reps/);
    expect(sectionText(html, 'benchmarks')).toMatch(/88% uneven/);
    expect(sectionText(html, 'program')).toContain('Glute bridge 2 × 12 → 2 × 14');
  });

  it('is the same bytes for the same view', () => {
    expect(renderReportHtml(fullView())).toBe(renderReportHtml(fullView()));
  });

  it('writes distances in the athlete’s unit', () => {
    const metric = renderReportHtml(fullView());
    expect(metric).toContain('about 13.9 km');
    expect(metric).toContain('21.1 km road');
    // Keel's own sentences (headline, verdict, next step) come written in the athlete's unit already.
    const full = fullView();
    const imperial = renderReportHtml({
      ...full,
      units: 'imperial',
      patterns: full.patterns.map((p) => ({ ...p, headline: 'From about 8.6 mi', summary: null })),
      goal: full.goal && { ...full.goal, next: 'Sun 6 Dec 2026: long run of 8.4 mi.' },
    });
    expect(imperial).toContain('about 8.6 mi');
    expect(imperial).toContain('13.1 mi road');
    expect(imperial).toContain('distances in miles');
    expect(imperial).not.toMatch(/\d km\b/);
  });

  it('says "None yet" for an empty section instead of leaving it out', () => {
    const html = renderReportHtml(emptyView());
    for (const id of SECTIONS) expect(html).toContain(`id="${id}"`);
    expect(sectionText(html, 'red-flags')).toContain('No open red flags');
    expect(sectionText(html, 'patterns')).toContain('None yet: no pain reports, so no pattern to show.');
    expect(sectionText(html, 'patterns')).toContain('None yet: no pain reports in this period.');
    expect(sectionText(html, 'form')).toContain('None yet:');
    expect(sectionText(html, 'benchmarks')).toContain('None yet: no endurance tests recorded.');
    expect(sectionText(html, 'program')).toContain('None yet: no program weeks yet.');
    expect(sectionText(html, 'program')).toContain(
      'None yet: the progression rules have not changed anything.',
    );
    expect(sectionText(html, 'plan')).toContain('None yet: no goal race set.');
    expect(html).not.toContain('NaN');
    expect(html).not.toContain('undefined');
    expect(html).not.toContain('Infinity');
  });

  it('escapes every text from the athlete: a name or a note cannot inject HTML', () => {
    const attack = '<script>alert(1)</script><img src=x onerror="alert(2)">&\'"';
    const full = fullView();
    const html = renderReportHtml({
      ...full,
      athlete: { ...full.athlete, name: attack },
      goal: full.goal && { ...full.goal, name: attack },
      redFlags: full.redFlags.map((flag) => ({ ...flag, note: attack, where: attack })),
      painReports: full.painReports.map((report) => ({ ...report, note: attack })),
      benchmarks: {
        ...full.benchmarks,
        tests: full.benchmarks.tests.map((test) => ({ ...test, name: attack })),
        findings: [attack],
      },
      program: { ...full.program, sessions: [{ label: attack, minutes: 20, items: [attack] }] },
    });
    expect(html).not.toContain('<script');
    expect(html).not.toContain('<img');
    expect(html).not.toMatch(/<[^>]*\sonerror=/);
    expect(html).toContain(
      '&lt;script&gt;alert(1)&lt;/script&gt;&lt;img src=x onerror=&quot;alert(2)&quot;&gt;&amp;&#39;&quot;',
    );
    // The title too.
    expect(/<title>([^<]*)<\/title>/.exec(html)?.[1]).toContain('&lt;script&gt;');
  });
});

describe('niceTicks', () => {
  it('covers the maximum in round steps from zero', () => {
    expect(niceTicks(22.7)).toEqual([0, 5, 10, 15, 20, 25]);
    expect(niceTicks(3.2)).toEqual([0, 1, 2, 3, 4]);
    expect(niceTicks(0)).toEqual([0, 1]);
    for (const max of [0.3, 1, 7, 19.99, 180, 4321]) {
      const ticks = niceTicks(max);
      expect(ticks[0]).toBe(0);
      expect(ticks.at(-1)).toBeGreaterThanOrEqual(max);
      expect(ticks.length).toBeLessThanOrEqual(8);
    }
  });
});
