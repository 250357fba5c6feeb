/**
 * The validation set of docs/form-breakdown.md: real runs re-encoded with the FIT SDK unchanged and with drift
 * injected after a known distance, synthetic runs with and without drift, and the demo athlete's long runs.
 * Pure: files come in as bytes, so the test and the benchmark share every step.
 */

import { analyzeForm } from '../../src/analysis/form/analyze.js';
import type { FormAnalysis } from '../../src/analysis/form/types.js';
import { encodeActivityFit, type FitSubSport, type StrydChannel } from '../../src/demo/fit-encoder.js';
import type { DemoHistory } from '../../src/demo/history.js';
import { DEMO_PLACE, makeCourse } from '../../src/demo/index.js';
import { DEFAULT_RUNNER } from '../../src/demo/runner-model.js';
import { smartRecording } from '../../src/demo/smart-recording.js';
import { generateRun } from '../../src/demo/synthetic-run.js';
import type { Activity } from '../../src/domain/activity.js';
import type { Channel, Streams } from '../../src/domain/channels.js';
import { createRandom } from '../../src/domain/random.js';
import { decodeActivityFile } from '../../src/ingest/index.js';

/** The ±1 km target of issue 5. */
export const TOLERANCE_M = 1000;

/**
 * Injected drift per km past the injection point. "clear" reaches every metric's minimum meaningful change
 * (metrics.ts) within 1 km, "moderate" within 2 km, "subtle" within about 4 km.
 */
export const DRIFT_RATES = {
  subtle: { stancePct: 0.6, cadenceSpm: 0.5, oscillationPct: 1 },
  moderate: { stancePct: 1.25, cadenceSpm: 1, oscillationPct: 2 },
  clear: { stancePct: 2.5, cadenceSpm: 2, oscillationPct: 4 },
} as const;
export type DriftRate = keyof typeof DRIFT_RATES;
/** Injection points as shares of the run: early enough for a drift to grow, late enough for a fresh part. */
export const INJECT_AT = [0.35, 0.6] as const;

export type CaseSet =
  | 'corpus-unchanged'
  | 'corpus-injected'
  | 'synthetic-steady'
  | 'synthetic-drift'
  | 'demo-drift'
  | 'demo-steady';

export interface ValidationCase {
  set: CaseSet;
  name: string;
  rate: DriftRate | null;
  /** Where drift truly starts; null when the run has none (as far as is known). */
  truthM: number | null;
  analysis: FormAnalysis;
}

/** Stance time up, cadence down and oscillation up from `fromM` on, with step length and ratio following. */
export function injectDrift(streams: Streams, fromM: number, rate: DriftRate): Streams {
  const { stancePct, cadenceSpm, oscillationPct } = DRIFT_RATES[rate];
  const out: Streams = { ...streams };
  const copy = (c: Exclude<Channel, 'time'>) => {
    const values = streams[c];
    if (values) out[c] = Float64Array.from(values);
    return out[c];
  };
  const [stance, cadence, oscillation, stepLength, ratio] = (
    ['stanceTime', 'cadence', 'verticalOscillation', 'stepLength', 'verticalRatio'] as const
  ).map(copy);
  const distance = streams.distance;
  if (!distance) return out;
  for (let i = 0; i < distance.length; i++) {
    const km = ((distance[i] as number) - fromM) / 1000;
    if (!(km > 0)) continue;
    if (stance) stance[i] = (stance[i] as number) * (1 + (stancePct * km) / 100);
    const oscillationFactor = 1 + (oscillationPct * km) / 100;
    if (oscillation) oscillation[i] = (oscillation[i] as number) * oscillationFactor;
    // At one speed, fewer steps mean longer ones: step length and vertical ratio follow the cadence.
    let stepFactor = 1;
    if (cadence) {
      const before = cadence[i] as number;
      cadence[i] = before - cadenceSpm * km;
      stepFactor = before / (cadence[i] as number);
    }
    if (stepLength) stepLength[i] = (stepLength[i] as number) * stepFactor;
    if (ratio) ratio[i] = ((ratio[i] as number) * oscillationFactor) / stepFactor;
  }
  return out;
}

