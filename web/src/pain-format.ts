import type { PainPatternView, PainReportView } from '../../src/app/views.js';
import {
  type Aspect,
  BODY_REGION_LABELS,
  type BodyRegion,
  type PainAction,
  type PainCharacter,
  type Side,
} from '../../src/domain/pain.js';
import { formatDistance, formatDuration, type UnitSystem } from '../../src/domain/units.js';

/** Pain reports, triage and patterns in the runner's words. Pure, so it is easy to test. */

export type TriageLevel = PainReportView['triage']['level'];

export const SIDE_LABELS: Record<Side, string> = { left: 'Left', right: 'Right', both: 'Both sides' };

export const ASPECT_LABELS: Record<Aspect, string> = {
  front: 'Front',
  inner: 'Inner side',
  outer: 'Outer side',
  back: 'Back',
};

export const CHARACTER_LABELS: Record<PainCharacter, string> = {
  ache: 'Ache',
  sharp: 'Sharp',
  burning: 'Burning',
  tight: 'Tight',
  throbbing: 'Throbbing',
  stabbing: 'Stabbing',
  dull: 'Dull',
  cramp: 'Cramp',
};

export const ACTION_LABELS: Record<PainAction, string> = {
  continued: 'Kept going',
  slowed: 'Slowed down',
  walked: 'Walked',
  stopped: 'Stopped',
};

export function capitalise(text: string): string {
  return (text[0]?.toUpperCase() ?? '') + text.slice(1);
}

/** The spine's regions are one thing with two sides, not one of a pair. */
const MIDLINE: ReadonlySet<BodyRegion> = new Set(['low-back', 'mid-back']);

/** "Left knee", "Front of the right thigh", "Low back, left side", "Right knee, outer side". */
export function painPlace(region: BodyRegion, side: Side | null, aspect: Aspect | null = null): string {
  const label = BODY_REGION_LABELS[region];
  const ofThe = /^(front|back) of the (.+)$/.exec(label);
  let place: string;
  if (side === null) place = capitalise(label);
  else if (MIDLINE.has(region))
    place = side === 'both' ? capitalise(label) : `${capitalise(label)}, ${side} side`;
  else if (side === 'both') place = `${capitalise(label)}, both sides`;
  else if (ofThe) place = `${capitalise(ofThe[1] ?? '')} of the ${side} ${ofThe[2]}`;
  else place = `${SIDE_LABELS[side]} ${label}`;
  return aspect ? `${place}, ${ASPECT_LABELS[aspect].toLowerCase()}` : place;
}

/** When the pain began, as the runner gave it: "at 14.2 km", "25:00 into the run", "after the run". */
export function onsetText(report: Pick<PainReportView, 'onset' | 'onsetM'>, units: UnitSystem): string {
  const { onset } = report;
  switch (onset.kind) {
    case 'distance':
      return `began at ${formatDistance(report.onsetM ?? onset.distanceM, units, 1)}`;
    case 'time':
      return report.onsetM === null
        ? `began ${formatDuration(onset.elapsedS)} into the run`
        : `began ${formatDuration(onset.elapsedS)} into the run (${formatDistance(report.onsetM, units, 1)})`;
    case 'during':
      return 'began during the run, not sure when';
    case 'after':
      return 'began after the run';
  }
}

/** A calendar day (YYYY-MM-DD) as "Sat 3 May 2026", whatever the browser's time zone. */
export function formatDay(date: string): string {
  const day = new Date(`${date}T00:00:00Z`);
  if (Number.isNaN(day.getTime())) return date;
  return new Intl.DateTimeFormat(undefined, {
    weekday: 'short',
    day: 'numeric',
    month: 'short',
    year: 'numeric',
    timeZone: 'UTC',
  }).format(day);
}

/** Today in the browser's time zone, as YYYY-MM-DD: the runner's own "today". */
export function todayLocal(now = new Date()): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

export const TRIAGE_TITLE: Record<TriageLevel | 'urgent', string> = {
  urgent: 'Get medical care today',
  stop: 'Stop running and see a clinician',
  modify: 'Keep running, with changes',
  monitor: 'Carry on, and keep logging',
};

export function triageTitle(triage: Pick<PainReportView['triage'], 'level' | 'urgent'>): string {
  return TRIAGE_TITLE[triage.urgent ? 'urgent' : triage.level];
}

export const TRIAGE_BADGE: Record<TriageLevel, string> = {
  stop: 'Stop',
  modify: 'Modify',
  monitor: 'Monitor',
};

/** The colour band of a 0–10 score: the pain-monitoring model's zones (0–2 safe, up to 5 acceptable, above 7 stop). */
export function severityBand(score: number): 'low' | 'mid' | 'high' | 'severe' {
  if (score <= 2) return 'low';
  if (score <= 5) return 'mid';
  if (score <= 7) return 'high';
  return 'severe';
}

export const PATTERN_STATUS_LABEL: Record<PainPatternView['status'], string> = {
  threshold: 'Same-distance pattern',
  'no-pattern': 'No distance pattern',
  'insufficient-data': 'Not enough data yet',
};

export const TREND_LABEL: Record<NonNullable<PainPatternView['trend']>, { label: string; title: string }> = {
  improving: {
    label: 'Moving out',
    title: 'Pain starts later than it used to: the threshold is moving out.',
  },
  stable: { label: 'Holding steady', title: 'Pain starts at about the same distance as before.' },
  worsening: { label: 'Moving in', title: 'Pain starts sooner than it used to: the threshold is moving in.' },
};
