import { describe, expect, it } from 'vitest';
import {
  type PainReportInput,
  RED_FLAG_QUESTIONS,
  type RedFlagAnswers,
  type RedFlagQuestion,
} from '../../domain/pain.js';
import { TRIAGE_DISCLAIMER, type TriageContext, type TriageOutcome, triagePainReport } from './index.js';

const allNo = Object.fromEntries(RED_FLAG_QUESTIONS.map((q) => [q, false])) as RedFlagAnswers;

/** A benign report: 3/10 at 8 km, settled to 1/10 by the morning, every red-flag question answered no. */
const report = (over: Partial<PainReportInput> = {}): PainReportInput => ({
  activityId: 'run-1',
  date: '2026-03-15',
  region: 'knee',
  side: 'left',
  aspect: 'front',
  onset: { kind: 'distance', distanceM: 8_000 },
  severity: 3,
  character: 'ache',
  action: 'continued',
  nextMorningSeverity: 1,
  redFlags: allNo,
  note: null,
  ...over,
});
const noHistory: TriageContext = { earlierOnsets: [], earlierMorningSeverities: [] };
const ruleIds = (outcome: TriageOutcome) => outcome.reasons.map((r) => r.rule);

describe('triagePainReport: red-flag questions', () => {
  it.each<[RedFlagQuestion, string, boolean]>([
    ['focalBoneTenderness', 'bone-stress-focal-tenderness', false],
    ['painAtRestOrNight', 'bone-stress-rest-or-night-pain', false],
    ['painOnHopping', 'bone-stress-hop-pain', false],
    ['limping', 'bone-stress-limping', false],
    ['worseningDuringRun', 'bone-stress-worsening-during-run', false],
    ['swelling', 'joint-swelling', false],
    ['warmthOrRedness', 'joint-warmth-redness', false],
    ['lockingOrGivingWay', 'knee-locking-giving-way', false],
    ['numbnessOrTingling', 'nerve-numbness-tingling', false],
    ['weaknessOrRadiating', 'nerve-weakness-radiating', false],
    ['calfSwollenWarmTender', 'calf-swollen-warm-tender', true],
    ['systemicSymptoms', 'systemic-symptoms', true],
    ['fallOrTwistCannotBearWeight', 'cannot-bear-weight-after-fall', true],
    ['persistsIntoDailyLife', 'persists-into-daily-life', false],
  ])('a yes to %s alone stops with %s (urgent: %s)', (question, rule, urgent) => {
    const outcome = triagePainReport(report({ redFlags: { ...allNo, [question]: true } }), noHistory);
    expect(outcome.level).toBe('stop');
    expect(outcome.redFlag).toBe(true);
    expect(outcome.urgent).toBe(urgent);
    expect(ruleIds(outcome)).toEqual([rule]);
    expect(outcome.advice).toMatch(urgent ? /today/ : /physician or physical therapist/);
    expect(outcome.advice).toMatch(/holds your distance progression until a clinician clears you/);
  });

  it('covers every question in the table above', () => {
    expect(RED_FLAG_QUESTIONS).toHaveLength(14);
  });

  it('reads a no as a no, even at the limit of acceptable pain', () => {
    expect(triagePainReport(report({ severity: 5 }), noHistory).level).toBe('monitor');
  });
});

describe('triagePainReport: severity during the run', () => {
  it.each([
    [5, 'monitor', ['within-limits']],
    [6, 'modify', ['pain-above-acceptable']],
    [7, 'modify', ['pain-above-acceptable']],
    [8, 'stop', ['severity-above-7']],
    [10, 'stop', ['severity-above-7']],
  ])('%s/10 → %s', (severity, level, rules) => {
    const outcome = triagePainReport(report({ severity, nextMorningSeverity: 0 }), noHistory);
    expect(outcome.level).toBe(level);
    expect(ruleIds(outcome)).toEqual(rules);
  });
});