const STRYD_CHANNELS: readonly StrydChannel[] = [
  'power',
  'stanceTime',
  'verticalOscillation',
  'formPower',
  'legSpringStiffness',
];
const SUB_SPORT: Partial<Record<Activity['subSport'], FitSubSport>> = {
  treadmill: 'treadmill',
  trail: 'trail',
};

/** Writes a run as a FIT file with the SDK (Stryd's channels as Stryd's developer fields) and decodes it again. */
export function roundTrip(activity: Activity, streams: Streams): Activity | null {
  const samples: Streams = { ...streams };
  const stryd: Partial<Record<StrydChannel, Float64Array>> = {};
  for (const channel of STRYD_CHANNELS) {
    const values = streams[channel];
    if (values && activity.channelSources[channel]?.startsWith('dev:Stryd')) {
      stryd[channel] = values;
      delete samples[channel];
    }
  }
  const fit = encodeActivityFit({
    creator: { index: 'creator', manufacturer: 'garmin', product: 'fr965' },
    utcOffsetMin: null,
    sessions: [
      {
        sport: 'running',
        subSport: SUB_SPORT[activity.subSport] ?? 'generic',
        startTime: activity.startTime,
        samples,
        stryd,
      },
    ],
  });
  const decoded = decodeActivityFile(fit, 'round-trip.fit');
  return decoded.kind === 'decoded' ? (decoded.activities[0] ?? null) : null;
}

const analyse = (a: Activity) => analyzeForm({ streams: a.streams, channelSources: a.channelSources });

/**
 * The corpus cases of one file: every running session with running dynamics, unchanged and with each drift
 * `rates` at each injection point, all through the FIT SDK.
 */
export function corpusCases(
  fileName: string,
  bytes: Uint8Array,
  rates: readonly DriftRate[],
): ValidationCase[] {
  const decoded = decodeActivityFile(bytes, fileName);
  if (decoded.kind !== 'decoded') return [];
  const cases: ValidationCase[] = [];
  for (const activity of decoded.activities) {
    const name = `${fileName}#${activity.source.sessionIndex}`;
    if (!hasDynamics(analyse(activity))) continue;
    const unchanged = roundTrip(activity, activity.streams);
    if (unchanged === null) continue;
    const analysis = analyse(unchanged);
    if (!hasDynamics(analysis)) continue;
    cases.push({ set: 'corpus-unchanged', name, rate: null, truthM: null, analysis });
    const start = activity.streams.distance?.[0] ?? 0;
    for (const share of INJECT_AT) {
      const fromM = start + share * activity.distanceM;
      for (const rate of rates) {
        const injected = roundTrip(activity, injectDrift(activity.streams, fromM, rate));
        if (injected === null) continue;
        cases.push({ set: 'corpus-injected', name, rate, truthM: fromM, analysis: analyse(injected) });
      }
    }
  }
  return cases;
}

const hasDynamics = (a: FormAnalysis) =>
  a.evidence === 'native-dynamics' || a.evidence === 'developer-dynamics';

/**
 * Synthetic runs from the demo's runner model: 6–20 km at 2.5–3.2 m/s, hilly loops or a treadmill, some with a
 * pause, half smart-recorded; drift from 40–65% of the run when `drift`, none otherwise.
 */
