import type { Activity } from '../../src/domain/activity.js';

/** A plain steady run as the importer would hand it over, for tests below the importer. */
export function sampleActivity(overrides: Partial<Activity> & { samples?: number } = {}): Activity {
  const n = overrides.samples ?? 600;
  const speed = 3;
  const time = Float64Array.from({ length: n }, (_, i) => i);
  const distance = Float64Array.from({ length: n }, (_, i) => i * speed);
  const heartRate = Float64Array.from({ length: n }, (_, i) => 130 + Math.min(i / 20, 20));
  const { samples: _samples, ...rest } = overrides;
  return {
    sport: 'running',
    subSport: 'road',
    startTime: new Date('2026-05-14T04:05:59Z'),
    utcOffsetMin: 120,
    elapsedS: n,
    movingS: n - 1,
    distanceM: (n - 1) * speed,
    ascentM: 12,
    descentM: 11,
    avgSpeedMps: speed,
    maxSpeedMps: speed + 0.4,
    avgHeartRateBpm: 140,
    maxHeartRateBpm: 150,
    avgCadenceSpm: null,
    maxCadenceSpm: null,
    avgPowerW: null,
    maxPowerW: null,
    device: { manufacturer: 'garmin', product: 'fr965', softwareVersion: '27.09' },
    source: { format: 'fit', fileName: 'run.fit', fileHash: 'a'.repeat(64), sessionIndex: 0 },
    streams: { time, distance, speed: Float64Array.from({ length: n }, () => speed), heartRate },
    channelSources: { heartRate: 'fit:record.heart_rate' },
    ...rest,
  };
}
