import { useId, useRef, useState } from 'preact/hooks';
import { RED_FLAG_QUESTION_TEXT } from '../../../src/analysis/triage/questions.js';
import type { PainReportBody } from '../../../src/app/pain/input.js';
import type { PainReportView } from '../../../src/app/views.js';
import {
  ASPECTS,
  type Aspect,
  type BodyRegion,
  PAIN_ACTIONS,
  PAIN_CHARACTERS,
  type PainAction,
  type PainCharacter,
  type PainOnset,
  RED_FLAG_QUESTIONS,
  REGIONS_WITH_ASPECT,
  type RedFlagAnswers,
  type RedFlagQuestion,
  SIDES,
  type Side,
} from '../../../src/domain/pain.js';
import { distanceUnitLabel, toDistanceUnit, type UnitSystem } from '../../../src/domain/units.js';
import { ApiError, api } from '../api.js';
import { fromDistanceUnit } from '../format.js';
import { ACTION_LABELS, ASPECT_LABELS, CHARACTER_LABELS, painPlace, SIDE_LABELS } from '../pain-format.js';
import { BodyMap } from './BodyMap.js';
import { Field, RadioChips, SeverityScale, ToggleChips } from './Choices.js';
import { FormActions } from './FormActions.js';

/** What the report is about: a run (its onset is placed on the run's distance) or a day without one. */
export type PainTarget = { kind: 'run'; runId: string; distanceM: number } | { kind: 'day'; date: string };

type OnsetChoice = 'distance' | 'during' | 'after';

/** One tenth of a km or mi: finer than anyone remembers where a pain began. */
const ONSET_STEP = 0.1;

interface Props {
  athleteId: string;
  units: UnitSystem;
  target: PainTarget;
  onSaved: (report: PainReportView) => void;
}

/**
 * The quick pain report, built for one thumb right after a run: where (body map), side, when (a slider along the
 * run), how bad (0–10), how it felt and what the runner did, then the red-flag questions. Only where, side, when
 * and how bad are required; a red-flag question left blank stays unanswered, never a silent no.
 */
