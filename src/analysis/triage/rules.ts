import { type PainReportInput, RED_FLAG_QUESTIONS, type RedFlagQuestion } from '../../domain/pain.js';
import { SOURCES } from './sources.js';
import type { TriageContext, TriageLevel } from './types.js';

/** Everything a rule may look at. */
export interface TriageFacts {
  report: PainReportInput;
  context: TriageContext;
}

/** One row of the triage table: readable by a clinician, tested case by case. */
export interface TriageRule {
  id: string;
  level: TriageLevel;
  /** A stop that cannot wait for an appointment: the advice says to seek care today. */
  urgent: boolean;
  /** The red-flag question a yes to which fires this rule. */
  question: RedFlagQuestion | null;
  test: (facts: TriageFacts) => boolean;
  message: (facts: TriageFacts) => string;
  source: string;
}

/**
 * §6 says "pain above 7/10", so 7 itself does not stop: it is already above the pain-monitoring limit and so
 * modifies. No study sets 7; it is the red-flag list's own line (Keel domain reference §6).
 */
export const STOP_ABOVE_SEVERITY = 7;

/** Silbernagel et al. 2007: pain during activity is acceptable up to 5/10; above it the load must change. */
export const ACCEPTABLE_MAX_SEVERITY = 5;

/**
 * "Settled by the next morning" read as back in the pain-monitoring model's safe zone, 0–2/10 (Silbernagel et al.
 * 2007 after Thomeé 1997). Unverified against the paper's figure: some summaries give the safe zone as 0–3;
 * 2 is the more cautious reading. The same line decides when unanswered red-flag questions hold the level at
 * modify: above it, pain is more than trivial.
 */
export const SETTLED_MAX_SEVERITY = 2;

/**
 * "Morning pain must not rise week to week" (Silbernagel et al. 2007): the model allows no rise, so any whole
 * point counts. Reports are irregular, so "last week" is read as every morning reported in the 14 days before
 * (Keel's choice), and a rise is a morning higher than all of them.
 */
export const MORNING_TREND_WINDOW_DAYS = 14;

/** Domain reference §8: with fewer than 3 events no pattern can be claimed. */
export const ONSET_TREND_RUNS = 3;

/**
 * How much earlier the latest of those onsets must come than the first: Farrar et al. 2001 found a change of about
 * 30% on the 0–10 pain scale clinically important. Borrowing it for onset distance is Keel's choice: it is
 * proportional (a 2 km move means more on a 5 km threshold than on a 25 km one) and well above the few percent
 * by which watches disagree on distance.
 */
export const ONSET_MOVED_IN_FRACTION = 0.3;

/**
 * The onsets must fall within 8 weeks: "run after run" means one episode; onsets from before a long break describe
 * another baseline (Keel's choice).
 */
export const ONSET_TREND_WINDOW_DAYS = 56;

const DAY_MS = 86_400_000;
const daysBetween = (fromIso: string, toIso: string) => (Date.parse(toIso) - Date.parse(fromIso)) / DAY_MS;

/** How much earlier the pain now starts, when the threshold is moving in; null when it is not. */
export function onsetMovingIn({ report, context }: TriageFacts): { runs: number; earlierBy: number } | null {
  const onsets = [...context.earlierOnsets];
  const reportOnsetM = report.onset.kind === 'distance' ? report.onset.distanceM : context.reportOnsetM;
  if (reportOnsetM != null) onsets.push({ date: report.date, onsetM: reportOnsetM });
  // A report back-filled for an earlier run must not count as the latest onset; the sort is stable for same-day runs.
  onsets.sort((a, b) => a.date.localeCompare(b.date));
  const recent = onsets.slice(-ONSET_TREND_RUNS);
  if (recent.length < ONSET_TREND_RUNS) return null;
  const first = recent[0] as { date: string; onsetM: number };
  const last = recent[recent.length - 1] as { date: string; onsetM: number };
  if (daysBetween(first.date, last.date) > ONSET_TREND_WINDOW_DAYS) return null;
  const eachEarlier = recent.every(
    (o, i) => i === 0 || o.onsetM < (recent[i - 1] as { onsetM: number }).onsetM,
  );
  const earlierBy = 1 - last.onsetM / first.onsetM;
  return eachEarlier && earlierBy >= ONSET_MOVED_IN_FRACTION ? { runs: recent.length, earlierBy } : null;
}

/** The highest morning severity reported in the window before this report, or null when there is none. */
export function recentMorningHigh({ report, context }: TriageFacts): number | null {
  const recent = context.earlierMorningSeverities.filter((m) => {
    const days = daysBetween(m.date, report.date);
    return days >= 1 && days <= MORNING_TREND_WINDOW_DAYS;
  });
  return recent.length > 0 ? Math.max(...recent.map((m) => m.severity)) : null;
}

