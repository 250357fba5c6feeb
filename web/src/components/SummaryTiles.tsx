import type { RunDetail } from '../../../src/app/views.js';
import { formatDistance, formatDuration, formatPace, type UnitSystem } from '../../../src/domain/units.js';
import {
  dynamicsNames,
  dynamicsSources,
  formatDevice,
  formatHeight,
  formatValue,
  runKindLabel,
} from '../format.js';

interface Tile {
  id: string;
  label: string;
  value: string;
  detail?: string;
}

function tiles(run: RunDetail, units: UnitSystem): Tile[] {
  const out: Tile[] = [
    { id: 'distance', label: 'Distance', value: formatDistance(run.distanceM, units) },
    {
      id: 'time',
      label: 'Moving time',
      value: formatDuration(run.movingS),
      detail: `${formatDuration(run.elapsedS)} elapsed`,
    },
    {
      id: 'pace',
      label: 'Average pace',
      value: formatPace(run.avgSpeedMps, units),
      ...(run.maxSpeedMps ? { detail: `best ${formatPace(run.maxSpeedMps, units)}` } : {}),
    },
  ];
  if (run.ascentM !== null || run.descentM !== null)
    out.push({
      id: 'ascent',
      label: 'Ascent',
      value: formatHeight(run.ascentM, units),
      ...(run.descentM !== null ? { detail: `${formatHeight(run.descentM, units)} descent` } : {}),
    });
  if (run.avgHeartRateBpm !== null)
    out.push({
      id: 'heart-rate',
      label: 'Heart rate',
      value: formatValue(run.avgHeartRateBpm, 'bpm'),
      ...(run.maxHeartRateBpm !== null ? { detail: `max ${formatValue(run.maxHeartRateBpm, 'bpm')}` } : {}),
    });
  if (run.avgCadenceSpm !== null)
    out.push({
      id: 'cadence',
      label: 'Cadence',
      value: formatValue(run.avgCadenceSpm, 'steps/min'),
      ...(run.maxCadenceSpm !== null ? { detail: `max ${formatValue(run.maxCadenceSpm, 'steps/min')}` } : {}),
    });
  if (run.avgPowerW !== null)
    out.push({
      id: 'power',
      label: 'Power',
      value: formatValue(run.avgPowerW, 'W'),
      ...(run.maxPowerW !== null ? { detail: `max ${formatValue(run.maxPowerW, 'W')}` } : {}),
    });
  out.push(
    run.logged
      ? { id: 'device', label: 'Recorded in', value: 'Your training log' }
      : {
          id: 'device',
          label: 'Recorded with',
          value: formatDevice(run.device),
          detail: runKindLabel(run.subSport),
        },
  );
  const dynamicsFrom = dynamicsSources(run.channelSources);
  const dynamics = dynamicsNames(run.channels);
  if (dynamicsFrom || dynamics.length > 0)
    out.push({
      id: 'dynamics',
      label: 'Running dynamics from',
      value: dynamicsFrom ?? 'Unknown source',
      ...(dynamics.length > 0 ? { detail: dynamics.join(', ') } : {}),
    });
  return out;
}

/** "11.31 km" → ["11.31", "km"], so that the unit can be set smaller than the number. */
function splitUnit(value: string): [string, string | null] {
  const m = /^([\d.,:]+)\s+(.+)$/.exec(value);
  return m?.[1] && m[2] ? [m[1], m[2]] : [value, null];
}

/** The run's numbers at a glance, each with its unit. */
export function SummaryTiles({ run, units }: { run: RunDetail; units: UnitSystem }) {
  return (
    <dl class="tiles" data-testid="summary-tiles">
      {tiles(run, units).map((t) => (
        <div key={t.id} class={`tile tile-${t.id}`} data-testid={`tile-${t.id}`}>
          <dt>{t.label}</dt>
          <dd class="tile-value">
            <TileValue value={t.value} />
          </dd>
          {t.detail && <dd class="tile-detail">{t.detail}</dd>}
        </div>
      ))}
    </dl>
  );
}

function TileValue({ value }: { value: string }) {
  const [number, unit] = splitUnit(value);
  if (!unit) return <>{value}</>;
  return (
    <>
      {number}
      <span class="tile-unit"> {unit}</span>
    </>
  );
}