export function PainForm({ athleteId, units, target, onSaved }: Props) {
  const unit = distanceUnitLabel(units);
  const runUnits = target.kind === 'run' ? Math.floor(toDistanceUnit(target.distanceM, units) * 10) / 10 : 0;
  const hasSlider = target.kind === 'run' && runUnits >= ONSET_STEP * 2;

  const [region, setRegion] = useState<BodyRegion | null>(null);
  const [side, setSide] = useState<Side | null>(null);
  const [aspect, setAspect] = useState<Aspect | null>(null);
  const [onsetChoice, setOnsetChoice] = useState<OnsetChoice | null>(null);
  // Metres, so that switching between km and mi while the form is open keeps the same point on the run.
  const [onsetM, setOnsetM] = useState(() => (target.kind === 'run' ? target.distanceM / 2 : 0));
  const [distanceText, setDistanceText] = useState('');
  const [severity, setSeverity] = useState<number | null>(null);
  const [character, setCharacter] = useState<PainCharacter | null>(null);
  const [action, setAction] = useState<PainAction | null>(null);
  const [redFlags, setRedFlags] = useState<RedFlagAnswers>({});
  const [nextMorning, setNextMorning] = useState<number | null>(null);
  const [note, setNote] = useState('');
  const [attempted, setAttempted] = useState(false);
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const formRef = useRef<HTMLFormElement>(null);
  const sliderId = useId();
  const distanceInputId = useId();
  const redFlagsTitleId = useId();

  const onsetUnits = Math.round(toDistanceUnit(onsetM, units) * 10) / 10;
  const onsetValid = onsetChoice !== null && (onsetChoice !== 'distance' || onsetM > 0);
  const missing = {
    region: region === null ? 'Tap where it hurts, on the figure or in the list.' : null,
    side: side === null ? 'Choose the side.' : null,
    onset: onsetValid ? null : 'Say when it started: slide to the distance, or choose one of the answers.',
    severity: severity === null ? 'Choose how bad it was, from 0 to 10.' : null,
  };
  const show = (problem: string | null) => (attempted ? problem : null);
  const incomplete = attempted && Object.values(missing).some((problem) => problem !== null);

  /** An aspect describes one region: choosing another region forgets it. */
  const pickRegion = (next: BodyRegion) => {
    if (next !== region) setAspect(null);
    setRegion(next);
  };

  const setOnsetDistance = (valueInUnits: number) => {
    setOnsetM(fromDistanceUnit(valueInUnits, units));
    setOnsetChoice('distance');
  };

  /** "Not sure when" and "after the run" replace a distance typed before. */
  const chooseOnset = (choice: 'during' | 'after') => {
    setOnsetChoice(choice);
    setDistanceText('');
  };

  const answered = RED_FLAG_QUESTIONS.filter((q) => redFlags[q] !== undefined).length;
  const anyYes = RED_FLAG_QUESTIONS.some((q) => redFlags[q] === true);
  const answer = (question: RedFlagQuestion, yes: boolean) => setRedFlags((r) => ({ ...r, [question]: yes }));
  /** "None of these" answers every open question no; a yes already given stays a yes. */
  const noToTheRest = () =>
    setRedFlags((r) => Object.fromEntries(RED_FLAG_QUESTIONS.map((q) => [q, r[q] ?? false])));

  const onset = (): PainOnset => {
    if (onsetChoice === 'during') return { kind: 'during' };
    if (onsetChoice === 'after') return { kind: 'after' };
    // The slider's last step may round past the recorded end: the finish is the farthest a pain can begin.
    return {
      kind: 'distance',
      distanceM: Math.round(target.kind === 'run' ? Math.min(onsetM, target.distanceM) : onsetM),
    };
  };

  const submit = async (e: Event) => {
    e.preventDefault();
    if (saving) return;
    if (region === null || side === null || !onsetValid || severity === null) {
      setAttempted(true);
      setError(null);
      // Wait for the error styles, then take the runner to the first question to fix, its title in view.
      requestAnimationFrame(() => {
        const field = formRef.current?.querySelector<HTMLElement>('.field.is-invalid');
        field?.scrollIntoView({ block: 'start' });
        field?.querySelector<HTMLElement>('input, button')?.focus({ preventScroll: true });
      });
      return;
    }
    const body: PainReportBody = {
      ...(target.kind === 'run' ? { runId: target.runId } : { date: target.date }),
      region,
      side,
      aspect,
      onset: onset(),
      severity,
      character,
      action,
      nextMorningSeverity: nextMorning,
      redFlags,
      note: note.trim() || null,
    };
    setSaving(true);
    setError(null);
    try {
      onSaved(await api.addPainReport(athleteId, body));
    } catch (failure) {
      setError(failure instanceof ApiError ? `Keel could not save it: ${failure.message}` : String(failure));
    } finally {
      setSaving(false);
    }
  };

  return (
    <form class="pain-form" ref={formRef} onSubmit={submit} noValidate data-testid="pain-form">
      <Field
        legend="Where does it hurt?"
        error={show(missing.region)}
        testId="field-region"
        class="field-where"
      >
        <BodyMap
          value={{ region, side }}
          onPick={(pick) => {
            pickRegion(pick.region);
            setSide(pick.side);
            // The back view says "back of the knee"; the front view says nothing about the aspect.
            if (pick.aspect) setAspect(pick.aspect);
            else if (aspect === 'back') setAspect(null);
          }}
          onPickRegion={pickRegion}
        />
        <p class={`pain-place${region ? ' is-chosen' : ''}`} aria-live="polite" data-testid="pain-place">
          {region ? painPlace(region, side, aspect) : 'Nothing chosen yet'}
        </p>
      </Field>

      <Field legend="Which side?" error={show(missing.side)} testId="field-side">
        <RadioChips name="side" options={SIDES} labels={SIDE_LABELS} value={side} onChange={setSide} />
      </Field>

      {region !== null && REGIONS_WITH_ASPECT.has(region) && (
        <ToggleChips
          label="Which part of it?"
          options={ASPECTS}
          labels={ASPECT_LABELS}
          value={aspect}
          onChange={setAspect}
          testId="field-aspect"
        />
      )}

      <Field
        legend="When did it start?"
        hint={
          hasSlider
            ? 'Slide to how far into the run it began.'
            : target.kind === 'run'
              ? 'This run has no distance (a treadmill without a footpod?): say whether it began during it or after.'
              : undefined
        }
        error={show(missing.onset)}
        testId="field-onset"
      >
        {hasSlider ? (
          <div class={`onset-slider${onsetChoice === 'distance' ? ' is-set' : ''}`}>
            <label for={sliderId} class="onset-value" data-testid="onset-value">
              {onsetChoice === 'distance' ? `At ${onsetUnits.toFixed(1)} ${unit}` : 'Slide to where it began'}
            </label>
            <input
              id={sliderId}
              type="range"
              min={ONSET_STEP}
              max={runUnits}
              step={ONSET_STEP}
              value={onsetUnits}
              aria-valuetext={`${onsetUnits.toFixed(1)} ${unit} into the run`}
              data-testid="onset-slider"
              onInput={(e) => setOnsetDistance(Number(e.currentTarget.value))}
              onClick={() => setOnsetChoice('distance')}
            />
            <div class="onset-ends" aria-hidden="true">
              <span>start</span>
              <span>
                {runUnits.toFixed(1)} {unit}
              </span>
            </div>
          </div>
        ) : target.kind === 'day' ? (
          <label class="onset-distance" for={distanceInputId}>
            <span>How far into the run</span>
            <span class="input-with-unit">
              <input
                id={distanceInputId}
                type="number"
                inputMode="decimal"
                min={ONSET_STEP}
                step={ONSET_STEP}
                value={distanceText}
                data-testid="onset-distance"
                onInput={(e) => {
                  const text = e.currentTarget.value;
                  const value = Number.parseFloat(text);
                  setDistanceText(text);
                  if (Number.isFinite(value) && value > 0) setOnsetDistance(value);
                  else if (onsetChoice === 'distance') setOnsetChoice(null);
                }}
              />
              <span>{unit}</span>
            </span>
          </label>
        ) : null}
        <div class="chips">
          <button
            type="button"
            class="chip"
            aria-pressed={onsetChoice === 'during'}
            data-testid="onset-during"
            onClick={() => chooseOnset('during')}
          >
            Not sure when
          </button>
          <button
            type="button"
            class="chip"
            aria-pressed={onsetChoice === 'after'}
            data-testid="onset-after"
            onClick={() => chooseOnset('after')}
          >
            After the run
          </button>
        </div>
      </Field>

      <Field legend="How bad was it at its worst?" error={show(missing.severity)} testId="field-severity">
        <SeverityScale name="severity" value={severity} onChange={setSeverity} />
      </Field>

      <ToggleChips
        label="What did it feel like?"
        options={PAIN_CHARACTERS}
        labels={CHARACTER_LABELS}
        value={character}
        onChange={setCharacter}
        testId="field-character"
      />
      <ToggleChips
        label="What did you do?"
        options={PAIN_ACTIONS}
        labels={ACTION_LABELS}
        value={action}
        onChange={setAction}
        testId="field-action"
      />

      <section class="red-flags" aria-labelledby={redFlagsTitleId} data-testid="red-flags">
        <div class="red-flags-head">
          <h2 id={redFlagsTitleId}>Warning signs</h2>
          <p class="field-hint">
            A yes to any of these means: see a clinician before you run again. Not sure? Leave it blank and
            Keel will ask again.
          </p>
          <div class="red-flags-actions">
            <button type="button" class="button" onClick={noToTheRest} data-testid="red-flags-none">
              {anyYes ? 'No to all the others' : 'None of these'}
            </button>
            <span class="muted" aria-live="polite" data-testid="red-flags-count">
              {answered} of {RED_FLAG_QUESTIONS.length} answered
            </span>
          </div>
        </div>
        <ol class="red-flag-list">
          {RED_FLAG_QUESTIONS.map((question) => {
            const text = RED_FLAG_QUESTION_TEXT[question];
            const value = redFlags[question];
            return (
              <li
                key={question}
                class="red-flag"
                data-testid={`redflag-${question}`}
                data-answer={value === undefined ? 'unanswered' : value ? 'yes' : 'no'}
              >
                <fieldset>
                  <legend>{text.question}</legend>
                  <p class="red-flag-hint">{text.hint}</p>
                  <div class="yes-no">
                    <label class="chip chip-radio chip-yes">
                      <input
                        type="radio"
                        name={`rf-${question}`}
                        checked={value === true}
                        onChange={() => answer(question, true)}
                      />
                      <span>Yes</span>
                    </label>
                    <label class="chip chip-radio chip-no">
                      <input
                        type="radio"
                        name={`rf-${question}`}
                        checked={value === false}
                        onChange={() => answer(question, false)}
                      />
                      <span>No</span>
                    </label>
                  </div>
                </fieldset>
              </li>
            );
          })}
        </ol>
      </section>

      <details class="pain-more" data-testid="pain-more">
        <summary>Next morning and a note (optional)</summary>
        <Field
          legend="How bad was it the next morning?"
          hint="Come back tomorrow to add this if you report right after the run."
          testId="field-next-morning"
        >
          <SeverityScale name="next-morning" value={nextMorning} onChange={setNextMorning} />
          {nextMorning !== null && (
            <button type="button" class="button button-quiet" onClick={() => setNextMorning(null)}>
              Not yet known
            </button>
          )}
        </Field>
        <label class="field note-field">
          <span class="field-legend">Note</span>
          <textarea
            rows={3}
            maxLength={2000}
            value={note}
            placeholder="Anything else: shoes, surface, what helped"
            onInput={(e) => setNote(e.currentTarget.value)}
          />
        </label>
      </details>

      <FormActions
        error={error ?? (incomplete ? 'Some answers are missing: they are marked above.' : null)}
        errorTestId="pain-form-error"
        busy={saving}
        label="Save and check"
        submitTestId="pain-submit"
      />
    </form>
  );
}