describe('triagePainReport: the next morning', () => {
  it.each([
    [0, 'monitor', ['within-limits']],
    [2, 'monitor', ['within-limits']],
    [3, 'modify', ['morning-pain-not-settled']],
    [7, 'modify', ['morning-pain-not-settled']],
    [8, 'stop', ['next-morning-above-7']],
  ])('%s/10 the morning after 4/10 → %s', (nextMorningSeverity, level, rules) => {
    const outcome = triagePainReport(report({ severity: 4, nextMorningSeverity }), noHistory);
    expect(outcome.level).toBe(level);
    expect(ruleIds(outcome)).toEqual(rules);
  });

  it('says when morning pain is no better than during the run', () => {
    const outcome = triagePainReport(report({ severity: 3, nextMorningSeverity: 4 }), noHistory);
    expect(outcome.reasons[0]?.message).toMatch(/no better than during the run/);
  });

  it('asks for the morning when it is not known yet', () => {
    const outcome = triagePainReport(report({ nextMorningSeverity: null }), noHistory);
    expect(outcome.level).toBe('monitor');
    expect(outcome.reasons[0]?.message).toMatch(/Tell Keel tomorrow/);
  });

  const mornings = (...entries: [string, number][]): TriageContext => ({
    earlierOnsets: [],
    earlierMorningSeverities: entries.map(([date, severity]) => ({ date, severity })),
  });
  it.each([
    [
      'higher than every morning of the two weeks before',
      mornings(['2026-03-08', 1], ['2026-03-11', 0]),
      true,
    ],
    ['as high as the worst of them', mornings(['2026-03-08', 2], ['2026-03-11', 1]), false],
    ['higher only than mornings more than 14 days old', mornings(['2026-02-28', 0]), false],
    ['higher only than an earlier report the same day', mornings(['2026-03-15', 0]), false],
    ['with no earlier mornings at all', mornings(), false],
  ])('morning pain of 2/10, %s: rising %s', (_name, context, rising) => {
    const outcome = triagePainReport(report({ nextMorningSeverity: 2 }), context);
    expect(ruleIds(outcome)).toEqual(rising ? ['morning-pain-rising'] : ['within-limits']);
    expect(outcome.level).toBe(rising ? 'modify' : 'monitor');
  });
});

describe('triagePainReport: onset arriving earlier run after run', () => {
  const onsets = (...entries: [string, number][]): TriageContext => ({
    earlierOnsets: entries.map(([date, onsetM]) => ({ date, onsetM })),
    earlierMorningSeverities: [],
  });
  const at = (distanceM: number, date = '2026-03-15') =>
    report({ date, onset: { kind: 'distance', distanceM } });

  it.each([
    [
      '10 → 8.5 → 7 km: each earlier, 30% in all',
      onsets(['2026-03-01', 10_000], ['2026-03-08', 8_500]),
      at(7_000),
      true,
    ],
    ['10 → 8 → 6 km', onsets(['2026-03-01', 10_000], ['2026-03-08', 8_000]), at(6_000), true],
    [
      'only the last three count',
      onsets(['2026-02-20', 5_000], ['2026-03-01', 10_000], ['2026-03-08', 8_000]),
      at(6_000),
      true,
    ],
    [
      '10 → 8.5 → 7.1 km: each earlier but 29% in all',
      onsets(['2026-03-01', 10_000], ['2026-03-08', 8_500]),
      at(7_100),
      false,
    ],
    ['stable at 10 km', onsets(['2026-03-01', 10_000], ['2026-03-08', 10_000]), at(10_000), false],
    ['moving out, 7 → 8.5 → 10 km', onsets(['2026-03-01', 7_000], ['2026-03-08', 8_500]), at(10_000), false],
    [
      '35% earlier but not each time, 10 → 6 → 6.5 km',
      onsets(['2026-03-01', 10_000], ['2026-03-08', 6_000]),
      at(6_500),
      false,
    ],
    ['two reports only', onsets(['2026-03-08', 10_000]), at(5_000), false],
    [
      'spread over more than 8 weeks',
      onsets(['2026-01-10', 10_000], ['2026-03-08', 8_000]),
      at(6_000),
      false,
    ],
    [
      'a report back-filled for an earlier run is not the latest',
      onsets(['2026-03-01', 10_000], ['2026-03-08', 8_000]),
      at(6_000, '2026-02-20'),
      false,
    ],
  ])('%s → stop: %s', (_name, context, input, stop) => {
    const outcome = triagePainReport(input, context);
    expect(ruleIds(outcome).includes('onset-moving-in')).toBe(stop);
    expect(outcome.level).toBe(stop ? 'stop' : 'monitor');
  });

  it('says how much earlier, in words that carry no distance unit', () => {
    const outcome = triagePainReport(at(6_000), onsets(['2026-03-01', 10_000], ['2026-03-08', 8_000]));
    expect(outcome.reasons[0]?.message).toMatch(/last 3 reports, now 40% sooner/);
  });

  it('uses the onset Keel placed on the run when the runner gave a time', () => {
    const input = report({ onset: { kind: 'time', elapsedS: 1_800 } });
    const history = onsets(['2026-03-01', 10_000], ['2026-03-08', 8_000]);
    expect(triagePainReport(input, history).level).toBe('monitor');
    expect(triagePainReport(input, { ...history, reportOnsetM: 6_000 }).level).toBe('stop');
  });
});

