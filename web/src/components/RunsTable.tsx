import type { RunListItem } from '../../../src/app/views.js';
import { formatDistance, formatDuration, formatPace, type UnitSystem } from '../../../src/domain/units.js';
import { formatRunDate, formatValue, subSportBadge } from '../format.js';
import { runHref } from '../hooks.js';
import { ChannelBadges } from './ChannelBadges.js';

interface Props {
  runs: RunListItem[];
  units: UnitSystem;
}

/**
 * The runs, newest first. Each row is one link target: the date is a real link (keyboard, middle-click),
 * and a click anywhere else on the row follows it too. On a phone the rows become cards.
 */
export function RunsTable({ runs, units }: Props) {
  const open = (e: MouseEvent, runId: string) => {
    if ((e.target as HTMLElement).closest('a')) return;
    if (window.getSelection()?.toString()) return;
    window.location.hash = runHref(runId);
  };
  return (
    <table class="runs-table" data-testid="runs-table">
      <caption class="visually-hidden">Your runs, newest first</caption>
      <thead>
        <tr>
          <th scope="col">Date</th>
          <th scope="col" class="num">
            Distance
          </th>
          <th scope="col" class="num">
            Moving time
          </th>
          <th scope="col" class="num">
            Pace
          </th>
          <th scope="col" class="num">
            Avg HR
          </th>
          <th scope="col">Data</th>
        </tr>
      </thead>
      <tbody>
        {runs.map((run) => {
          const badge = subSportBadge(run.subSport);
          return (
            <tr
              key={run.id}
              class="run-row"
              data-testid="run-row"
              data-run-id={run.id}
              onClick={(e) => open(e, run.id)}
            >
              <th scope="row" class="run-date">
                <a href={runHref(run.id)}>{formatRunDate(run.startTime, run.utcOffsetMin, !run.logged)}</a>
                {run.name && (
                  <span class="run-name" data-testid="run-name">
                    {run.name}
                  </span>
                )}
                {badge && (
                  <span class={`badge badge-sub badge-${run.subSport}`} data-testid="sub-sport">
                    {badge}
                  </span>
                )}
                {run.logged && (
                  <span
                    class="badge badge-sub badge-logged"
                    title="From your training log: a day, a distance and a time, no samples"
                    data-testid="logged-badge"
                  >
                    logged
                  </span>
                )}
              </th>
              <td class="num run-distance" data-label="Distance">
                {formatDistance(run.distanceM, units)}
              </td>
              <td class="num" data-label="Time">
                {formatDuration(run.movingS)}
              </td>
              <td class="num" data-label="Pace">
                {formatPace(run.avgSpeedMps, units)}
              </td>
              <td class="num" data-label="HR">
                {formatValue(run.avgHeartRateBpm, 'bpm')}
              </td>
              <td class="run-channels" data-label="Data">
                <ChannelBadges channels={run.channels} />
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
