import { z } from 'zod';
import {
  ASPECTS,
  BODY_REGIONS,
  PAIN_ACTIONS,
  PAIN_CHARACTERS,
  type PainReportInput,
  RED_FLAG_QUESTIONS,
  SIDES,
} from '../../domain/pain.js';
import { isCalendarDate } from '../../domain/time.js';

/**
 * One schema for a pain report wherever it comes from (CLI flags, HTTP bodies, training-log rows), so every
 * edge says the same thing about the same mistake.
 */
const severity = z.number().int('a whole number from 0 to 10').min(0, 'from 0 to 10').max(10, 'from 0 to 10');
const calendarDate = z.string().refine(isCalendarDate, 'a date as YYYY-MM-DD');

const onset = z.discriminatedUnion('kind', [
  z
    .object({ kind: z.literal('distance'), distanceM: z.number().positive('more than 0 m').max(1_000_000) })
    .strict(),
  z
    .object({
      kind: z.literal('time'),
      elapsedS: z
        .number()
        .positive('more than 0 s')
        .max(7 * 86_400),
    })
    .strict(),
  z.object({ kind: z.literal('during') }).strict(),
  z.object({ kind: z.literal('after') }).strict(),
]);

export const painReportBody = z
  .object({
    /** A run's id (or, from the CLI, an unambiguous prefix); without it, `date` names the day. */
    runId: z.string().min(4).nullish(),
    date: calendarDate.nullish(),
    region: z.enum(BODY_REGIONS),
    side: z.enum(SIDES),
    aspect: z.enum(ASPECTS).nullish(),
    onset,
    severity,
    character: z.enum(PAIN_CHARACTERS).nullish(),
    action: z.enum(PAIN_ACTIONS).nullish(),
    nextMorningSeverity: severity.nullish(),
    redFlags: z.partialRecord(z.enum(RED_FLAG_QUESTIONS), z.boolean()).default({}),
    note: z.string().max(2000).nullish(),
  })
  .strict()
  .refine((r) => (r.runId ?? null) !== null || (r.date ?? null) !== null, {
    message: 'name the run (runId) or the day (date) the pain belongs to',
    path: ['runId'],
  });
export type PainReportBody = z.infer<typeof painReportBody>;

/** What can change on a stored report: the next morning's answer, red-flag answers, a note. */
export const painReportPatch = z
  .object({
    nextMorningSeverity: severity.nullable().optional(),
    redFlags: z.partialRecord(z.enum(RED_FLAG_QUESTIONS), z.boolean()).optional(),
    note: z.string().max(2000).nullable().optional(),
    severity: severity.optional(),
    action: z.enum(PAIN_ACTIONS).nullable().optional(),
    character: z.enum(PAIN_CHARACTERS).nullable().optional(),
  })
  .strict();
export type PainReportPatch = z.infer<typeof painReportPatch>;

export const clearRedFlagBody = z
  .object({ note: z.string().min(1, 'say who cleared it').max(2000) })
  .strict();

/** The body with its run resolved: the domain's report. */
export function toPainReportInput(
  body: PainReportBody,
  activityId: string | null,
  date: string,
): PainReportInput {
  return {
    activityId,
    date,
    region: body.region,
    side: body.side,
    aspect: body.aspect ?? null,
    onset: body.onset,
    severity: body.severity,
    character: body.character ?? null,
    action: body.action ?? null,
    nextMorningSeverity: body.nextMorningSeverity ?? null,
    redFlags: body.redFlags,
    note: body.note ?? null,
  };
}

/** One line per problem, naming where it is: "severity: from 0 to 10". */
export function issuesMessage(error: z.ZodError, where?: string): string {
  return error.issues
    .map((i) => `${[...(where ? [where] : []), ...i.path].join('.') || 'input'}: ${i.message}`)
    .join('; ');
}