export function syntheticCases(count: number, firstSeed: number, drift: boolean): ValidationCase[] {
  const cases: ValidationCase[] = [];
  for (let seed = firstSeed; seed < firstSeed + count; seed++) {
    const random = createRandom(seed);
    const distanceM = random.uniform(6000, 20_000);
    const driftFromM = drift ? random.uniform(0.4, 0.65) * distanceM : Number.POSITIVE_INFINITY;
    const treadmill = random.chance(0.2);
    const run = generateRun({
      seed: random.fork(),
      distanceM,
      speedMps: random.uniform(2.5, 3.2),
      course: treadmill
        ? null
        : makeCourse(DEMO_PLACE, random.pick(['loop', 'out-and-back']), distanceM, random),
      runner: { ...DEFAULT_RUNNER, stabilizerEnduranceM: driftFromM },
      pauses: random.chance(0.3) ? [{ atM: random.uniform(2000, distanceM - 1000), durationS: 60 }] : [],
    });
    const recorded = random.chance(0.5) ? smartRecording(run, random.fork()).samples : run.samples;
    const analysis = analyzeForm({ streams: recorded, channelSources: NATIVE_SOURCES });
    cases.push({
      set: drift ? 'synthetic-drift' : 'synthetic-steady',
      name: `seed ${seed}`,
      rate: null,
      truthM: drift ? driftFromM : null,
      analysis,
    });
  }
  return cases;
}

/** The demo athlete's runs as her watch wrote them; the plan says where her form truly starts to drift. */
export function demoCases(history: DemoHistory): Array<ValidationCase & { painOnsetM: number | null }> {
  return history.runs.flatMap((run) => {
    const decoded = decodeActivityFile(run.fit, run.fileName);
    const activity = decoded.kind === 'decoded' ? decoded.activities[0] : undefined;
    if (!activity) return [];
    const truthM = run.plan.formDriftFromM;
    return [
      {
        set: truthM === null ? 'demo-steady' : 'demo-drift',
        name: `${run.plan.kind} week ${run.plan.week}`,
        rate: null,
        truthM,
        analysis: analyse(activity),
        painOnsetM: run.plan.pain?.onsetM ?? null,
      },
    ];
  });
}

const NATIVE_SOURCES = Object.fromEntries(
  (
    [
      'stanceTime',
      'stanceTimeBalance',
      'verticalOscillation',
      'verticalRatio',
      'stepLength',
      'cadence',
    ] as const
  ).map((c) => [c, `fit:record.${c}`]),
);

export interface CaseSummary {
  label: string;
  cases: number;
  answered: number;
  /** Share of runs with drift whose breakdown lies within ±1 km of the truth. */
  within: number | null;
  medianErrorM: number | null;
  /** Share of runs without drift given a breakdown. */
  falseAlarms: number | null;
}

export function breakdownError(c: ValidationCase): number | null {
  return c.truthM === null || c.analysis.breakdownM === null ? null : c.analysis.breakdownM - c.truthM;
}

export function summarise(label: string, cases: readonly ValidationCase[]): CaseSummary {
  const answered = cases.filter((c) => c.analysis.evidence !== 'insufficient');
  const drifting = answered.filter((c) => c.truthM !== null);
  const steady = answered.filter((c) => c.truthM === null);
  const errors = drifting.flatMap((c) => {
    const e = breakdownError(c);
    return e === null ? [] : [Math.abs(e)];
  });
  return {
    label,
    cases: cases.length,
    answered: answered.length,
    within: drifting.length > 0 ? errors.filter((e) => e <= TOLERANCE_M).length / drifting.length : null,
    medianErrorM: errors.length > 0 ? median(errors) : null,
    falseAlarms:
      steady.length > 0 ? steady.filter((c) => c.analysis.breakdownM !== null).length / steady.length : null,
  };
}

export function markdownTable(rows: readonly CaseSummary[]): string {
  const pct = (v: number | null) => (v === null ? '—' : `${Math.round(100 * v)}%`);
  const lines = [
    '| set | runs | answered | breakdown within ±1 km | median error | false alarms |',
    '|---|---:|---:|---:|---:|---:|',
    ...rows.map(
      (r) =>
        `| ${r.label} | ${r.cases} | ${r.answered} | ${pct(r.within)} | ` +
        `${r.medianErrorM === null ? '—' : `${Math.round(r.medianErrorM)} m`} | ${pct(r.falseAlarms)} |`,
    ),
  ];
  return lines.join('\n');
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 === 1
    ? (sorted[mid] as number)
    : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
}