describe('triagePainReport: modify', () => {
  it.each([
    ['stopped', 'modify'],
    ['walked', 'modify'],
    ['slowed', 'monitor'],
    ['continued', 'monitor'],
    [null, 'monitor'],
  ] as const)('the runner %s → %s', (action, level) => {
    const outcome = triagePainReport(report({ action }), noHistory);
    expect(outcome.level).toBe(level);
    if (level === 'modify') expect(ruleIds(outcome)).toEqual(['stopped-or-walked']);
  });

  it('gives concrete changes', () => {
    const { advice } = triagePainReport(report({ severity: 6 }), noHistory);
    expect(advice).toMatch(/shorter than the distance where the pain starts/);
    expect(advice).toMatch(/run-walk/);
    expect(advice).toMatch(/hills and speed work/);
    expect(advice).toMatch(/stabilizer program within the pain limits/);
  });
});

describe('triagePainReport: unanswered red-flag questions', () => {
  const someUnanswered: RedFlagAnswers = { focalBoneTenderness: false, limping: false };

  it('holds pain above 2/10 at modify and lists what to ask', () => {
    const outcome = triagePainReport(report({ severity: 3, redFlags: someUnanswered }), noHistory);
    expect(outcome.level).toBe('modify');
    expect(ruleIds(outcome)).toEqual(['red-flags-not-answered']);
    expect(outcome.reasons[0]?.message).toMatch(/^12 of 14 red-flag questions are not answered/);
    expect(outcome.unansweredRedFlags).toEqual(
      RED_FLAG_QUESTIONS.filter((q) => q !== 'focalBoneTenderness' && q !== 'limping'),
    );
  });

  it('counts pain the next morning too', () => {
    const outcome = triagePainReport(
      report({ severity: 1, nextMorningSeverity: 3, redFlags: {} }),
      noHistory,
    );
    expect(ruleIds(outcome)).toEqual(['morning-pain-not-settled', 'red-flags-not-answered']);
  });

  it('leaves pain within the safe zone at monitor, still listing the questions for the UI', () => {
    const outcome = triagePainReport(
      report({ severity: 2, nextMorningSeverity: 0, redFlags: {} }),
      noHistory,
    );
    expect(outcome.level).toBe('monitor');
    expect(outcome.unansweredRedFlags).toEqual([...RED_FLAG_QUESTIONS]);
  });

  it('never reads an unanswered question as a yes', () => {
    expect(triagePainReport(report({ severity: 7, redFlags: {} }), noHistory).level).toBe('modify');
  });

  it('lists nothing when every question is answered', () => {
    expect(triagePainReport(report(), noHistory).unansweredRedFlags).toEqual([]);
  });
});

describe('triagePainReport: the outcome', () => {
  it('orders reasons most serious first: urgent stops, stops, modifications', () => {
    const outcome = triagePainReport(
      report({
        severity: 6,
        action: 'walked',
        redFlags: { ...allNo, limping: true, calfSwollenWarmTender: true, swelling: undefined },
      }),
      noHistory,
    );
    expect(ruleIds(outcome)).toEqual([
      'calf-swollen-warm-tender',
      'bone-stress-limping',
      'pain-above-acceptable',
      'stopped-or-walked',
      'red-flags-not-answered',
    ]);
    expect(outcome.level).toBe('stop');
    expect(outcome.urgent).toBe(true);
  });

  it('monitors what is within the limits, and says so', () => {
    const outcome = triagePainReport(report(), noHistory);
    expect(outcome).toMatchObject({ level: 'monitor', redFlag: false, urgent: false });
    expect(outcome.reasons).toHaveLength(1);
    expect(outcome.reasons[0]?.message).toMatch(/within the pain-monitoring limits.*settled to 1\/10/);
    expect(outcome.advice).toMatch(/keep logging/);
  });

  it('cites a source for every reason', () => {
    const outcome = triagePainReport(
      report({ severity: 9, redFlags: { ...allNo, swelling: true } }),
      noHistory,
    );
    for (const reason of outcome.reasons) expect(reason.source).not.toBe('');
  });

  it.each([
    ['benign', report()],
    ['stop', report({ severity: 9 })],
    ['urgent', report({ redFlags: { ...allNo, systemicSymptoms: true } })],
    ['modify', report({ action: 'stopped' })],
  ])('always carries the disclaimer (%s)', (_name, input) => {
    const outcome = triagePainReport(input, noHistory);
    expect(outcome.disclaimer).toBe(TRIAGE_DISCLAIMER);
    expect(outcome.disclaimer).toMatch(/does not diagnose/);
  });

  it.each([
    ['severity', report({ severity: 11 })],
    ['severity', report({ severity: Number.NaN })],
    ['nextMorningSeverity', report({ nextMorningSeverity: -1 })],
  ])('treats a %s off the 0–10 scale as a bug', (name, input) => {
    expect(() => triagePainReport(input, noHistory)).toThrow(
      new RegExp(`${name} must be on the 0–10 pain scale`),
    );
  });
});
