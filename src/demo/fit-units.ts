// How FIT writes values Keel keeps in its own units: times, positions, cadence.
const FIT_EPOCH_MS = Date.UTC(1989, 11, 31);
const SEMICIRCLES_PER_DEGREE = 2 ** 31 / 180;

/**
 * FIT keeps cadence as a whole number plus a fraction in 1/128ths; for running and walking Garmin counts
 * strides (one foot), so steps/min are halved. Rounding the total first keeps a fraction of 128/128 out.
 */
export function fitCadence(
  cadence: number | null,
  steps: boolean,
  prefix: '' | 'avg' | 'max',
): Record<string, number | undefined> {
  const names =
    prefix === '' ? ['cadence', 'fractionalCadence'] : [`${prefix}Cadence`, `${prefix}FractionalCadence`];
  const [whole = '', fraction = ''] = names;
  if (cadence === null || Number.isNaN(cadence)) {
    // Records keep both fields (as invalid values) so every record shares one definition.
    return prefix === '' ? { [whole]: Number.NaN, [fraction]: Number.NaN } : {};
  }
  const ticks = Math.round((steps ? cadence / 2 : cadence) * 128);
  return { [whole]: Math.floor(ticks / 128), [fraction]: (ticks % 128) / 128 };
}

export function semicircles(degrees: number | undefined): number {
  return degrees === undefined || Number.isNaN(degrees)
    ? Number.NaN
    : Math.round(degrees * SEMICIRCLES_PER_DEGREE);
}

/** Seconds since the FIT epoch (1989-12-31T00:00Z), FIT's date_time. */
export function fitTime(date: Date): number {
  return Math.round((date.getTime() - FIT_EPOCH_MS) / 1000);
}
