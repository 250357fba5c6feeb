import { useEffect, useId, useRef, useState } from 'preact/hooks';
import type { AthletePatchBody } from '../../../src/app/athlete-input.js';
import type { AthleteView } from '../../../src/app/views.js';
import { api } from '../api.js';
import { RadioChips } from './Choices.js';

/**
 * "About you": the sex and year of birth the benchmark norms need. Open and prominent while either is missing,
 * otherwise one line ("Norms for women, born 1991 · change") that opens the form.
 */

export interface Profile {
  sex: AthleteView['sex'];
  birthYear: number | null;
}

type SexChoice = 'female' | 'male' | 'unsaid';
const SEX_CHOICES = ['female', 'male', 'unsaid'] as const;
const SEX_LABELS: Record<SexChoice, string> = { female: 'Female', male: 'Male', unsaid: 'Prefer not to say' };

/** A year without a sex is a choice made ("prefer not to say"), not a gap: only a missing year opens the form. */
const isMissing = (profile: Profile): boolean => profile.birthYear === null;

/** Both unset means never asked, so nothing is chosen; a year without a sex means the runner chose not to say. */
function sexChoice(profile: Profile): SexChoice | null {
  if (profile.sex) return profile.sex;
  return profile.birthYear === null ? null : 'unsaid';
}

/** "Norms for women, born 1991". */
export function profileSummary(profile: Profile): string {
  const sex =
    profile.sex === 'female'
      ? 'Norms for women'
      : profile.sex === 'male'
        ? 'Norms for men'
        : 'No norms by sex';
  return `${sex}, ${profile.birthYear === null ? 'no year of birth' : `born ${profile.birthYear}`}`;
}

export interface ProfileErrors {
  sex: string[];
  birthYear: string[];
  general: string[];
}

/**
 * "body.birthYear: a year from 1900; body.sex: female or male …" (400) or "birthYear: 2999 is after this year" (422)
 * → each message under the field it names. Only a semicolon followed by the next field's name splits.
 */
export function profileErrors(message: string): ProfileErrors {
  const errors: ProfileErrors = { sex: [], birthYear: [], general: [] };
  for (const part of message.split(/;\s+(?=(?:body\.)?[a-zA-Z]+:)/)) {
    const match = /^(?:body\.)?(sex|birthYear):\s*(.*)$/s.exec(part.trim());
    if (match?.[1] === 'sex' || match?.[1] === 'birthYear') errors[match[1]].push(match[2] ?? '');
    else errors.general.push(part.trim());
  }
  return errors;
}

const NO_ERRORS: ProfileErrors = { sex: [], birthYear: [], general: [] };

interface Props {
  athlete: AthleteView;
  /** After a save: the server's athlete, for the page to read its norms again. */
  onSaved: (athlete: AthleteView) => void;
  onApiError: (error: unknown) => void;
}

