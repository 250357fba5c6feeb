import { z } from 'zod';
import { isCalendarDate } from '../../domain/time.js';
import { METRES_PER_MILE, parseDistance } from '../../domain/units.js';

/** Issue 7: "5 km to 100 miles, or custom". Shorter is not a race Keel plans for; longer is beyond what §5 covers. */
export const GOAL_DISTANCE_M = { min: 5_000, max: 100 * METRES_PER_MILE } as const;

/** The race distances runners name rather than measure. */
export const NAMED_RACES: Record<string, number> = {
  '5k': 5_000,
  '10k': 10_000,
  half: 21_097.5,
  'half-marathon': 21_097.5,
  marathon: 42_195,
  '50k': 50_000,
  '50mi': 50 * METRES_PER_MILE,
  '100k': 100_000,
  '100mi': 100 * METRES_PER_MILE,
};

/** "half", "21.1km", "13.1 mi" → metres; null for anything else. */
export function parseRaceDistance(text: string): number | null {
  return NAMED_RACES[text.trim().toLowerCase()] ?? parseDistance(text);
}

export const goalRaceBody = z
  .object({
    name: z.string().trim().max(120, 'at most 120 characters').nullish(),
    distanceM: z
      .number({ error: 'the race distance in metres' })
      .min(GOAL_DISTANCE_M.min, 'at least 5 km')
      .max(GOAL_DISTANCE_M.max, 'at most 100 miles'),
    date: z.string().refine(isCalendarDate, 'the race day as YYYY-MM-DD, e.g. 2027-04-11'),
    surface: z
      .enum(['road', 'trail', 'track', 'mixed'], { error: 'road, trail, track or mixed' })
      .default('road'),
  })
  .strict();
export type GoalRaceBody = z.infer<typeof goalRaceBody>;
