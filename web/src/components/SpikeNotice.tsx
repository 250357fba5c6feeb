import type { SpikeCheck } from '../../../src/coach/plan/types.js';
import { spikeLevel, spikeTitle } from '../plan-format.js';

interface Props {
  /** Its message is in the athlete's unit already (the server writes it so). */
  spike: SpikeCheck;
  /** Words before the title, for a run allowed past the line (the race). */
  context?: string;
  testId?: string;
}

/**
 * The spike guard for one run, planned or done: a quiet line while it is within +10% of the 30-day longest run,
 * a caution at 10–30% over, a stronger warning beyond, each with RUNSAFE's numbers and the source.
 */
export function SpikeNotice({ spike, context, testId = 'spike' }: Props) {
  const level = spikeLevel(spike.band);
  if (level === 'quiet') {
    return (
      <p class="spike-line muted" data-testid={testId} data-band={spike.band} data-level={level}>
        <span class="spike-icon" aria-hidden="true">
          {spike.band === 'within' ? '✓' : '–'}
        </span>{' '}
        {spike.message}
      </p>
    );
  }
  return (
    <div
      class={`spike-notice spike-${level}`}
      role="note"
      aria-label={level === 'strong' ? 'Spike warning' : 'Spike caution'}
      data-testid={testId}
      data-band={spike.band}
      data-level={level}
    >
      <p class="spike-title">
        <span class="spike-icon" aria-hidden="true">
          !
        </span>{' '}
        {context ? `${context} ` : ''}
        {spikeTitle(spike)}
      </p>
      <p class="spike-text">{spike.message}</p>
      <p class="spike-source">Source: {spike.source}</p>
    </div>
  );
}
