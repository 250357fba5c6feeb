import { formatPercent, formatValue } from './format.js';
import { MEAN_NORM_BAND } from './thresholds.js';
import type { Athlete, BenchmarkSide, BenchmarkTest, NormComparison, NormResult } from './types.js';

const SEX_WORDS = { male: 'men', female: 'women' } as const;

function unverified(verified: boolean): string {
  return verified ? '' : '; figures Keel has not yet re-checked against the paper';
}

function noNorm(explanation: string, source: string | null, verified: boolean | null): NormResult {
  return {
    comparison: null,
    reference: null,
    ratio: null,
    band: null,
    explanation,
    standard: null,
    source,
    verified,
  };
}

/** One value of one side set against the test's norm, for this athlete. */
export function compareWithNorm(
  test: BenchmarkTest,
  side: BenchmarkSide | null,
  value: number,
  athlete: Athlete,
  ageYears: number | null,
): NormResult {
  const norm = test.norm;
  const shown = formatValue(value, test.unit);
  switch (norm.kind) {
    case 'none':
      return noNorm(norm.reason, norm.source, norm.verified);
    case 'sex-means': {
      if (athlete.sex === null) {
        return noNorm(
          `the ${test.name} means differ between men and women and your sex is not recorded, so there is no norm to compare with: compare left with right and with your own earlier results`,
          norm.source,
          norm.verified,
        );
      }
      const sex = athlete.sex;
      const mean = norm.means.find((m) => m.sex === sex && m.side === side);
      if (!mean) return noNorm(`no mean for ${SEX_WORDS[sex]} on this side`, norm.source, norm.verified);
      const ratio = value / mean.value;
      // Without the cohort's spread in §3, Keel's own band around the mean decides below and above.
      const comparison: NormComparison =
        ratio < MEAN_NORM_BAND.low ? 'below' : ratio > MEAN_NORM_BAND.high ? 'above' : 'within';
      const age = ageYears === null ? '' : `; you are about ${ageYears}, so read them as a rough guide`;
      return {
        comparison,
        reference: mean.value,
        ratio,
        band: null,
        explanation: `${shown} is ${formatPercent(ratio * 100)} of the ${formatValue(mean.value, test.unit)} mean for ${SEX_WORDS[sex]}`,
        standard: `means from ${norm.citation}, ${norm.population}${unverified(norm.verified)}${age}`,
        source: norm.source,
        verified: norm.verified,
      };
    }
    case 'minimum': {
      const below = value < norm.minimum;
      return {
        comparison: below ? 'below' : 'within',
        reference: norm.minimum,
        ratio: value / norm.minimum,
        band: null,
        explanation: `${shown} is ${below ? 'below' : 'at or above'} the ${formatValue(norm.minimum, test.unit)} minimum`,
        standard: `${formatValue(norm.minimum, test.unit)} is the commonly used minimum (${norm.citation}, ${norm.population})${unverified(norm.verified)}`,
        source: norm.source,
        verified: norm.verified,
      };
    }
    case 'bands': {
      const band =
        norm.bands.find(
          (b) => b.upTo === null || value < b.upTo.value || (b.upTo.inclusive && value === b.upTo.value),
        ) ?? norm.bands[norm.bands.length - 1];
      if (!band) return noNorm('no bands', norm.source, norm.verified);
      // The line that matters is the top of the "below" band: under it the result is poor.
      const reference = norm.bands.find((b) => b.comparison === 'below')?.upTo?.value ?? null;
      return {
        comparison: band.comparison,
        reference,
        ratio: reference === null ? null : value / reference,
        band: band.label,
        explanation: `${shown} is ${band.label}`,
        standard: `${describeBands(test)} (${norm.citation}, ${norm.population})${unverified(norm.verified)}`,
        source: norm.source,
        verified: norm.verified,
      };
    }
  }
}

/** "under 20 reps is poor, 20–25 reps average, more good". */
function describeBands(test: BenchmarkTest): string {
  if (test.norm.kind !== 'bands') return '';
  let lower: number | null = null;
  const parts: string[] = [];
  for (const b of test.norm.bands) {
    if (b.upTo === null) parts.push(`more ${b.label}`);
    else if (lower === null) parts.push(`under ${formatValue(b.upTo.value, test.unit)} is ${b.label}`);
    else parts.push(`${lower}–${formatValue(b.upTo.value, test.unit)} ${b.label}`);
    lower = b.upTo?.value ?? null;
  }
  return parts.join(', ');
}
