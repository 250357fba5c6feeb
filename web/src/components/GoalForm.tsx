import { useState } from 'preact/hooks';
import type { PlanView } from '../../../src/app/views.js';
import { addDays } from '../../../src/domain/time.js';
import { distanceUnitLabel, formatDistance, type UnitSystem } from '../../../src/domain/units.js';
import { api } from '../api.js';
import {
  type GoalField,
  goalDistanceM,
  goalErrors,
  goalRangeText,
  RACE_CHOICES,
  type RaceChoice,
  raceTitle,
  SURFACE_LABEL,
  SURFACES,
  type Surface,
} from '../plan-format.js';
import { formatDay, localToday } from '../program-format.js';
import { Field, RadioChips } from './Choices.js';
import { FormActions } from './FormActions.js';

interface Props {
  athleteId: string;
  units: UnitSystem;
  /** The plan the server made toward the next goal once this one was stored. */
  onSaved: (view: PlanView) => void;
  onApiError: (error: unknown) => void;
  label: string;
}

const RACE_LABELS = {
  ...Object.fromEntries(RACE_CHOICES.map((race) => [race.id, race.label])),
  custom: 'Custom distance',
} as Record<RaceChoice, string>;
const RACE_OPTIONS: RaceChoice[] = [...RACE_CHOICES.map((race) => race.id), 'custom'];

/** A goal race: which race, the day, the surface and, if the runner likes, its name. */
export function GoalForm({ athleteId, units, onSaved, onApiError, label }: Props) {
  const [race, setRace] = useState<RaceChoice>('half');
  const [custom, setCustom] = useState('');
  const [date, setDate] = useState('');
  const [surface, setSurface] = useState<Surface>('road');
  const [name, setName] = useState('');
  const [errors, setErrors] = useState<Partial<Record<GoalField, string>>>({});
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [saved, setSaved] = useState<string | null>(null);

  const distanceM = goalDistanceM(race, custom, units);
  const unit = distanceUnitLabel(units);

  const submit = async (e: Event) => {
    e.preventDefault();
    setSaved(null);
    const local: Partial<Record<GoalField, string>> = {};
    if (distanceM === null)
      local.distanceM = `Enter the race distance in ${unit}, for example ${units === 'imperial' ? '31' : '30'}.`;
    if (!date) local.date = 'Choose the race day.';
    setErrors(local);
    if (Object.keys(local).length > 0 || distanceM === null) {
      setError('Check the marked fields.');
      return;
    }
    setBusy(true);
    setError(null);
    try {
      const view = await api.addGoal(athleteId, {
        distanceM,
        date,
        surface,
        ...(name.trim() ? { name: name.trim() } : {}),
      });
      setErrors({});
      const stored = view.goals.find((g) => g.date === date && Math.abs(g.distanceM - distanceM) < 1);
      setSaved(stored ? `${raceTitle(stored, units)} on ${formatDay(stored.date)}` : date);
      onSaved(view);
    } catch (err) {
      const parsed = goalErrors((err as Error).message);
      setErrors(parsed.fields);
      setError(
        parsed.general.length > 0 ? parsed.general.join('; ') : 'Nothing saved: check the marked fields.',
      );
      onApiError(err);
    } finally {
      setBusy(false);
    }
  };

  return (
    <form class="goal-form" onSubmit={submit} noValidate data-testid="goal-form">
      <Field
        legend="Race"
        testId="goal-race-field"
        error={errors.distanceM ?? null}
        hint={
          race === 'custom'
            ? `Any distance from ${goalRangeText(units)}.`
            : distanceM !== null && `${formatDistance(distanceM, units, 1)}.`
        }
      >
        <RadioChips
          name="goal-race"
          options={RACE_OPTIONS}
          labels={RACE_LABELS}
          value={race}
          onChange={setRace}
        />
        {race === 'custom' && (
          <div class="goal-custom">
            <label for="goal-custom-distance">Distance ({unit})</label>
            <input
              id="goal-custom-distance"
              type="text"
              inputMode="decimal"
              autoComplete="off"
              value={custom}
              aria-invalid={errors.distanceM ? true : undefined}
              data-testid="goal-custom-distance"
              onInput={(e) => setCustom(e.currentTarget.value)}
            />
            <span class="goal-custom-unit" aria-hidden="true">
              {unit}
            </span>
          </div>
        )}
      </Field>
      <div class={`field${errors.date ? ' is-invalid' : ''}`} data-testid="goal-date-field">
        <label class="field-legend" for="goal-date">
          Race day
        </label>
        <p class="field-hint" id="goal-date-hint">
          Any day after today.
        </p>
        {errors.date && (
          <p class="field-error" id="goal-date-error" data-testid="goal-date-error">
            {errors.date}
          </p>
        )}
        <input
          id="goal-date"
          type="date"
          value={date}
          min={addDays(localToday(), 1)}
          aria-invalid={errors.date ? true : undefined}
          aria-describedby={errors.date ? 'goal-date-hint goal-date-error' : 'goal-date-hint'}
          data-testid="goal-date"
          onInput={(e) => setDate(e.currentTarget.value)}
        />
      </div>
      <Field legend="Surface" testId="goal-surface-field" error={errors.surface ?? null}>
        <RadioChips
          name="goal-surface"
          options={SURFACES}
          labels={SURFACE_LABEL}
          value={surface}
          onChange={setSurface}
        />
      </Field>
      <div class={`field${errors.name ? ' is-invalid' : ''}`} data-testid="goal-name-field">
        <label class="field-legend" for="goal-name">
          Name <span class="optional">optional</span>
        </label>
        {errors.name && <p class="field-error">{errors.name}</p>}
        <input
          id="goal-name"
          type="text"
          maxLength={120}
          placeholder="Lakeside Half Marathon"
          value={name}
          data-testid="goal-name"
          onInput={(e) => setName(e.currentTarget.value)}
        />
      </div>
      <FormActions
        error={error}
        errorTestId="goal-form-error"
        status={
          saved && (
            <p class="settings-saved" role="status" data-testid="goal-saved">
              Goal saved: {saved}.
            </p>
          )
        }
        busy={busy}
        label={label}
        submitTestId="goal-submit"
      />
    </form>
  );
}
