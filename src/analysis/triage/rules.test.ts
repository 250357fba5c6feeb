import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { RED_FLAG_QUESTIONS } from '../../domain/pain.js';
import { TRIAGE_RULES, type TriageFacts, type TriageRule, WITHIN_LIMITS } from './rules.js';
import { TRIAGE_DISCLAIMER } from './triage.js';

const seriousness = (rule: TriageRule) =>
  ({ stop: 1, modify: 2, monitor: 3 })[rule.level] - (rule.urgent ? 1 : 0);

/** A report on which every rule fires, so every message can be read with its numbers filled in. */
const everything: TriageFacts = {
  report: {
    activityId: null,
    date: '2026-03-15',
    region: 'shin',
    side: 'right',
    aspect: 'inner',
    onset: { kind: 'distance', distanceM: 6_000 },
    severity: 8,
    character: 'sharp',
    action: 'stopped',
    nextMorningSeverity: 9,
    redFlags: Object.fromEntries(RED_FLAG_QUESTIONS.map((q) => [q, true])),
    note: null,
  },
  context: {
    earlierOnsets: [
      { date: '2026-03-01', onsetM: 10_000 },
      { date: '2026-03-08', onsetM: 8_000 },
    ],
    earlierMorningSeverities: [{ date: '2026-03-08', severity: 3 }],
  },
};

describe('TRIAGE_RULES', () => {
  it('has unique ids', () => {
    const ids = TRIAGE_RULES.map((r) => r.id);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('maps every red-flag question to exactly one stop rule', () => {
    for (const question of RED_FLAG_QUESTIONS) {
      const rules = TRIAGE_RULES.filter((r) => r.question === question);
      expect(rules, question).toHaveLength(1);
      expect(rules[0]?.level).toBe('stop');
    }
  });

  it('is ordered by seriousness, so its order is the order of the reasons', () => {
    const ranks = TRIAGE_RULES.map(seriousness);
    expect(ranks).toEqual([...ranks].sort((a, b) => a - b));
  });

  const diagnoses =
    /bone stress injury|stress fracture|fracture|blood clot|DVT|infection|inflammation|meniscus|ligament|nerve|illness/i;
  const hedges = /can be (a )?signs? (of|that)|to rule (it )?out|possible/i;
  const texts = [
    ...[...TRIAGE_RULES, WITHIN_LIMITS].map((r) => [r.id, r.message(everything)] as const),
    ['disclaimer', TRIAGE_DISCLAIMER] as const,
  ];
  it.each(texts)('%s names no diagnosis as fact', (_id, text) => {
    for (const sentence of text.split(/(?<=[.;])\s+/)) {
      if (diagnoses.test(sentence)) expect(sentence).toMatch(hedges);
      expect(sentence).not.toMatch(/\byou have (a|an)\b|\bthis is (a|an)\b|\bdiagnosed\b/i);
    }
  });

  it('is documented rule by rule in docs/triage.md', () => {
    const doc = readFileSync('docs/triage.md', 'utf8');
    for (const rule of [...TRIAGE_RULES, WITHIN_LIMITS]) expect(doc, rule.id).toContain(`\`${rule.id}\``);
    expect(doc).toContain(TRIAGE_DISCLAIMER);
  });
});
