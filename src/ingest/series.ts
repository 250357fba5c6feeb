/** The largest non-NaN value, or null when there is none. */
export function maxOf(values: Float64Array | undefined): number | null {
  let max: number | null = null;
  for (const v of values ?? []) if (!Number.isNaN(v) && (max === null || v > max)) max = v;
  return max;
}

/** The last non-NaN value, or null when there is none. */
export function lastFinite(values: Float64Array | undefined): number | null {
  for (let i = (values?.length ?? 0) - 1; i >= 0; i--) {
    const v = values?.[i] ?? Number.NaN;
    if (!Number.isNaN(v)) return v;
  }
  return null;
}
