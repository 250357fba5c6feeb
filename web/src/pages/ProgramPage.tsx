import { useEffect, useMemo, useState } from 'preact/hooks';
import type {
  AthleteView,
  CatalogueView,
  ProgramView,
  ProgramWeek,
  SessionLogView,
} from '../../../src/app/views.js';
import type {
  ItemReason,
  ProgramItem,
  ProgramSession,
  ProgressionEvent,
} from '../../../src/coach/program/types.js';
import type { Equipment } from '../../../src/coach/types.js';
import { ApiError, api } from '../api.js';
import { ExerciseDetails } from '../components/ExerciseDetails.js';
import { Notice } from '../components/Notice.js';
import { plural } from '../format.js';
import { useResource } from '../hooks.js';
import {
  doseText,
  EQUIPMENT,
  EQUIPMENT_LABEL,
  formatDay,
  levelText,
  MINUTES_PER_SESSION,
  minutesText,
  REASON_LABEL,
  RULE_LABEL,
  regionLabel,
  ruleDirection,
  SESSIONS_PER_WEEK,
  targetText,
} from '../program-format.js';

interface Props {
  athlete: AthleteView;
  /** Bumped whenever a pain report changes: pain and red flags reshape the program. */
  painVersion: number;
  onApiError: (error: unknown) => void;
}

/** The whole-body program: this week's sessions, why each exercise is there, how it has moved, and the settings. */
export function ProgramPage({ athlete, painVersion, onApiError }: Props) {
  const [program, reloadProgram] = useResource(() => api.program(athlete.id), [athlete.id, painVersion]);
  const [sessions, reloadSessions] = useResource(() => api.programSessions(athlete.id), [athlete.id]);
  const [catalogue] = useResource(() => api.exercises(), []);
  /** The program the settings form got back, shown until the next load. */
  const [fresh, setFresh] = useState<ProgramView | null>(null);
  useEffect(() => setFresh(null), [program.data]);
  useEffect(() => {
    if (program.status === 'error') onApiError(program.error);
    if (sessions.status === 'error') onApiError(sessions.error);
  }, [program, sessions, onApiError]);

  const view = fresh?.athleteId === athlete.id ? fresh : program.data;
  const names = useMemo(() => catalogueNames(catalogue.data), [catalogue.data]);
  const changed = () => {
    reloadProgram();
    reloadSessions();
  };

  return (
    <div class="page program-page" data-testid="program-page">
      <div class="page-head">
        <div>
          <h1 tabIndex={-1}>Program</h1>
          <p class="page-sub">
            Stabilizer endurance for the whole body, every region every week, weighted toward what your pain
            and benchmarks point to.
          </p>
        </div>
      </div>
      {program.status === 'loading' && !view && (
        <p class="loading" role="status">
          Loading your program…
        </p>
      )}
      {program.status === 'error' && !view && (
        <Notice
          kind="error"
          title="Keel could not load your program"
          action={{ label: 'Try again', onClick: reloadProgram }}
        >
          {program.error.message}
        </Notice>
      )}
      {view && (
        <>
          {view.prescription.paused && <PausedBanner count={view.openRedFlagIds.length} />}
          <TodayCard view={view} />
          <Emphasis view={view} />
          {view.prescription.notes.length > 0 && (
            <section
              class="program-notes card"
              aria-labelledby="program-notes-title"
              data-testid="program-notes"
            >
              <h2 id="program-notes-title">Notes</h2>
              <ul>
                {view.prescription.notes.map((note) => (
                  <li key={note}>{note}</li>
                ))}
              </ul>
            </section>
          )}
          <section class="program-week" aria-labelledby="program-week-title">
            <h2 id="program-week-title">This week's sessions</h2>
            <div class="session-cards">
              {view.prescription.sessions.map((session) => (
                <SessionCard
                  key={session.label}
                  session={session}
                  view={view}
                  isNext={session.label === view.today.label}
                />
              ))}
            </div>
          </section>
          <Adherence weeks={view.adherence} />
          <LoggedSessions
            sessions={sessions.data ?? null}
            loading={sessions.status === 'loading'}
            view={view}
            names={names}
            onChanged={changed}
            onApiError={onApiError}
          />
          <History events={view.events} view={view} names={names} families={catalogue.data} />
          <SettingsForm
            key={athlete.id}
            athleteId={athlete.id}
            view={view}
            onSaved={setFresh}
            onApiError={onApiError}
          />
        </>
      )}
    </div>
  );
}

