import { useState } from 'preact/hooks';

interface Props {
  /** What the button deletes, for screen readers: "Delete the goal Lakeside Half on 2027-02-14". */
  label: string;
  /** The question shown beside the confirming buttons, when the row alone does not make it plain. */
  question?: string;
  /** `${testId}` on the first button, `${testId}-confirm` on the second. */
  testId: string;
  remove: () => Promise<void>;
  onApiError: (error: unknown) => void;
}

/** A delete button that asks once more, and says why when the server refuses. */
export function ConfirmDelete({ label, question, testId, remove, onApiError }: Props) {
  const [confirming, setConfirming] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const confirm = async () => {
    setBusy(true);
    try {
      await remove();
    } catch (e) {
      setError((e as Error).message);
      onApiError(e);
      setBusy(false);
    }
  };
  return (
    <>
      {confirming ? (
        <span class="confirm">
          {question && <span>{question}</span>}
          <button
            type="button"
            class="button button-danger"
            disabled={busy}
            data-testid={`${testId}-confirm`}
            onClick={confirm}
          >
            Delete
          </button>
          <button type="button" class="button" onClick={() => setConfirming(false)}>
            Keep
          </button>
        </span>
      ) : (
        <button
          type="button"
          class="button button-quiet"
          data-testid={testId}
          aria-label={label}
          onClick={() => setConfirming(true)}
        >
          Delete
        </button>
      )}
      {error && (
        <p class="form-error" role="alert">
          {error}
        </p>
      )}
    </>
  );
}
