import { type Channel, isChannel } from '../domain/channels.js';
import type { ActivityRow, ActivitySourceRow, AthleteWithRunCount } from '../store/index.js';
import type { AthleteView, RunDetail, RunListItem } from './views.js';

export function athleteView(row: AthleteWithRunCount): AthleteView {
  return {
    id: row.id,
    name: row.name,
    units: row.units,
    sex: row.sex,
    birthYear: row.birthYear,
    isDemo: row.isDemo,
    runCount: row.runCount,
  };
}

function deviceLabel(row: ActivityRow): string | null {
  const d = row.device;
  if (!d) return null;
  const label = [d.manufacturer, d.product].filter(Boolean).join(' ');
  return label || null;
}

export function runListItem(row: ActivityRow): RunListItem {
  return {
    id: row.id,
    name: row.name,
    startTime: row.startTime.toISOString(),
    utcOffsetMin: row.utcOffsetMin,
    subSport: row.subSport as RunListItem['subSport'],
    distanceM: row.distanceM,
    movingS: row.movingS,
    elapsedS: row.elapsedS,
    avgSpeedMps: row.avgSpeedMps,
    avgHeartRateBpm: row.avgHeartRateBpm,
    avgCadenceSpm: row.avgCadenceSpm,
    device: deviceLabel(row),
    channels: row.channels.filter(isChannel),
    logged: row.sourceFormat === 'log',
  };
}

export function runDetail(row: ActivityRow, sources: ActivitySourceRow[]): RunDetail {
  const channelSources: Partial<Record<Channel, string>> = {};
  for (const [channel, source] of Object.entries(row.channelSources)) {
    if (isChannel(channel)) channelSources[channel] = source;
  }
  return {
    ...runListItem(row),
    athleteId: row.athleteId,
    ascentM: row.ascentM,
    descentM: row.descentM,
    maxSpeedMps: row.maxSpeedMps,
    maxHeartRateBpm: row.maxHeartRateBpm,
    maxCadenceSpm: row.maxCadenceSpm,
    avgPowerW: row.avgPowerW,
    maxPowerW: row.maxPowerW,
    source: {
      format: row.sourceFormat,
      fileName: row.sourceFileName,
      fileHash: row.sourceHash,
      sessionIndex: row.sourceSessionIndex,
      importedAt: row.importedAt.toISOString(),
    },
    channelSources,
    recordings: sources.map((s) => ({
      format: s.format,
      fileName: s.fileName,
      isPrimary: s.isPrimary,
      distanceM: s.distanceM,
      channels: s.channels.filter(isChannel),
      importedAt: s.importedAt.toISOString(),
    })),
  };
}
