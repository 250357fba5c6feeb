import { z } from 'zod';
import { isCalendarDate } from '../../domain/time.js';
import { BENCHMARK_TESTS, benchmarkTest } from './battery.js';
import { PLAUSIBLE_MAX } from './thresholds.js';
import type { BenchmarkResult } from './types.js';

const UNIT_WORDS = { s: 'seconds', reps: 'reps', faults: 'faults' } as const;

/**
 * One entry of a benchmark result, from any edge (CLI, HTTP, import). The field types come first; every other
 * rule is checked in one pass so a form can show all of its mistakes at once.
 */
export const benchmarkResultInput = z
  .object({
    testId: z.string({ error: 'the test id, e.g. side-bridge' }),
    takenOn: z.string({ error: 'the day of the test as YYYY-MM-DD' }),
    side: z
      .enum(['left', 'right'], { error: 'left or right, or empty for a test not done per side' })
      .nullish(),
    value: z.number({ error: 'a number, e.g. 95' }),
    note: z.string({ error: 'text' }).max(2000, 'at most 2000 characters').nullish(),
  })
  .strict()
  .superRefine((entry, ctx) => {
    if (!isCalendarDate(entry.takenOn)) {
      ctx.addIssue({
        code: 'custom',
        path: ['takenOn'],
        message: `"${entry.takenOn}" is not a calendar day: write it as YYYY-MM-DD, e.g. 2026-03-14`,
      });
    }
    const test = benchmarkTest(entry.testId);
    if (!test) {
      ctx.addIssue({
        code: 'custom',
        path: ['testId'],
        message: `"${entry.testId}" is not a Keel benchmark test; one of ${BENCHMARK_TESTS.map((t) => t.id).join(', ')}`,
      });
    } else if (test.sided && (entry.side ?? null) === null) {
      ctx.addIssue({
        code: 'custom',
        path: ['side'],
        message: `${test.name} is done per side: say left or right`,
      });
    } else if (!test.sided && (entry.side ?? null) !== null) {
      ctx.addIssue({
        code: 'custom',
        path: ['side'],
        message: `${test.name} is not done per side: leave side empty`,
      });
    }
    const value = entry.value;
    if (value < 0) {
      ctx.addIssue({ code: 'custom', path: ['value'], message: `${value} is below 0` });
      return;
    }
    if (!test) return;
    const unit = UNIT_WORDS[test.unit];
    if (test.unit !== 's' && !Number.isInteger(value)) {
      ctx.addIssue({ code: 'custom', path: ['value'], message: `${value} is not a whole number of ${unit}` });
    }
    const max = PLAUSIBLE_MAX[test.unit];
    if (value > max) {
      ctx.addIssue({
        code: 'custom',
        path: ['value'],
        message: `${value} ${unit} is more than ${max} ${unit}, beyond what Keel accepts as a plausible entry (a check for typing slips, not a norm)`,
      });
    } else if (test.protocolMax !== null && value > test.protocolMax) {
      ctx.addIssue({
        code: 'custom',
        path: ['value'],
        message: `${value} ${unit} is more than the ${test.protocolMax} the ${test.name} protocol allows`,
      });
    }
  })
  .transform(
    (entry): Omit<BenchmarkResult, 'id'> => ({
      testId: entry.testId,
      takenOn: entry.takenOn,
      side: entry.side ?? null,
      value: entry.value,
      note: entry.note ?? null,
    }),
  );
export type BenchmarkResultInput = z.input<typeof benchmarkResultInput>;

export type ParsedBenchmarkResult =
  | { ok: true; result: Omit<BenchmarkResult, 'id'> }
  | { ok: false; errors: string[] };

/** Parse an entry; each error names its field first: "side: Side bridge is done per side: say left or right". */
export function parseBenchmarkResult(input: unknown): ParsedBenchmarkResult {
  const parsed = benchmarkResultInput.safeParse(input);
  if (parsed.success) return { ok: true, result: parsed.data };
  return {
    ok: false,
    errors: parsed.error.issues.map((issue) => {
      if (issue.code === 'unrecognized_keys')
        return `${issue.keys.join(', ')}: not a field of a benchmark result`;
      return `${issue.path.join('.') || 'entry'}: ${issue.message}`;
    }),
  };
}
