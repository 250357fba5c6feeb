/**
 * Pain reports: what a runner says about a pain, in the shape clinicians record it (domain-reference §7: region,
 * side and aspect, onset distance or time, severity 0–10 on the Numeric Pain Rating Scale, character, what the
 * runner did, next-morning severity, red-flag answers).
 */

/** The body map: the regions a runner can tap, from the feet up (the article's whole chain). */
export const BODY_REGIONS = [
  'toes',
  'foot',
  'heel',
  'ankle',
  'achilles',
  'calf',
  'shin',
  'knee',
  'thigh-front',
  'thigh-back',
  'hip',
  'groin',
  'glute',
  'low-back',
  'mid-back',
  'upper-back-shoulder',
] as const;
export type BodyRegion = (typeof BODY_REGIONS)[number];

export const BODY_REGION_LABELS: Record<BodyRegion, string> = {
  toes: 'toes',
  foot: 'foot',
  heel: 'heel',
  ankle: 'ankle',
  achilles: 'Achilles',
  calf: 'calf',
  shin: 'shin',
  knee: 'knee',
  'thigh-front': 'front of the thigh',
  'thigh-back': 'back of the thigh',
  hip: 'hip',
  groin: 'groin',
  glute: 'buttock',
  'low-back': 'low back',
  'mid-back': 'mid back',
  'upper-back-shoulder': 'upper back and shoulder',
};

/** The spine and its muscles are midline: a side there is optional, and "both" when the runner feels it across. */
export const SIDES = ['left', 'right', 'both'] as const;
export type Side = (typeof SIDES)[number];

export const ASPECTS = ['front', 'inner', 'outer', 'back'] as const;
export type Aspect = (typeof ASPECTS)[number];

/** Where the aspect tells conditions apart (front vs outer knee, inner shin, outer hip); elsewhere it is optional. */
export const REGIONS_WITH_ASPECT: ReadonlySet<BodyRegion> = new Set([
  'knee',
  'shin',
  'hip',
  'ankle',
  'foot',
  'thigh-front',
  'calf',
]);

export const PAIN_CHARACTERS = [
  'ache',
  'sharp',
  'burning',
  'tight',
  'throbbing',
  'stabbing',
  'dull',
  'cramp',
] as const;
export type PainCharacter = (typeof PAIN_CHARACTERS)[number];

/** What the runner did when it started. */
export const PAIN_ACTIONS = ['continued', 'slowed', 'walked', 'stopped'] as const;
export type PainAction = (typeof PAIN_ACTIONS)[number];

/**
 * When in the run the pain began. `after` is after the run (that evening, the next morning); `during` with
 * neither distance nor time means "some time during the run, not sure when".
 */
export type PainOnset =
  | { kind: 'distance'; distanceM: number }
  | { kind: 'time'; elapsedS: number }
  | { kind: 'during' }
  | { kind: 'after' };

/**
 * The red-flag questions asked with every report (domain-reference §6). `true` is a yes; a question left
 * unanswered is `undefined`, never a silent no.
 */
export const RED_FLAG_QUESTIONS = [
  'focalBoneTenderness',
  'painAtRestOrNight',
  'painOnHopping',
  'limping',
  'worseningDuringRun',
  'swelling',
  'warmthOrRedness',
  'lockingOrGivingWay',
  'numbnessOrTingling',
  'weaknessOrRadiating',
  'calfSwollenWarmTender',
  'systemicSymptoms',
  'fallOrTwistCannotBearWeight',
  'persistsIntoDailyLife',
] as const;
export type RedFlagQuestion = (typeof RED_FLAG_QUESTIONS)[number];
export type RedFlagAnswers = Partial<Record<RedFlagQuestion, boolean>>;

/** A report as the runner gives it, before Keel stores or triages it. */
export interface PainReportInput {
  /** The run it happened on, or null with `date` for a day without a recorded run. */
  activityId: string | null;
  /** The day (YYYY-MM-DD, the runner's local date) when no run is named; the run's own date otherwise. */
  date: string;
  region: BodyRegion;
  side: Side;
  aspect: Aspect | null;
  onset: PainOnset;
  /** 0–10, Numeric Pain Rating Scale. */
  severity: number;
  character: PainCharacter | null;
  action: PainAction | null;
  /** 0–10 the next morning, when the runner comes back to say. */
  nextMorningSeverity: number | null;
  redFlags: RedFlagAnswers;
  note: string | null;
}
