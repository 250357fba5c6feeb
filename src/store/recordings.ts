import { and, eq, gte, inArray, lte, ne, sql } from 'drizzle-orm';
import type { ActivitySource, ActivitySummary } from '../domain/activity.js';
import type { Channel, ChannelSources } from '../domain/channels.js';
import type { RecordingFingerprint, RecordingFormat } from '../domain/recordings.js';
import type { Db } from './database.js';
import { activity, activitySource, activityStream, type NewActivityRow } from './schema.js';
import { STREAM_CODEC_VERSION } from './stream-codec.js';

/** A decoded run with its samples already encoded (see stream-codec.ts), ready to store. */
export interface EncodedRun {
  summary: ActivitySummary;
  source: ActivitySource;
  title: string | null;
  channelSources: ChannelSources;
  channels: Channel[];
  sampleCount: number;
  streamBlob: Uint8Array;
}

/** A recording already stored: which activity it belongs to. */
export interface KnownSource {
  fileHash: string;
  sessionIndex: number;
  activityId: string;
}

/** The recording that provides a stored run's data, as duplicate detection compares it. */
export interface StoredRecording extends RecordingFingerprint {
  activityId: string;
  fileName: string;
}

export async function findKnownSources(db: Db, athleteId: string, hashes: string[]): Promise<KnownSource[]> {
  if (hashes.length === 0) return [];
  return db
    .select({
      fileHash: activitySource.fileHash,
      sessionIndex: activitySource.sessionIndex,
      activityId: activitySource.activityId,
    })
    .from(activitySource)
    .where(and(eq(activitySource.athleteId, athleteId), inArray(activitySource.fileHash, hashes)));
}

/** Stored runs starting between `from` and `to`, with what decides which recording of a run is richer. */
export async function findRecordingsBetween(
  db: Db,
  athleteId: string,
  from: Date,
  to: Date,
): Promise<StoredRecording[]> {
  const rows = await db
    .select({
      activityId: activity.id,
      startTime: activity.startTime,
      utcOffsetMin: activity.utcOffsetMin,
      distanceM: activity.distanceM,
      format: activity.sourceFormat,
      channels: activity.channels,
      fileName: activity.sourceFileName,
      sampleCount: activityStream.sampleCount,
    })
    .from(activity)
    // Logged runs (training-log rows) have no samples, and are found all the same.
    .leftJoin(activityStream, eq(activityStream.activityId, activity.id))
    .where(
      and(eq(activity.athleteId, athleteId), gte(activity.startTime, from), lte(activity.startTime, to)),
    );
  return rows.map((r) => ({
    ...r,
    format: r.format as RecordingFormat,
    channels: r.channels as Channel[],
    sampleCount: r.sampleCount ?? 0,
  }));
}

function activityValues(id: string, athleteId: string, run: EncodedRun): NewActivityRow {
  const { summary: s, source } = run;
  return {
    id,
    athleteId,
    sourceFormat: source.format,
    sourceFileName: source.fileName,
    sourceHash: source.fileHash,
    sourceSessionIndex: source.sessionIndex,
    name: run.title,
    device: s.device,
    sport: s.sport,
    subSport: s.subSport,
    startTime: s.startTime,
    utcOffsetMin: s.utcOffsetMin,
    elapsedS: s.elapsedS,
    movingS: s.movingS,
    distanceM: s.distanceM,
    ascentM: s.ascentM,
    descentM: s.descentM,
    avgSpeedMps: s.avgSpeedMps,
    maxSpeedMps: s.maxSpeedMps,
    avgHeartRateBpm: s.avgHeartRateBpm,
    maxHeartRateBpm: s.maxHeartRateBpm,
    avgCadenceSpm: s.avgCadenceSpm,
    maxCadenceSpm: s.maxCadenceSpm,
    avgPowerW: s.avgPowerW,
    maxPowerW: s.maxPowerW,
    channels: run.channels,
    channelSources: run.channelSources as Record<string, string>,
  };
}

function sourceValues(
  id: string,
  activityId: string,
  athleteId: string,
  run: EncodedRun,
  isPrimary: boolean,
) {
  return {
    id,
    activityId,
    athleteId,
    format: run.source.format,
    fileName: run.source.fileName,
    fileHash: run.source.fileHash,
    sessionIndex: run.source.sessionIndex,
    isPrimary,
    startTime: run.summary.startTime,
    distanceM: run.summary.distanceM,
    elapsedS: run.summary.elapsedS,
    channels: run.channels,
  };
}

function streamValues(activityId: string, athleteId: string, run: EncodedRun) {
  return {
    activityId,
    athleteId,
    codecVersion: STREAM_CODEC_VERSION,
    sampleCount: run.sampleCount,
    data: run.streamBlob,
  };
}

export interface NewRun {
  activityId: string;
  sourceId: string;
  athleteId: string;
  run: EncodedRun;
}

/** Stores new runs with their samples and their source, a few statements for the whole batch. */
export async function insertRuns(db: Db, runs: NewRun[]): Promise<void> {
  if (runs.length === 0) return;
  await db.insert(activity).values(runs.map((r) => activityValues(r.activityId, r.athleteId, r.run)));
  await db.insert(activityStream).values(runs.map((r) => streamValues(r.activityId, r.athleteId, r.run)));
  await db
    .insert(activitySource)
    .values(runs.map((r) => sourceValues(r.sourceId, r.activityId, r.athleteId, r.run, true)));
}

/** Keeps another recording of a stored run as provenance, without touching the run's data. */
export async function addSources(db: Db, runs: NewRun[]): Promise<void> {
  if (runs.length === 0) return;
  await db
    .insert(activitySource)
    .values(runs.map((r) => sourceValues(r.sourceId, r.activityId, r.athleteId, r.run, false)));
}

/**
 * Makes a richer recording provide a stored run's data. The run keeps its id, so whatever refers to it (pain
 * reports, notes) stays attached; the recording it replaces stays listed as a source.
 */
export async function replaceRecording(db: Db, replacement: NewRun): Promise<void> {
  const { activityId, athleteId, run } = replacement;
  const { id: _keepId, athleteId: _keepAthlete, ...values } = activityValues(activityId, athleteId, run);
  await db
    .update(activity)
    .set({ ...values, importedAt: sql`now()` })
    .where(eq(activity.id, activityId));
  const { activityId: _a, athleteId: _b, ...stream } = streamValues(activityId, athleteId, run);
  // A logged run replaced by its recording had no samples until now.
  await db
    .insert(activityStream)
    .values(streamValues(activityId, athleteId, run))
    .onConflictDoUpdate({ target: activityStream.activityId, set: { ...stream, createdAt: sql`now()` } });
  await db
    .update(activitySource)
    .set({ isPrimary: false })
    .where(and(eq(activitySource.activityId, activityId), ne(activitySource.id, replacement.sourceId)));
  await db
    .insert(activitySource)
    .values(sourceValues(replacement.sourceId, activityId, athleteId, run, true));
}

/** Every recording of a run, the one providing its data first. */
export async function listSources(db: Db, activityId: string) {
  const rows = await db.select().from(activitySource).where(eq(activitySource.activityId, activityId));
  return rows.sort((a, b) => Number(b.isPrimary) - Number(a.isPrimary) || +a.importedAt - +b.importedAt);
}