export function unansweredRedFlags(report: PainReportInput): RedFlagQuestion[] {
  return RED_FLAG_QUESTIONS.filter((q) => report.redFlags[q] === undefined);
}

const redFlag = (
  question: RedFlagQuestion,
  row: { id: string; urgent?: boolean; message: string; source: string },
): TriageRule => ({
  id: row.id,
  level: 'stop',
  urgent: row.urgent ?? false,
  question,
  test: ({ report }) => report.redFlags[question] === true,
  message: () => row.message,
  source: row.source,
});

const morning = (report: PainReportInput) => report.nextMorningSeverity;

/**
 * The triage table. Its order is the order of precedence, and so the order of the reasons: urgent stops, stops,
 * then modifications. A rule never fires for a number another rule already judged more seriously (pain of 8 is a
 * stop, not also "above 5").
 */
export const TRIAGE_RULES: readonly TriageRule[] = [
  redFlag('systemicSymptoms', {
    id: 'systemic-symptoms',
    urgent: true,
    message:
      'Fever, unexplained weight loss, chest pain, breathlessness or fainting can be signs of an illness beyond the leg, and running can make it worse. They need a doctor today; with chest pain, breathlessness or fainting, call emergency services now.',
    source: SOURCES.keelRedFlags,
  }),
  redFlag('calfSwollenWarmTender', {
    id: 'calf-swollen-warm-tender',
    urgent: true,
    message:
      'A calf that is swollen, warm and tender can be a sign of a blood clot in a deep vein (DVT), more so after travel, an operation or time immobilised. It needs a doctor today to rule it out.',
    source: SOURCES.wells2003,
  }),
  redFlag('fallOrTwistCannotBearWeight', {
    id: 'cannot-bear-weight-after-fall',
    urgent: true,
    message:
      'Not being able to take four steps after a fall or twist is one of the signs clinicians use to decide on an X-ray to rule out a fracture. Have it checked today.',
    source: SOURCES.ottawa,
  }),
  redFlag('focalBoneTenderness', {
    id: 'bone-stress-focal-tenderness',
    message:
      'Pain when you press one spot on the bone can be a sign of a bone stress injury, more likely with low energy intake, missed periods or an earlier stress fracture. A clinician should examine it before you run on it.',
    source: SOURCES.wardenMountjoy,
  }),
  redFlag('painAtRestOrNight', {
    id: 'bone-stress-rest-or-night-pain',
    message:
      'Pain at rest or at night can be a sign of a bone stress injury or of another problem that needs examining; overuse pain from running usually quietens when you stop.',
    source: SOURCES.warden2014,
  }),
  redFlag('painOnHopping', {
    id: 'bone-stress-hop-pain',
    message:
      'Pain when hopping on one leg can be a sign of a bone stress injury; clinicians use the hop test to decide whether to look further.',
    source: SOURCES.warden2014,
  }),
  redFlag('limping', {
    id: 'bone-stress-limping',
    message:
      'Limping means the leg is not taking load normally. With running pain it can be a sign of a bone stress injury, and it needs examining.',
    source: SOURCES.warden2014,
  }),
  redFlag('worseningDuringRun', {
    id: 'bone-stress-worsening-during-run',
    message:
      'Pain that keeps building as the run goes on, rather than staying the same or easing, can be a sign of a bone stress injury.',
    source: SOURCES.warden2014,
  }),
  redFlag('swelling', {
    id: 'joint-swelling',
    message:
      'Swelling can be a sign of an injury inside a joint or of irritated tissue; a clinician should examine it before you run on it.',
    source: SOURCES.keelRedFlags,
  }),
  redFlag('warmthOrRedness', {
    id: 'joint-warmth-redness',
    message: 'Warmth or redness can be a sign of inflammation or infection; a clinician should look at it.',
    source: SOURCES.keelRedFlags,
  }),
  redFlag('lockingOrGivingWay', {
    id: 'knee-locking-giving-way',
    message:
      'A joint that locks, catches or gives way can be a sign of damage inside it, such as to a meniscus or ligament; it needs examining.',
    source: SOURCES.keelRedFlags,
  }),
  redFlag('numbnessOrTingling', {
    id: 'nerve-numbness-tingling',
    message:
      'Numbness or tingling can be a sign that a nerve is irritated or pressed on; a clinician should check it.',
    source: SOURCES.keelRedFlags,
  }),
  redFlag('weaknessOrRadiating', {
    id: 'nerve-weakness-radiating',
    message:
      'Weakness, or pain that shoots down the leg, can be a sign of an irritated nerve, for example from the lower back; a clinician should check it.',
    source: SOURCES.keelRedFlags,
  }),
  redFlag('persistsIntoDailyLife', {
    id: 'persists-into-daily-life',
    message:
      'Pain that stays with you in daily life, not only when running, means the area is not recovering between runs; a clinician should find out why.',
    source: SOURCES.keelRedFlags,
  }),
  {
    id: 'severity-above-7',
    level: 'stop',
    urgent: false,
    question: null,
    test: ({ report }) => report.severity > STOP_ABOVE_SEVERITY,
    message: ({ report }) =>
      `Pain of ${report.severity}/10 during the run is above 7/10, where Keel asks you to stop and have it examined.`,
    source: SOURCES.keelSevereBand,
  },
  {
    id: 'next-morning-above-7',
    level: 'stop',
    urgent: false,
    question: null,
    test: ({ report }) => (morning(report) ?? 0) > STOP_ABOVE_SEVERITY,
    message: ({ report }) =>
      `Pain of ${morning(report)}/10 the next morning is above 7/10; pain this strong after a run needs examining.`,
    source: SOURCES.keelSevereBand,
  },
  {
    id: 'onset-moving-in',
    level: 'stop',
    urgent: false,
    question: null,
    test: (facts) => onsetMovingIn(facts) !== null,
    message: (facts) => {
      const trend = onsetMovingIn(facts);
      const percent = Math.round((trend?.earlierBy ?? 0) * 100);
      return `The pain started earlier on each of your last ${trend?.runs} reports, now ${percent}% sooner into the run than the first of them. Pain that arrives earlier run after run can be a sign of a bone stress injury.`;
    },
    source: SOURCES.keelOnsetTrend,
  },
  {
    id: 'pain-above-acceptable',
    level: 'modify',
    urgent: false,
    question: null,
    test: ({ report }) => report.severity > ACCEPTABLE_MAX_SEVERITY && report.severity <= STOP_ABOVE_SEVERITY,
    message: ({ report }) =>
      `Pain of ${report.severity}/10 during the run is above 5/10, the most the pain-monitoring model accepts while you keep training.`,
    source: SOURCES.silbernagel2007,
  },
  {
    id: 'morning-pain-not-settled',
    level: 'modify',
    urgent: false,
    question: null,
    test: ({ report }) => {
      const m = morning(report);
      return m !== null && m > SETTLED_MAX_SEVERITY && m <= STOP_ABOVE_SEVERITY;
    },
    message: ({ report }) => {
      const m = morning(report) ?? 0;
      const notEased = m >= report.severity ? ', no better than during the run' : '';
      return `Pain was still ${m}/10 the next morning${notEased}. Pain after a run should settle by the next morning, to 2/10 or less.`;
    },
    source: SOURCES.silbernagel2007,
  },
  {
    id: 'morning-pain-rising',
    level: 'modify',
    urgent: false,
    question: null,
    test: (facts) => {
      const m = morning(facts.report);
      const high = recentMorningHigh(facts);
      return m !== null && high !== null && m > high;
    },
    message: (facts) =>
      `Morning pain of ${morning(facts.report)}/10 is higher than on any morning you reported in the two weeks before (at most ${recentMorningHigh(facts)}/10). Morning pain should not rise from week to week.`,
    source: SOURCES.silbernagel2007,
  },
  {
    id: 'stopped-or-walked',
    level: 'modify',
    urgent: false,
    question: null,
    // Slowing down is the runner already adjusting within the run; stopping or walking means the run could not go on.
    test: ({ report }) => report.action === 'stopped' || report.action === 'walked',
    message: ({ report }) =>
      `You ${report.action} because of the pain: the run was more than this area tolerates right now.`,
    source: SOURCES.ostrc,
  },
  {
    id: 'red-flags-not-answered',
    level: 'modify',
    urgent: false,
    question: null,
    // Modify rather than monitor: above the safe zone, "fine to continue" would be a guess while a red flag may be there.
    test: ({ report }) =>
      Math.max(report.severity, morning(report) ?? 0) > SETTLED_MAX_SEVERITY &&
      unansweredRedFlags(report).length > 0,
    message: ({ report }) =>
      `${unansweredRedFlags(report).length} of ${RED_FLAG_QUESTIONS.length} red-flag questions are not answered. A missing answer is not a no: with pain above 2/10, Keel cannot call it fine to continue until they are answered.`,
    source: SOURCES.keelUnanswered,
  },
];

/** The reason given when no other rule fires, so that `monitor` also says why. */
export const WITHIN_LIMITS: Pick<TriageRule, 'id' | 'level' | 'message' | 'source'> = {
  id: 'within-limits',
  level: 'monitor',
  message: ({ report }) => {
    const m = morning(report);
    const after =
      m === null
        ? 'Tell Keel tomorrow how it feels in the morning.'
        : `It had settled to ${m}/10 by the next morning.`;
    return `Pain of ${report.severity}/10 during the run is within the pain-monitoring limits (up to 5/10, settled by the next morning). ${after}`;
  },
  source: SOURCES.silbernagel2007,
};