function catalogueNames(catalogue: CatalogueView | undefined): Map<string, string> {
  const names = new Map<string, string>();
  for (const exercise of catalogue?.exercises ?? []) names.set(exercise.id, exercise.name);
  return names;
}

function PausedBanner({ count }: { count: number }) {
  return (
    <div class="program-paused" role="alert" data-testid="program-paused">
      <p class="program-paused-title">Your program is paused</p>
      <p>
        {count > 0 ? `${plural(count, 'open red flag')} ` : 'An open red flag '}
        {count === 1 || count === 0 ? 'holds' : 'hold'} every exercise where it is: nothing progresses until a
        clinician has seen you and the flag is cleared on the <a href="#/pain">Pain</a> page.
      </p>
    </div>
  );
}

function TodayCard({ view }: { view: ProgramView }) {
  const { today } = view;
  const active = today.session.items.filter((i) => !i.paused);
  const allDone = today.doneThisWeek >= today.sessionsPerWeek;
  return (
    <section class="today-card card" aria-labelledby="today-title" data-testid="today-card">
      <div class="today-text">
        <h2 id="today-title">
          Next: session {today.label}
          <span class="today-meta">
            {' '}
            · {plural(active.length, 'exercise')} · about {minutesText(today.session.estimatedS)}
          </span>
        </h2>
        <p class="muted" data-testid="week-progress">
          {allDone
            ? `All ${today.sessionsPerWeek} sessions of this week done. Another one repeats session ${today.label}.`
            : `${today.doneThisWeek} of ${today.sessionsPerWeek} sessions done this week (from ${formatDay(today.weekStart, true)}).`}
        </p>
      </div>
      <div class="today-actions">
        {view.prescription.paused || active.length === 0 ? (
          <span class="button button-large is-disabled" aria-disabled="true">
            Paused
          </span>
        ) : (
          <a class="button button-primary button-large" href="#/program/session" data-testid="start-session">
            Start session {today.label}
          </a>
        )}
        {active.length > 0 && !view.prescription.paused && (
          <a class="button" href="#/program/session/log" data-testid="log-without-player">
            Log it without the player
          </a>
        )}
      </div>
    </section>
  );
}

