import { generateDemoHistory } from '../demo/history.js';
import {
  DEMO_BENCHMARK_DAYS,
  DEMO_GOAL,
  DEMO_PROGRAM_SETTINGS,
  DEMO_SESSIONS,
  type ProgramDay,
} from '../demo/program-story.js';
import { RED_FLAG_QUESTIONS } from '../domain/pain.js';
import { addDays, machineLocalDate, mondayOf } from '../domain/time.js';
import { itemsFromBytes } from './import/index.js';
import type { Keel } from './keel.js';
import type { AthleteView, ImportReport } from './views.js';

/** Fixed, so every newcomer sees the same demo story. */
export const DEMO_SEED = 20261124;

export type DemoOutcome =
  | { kind: 'loaded'; athlete: AthleteView; report: ImportReport }
  | { kind: 'already-loaded'; athlete: AthleteView };

/**
 * Loads the demo athlete: a history Keel generates and encodes as FIT files itself, imported through the
 * same path as a runner's own files, ending on `today`. One transaction, so a start that dies halfway leaves no
 * half-loaded demo behind and the next start loads it whole.
 */
export async function loadDemo(
  keel: Keel,
  today: Date,
  onProgress?: (done: number, total: number) => void,
): Promise<DemoOutcome> {
  const existing = (await keel.athletes()).find((a) => a.isDemo);
  if (existing) return { kind: 'already-loaded', athlete: existing };
  const history = generateDemoHistory({ seed: DEMO_SEED, endDate: today });
  return keel.transaction(async (tx) => {
    const athlete = await tx.createAthlete({ ...history.athlete, isDemo: true });
    let done = 0;
    const report = await tx.importFiles(
      athlete.id,
      itemsFromBytes(history.runs.map((run) => ({ fileName: run.fileName, bytes: run.fit }))),
      { onFile: () => onProgress?.(++done, history.runs.length) },
    );
    // Her pain reports, as she gave them after each painful run: on the run, by distance, red-flag questions all no.
    for (const [i, run] of history.runs.entries()) {
      const pain = run.plan.pain;
      const runId = report.files[i]?.runs[0]?.id;
      if (!pain || !runId) continue;
      await tx.addPainReport(athlete.id, {
        runId,
        region: pain.region,
        side: pain.side,
        aspect: pain.aspect,
        onset: { kind: 'distance', distanceM: pain.onsetM },
        severity: pain.severity,
        character: pain.character,
        action: pain.action,
        nextMorningSeverity: pain.nextMorningSeverity,
        redFlags: Object.fromEntries(RED_FLAG_QUESTIONS.map((q) => [q, false])),
        note: null,
      });
    }
    await loadProgramStory(tx, athlete.id, machineLocalDate(today));
    const loaded = await tx.athlete(athlete.id);
    return { kind: 'loaded', athlete: loaded ?? athlete, report };
  });
}

/**
 * Her benchmark days and program sessions, each session logged as the program prescribed it on that day, so the
 * progression the demo shows is the one the rules make.
 */
async function loadProgramStory(keel: Keel, athleteId: string, today: string): Promise<void> {
  const dayOf = (day: ProgramDay) => addDays(mondayOf(today), day.weekday - 7 * day.weeksAgo);
  for (const day of DEMO_BENCHMARK_DAYS) {
    const takenOn = dayOf(day);
    await keel.addBenchmarks(
      athleteId,
      {
        results: day.results.map((result) => ({ ...result, takenOn, side: result.side ?? null, note: null })),
      },
      today,
    );
  }
  await keel.setProgramSettings(athleteId, {
    ...DEMO_PROGRAM_SETTINGS,
    equipment: [...DEMO_PROGRAM_SETTINGS.equipment],
  });
  for (const session of DEMO_SESSIONS) {
    const date = dayOf(session);
    if (date >= today) continue;
    const { today: next } = await keel.program(athleteId, date);
    await keel.logSession(
      athleteId,
      {
        date,
        label: next.label,
        exercises: next.session.items.map((item) => ({
          exerciseId: item.exerciseId,
          setsDone: item.sets,
          achieved: item.target,
          rpe: session.rpe,
          painDuring: session.kneeFlare && item.region === 'knee' ? 6 : 0,
          goodForm: true,
        })),
        painNextMorning: session.painNextMorning,
        note: session.kneeFlare
          ? 'Left knee grumbled in the knee exercise, the day after a hilly run.'
          : null,
      },
      today,
    );
  }
  // Last, so the sessions above do not each re-plan: the goal's first plan reads them all.
  await keel.addGoal(
    athleteId,
    {
      name: DEMO_GOAL.name,
      distanceM: DEMO_GOAL.distanceM,
      date: dayOf({ weeksAgo: -DEMO_GOAL.weeksAhead, weekday: DEMO_GOAL.weekday }),
      surface: DEMO_GOAL.surface,
    },
    today,
  );
}
