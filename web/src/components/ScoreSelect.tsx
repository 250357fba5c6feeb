const SCORES = [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10];

interface Props {
  id: string;
  /** What is scored, shown above the choice (with its 0–10 range). */
  label: string;
  value: number;
  testId: string;
  onChange: (value: number) => void;
}

/** A labelled 0–10 drop-down: effort, pain. */
export function ScoreSelect({ id, label, value, testId, onChange }: Props) {
  return (
    <label for={id}>
      <span>{label} (0–10)</span>
      <select
        id={id}
        value={value}
        data-testid={testId}
        onChange={(e) => onChange(Number(e.currentTarget.value))}
      >
        {SCORES.map((n) => (
          <option key={n} value={n}>
            {n}
          </option>
        ))}
      </select>
    </label>
  );
}
