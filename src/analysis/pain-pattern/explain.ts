import { BODY_REGION_LABELS, type BodyRegion, type Side } from '../../domain/pain.js';
import {
  REGION_STABILIZERS,
  STABILIZER_GROUP_LABELS,
  type StabilizerLink,
} from '../../domain/stabilizers.js';
import { formatDistance, toDistanceUnit, type UnitSystem } from '../../domain/units.js';
import { MIN_EVENTS, MIN_RUNS } from './detect.js';
import type { PainPattern } from './types.js';

/**
 * The pattern in plain words, in the runner's units. It explains and educates; it never names a condition as the
 * runner's: where it hurts points to which stabilizers tire, not to a diagnosis.
 */
export interface PatternExplanation {
  headline: string;
  paragraphs: string[];
}

/** Regions on the midline, where a side is a part of one thing rather than one of two. */
const MIDLINE: ReadonlySet<BodyRegion> = new Set(['low-back', 'mid-back']);

function wherePhrase(region: BodyRegion, side: Side): string {
  const label = BODY_REGION_LABELS[region];
  const ofThe = /^(front|back) of the (.+)$/.exec(label);
  if (MIDLINE.has(region)) return side === 'both' ? label : `${label} (${side} side)`;
  if (side === 'both') return `${label} (both sides)`;
  if (ofThe) return `${ofThe[1]} of the ${side} ${ofThe[2]}`;
  return `${side} ${label}`;
}

const distance = (metres: number, units: UnitSystem) => formatDistance(metres, units, 1);
const range = ([lo, hi]: [number, number], units: UnitSystem) =>
  `${toDistanceUnit(lo, units).toFixed(1)}–${distance(hi, units)}`;
/** Onset times are reported to the minute: "1 h 25 min", "48 min". */
function onFeet(seconds: number): string {
  const minutes = Math.round(seconds / 60);
  const h = Math.floor(minutes / 60);
  const m = minutes % 60;
  return h > 0 ? `${h} h ${String(m).padStart(2, '0')} min` : `${m} min`;
}
const listOf = (items: readonly string[]) =>
  items.length > 1 ? `${items.slice(0, -1).join('; ')}; and ${items.at(-1)}` : (items[0] ?? '');

/** "1 time in 40": a p-value the way a runner can weigh it. */
function chancePhrase(p: number): string {
  if (p < 0.001) return 'less than 1 time in 1,000';
  const times = Number((1 / p).toPrecision(2));
  return `about 1 time in ${times}`;
}

const WHY =
  'Why at the same point in a run? The big muscles that move you — quads, hamstrings, glutes, calves — usually have plenty in ' +
  'reserve. The small, deep muscles that hold each joint in line, the stabilizers, are rarely trained, and over a ' +
  'long run they tire. Once they do, the pelvis starts to drop on each stride and the knee and foot roll inward, so ' +
  'muscles, tendons, bones and joints take more twisting load than they are built for, and sooner or later ' +
  'something along that chain starts to hurt. The distance where your pain starts is roughly where your ' +
  "stabilizers' endurance runs out, which is why endurance work on them can push it out.";

const WHOLE_CHAIN =
  "Don't train only those, though: the pelvis and trunk decide what the knees and feet have to absorb, so the " +
  'endurance work should cover the whole chain — feet, ankles, knees, hips, low back, mid back, upper back and ' +
  'shoulders.';

function evidencePhrase(link: StabilizerLink): string {
  switch (link.evidence) {
    case 'strong':
      return 'The research behind this link is strong.';
    case 'moderate':
      return 'The research behind this link is moderate.';
    case 'low':
      return 'The research behind this link is still limited.';
    case 'related':
      return 'Research has no direct answer for this spot; these follow from the muscles that control it and the chain around it.';
  }
}

function stabilizerParagraph(region: BodyRegion): string {
  const link = REGION_STABILIZERS[region];
  const groups = link.groups.map((g) => STABILIZER_GROUP_LABELS[g]);
  const list =
    groups.length > 1 ? `${groups.slice(0, -1).join('; ')}; and ${groups.at(-1)}` : (groups[0] ?? '');
  return `For pain in the ${BODY_REGION_LABELS[region]}, the stabilizers that most often give out first are ${list}. ${evidencePhrase(link)} ${WHOLE_CHAIN}`;
}

function trendParagraph(pattern: PainPattern): string {
  switch (pattern.trend) {
    case 'improving':
      return 'It is moving out: in recent runs the pain has come later, or not at all over distances that used to bring it on.';
    case 'worsening':
      return (
        'It is moving in: in recent runs the pain has come sooner than before. Pain that arrives earlier run after ' +
        'run is a reason to hold your distance and have it looked at by a clinician.'
      );
    case 'stable':
      return 'It has not moved noticeably over these runs.';
    case null:
      return `Whether it is moving can't be told yet: that needs at least ${MIN_EVENTS} painful runs that say where the pain began.`;
  }
}

function basisParagraph(pattern: PainPattern): string {
  switch (pattern.basis) {
    case 'distance':
      return 'Distance explains it better than time on your feet: on faster and slower days alike it came at about the same distance.';
    case 'time':
      return (
        'Time on your feet explains it better than distance: on slower days it came after a shorter distance but ' +
        `about the same time${pattern.onsetS === null ? '' : ` (around ${onFeet(pattern.onsetS)})`}.`
      );
    case 'undetermined':
      return (
        'Distance and time on your feet explain it about equally well: your pace varies too little from run to run to ' +
        'tell them apart.'
      );
  }
}

