import { z } from 'zod';
import { benchmarkResultInput } from '../../coach/benchmarks/index.js';
import { exerciseById } from '../../coach/exercises/index.js';
import { EQUIPMENT } from '../../coach/types.js';
import { isCalendarDate } from '../../domain/time.js';

/**
 * The program's inputs from every edge (CLI flags, HTTP bodies), checked once here so the CLI and the web app say
 * the same thing about the same mistake.
 */

/**
 * Domain-reference §4 (ACSM 2009): 2–3 sessions a week for novices, 3–4 for intermediate. Fifteen minutes is the
 * least in which every region still fits once a week (checked by the property tests); an hour is plenty for
 * endurance work at short rests.
 */
export const SESSIONS_PER_WEEK = { min: 2, max: 4 } as const;
export const MINUTES_PER_SESSION = { min: 15, max: 60 } as const;
export const DEFAULT_PROGRAM_SETTINGS = {
  sessionsPerWeek: 3,
  minutesPerSession: 25,
  equipment: [] as const,
} as const;

const zeroToTen = (what: string) =>
  z
    .number({ error: `${what}: a whole number from 0 to 10` })
    .int(`${what}: a whole number from 0 to 10`)
    .min(0, `${what}: from 0 to 10`)
    .max(10, `${what}: from 0 to 10`);
const calendarDate = z.string().refine(isCalendarDate, 'a date as YYYY-MM-DD, e.g. 2026-03-14');

export const programSettingsBody = z
  .object({
    sessionsPerWeek: z
      .number()
      .int('a whole number of sessions')
      .min(SESSIONS_PER_WEEK.min, `at least ${SESSIONS_PER_WEEK.min} sessions a week`)
      .max(SESSIONS_PER_WEEK.max, `at most ${SESSIONS_PER_WEEK.max} sessions a week`),
    minutesPerSession: z
      .number()
      .int('whole minutes')
      .min(MINUTES_PER_SESSION.min, `at least ${MINUTES_PER_SESSION.min} minutes`)
      .max(MINUTES_PER_SESSION.max, `at most ${MINUTES_PER_SESSION.max} minutes`),
    equipment: z
      .array(z.enum(EQUIPMENT, { error: `one of ${EQUIPMENT.join(', ')}` }))
      .transform((items) => [...new Set(items)].sort()),
  })
  .strict();
export type ProgramSettingsBody = z.infer<typeof programSettingsBody>;

export const exerciseLogBody = z
  .object({
    exerciseId: z.string().refine((id) => exerciseById(id) !== undefined, {
      error: (issue) => `"${String(issue.input)}" is not an exercise in Keel's catalogue`,
    }),
    setsDone: z.number().int('whole sets').min(0, 'not negative').max(10, 'at most 10 sets'),
    achieved: z.number().min(0, 'not negative').max(600, 'at most 600 reps or seconds'),
    rpe: zeroToTen('effort (RPE)'),
    painDuring: zeroToTen('pain during'),
    goodForm: z.boolean(),
  })
  .strict();

export const sessionLogBody = z
  .object({
    date: calendarDate,
    label: z
      .string()
      .regex(/^[A-D]$/, 'a session label, A to D')
      .nullish(),
    exercises: z.array(exerciseLogBody).min(1, 'at least one exercise'),
    painNextMorning: zeroToTen('pain next morning').nullish(),
    note: z.string().max(2000, 'at most 2000 characters').nullish(),
  })
  .strict()
  .superRefine((body, ctx) => {
    const seen = new Set<string>();
    body.exercises.forEach((entry, index) => {
      const family = exerciseById(entry.exerciseId)?.family;
      if (family && seen.has(family)) {
        ctx.addIssue({
          code: 'custom',
          path: ['exercises', index, 'exerciseId'],
          message: 'two exercises of the same family in one session: log the one you did',
        });
      }
      if (family) seen.add(family);
    });
  });
export type SessionLogBody = z.infer<typeof sessionLogBody>;

/** What can be added later: the next morning's pain, a note. */
export const sessionLogPatch = z
  .object({
    painNextMorning: zeroToTen('pain next morning').nullish(),
    note: z.string().max(2000, 'at most 2000 characters').nullish(),
  })
  .strict();
export type SessionLogPatch = z.infer<typeof sessionLogPatch>;

/** One test day: every result entered that day. */
export const benchmarkSessionBody = z
  .object({
    results: z.array(benchmarkResultInput).min(1, 'at least one result'),
  })
  .strict();
export type BenchmarkSessionBody = z.infer<typeof benchmarkSessionBody>;
