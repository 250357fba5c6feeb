import type { Health } from '../api.js';

interface Props {
  health: Health | null;
  error: Error | null;
}

/** What the app shows while `keel serve` opens (or, the first time, creates) its database. */
export function Preparing({ health, error }: Props) {
  if (health?.status === 'failed') {
    return (
      <section class="preparing" role="alert" data-testid="preparing-failed">
        <h1 tabIndex={-1}>Keel could not open its data</h1>
        <p>{health.message ?? 'The database did not open.'}</p>
        <p class="muted">Look at the terminal where Keel runs for details, then restart it.</p>
      </section>
    );
  }
  return (
    <section class="preparing" aria-busy="true" data-testid="preparing">
      <div class="spinner" aria-hidden="true" />
      <h1 tabIndex={-1}>Preparing your data…</h1>
      <p role="status">
        {error ? `Waiting for Keel: ${error.message}` : (health?.message ?? 'Connecting to Keel…')}
      </p>
      <p class="muted">The first start sets up a database on this computer; it takes a few seconds.</p>
    </section>
  );
}