function Emphasis({ view }: { view: ProgramView }) {
  const emphasis = view.prescription.emphasis;
  const top = Math.max(1, ...emphasis.map((e) => e.weight));
  return (
    <section class="emphasis card" aria-labelledby="emphasis-title" data-testid="emphasis">
      <h2 id="emphasis-title">Where the work goes</h2>
      <p class="muted">
        Every region is trained every week; a longer bar gets more sets, chosen from your pain and your
        benchmarks.
      </p>
      <ul class="emphasis-list">
        {emphasis.map((region) => (
          <li
            key={region.region}
            class={`emphasis-row${region.weight > 1 ? ' is-emphasised' : ''}`}
            data-testid="emphasis-region"
            data-region={region.region}
            data-weight={region.weight}
          >
            <div class="emphasis-head">
              <span class="emphasis-name">{regionLabel(region.region)}</span>
              <span class="emphasis-weight">
                {region.weight > 1 ? `× ${region.weight.toFixed(1)}` : 'baseline'}
              </span>
            </div>
            <div class="emphasis-bar" aria-hidden="true">
              <span style={{ width: `${Math.max(8, (region.weight / top) * 100)}%` }} />
            </div>
            {region.reasons.length > 0 && (
              <MoreList items={region.reasons} shown={2} class="emphasis-reasons" />
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}

function SessionCard({
  session,
  view,
  isNext,
}: {
  session: ProgramSession;
  view: ProgramView;
  isNext: boolean;
}) {
  return (
    <article
      class={`session-card card${isNext ? ' is-next' : ''}`}
      data-testid="session-card"
      data-label={session.label}
      aria-labelledby={`session-${session.label}-title`}
    >
      <header class="session-card-head">
        <h3 id={`session-${session.label}-title`}>Session {session.label}</h3>
        <span class="muted">
          {plural(session.items.length, 'exercise')} · about {minutesText(session.estimatedS)}
          {isNext && <span class="badge badge-next">next</span>}
        </span>
      </header>
      <ol class="program-items">
        {session.items.map((item) => (
          <ProgramItemRow key={item.exerciseId} item={item} view={view} />
        ))}
      </ol>
    </article>
  );
}

function ProgramItemRow({ item, view }: { item: ProgramItem; view: ProgramView }) {
  const exercise = view.exercises[item.exerciseId];
  return (
    <li
      class={`program-item${item.paused ? ' is-paused' : ''}`}
      data-testid="program-item"
      data-exercise-id={item.exerciseId}
      data-region={item.region}
    >
      <div class="program-item-head">
        <span class="program-item-name">{exercise?.name ?? item.exerciseId}</span>
        <span class="badge region-badge">{regionLabel(item.region)}</span>
        {item.paused && <span class="badge badge-paused">paused</span>}
      </div>
      <p class="program-item-dose" data-testid="item-dose">
        {exercise && <span class="program-item-level">{levelText(exercise)} · </span>}
        {doseText(item)}
      </p>
      <Reasons reasons={item.reasons} />
      {exercise && <ExerciseDetails exercise={exercise} />}
    </li>
  );
}

/** The most telling reasons first: the runner's own pain and weaker side, then the tests, then whole-body cover. */
const REASON_ORDER: Record<ItemReason['kind'], number> = {
  pain: 0,
  'weaker-side': 1,
  benchmark: 2,
  coverage: 3,
};

function Reasons({ reasons }: { reasons: ItemReason[] }) {
  const sorted = [...reasons].sort((a, b) => REASON_ORDER[a.kind] - REASON_ORDER[b.kind]);
  const first = sorted.slice(0, 1);
  const rest = sorted.slice(1);
  const row = (reason: ItemReason) => (
    <li key={reason.text} data-kind={reason.kind}>
      <span class={`reason-kind reason-${reason.kind}`}>{REASON_LABEL[reason.kind]}</span> {reason.text}
    </li>
  );
  return (
    <div class="item-reasons" data-testid="item-reasons">
      <ul>{first.map(row)}</ul>
      {rest.length > 0 && (
        <details class="more-reasons">
          <summary>{plural(rest.length, 'more reason')}</summary>
          <ul>{rest.map(row)}</ul>
        </details>
      )}
    </div>
  );
}

/** The first few of a long list, the rest one tap away. */
function MoreList({ items, shown, class: cls }: { items: string[]; shown: number; class: string }) {
  const rest = items.slice(shown);
  return (
    <div class={cls}>
      <ul>
        {items.slice(0, shown).map((text) => (
          <li key={text}>{text}</li>
        ))}
      </ul>
      {rest.length > 0 && (
        <details class="more-reasons">
          <summary>{plural(rest.length, 'more reason')}</summary>
          <ul>
            {rest.map((text) => (
              <li key={text}>{text}</li>
            ))}
          </ul>
        </details>
      )}
    </div>
  );
}

function Adherence({ weeks }: { weeks: ProgramWeek[] }) {
  const done = weeks.reduce((sum, w) => sum + Math.min(w.done, w.planned), 0);
  const planned = weeks.reduce((sum, w) => sum + w.planned, 0);
  return (
    <section class="adherence card" aria-labelledby="adherence-title" data-testid="adherence">
      <h2 id="adherence-title">The last {weeks.length} weeks</h2>
      <p class="muted">
        {planned > 0 ? `${done} of ${planned} planned sessions done.` : 'No sessions planned yet.'}
      </p>
      <ol class="adherence-weeks">
        {weeks.map((week) => {
          const share = week.planned > 0 ? Math.min(1, week.done / week.planned) : 0;
          return (
            <li
              key={week.weekStart}
              class="adherence-week"
              data-testid="adherence-week"
              data-done={week.done}
              data-planned={week.planned}
              title={`Week of ${formatDay(week.weekStart)}: ${week.done} of ${week.planned}`}
            >
              <span class="adherence-bar" aria-hidden="true">
                <span class={share >= 1 ? 'is-full' : ''} style={{ height: `${Math.round(share * 100)}%` }} />
              </span>
              <span class="adherence-count">
                {week.done}/{week.planned}
              </span>
              <span class="adherence-date">{formatDay(week.weekStart, true)}</span>
            </li>
          );
        })}
      </ol>
    </section>
  );
}

interface LoggedProps {
  sessions: SessionLogView[] | null;
  loading: boolean;
  view: ProgramView;
  names: Map<string, string>;
  onChanged: () => void;
  onApiError: (error: unknown) => void;
}

function LoggedSessions({ sessions, loading, view, names, onChanged, onApiError }: LoggedProps) {
  return (
    <section class="logged-sessions" aria-labelledby="logged-title" data-testid="logged-sessions">
      <h2 id="logged-title">Logged sessions</h2>
      {loading && !sessions && <p class="loading">Loading…</p>}
      {sessions && sessions.length === 0 && (
        <p class="muted" data-testid="no-sessions">
          Nothing logged yet. The program moves on from what you log: start today's session above.
        </p>
      )}
      {sessions && sessions.length > 0 && (
        <ul class="session-log-list">
          {sessions.slice(0, 6).map((session) => (
            <SessionLogCard
              key={session.id}
              session={session}
              view={view}
              names={names}
              onChanged={onChanged}
              onApiError={onApiError}
            />
          ))}
        </ul>
      )}
    </section>
  );
}

function SessionLogCard({
  session,
  view,
  names,
  onChanged,
  onApiError,
}: {
  session: SessionLogView;
  view: ProgramView;
  names: Map<string, string>;
  onChanged: () => void;
  onApiError: (error: unknown) => void;
}) {
  const [busy, setBusy] = useState(false);
  const [confirming, setConfirming] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const maxPain = Math.max(0, ...session.exercises.map((e) => e.painDuring));
  const run = async (work: () => Promise<unknown>) => {
    setBusy(true);
    setError(null);
    try {
      await work();
      onChanged();
    } catch (e) {
      setError((e as Error).message);
      onApiError(e);
    } finally {
      setBusy(false);
    }
  };
  return (
    <li
      class="session-log card"
      data-testid="session-log"
      data-session-id={session.id}
      data-date={session.date}
    >
      <div class="session-log-head">
        <h3>
          {formatDay(session.date)}
          {session.label && ` · session ${session.label}`}
        </h3>
        <span class="muted">
          {plural(session.exercises.length, 'exercise')} · pain during up to {maxPain}/10
        </span>
      </div>
      <details class="session-log-details">
        <summary>What was done</summary>
        <ul>
          {session.exercises.map((entry) => (
            <li key={entry.exerciseId}>
              <strong>
                {view.exercises[entry.exerciseId]?.name ?? names.get(entry.exerciseId) ?? entry.exerciseId}
              </strong>
              : {entry.setsDone} sets, weakest {entry.achieved}, effort {entry.rpe}/10, pain{' '}
              {entry.painDuring}/10
              {entry.goodForm ? '' : ', form slipped'}
            </li>
          ))}
        </ul>
      </details>
      {session.note && <p class="session-log-note">“{session.note}”</p>}
      <div class="session-morning" data-testid="session-morning">
        {session.painNextMorning === null ? (
          <>
            <span class="morning-ask-label">Pain the next morning?</span>
            <div class="morning-scores">
              {[0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10].map((score) => (
                <button
                  key={score}
                  type="button"
                  class="morning-score"
                  disabled={busy}
                  aria-label={`${score} out of 10`}
                  onClick={() => run(() => api.updateSession(session.id, { painNextMorning: score }))}
                >
                  {score}
                </button>
              ))}
            </div>
          </>
        ) : (
          <span>
            Pain the next morning:{' '}
            <strong data-testid="session-morning-value">{session.painNextMorning}/10</strong>
          </span>
        )}
      </div>
      {error && (
        <p class="form-error" role="alert">
          {error}
        </p>
      )}
      <div class="session-log-actions">
        {confirming ? (
          <>
            <span>Delete this log? The program is worked out again without it.</span>
            <button
              type="button"
              class="button button-danger"
              disabled={busy}
              data-testid="session-delete-confirm"
              onClick={() => run(() => api.deleteSession(session.id))}
            >
              Delete
            </button>
            <button type="button" class="button" onClick={() => setConfirming(false)}>
              Keep
            </button>
          </>
        ) : (
          <button
            type="button"
            class="button button-quiet"
            data-testid="session-delete"
            onClick={() => setConfirming(true)}
          >
            Delete
          </button>
        )}
      </div>
    </li>
  );
}

function History({
  events,
  view,
  names,
  families,
}: {
  events: ProgressionEvent[];
  view: ProgramView;
  names: Map<string, string>;
  families: CatalogueView | undefined;
}) {
  const familyName = (id: string) => families?.families.find((f) => f.id === id)?.name ?? id;
  const name = (id: string) => view.exercises[id]?.name ?? names.get(id) ?? id;
  const unitOf = (id: string): 'reps' | 's' => {
    const dose = view.exercises[id]?.dose ?? families?.exercises.find((e) => e.id === id)?.dose;
    return dose?.kind === 'hold' ? 's' : 'reps';
  };
  const [all, setAll] = useState(false);
  const shown = all ? events : events.slice(0, 8);
  return (
    <section class="history card" aria-labelledby="history-title" data-testid="progression-history">
      <h2 id="history-title">How the program has moved</h2>
      {events.length === 0 ? (
        <p class="muted">No changes yet: the rules move an exercise once you log sessions.</p>
      ) : (
        <ol class="history-list">
          {shown.map((event, i) => {
            const sameExercise = event.from.exerciseId === event.to.exerciseId;
            return (
              <li
                key={`${event.date}-${event.familyId}-${i}`}
                class={`history-event history-${ruleDirection(event.rule)}`}
                data-testid="progression-event"
                data-rule={event.rule}
              >
                <div class="history-head">
                  <span class="history-date">{formatDay(event.date, true)}</span>
                  <span class={`badge rule-badge rule-${ruleDirection(event.rule)}`}>
                    {RULE_LABEL[event.rule]}
                  </span>
                  <span class="history-family">{familyName(event.familyId)}</span>
                </div>
                <p class="history-change">
                  {sameExercise
                    ? name(event.to.exerciseId)
                    : `${name(event.from.exerciseId)} → ${name(event.to.exerciseId)}`}
                  {': '}
                  {event.from.sets} × {targetText(event.from.target, unitOf(event.from.exerciseId))} →{' '}
                  {event.to.sets} × {targetText(event.to.target, unitOf(event.to.exerciseId))}
                </p>
                <p class="history-reason">{event.reason}</p>
                <p class="history-source">Source: {event.source}</p>
              </li>
            );
          })}
        </ol>
      )}
      {events.length > shown.length && (
        <button type="button" class="button" data-testid="history-all" onClick={() => setAll(true)}>
          Show all {events.length} changes
        </button>
      )}
    </section>
  );
}

interface SettingsProps {
  athleteId: string;
  view: ProgramView;
  onSaved: (view: ProgramView) => void;
  onApiError: (error: unknown) => void;
}

const MINUTE_CHOICES: number[] = [];
for (let m = MINUTES_PER_SESSION.min; m <= MINUTES_PER_SESSION.max; m += 5) MINUTE_CHOICES.push(m);
const SESSION_CHOICES: number[] = [];
for (let n = SESSIONS_PER_WEEK.min; n <= SESSIONS_PER_WEEK.max; n++) SESSION_CHOICES.push(n);

function SettingsForm({ athleteId, view, onSaved, onApiError }: SettingsProps) {
  const settings = view.settings;
  const [sessionsPerWeek, setSessions] = useState(settings.sessionsPerWeek);
  const [minutes, setMinutes] = useState(settings.minutesPerSession);
  const [equipment, setEquipment] = useState<Equipment[]>([...settings.equipment]);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [saved, setSaved] = useState(false);
  const minuteChoices = MINUTE_CHOICES.includes(minutes)
    ? MINUTE_CHOICES
    : [...MINUTE_CHOICES, minutes].sort((a, b) => a - b);

  const submit = async (e: Event) => {
    e.preventDefault();
    setBusy(true);
    setError(null);
    setSaved(false);
    try {
      const updated = await api.setProgramSettings(athleteId, {
        sessionsPerWeek,
        minutesPerSession: minutes,
        equipment: [...equipment].sort(),
      });
      setSaved(true);
      onSaved(updated);
    } catch (err) {
      setError(err instanceof ApiError ? err.message : String(err));
      onApiError(err);
    } finally {
      setBusy(false);
    }
  };

  return (
    <section class="program-settings card" aria-labelledby="settings-title">
      <h2 id="settings-title">Your time and equipment</h2>
      <p class="muted">
        {settings.saved
          ? 'The program fits into what you can give it. Change it and every session is prescribed again.'
          : 'These are the defaults: save your own and every session is prescribed again.'}
      </p>
      <form class="settings-form" onSubmit={submit} data-testid="program-settings" noValidate>
        <fieldset class="settings-field">
          <legend>Sessions a week</legend>
          <div class="chips">
            {SESSION_CHOICES.map((n) => (
              <label key={n} class="chip chip-radio">
                <input
                  type="radio"
                  name="sessions-per-week"
                  value={n}
                  checked={sessionsPerWeek === n}
                  data-testid={`sessions-per-week-${n}`}
                  onChange={() => setSessions(n)}
                />
                <span>{n}</span>
              </label>
            ))}
          </div>
        </fieldset>
        <label class="settings-field">
          <span class="settings-label">Minutes a session</span>
          <select
            class="select-large"
            value={minutes}
            data-testid="minutes-per-session"
            data-min={MINUTES_PER_SESSION.min}
            data-max={MINUTES_PER_SESSION.max}
            onChange={(e) => setMinutes(Number(e.currentTarget.value))}
          >
            {minuteChoices.map((m) => (
              <option key={m} value={m}>
                {m} min
              </option>
            ))}
          </select>
        </label>
        <fieldset class="settings-field">
          <legend>Equipment you have</legend>
          <p class="field-hint">Without any, every exercise uses the floor and a wall.</p>
          <div class="equipment-choices">
            {EQUIPMENT.map((item) => (
              <label key={item} class="check">
                <input
                  type="checkbox"
                  checked={equipment.includes(item)}
                  data-testid={`equipment-${item}`}
                  onChange={(e) => {
                    const on = e.currentTarget.checked;
                    setEquipment((list) =>
                      on ? [...new Set([...list, item])] : list.filter((x) => x !== item),
                    );
                  }}
                />
                <span>{EQUIPMENT_LABEL[item]}</span>
              </label>
            ))}
          </div>
        </fieldset>
        {error && (
          <p class="form-error" role="alert" data-testid="settings-error">
            {error}
          </p>
        )}
        {saved && !error && (
          <p class="settings-saved" role="status" data-testid="settings-saved">
            Saved: the sessions above are prescribed again.
          </p>
        )}
        <div>
          <button type="submit" class="button button-primary" disabled={busy} data-testid="settings-save">
            {busy ? 'Saving…' : 'Save and prescribe again'}
          </button>
        </div>
      </form>
    </section>
  );
}
