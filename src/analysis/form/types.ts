import type { ChannelSources, Streams } from '../../domain/channels.js';

/** The quantities whose drift at the same speed and grade Keel reads as form breaking down. */
export type FormMetricName =
  | 'stanceTime'
  | 'cadence'
  | 'verticalOscillation'
  | 'verticalRatio'
  | 'balanceAsymmetry'
  | 'legSpringStiffness'
  | 'formPower'
  | 'stepLength'
  | 'power'
  | 'heartRate';

/** What a run's answer rests on, strongest first. */
export type FormEvidence =
  | 'native-dynamics'
  | 'developer-dynamics'
  | 'cadence-only'
  | 'heart-rate-only'
  | 'insufficient';

/**
 * What the athlete's earlier runs say about how each metric follows speed and grade. Built by
 * `formBaselineFrom` from past analyses; it steadies the speed correction on runs at one even pace, where a
 * single run cannot tell how the metric would move with speed. Levels are left out on purpose: shoes, strap
 * position and the day shift them, slopes much less.
 */
export interface AthleteFormBaseline {
  metrics: Partial<Record<FormMetricName, FormSlopes & { runs: number }>>;
}

export interface FormSlopes {
  /** Metric units per m/s. */
  perMps: number;
  /** Metric units per unit grade (rise over run, 0.01 = 1%). */
  perGrade: number;
}

export interface FormInput {
  streams: Streams;
  channelSources: ChannelSources;
  baseline?: AthleteFormBaseline;
}

export interface FormMetric {
  name: FormMetricName;
  unit: string;
  /** Level before the change point (the whole run when none), at the run's mean speed on the flat. */
  baseline: number;
  /** Drift by the end of the run at the same speed and grade, in percent of `baseline` (balance: in points). */
  driftPct: number;
  /** Where the drift starts, when it is significant, in the fatigue direction and large enough to matter. */
  changeM: number | null;
  significant: boolean;
  /** Whether this metric takes part in `breakdownM` (heart rate and redundant metrics only inform). */
  votes: boolean;
  slopes: FormSlopes;
  series: {
    distanceM: number[];
    /** The metric at the run's mean speed on the flat: baseline + drift + residual. */
    corrected: number[];
    /** Baseline ± 2 SD of the change-point model's residuals. */
    band: [number, number];
  };
}

export interface FormAnalysis {
  breakdownM: number | null;
  evidence: FormEvidence;
  /** The run's distance, where a run without a breakdown is censored across runs. */
  distanceM: number;
  /** Distance range the change points were looked for in, after the warm-up; null when insufficient. */
  analysedM: [number, number] | null;
  metrics: FormMetric[];
  notes: string[];
}
