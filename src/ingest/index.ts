import type { SourceFormat } from '../domain/activity.js';
import { decodeFitActivities } from './fit/index.js';
import { decodeGpxActivities } from './gpx/index.js';
import type { DecodeOutcome } from './outcome.js';
import { checkPlausibility } from './plausibility.js';
import { sniffFormat } from './sniff.js';
import { decodeTcxActivities } from './tcx/index.js';

export type { DecodeOutcome, SkippedSession } from './outcome.js';
export { type Sniffed, sniffFormat } from './sniff.js';

/** What each format calls one run's container, as its decoder's warnings do. */
const UNIT: Readonly<Record<SourceFormat, string>> = { fit: 'session', tcx: 'activity', gpx: 'track' };
const ARCHIVES = { zip: 'ZIP archive', gzip: 'gzip-compressed file' } as const;

/**
 * Decodes one activity file into runs. Pure: no file system, no clock. The format is judged by content, not
 * by the name; `fileName` is only recorded as the runs' source. Each Activity's `source.fileHash` is left
 * empty for the caller, who holds the bytes, to fill in. Every run, whatever its format, then passes the
 * same plausibility checks.
 */
export function decodeActivityFile(bytes: Uint8Array, fileName: string): DecodeOutcome {
  const sniffed = sniffFormat(bytes);
  switch (sniffed.format) {
    case 'unsupported':
      return { kind: 'rejected', reason: sniffed.reason };
    case 'zip':
    case 'gzip':
      return {
        kind: 'rejected',
        reason: `${ARCHIVES[sniffed.format]}: import it with \`keel import\` (archives are expanded before decoding)`,
      };
    case 'fit':
      return plausible(decodeFitActivities(bytes, fileName));
    case 'tcx':
      return plausible(decodeTcxActivities(bytes, fileName));
    case 'gpx':
      return plausible(decodeGpxActivities(bytes, fileName));
  }
}

function plausible(outcome: DecodeOutcome): DecodeOutcome {
  if (outcome.kind === 'rejected') return outcome;
  const activities = [];
  const skipped = [...outcome.skipped];
  const warnings = [...outcome.warnings];
  const many = outcome.activities.length + outcome.skipped.length > 1;
  for (const run of outcome.activities) {
    const checked = checkPlausibility(run);
    const prefix = many ? `${UNIT[run.source.format]} ${run.source.sessionIndex + 1}: ` : '';
    if (checked.kind === 'implausible') {
      skipped.push({
        sessionIndex: run.source.sessionIndex,
        reason: `running session skipped: ${checked.reason}`,
      });
      continue;
    }
    activities.push(checked.activity);
    warnings.push(...checked.warnings.map((w) => prefix + w));
  }
  skipped.sort((a, b) => a.sessionIndex - b.sessionIndex);
  return { kind: 'decoded', activities, skipped, warnings };
}
