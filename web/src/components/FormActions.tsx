import type { ComponentChildren } from 'preact';

interface Props {
  /** Announced above the button when set. */
  error: string | null;
  errorTestId: string;
  /** Shown between the error and the button: a "saved" line, say. */
  status?: ComponentChildren;
  busy: boolean;
  /** The button's words while not saving. */
  label: string;
  submitTestId: string;
  /** Shown after the button. */
  children?: ComponentChildren;
}

/** The foot of a form: its error, the big submit button that says "Saving…" while busy, and what follows it. */
export function FormActions({ error, errorTestId, status, busy, label, submitTestId, children }: Props) {
  return (
    <div class="form-actions">
      {error && (
        <p class="form-error" role="alert" data-testid={errorTestId}>
          {error}
        </p>
      )}
      {status}
      <button
        type="submit"
        class="button button-primary button-large"
        disabled={busy}
        data-testid={submitTestId}
      >
        {busy ? 'Saving…' : label}
      </button>
      {children}
    </div>
  );
}
