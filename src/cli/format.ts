import type { RunDetail, RunListItem, RunSpikeView } from '../app/index.js';
import { CHANNEL_INFO, type Channel } from '../domain/channels.js';
import { formatRunStart } from '../domain/time.js';
import { formatDistance, formatDuration, formatPace, type UnitSystem } from '../domain/units.js';

/** Short names for the channel column of `keel runs`, in the order runners care about. */
const CHANNEL_TAGS: [Channel, string][] = [
  ['heartRate', 'HR'],
  ['cadence', 'cad'],
  ['stanceTime', 'GCT'],
  ['stanceTimeBalance', 'bal'],
  ['verticalOscillation', 'VO'],
  ['verticalRatio', 'VR'],
  ['stepLength', 'step'],
  ['power', 'pow'],
  ['lat', 'GPS'],
];

export function table(header: string[], rows: string[][]): string {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (cells: string[]) =>
    cells
      .map((c, i) => c.padEnd(widths[i] ?? 0))
      .join('  ')
      .trimEnd();
  return [line(header), ...rows.map(line)].join('\n');
}

const orDash = (value: number | null, unit: string, digits = 0) =>
  value === null ? '–' : `${value.toFixed(digits)} ${unit}`;

export function runsTable(runs: RunListItem[], units: UnitSystem): string {
  return table(
    ['id', 'start', 'type', 'distance', 'time', 'pace', 'HR', 'channels'],
    runs.map((r) => [
      r.id.slice(0, 8),
      formatRunStart(r.startTime, r.utcOffsetMin, r.logged),
      r.subSport,
      formatDistance(r.distanceM, units),
      formatDuration(r.movingS),
      formatPace(r.avgSpeedMps, units),
      orDash(r.avgHeartRateBpm, 'bpm'),
      CHANNEL_TAGS.filter(([c]) => r.channels.includes(c))
        .map(([, tag]) => tag)
        .join(' '),
    ]),
  );
}

export function runReport(run: RunDetail, units: UnitSystem, spike: RunSpikeView): string {
  const rows: [string, string][] = [
    ['Run', run.id],
    ['Start', `${formatRunStart(run.startTime, run.utcOffsetMin, run.logged)} (${run.subSport})`],
    ['Distance', formatDistance(run.distanceM, units)],
    ['Moving time', formatDuration(run.movingS)],
    ['Elapsed time', formatDuration(run.elapsedS)],
    ['Pace', formatPace(run.avgSpeedMps, units)],
    ['Ascent', orDash(run.ascentM, 'm')],
    ['Heart rate', `${orDash(run.avgHeartRateBpm, 'bpm')} avg, ${orDash(run.maxHeartRateBpm, 'bpm')} max`],
    ['Cadence', `${orDash(run.avgCadenceSpm, 'steps/min')} avg`],
    ['Power', `${orDash(run.avgPowerW, 'W')} avg, ${orDash(run.maxPowerW, 'W')} max`],
    ['Device', run.device ?? '–'],
    ['File', `${run.source.fileName} (session ${run.source.sessionIndex + 1})`],
    [
      'Spike guard',
      spike.band === 'within' || spike.band === 'no-history' ? spike.message : `⚠ ${spike.message}`,
    ],
  ];
  const width = Math.max(...rows.map(([k]) => k.length));
  const channels = run.channels
    .filter((c) => c !== 'time')
    .map((c) => {
      const source = run.channelSources[c];
      return `  ${CHANNEL_INFO[c].label} (${CHANNEL_INFO[c].unit})${source ? ` ← ${source}` : ''}`;
    });
  return [...rows.map(([k, v]) => `${k.padEnd(width)}  ${v}`), 'Channels', ...channels].join('\n');
}
