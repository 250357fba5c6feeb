import { z } from 'zod';
import { UNIT_SYSTEMS } from '../domain/units.js';

/** What a runner can change about themselves; sex and birth year pick the benchmark norms (domain-reference §3). */
export const athletePatchBody = z
  .object({
    name: z
      .string()
      .trim()
      .min(1, 'a name of at least one character')
      .max(100, 'at most 100 characters')
      .optional(),
    units: z.enum(UNIT_SYSTEMS, { error: 'metric or imperial' }).optional(),
    sex: z
      .enum(['female', 'male'], { error: 'female or male (the norms are given for these), or null' })
      .nullish(),
    birthYear: z
      .number({ error: 'a year, e.g. 1988' })
      .int('a whole year')
      .min(1900, 'a year from 1900')
      .nullish(),
  })
  .strict()
  .refine((patch) => Object.values(patch).some((value) => value !== undefined), {
    message: 'nothing to change: give name, units, sex or birthYear',
  });
export type AthletePatchBody = z.infer<typeof athletePatchBody>;
