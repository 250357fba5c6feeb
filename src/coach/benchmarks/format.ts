import type { BenchmarkUnit } from './types.js';

/** A value with its unit as a runner reads it: "95 s", "18 reps", "1 fault". */
export function formatValue(value: number, unit: BenchmarkUnit): string {
  const shown = Number.isInteger(value) ? String(value) : value.toFixed(1);
  if (unit === 's') return `${shown} s`;
  const word = unit === 'reps' ? 'rep' : 'fault';
  return `${shown} ${value === 1 ? word : `${word}s`}`;
}

export function formatPercent(percent: number): string {
  return `${Math.round(percent)}%`;
}

export function formatRatio(ratio: number): string {
  return ratio.toFixed(2);
}
