import type { ComponentChildren } from 'preact';
import { useId } from 'preact/hooks';
import { severityBand } from '../pain-format.js';

/**
 * Thumb-sized choices. A question that must be answered is a radio group (arrow keys move, the browser knows it is
 * one choice); an optional one is a row of toggle buttons, so that a second tap takes the answer back.
 */

interface FieldProps {
  legend: string;
  hint?: ComponentChildren;
  /** Shown, and announced, when the runner tried to save without answering. */
  error?: string | null;
  testId: string;
  class?: string;
  children: ComponentChildren;
}

/** A fieldset with its legend, hint and error wired up for screen readers. */
export function Field({ legend, hint, error, testId, class: extra, children }: FieldProps) {
  const hintId = useId();
  const errorId = useId();
  const describedBy = [hint ? hintId : '', error ? errorId : ''].filter(Boolean).join(' ') || undefined;
  // The card is a wrapper: a fieldset's own border would cut through its legend.
  return (
    <div class={`field${error ? ' is-invalid' : ''}${extra ? ` ${extra}` : ''}`} data-testid={testId}>
      <fieldset aria-describedby={describedBy} aria-invalid={error ? true : undefined}>
        <legend class="field-legend">{legend}</legend>
        {hint && (
          <p id={hintId} class="field-hint">
            {hint}
          </p>
        )}
        {error && (
          <p id={errorId} class="field-error">
            {error}
          </p>
        )}
        {children}
      </fieldset>
    </div>
  );
}

interface RadioChipsProps<T extends string> {
  name: string;
  options: readonly T[];
  labels: Record<T, string>;
  value: T | null;
  onChange: (value: T) => void;
}

export function RadioChips<T extends string>({ name, options, labels, value, onChange }: RadioChipsProps<T>) {
  return (
    <div class="chips">
      {options.map((option) => (
        <label key={option} class="chip chip-radio">
          <input
            type="radio"
            name={name}
            value={option}
            checked={value === option}
            onChange={() => onChange(option)}
          />
          <span>{labels[option]}</span>
        </label>
      ))}
    </div>
  );
}

interface ToggleChipsProps<T extends string> {
  label: string;
  options: readonly T[];
  labels: Record<T, string>;
  value: T | null;
  onChange: (value: T | null) => void;
  testId: string;
}

/** An optional single choice: tap to choose, tap again to take it back. */
export function ToggleChips<T extends string>({
  label,
  options,
  labels,
  value,
  onChange,
  testId,
}: ToggleChipsProps<T>) {
  return (
    <div class="field" data-testid={testId}>
      <fieldset>
        <legend class="field-legend">
          {label} <span class="optional">optional</span>
        </legend>
        <div class="chips">
          {options.map((option) => (
            <button
              key={option}
              type="button"
              class="chip"
              aria-pressed={value === option}
              onClick={() => onChange(value === option ? null : option)}
            >
              {labels[option]}
            </button>
          ))}
        </div>
      </fieldset>
    </div>
  );
}

const SCORES = [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10] as const;

interface SeverityProps {
  name: string;
  value: number | null;
  onChange: (value: number) => void;
}

/** 0–10 on the Numeric Pain Rating Scale, as eleven big targets coloured by the pain-monitoring zones. */
export function SeverityScale({ name, value, onChange }: SeverityProps) {
  return (
    <div class="severity">
      <div class="severity-scale">
        {SCORES.map((score) => (
          <label key={score} class={`severity-option severity-${severityBand(score)}`}>
            <input
              type="radio"
              name={name}
              value={score}
              checked={value === score}
              onChange={() => onChange(score)}
            />
            <span aria-hidden="true">{score}</span>
            <span class="visually-hidden">{score} out of 10</span>
          </label>
        ))}
      </div>
      <div class="severity-anchors" aria-hidden="true">
        <span>0 no pain</span>
        <span>5 moderate</span>
        <span>10 worst imaginable</span>
      </div>
    </div>
  );
}