function thresholdExplanation(
  pattern: PainPattern,
  where: string,
  region: BodyRegion,
  units: UnitSystem,
): PatternExplanation {
  const onTime = pattern.basis === 'time' && pattern.onsetS !== null;
  const interval =
    pattern.onsetIntervalM === null
      ? ' (how much later it could be is not yet pinned down)'
      : ` (90% range ${range(pattern.onsetIntervalM, units)})`;
  const headline =
    onTime && pattern.onsetS !== null
      ? `Your ${where} pain starts after about ${onFeet(pattern.onsetS)} on your feet`
      : pattern.onsetM === null
        ? `Your ${where} pain starts at much the same distance each time`
        : `Your ${where} pain starts at about ${distance(pattern.onsetM, units)}${pattern.onsetIntervalM === null ? '' : ` (${range(pattern.onsetIntervalM, units)})`}`;
  const at = pattern.onsetM === null ? '' : `about ${distance(pattern.onsetM, units)}${interval}`;
  const painFree =
    pattern.painFreeM === null ? '' : ` Runs under ${distance(pattern.painFreeM, units)} stayed pain-free.`;
  const when =
    onTime && pattern.onsetS !== null
      ? `after much the same time on your feet: about ${onFeet(pattern.onsetS)}${at === '' ? '' : `, which at your usual pace is ${at}`}`
      : `at much the same distance: ${at}`;
  const what = `Of the ${pattern.runs} runs Keel looked at, ${pattern.events} brought it on, and ${when}.${painFree}`;
  const sure =
    pattern.weibull !== null && !onTime
      ? `How sure is that? If the pain were just as likely anywhere in a run, a pattern this clear would turn up by chance ${chancePhrase(pattern.weibull.lrtP)}. More runs near that distance, painful or not, narrow the range.`
      : `How sure is that? It rests on ${pattern.events} painful runs; more runs, painful or not, narrow it down.`;
  return {
    headline,
    paragraphs: [
      what,
      sure,
      trendParagraph(pattern),
      basisParagraph(pattern),
      WHY,
      stabilizerParagraph(region),
    ],
  };
}

function noPatternExplanation(pattern: PainPattern, where: string, units: UnitSystem): PatternExplanation {
  const placed = pattern.onsets.flatMap((o) => (o.onsetM === null ? [] : [o.onsetM]));
  const spread =
    placed.length >= 2
      ? ` (from ${toDistanceUnit(Math.min(...placed), units).toFixed(1)} to ${distance(Math.max(...placed), units)})`
      : '';
  const why: string[] = [];
  if (pattern.reasons.includes('no-fit'))
    why.push(
      'none of the painful runs says where the pain began and there are no pain-free runs to compare with',
    );
  if (pattern.reasons.includes('onsets-too-spread'))
    why.push(`the pain began at quite different distances${spread}`);
  if (pattern.reasons.includes('shape-not-above-threshold') || pattern.reasons.includes('not-significant'))
    why.push('it was about as likely to start early in a run as late in it');
  if (pattern.reasons.includes('median-not-reached'))
    why.push('most of the runs that went far enough stayed pain-free');
  return {
    headline: `No set distance for your ${where} pain so far`,
    paragraphs: [
      `Of the ${pattern.runs} runs Keel looked at, ${pattern.events} brought it on, but not at a distance you could plan around: ${listOf(why)}.`,
      'That does not mean the pain is not real. It means it does not follow the same-distance pattern, so a distance ' +
        'limit would not help with it; if it keeps coming back, a clinician can look at other causes.',
      'What would help: log every run, pain-free ones too, and whenever it hurts, note the distance or the time on ' +
        'your watch when it began.',
    ],
  };
}

function insufficientExplanation(pattern: PainPattern, where: string): PatternExplanation {
  const needs: string[] = [];
  if (pattern.events < MIN_EVENTS)
    needs.push(`at least ${MIN_EVENTS} runs that brought the pain on (so far: ${pattern.events})`);
  if (pattern.runs < MIN_RUNS) needs.push(`at least ${MIN_RUNS} runs in all (so far: ${pattern.runs})`);
  return {
    headline: `Not enough runs yet to see a pattern in your ${where} pain`,
    paragraphs: [
      `To tell whether your pain comes at the same distance each time, Keel needs ${needs.join(' and ')}. With fewer, any pattern could be chance.`,
      'What would help: log every run, pain-free ones too (they show how far you get without pain), and whenever it ' +
        'hurts, note the distance or the time on your watch when it began.',
    ],
  };
}

export function explainPattern(
  pattern: PainPattern,
  region: BodyRegion,
  side: Side,
  units: UnitSystem,
): PatternExplanation {
  const where = wherePhrase(region, side);
  if (pattern.status === 'threshold') return thresholdExplanation(pattern, where, region, units);
  if (pattern.status === 'no-pattern') return noPatternExplanation(pattern, where, units);
  return insufficientExplanation(pattern, where);
}
