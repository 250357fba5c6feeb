import { formatDistance } from '../domain/units.js';
import type { DemoHistory, DemoRunPlan } from './history.js';
import { STABILIZER_WORK_SHOWS_FROM_WEEK } from './pain-story.js';
import { FULL_WEEKS } from './training-plan.js';

/**
 * The demo athlete's pain story in plain words, told from the generated history itself (for the README, the
 * tour and the app's first screen), in her own units.
 */
export function describeDemoPainStory(history: DemoHistory): string {
  const { athlete, runs } = history;
  const units = athlete.units;
  const km = (m: number) => formatDistance(m, units, 1);
  const painful = runs.flatMap((r) => (r.plan.pain ? [{ run: r, pain: r.plan.pain }] : []));
  const painFree = runs.filter((r) => !r.plan.pain);
  const longestPainFree = Math.max(0, ...painFree.map((r) => r.plan.distanceM));
  const early = painful.filter((p) => p.run.plan.week < STABILIZER_WORK_SHOWS_FROM_WEEK);
  const late = painful.filter((p) => p.run.plan.week >= STABILIZER_WORK_SHOWS_FROM_WEEK);
  const onsets = early.map((p) => p.pain.onsetM);
  const stopped = painful.find((p) => p.pain.action === 'stopped');

  return [
    `${athlete.name} is training for a half marathon: ${runs.length} runs over ${FULL_WEEKS} weeks, a long run ` +
      'every Sunday.',
    `Her left knee hurts at the front, around the kneecap, on every run that goes far enough: ${early.length} ` +
      `times between ${km(Math.min(...onsets))} and ${km(Math.max(...onsets))}. Every run up to ` +
      `${km(longestPainFree)} stays pain-free. Same distance, same pain.`,
    'Her running form drifts a kilometre or two before it hurts: longer ground contact, a lower cadence, more ' +
      'time on the left foot, at the same pace. Her stabilizers tire before her legs do.',
    stopped
      ? `After stopping early on ${localDate(stopped.run.plan)}, she started ` +
        `whole-body stabilizer endurance work. From week ${STABILIZER_WORK_SHOWS_FROM_WEEK} the pain comes later: ` +
        `${late.map((p) => km(p.pain.onsetM)).join(', ')} on her last ${late.length} long runs.`
      : '',
  ]
    .filter((line) => line !== '')
    .join('\n\n');
}

function localDate({ startTime, utcOffsetMin }: DemoRunPlan): string {
  return new Date(startTime.getTime() + utcOffsetMin * 60_000).toISOString().slice(0, 10);
}
