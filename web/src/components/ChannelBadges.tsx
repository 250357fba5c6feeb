import type { Channel } from '../../../src/domain/channels.js';
import { channelBadges } from '../format.js';

/** Small tags for the sensor data a run has: HR, cadence, running dynamics, power. */
export function ChannelBadges({ channels }: { channels: readonly Channel[] }) {
  const badges = channelBadges(channels);
  if (badges.length === 0)
    return (
      <span class="muted" title="No heart rate, cadence, running dynamics or power">
        –
      </span>
    );
  return (
    <ul class="badges" aria-label="Data recorded">
      {badges.map((b) => (
        <li key={b.key} class={`badge badge-${b.key}`} title={b.title} data-testid={`badge-${b.key}`}>
          <span aria-hidden="true">{b.label}</span>
          <span class="visually-hidden">{b.title}</span>
        </li>
      ))}
    </ul>
  );
}