export function ProfileForm({ athlete, onSaved, onApiError }: Props) {
  const [profile, setProfile] = useState<Profile>({ sex: athlete.sex, birthYear: athlete.birthYear });
  useEffect(
    () => setProfile({ sex: athlete.sex, birthYear: athlete.birthYear }),
    [athlete.sex, athlete.birthYear],
  );
  const [open, setOpen] = useState(() => isMissing(profile));
  const [sex, setSex] = useState<SexChoice | null>(() => sexChoice(profile));
  const [year, setYear] = useState(() => (profile.birthYear === null ? '' : String(profile.birthYear)));
  const [errors, setErrors] = useState<ProfileErrors>(NO_ERRORS);
  const [busy, setBusy] = useState(false);
  const [saved, setSaved] = useState(false);
  const [focusTo, setFocusTo] = useState<'form' | 'year' | 'summary' | null>(null);
  const formRef = useRef<HTMLFormElement>(null);
  const changeRef = useRef<HTMLButtonElement>(null);
  const id = useId();
  const yearId = `${id}-year`;
  const whyId = `${id}-why`;

  // Opening moves focus into the form, closing back to the button that opens it.
  useEffect(() => {
    if (focusTo === 'form') formRef.current?.querySelector<HTMLInputElement>('input')?.focus();
    if (focusTo === 'year') document.getElementById(yearId)?.focus();
    if (focusTo === 'summary') changeRef.current?.focus();
    setFocusTo(null);
  }, [focusTo, yearId]);

  const edit = () => {
    setSex(sexChoice(profile));
    setYear(profile.birthYear === null ? '' : String(profile.birthYear));
    setErrors(NO_ERRORS);
    setSaved(false);
    setOpen(true);
    setFocusTo('form');
  };

  const cancel = () => {
    setErrors(NO_ERRORS);
    setOpen(false);
    setFocusTo('summary');
  };

  const submit = async (e: Event) => {
    e.preventDefault();
    const raw = year.trim();
    if (raw !== '' && !/^\d+$/.test(raw)) {
      setErrors({ ...NO_ERRORS, birthYear: ['a year, e.g. 1988'] });
      setFocusTo('year');
      return;
    }
    // Nothing chosen keeps the sex as it is; "prefer not to say" clears it. An empty year clears the year.
    const patch: AthletePatchBody = {
      birthYear: raw === '' ? null : Number(raw),
      ...(sex === null ? {} : { sex: sex === 'unsaid' ? null : sex }),
    };
    setBusy(true);
    setErrors(NO_ERRORS);
    try {
      const updated = await api.updateAthlete(athlete.id, patch);
      setProfile({ sex: updated.sex, birthYear: updated.birthYear });
      setSaved(true);
      setOpen(false);
      setFocusTo('summary');
      onSaved(updated);
    } catch (err) {
      const parsed = profileErrors((err as Error).message);
      setErrors(parsed);
      if (parsed.birthYear.length > 0) setFocusTo('year');
      onApiError(err);
    } finally {
      setBusy(false);
    }
  };

  if (!open) {
    return (
      <section class="profile-line" aria-label="About you" data-testid="profile" data-open="false">
        <p>
          <span data-testid="profile-summary">{profileSummary(profile)}</span>
          {' · '}
          <button
            ref={changeRef}
            type="button"
            class="profile-change"
            aria-label={`Change: ${profileSummary(profile)}`}
            data-testid="profile-change"
            onClick={edit}
          >
            change
          </button>
          <span role="status" class="settings-saved" data-testid="profile-saved">
            {saved ? ' Saved.' : ''}
          </span>
        </p>
      </section>
    );
  }

  const sexError = errors.sex.join('; ');
  const yearError = errors.birthYear.join('; ');
  const yearErrorId = `${yearId}-error`;
  return (
    <section
      class={`profile-form card${isMissing(profile) ? ' is-missing' : ''}`}
      aria-labelledby={`${id}-title`}
      data-testid="profile"
      data-open="true"
    >
      <h2 id={`${id}-title`}>About you</h2>
      <p id={whyId} class="profile-why">
        The norms are given by sex and read against age; without them Keel compares left with right and with
        your own history.
      </p>
      <form ref={formRef} class="profile-fields" onSubmit={submit} noValidate data-testid="profile-form">
        <fieldset
          class={`profile-field${sexError ? ' is-invalid' : ''}`}
          aria-describedby={sexError ? `${id}-sex-error` : undefined}
          data-testid="profile-sex"
        >
          <legend class="field-legend">Sex</legend>
          <RadioChips
            name={`${id}-sex`}
            options={SEX_CHOICES}
            labels={SEX_LABELS}
            value={sex}
            onChange={setSex}
          />
          {sexError && (
            <p id={`${id}-sex-error`} class="field-error" data-testid="profile-field-error">
              {sexError}
            </p>
          )}
        </fieldset>
        <div
          class={`profile-field profile-year${yearError ? ' is-invalid' : ''}`}
          data-testid="profile-year-field"
        >
          <label class="field-legend" for={yearId}>
            Year of birth
          </label>
          <input
            id={yearId}
            type="text"
            inputMode="numeric"
            autoComplete="bday-year"
            maxLength={4}
            placeholder="e.g. 1988"
            value={year}
            aria-invalid={yearError ? true : undefined}
            aria-describedby={yearError ? yearErrorId : undefined}
            data-testid="profile-birth-year"
            onInput={(e) => setYear(e.currentTarget.value)}
          />
          {yearError && (
            <p id={yearErrorId} class="field-error" data-testid="profile-field-error">
              {yearError}
            </p>
          )}
        </div>
        {errors.general.length > 0 && (
          <p class="form-error profile-error" role="alert" data-testid="profile-error">
            {errors.general.join('; ')}
          </p>
        )}
        <div class="profile-actions">
          <button type="submit" class="button button-primary" disabled={busy} data-testid="profile-save">
            {busy ? 'Saving…' : 'Save'}
          </button>
          <button type="button" class="button button-quiet" data-testid="profile-cancel" onClick={cancel}>
            {isMissing(profile) ? 'Not now' : 'Cancel'}
          </button>
        </div>
      </form>
    </section>
  );
}
