import { expect } from 'vitest';
import type { Activity } from '../../src/domain/activity.js';
import { CHANNELS, type Channel, type ChannelSources, channelsPresent } from '../../src/domain/channels.js';
import type { DecodeOutcome } from '../../src/ingest/outcome.js';

/** Plausible ranges in Keel units: a value outside is a conversion bug. */
const RANGES: Partial<Record<Channel, [number, number]>> = {
  speed: [0, 15],
  heartRate: [25, 250],
  cadence: [20, 320],
  stanceTime: [50, 2500],
  stanceTimeBalance: [0, 100],
  verticalOscillation: [0, 300],
  verticalRatio: [0, 60],
  stepLength: [100, 3000],
  power: [0, 1500],
  formPower: [0, 500],
  legSpringStiffness: [0, 50],
  altitude: [-450, 9000],
  lat: [-90, 90],
  lon: [-180, 180],
};

/** What a corpus file's runs must show, whatever their format. */
export interface RunExpectation {
  /** Channels every run must have, and where they must come from when a source is named. */
  channels?: Partial<Record<Channel, string | true>>;
  /** Channels no run may have. */
  absent?: Channel[];
  /** Where the median cadence must lie when a run is not all running (steps/min); 130–210 otherwise. */
  cadenceMedian?: { range: [number, number]; why: string };
}

/**
 * The contract every importer's runs keep, FIT, TCX or GPX: times and durations that make sense, one value
 * per sample in every channel, values in plausible ranges, a running cadence in steps/min, a source named for
 * each channel present and none for an absent one.
 */
export function checkRunInvariants(run: Activity, expected: RunExpectation | undefined): void {
  const { streams, channelSources } = run;
  const n = streams.time.length;
  expect(run.elapsedS).toBeGreaterThan(0);
  expect(run.movingS).toBeGreaterThan(0);
  expect(run.movingS).toBeLessThanOrEqual(run.elapsedS);
  expect(Number.isNaN(run.startTime.getTime())).toBe(false);

  for (const channel of CHANNELS) {
    const values = streams[channel];
    if (values === undefined) continue;
    expect(values.length, `${channel} has a value per sample`).toBe(n);
    const [min, max] = RANGES[channel] ?? [Number.NEGATIVE_INFINITY, Number.POSITIVE_INFINITY];
    const implausible = Array.from(values).filter((v) => v < min || v > max);
    expect(implausible.slice(0, 5), `${channel} values within [${min}, ${max}]`).toEqual([]);
  }
  const cadence = Array.from(streams.cadence ?? [])
    .filter((v) => !Number.isNaN(v))
    .sort((a, b) => a - b);
  if (cadence.length > 0) {
    const median = cadence[cadence.length >> 1] ?? 0;
    const [min, max] = expected?.cadenceMedian?.range ?? [130, 210];
    expect(median, 'median cadence is a cadence in steps/min').toBeGreaterThan(min);
    expect(median, 'median cadence is a cadence in steps/min').toBeLessThan(max);
  }
  const steps = Array.from(streams.time.subarray(1), (t, i) => t - (streams.time[i] ?? 0));
  expect(steps.filter((dt) => !(dt > 0)).length, 'time always moves forward').toBe(0);
  if (n > 0) {
    expect(streams.time[0]).toBeGreaterThanOrEqual(0);
    expect(streams.time[n - 1]).toBeLessThanOrEqual(run.elapsedS + 60);
  }
  const present = channelsPresent(streams).filter((c) => c !== 'time');
  expect(Object.keys(channelSources).sort()).toEqual([...present].sort());

  for (const [channel, source] of Object.entries(expected?.channels ?? {}) as [Channel, string | true][]) {
    expect(present, `${channel} is present`).toContain(channel);
    if (source !== true) expect((channelSources as ChannelSources)[channel]).toBe(source);
  }
  for (const channel of expected?.absent ?? []) expect(present).not.toContain(channel);
}

/** `actual` within 1% of `expected`. */
export function withinOnePercent(actual: number, expected: number, what = 'value'): void {
  expect(Math.abs(actual - expected), `${what} ${actual} within 1% of ${expected}`).toBeLessThanOrEqual(
    0.01 * expected,
  );
}

/** What a corpus file must give as a whole, whatever its format. */
export interface FileExpectation {
  status: 'imported' | 'skipped' | 'rejected';
  /** Running activities the file must give. */
  runs?: number;
  /** Must appear in the rejection reason, or among the skipped sessions' reasons. */
  reason?: string;
  /** Must appear within the warnings. */
  warnings?: string[];
}

/**
 * The file-level contract: a rejection is one plain line (never a stack trace), a file without runs says why,
 * and the outcome is the one expected. Returns the runs, for the format's own checks.
 */
export function checkOutcome(outcome: DecodeOutcome, expected: FileExpectation | undefined): Activity[] {
  if (outcome.kind === 'rejected') {
    expect(outcome.reason).toMatch(/^[^\n]{10,300}$/);
    expect(outcome.reason).not.toMatch(/\bat \S+ \(|Error:/);
    if (expected !== undefined) {
      expect(expected.status).toBe('rejected');
      expect(outcome.reason).toContain(expected.reason ?? '');
    }
    return [];
  }
  const { activities, skipped, warnings } = outcome;
  for (const line of [...warnings, ...skipped.map((s) => s.reason)]) expect(line).toMatch(/^[^\n]+$/);
  if (activities.length === 0) expect(skipped.length, 'a file without runs says why').toBeGreaterThan(0);
  if (expected !== undefined) {
    expect(activities.length > 0 ? 'imported' : 'skipped').toBe(expected.status);
    if (expected.runs !== undefined) expect(activities).toHaveLength(expected.runs);
    if (expected.reason !== undefined) expect(skipped.map((s) => s.reason)).toContain(expected.reason);
    for (const warning of expected.warnings ?? []) {
      expect(
        warnings.some((w) => w.includes(warning)),
        `a warning says "${warning}"`,
      ).toBe(true);
    }
  }
  return activities;
}
