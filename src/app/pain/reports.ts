import { randomUUID } from 'node:crypto';
import { distanceAtElapsed, elapsedAtDistance } from '../../analysis/run-position.js';
import { type TriageContext, type TriageOutcome, triagePainReport } from '../../analysis/triage/index.js';
import type { Streams } from '../../domain/channels.js';
import type { PainOnset, PainReportInput } from '../../domain/pain.js';
import { localDate } from '../../domain/time.js';
import { formatDistance, formatDuration, type UnitSystem } from '../../domain/units.js';
import {
  type ActivityRow,
  type Db,
  getActivity,
  getStreams,
  listPainReports,
  type NewPainReportRow,
  type PainReportRow,
} from '../../store/index.js';
import { InputError } from '../errors.js';
import type { PainReportView } from '../views.js';

/** A painful moment placed on its run: how far, and how long after the start. */
export interface PlacedOnset {
  onsetM: number | null;
  onsetS: number | null;
}

/**
 * Places a report's onset on its run, both as distance and as time since the start, so patterns can be read
 * either way. An onset beyond the run's end is a mistake in the report, said so rather than stored.
 */
export function placeOnset(
  onset: PainOnset,
  run: Pick<ActivityRow, 'distanceM' | 'elapsedS'> | undefined,
  streams: Streams | undefined,
  units: UnitSystem,
): PlacedOnset {
  if (onset.kind === 'during' || onset.kind === 'after') return { onsetM: null, onsetS: null };
  if (onset.kind === 'distance') {
    // GPS and footpod distances of a run differ by a few percent; an onset a little past the end is the finish.
    if (run && onset.distanceM > run.distanceM * 1.02 + 50) {
      throw new InputError(
        `the onset ${formatDistance(onset.distanceM, units, 1)} is beyond the run's ${formatDistance(run.distanceM, units, 1)}`,
      );
    }
    const onsetM = run ? Math.min(onset.distanceM, run.distanceM) : onset.distanceM;
    return { onsetM, onsetS: streams ? elapsedAtDistance(streams, onsetM) : null };
  }
  if (run && onset.elapsedS > run.elapsedS + 60) {
    throw new InputError(
      `the onset ${formatDuration(onset.elapsedS)} into the run is after its end (${formatDuration(run.elapsedS)})`,
    );
  }
  const onsetS = run ? Math.min(onset.elapsedS, run.elapsedS) : onset.elapsedS;
  return { onsetM: streams ? distanceAtElapsed(streams, onsetS) : null, onsetS };
}

/** The run a report names, checked to be the athlete's, with the date the report takes from it. */
export async function reportRun(
  db: Db,
  athleteId: string,
  activityId: string | null,
): Promise<{ run: ActivityRow; streams: Streams | undefined; date: string } | undefined> {
  if (activityId === null) return undefined;
  const run = await getActivity(db, activityId);
  if (!run || run.athleteId !== athleteId)
    throw new InputError(`no run with id ${activityId} for this athlete`);
  return { run, streams: await getStreams(db, activityId), date: localDate(run.startTime, run.utcOffsetMin) };
}

/** What triage needs from earlier reports of the same region and side, oldest first. */
export function triageContext(
  earlier: readonly Pick<
    PainReportRow,
    'date' | 'region' | 'side' | 'onsetM' | 'nextMorningSeverity' | 'id'
  >[],
  report: Pick<PainReportInput, 'region' | 'side' | 'date'>,
  excludeId?: string,
): TriageContext {
  const same = earlier.filter(
    (r) =>
      r.region === report.region && r.side === report.side && r.date <= report.date && r.id !== excludeId,
  );
  return {
    earlierOnsets: same.flatMap((r) => (r.onsetM === null ? [] : [{ date: r.date, onsetM: r.onsetM }])),
    earlierMorningSeverities: same.flatMap((r) =>
      r.nextMorningSeverity === null ? [] : [{ date: r.date, severity: r.nextMorningSeverity }],
    ),
  };
}

/** A report ready to store, triaged against the athlete's earlier reports. */
export async function preparePainReport(
  db: Db,
  athleteId: string,
  input: PainReportInput,
  placed: PlacedOnset,
  sourceKey: string | null = null,
): Promise<NewPainReportRow> {
  const earlier = await listPainReports(db, athleteId, { to: input.date });
  const triage = triagePainReport(input, { ...triageContext(earlier, input), reportOnsetM: placed.onsetM });
  return {
    id: randomUUID(),
    athleteId,
    activityId: input.activityId,
    date: input.date,
    region: input.region,
    side: input.side,
    aspect: input.aspect,
    onsetKind: input.onset.kind,
    onsetM: placed.onsetM,
    onsetS: placed.onsetS,
    severity: input.severity,
    character: input.character,
    action: input.action,
    nextMorningSeverity: input.nextMorningSeverity,
    redFlags: input.redFlags,
    note: input.note,
    triageLevel: triage.level,
    triage,
    sourceKey,
  };
}

/** The stored row as the runner gave it. */
export function reportInput(row: PainReportRow): PainReportInput {
  return {
    activityId: row.activityId,
    date: row.date,
    region: row.region as PainReportInput['region'],
    side: row.side as PainReportInput['side'],
    aspect: row.aspect as PainReportInput['aspect'],
    onset: storedOnset(row),
    severity: row.severity,
    character: row.character as PainReportInput['character'],
    action: row.action as PainReportInput['action'],
    nextMorningSeverity: row.nextMorningSeverity,
    redFlags: row.redFlags,
    note: row.note,
  };
}

function storedOnset(row: PainReportRow): PainOnset {
  switch (row.onsetKind) {
    case 'distance':
      return { kind: 'distance', distanceM: row.onsetM ?? 0 };
    case 'time':
      return { kind: 'time', elapsedS: row.onsetS ?? 0 };
    case 'after':
      return { kind: 'after' };
    default:
      return { kind: 'during' };
  }
}

export function painReportView(row: PainReportRow): PainReportView {
  const input = reportInput(row);
  return {
    id: row.id,
    athleteId: row.athleteId,
    runId: row.activityId,
    date: row.date,
    region: input.region,
    side: input.side,
    aspect: input.aspect,
    onset: input.onset,
    onsetM: row.onsetM,
    onsetS: row.onsetS,
    severity: row.severity,
    character: input.character,
    action: input.action,
    nextMorningSeverity: row.nextMorningSeverity,
    redFlags: row.redFlags,
    note: row.note,
    triage: row.triage as TriageOutcome,
    cleared: row.clearedAt ? { at: row.clearedAt.toISOString(), note: row.clearedNote ?? '' } : null,
    createdAt: row.createdAt.toISOString(),
  };
}
