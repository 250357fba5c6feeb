import { useCallback, useEffect, useMemo, useRef, useState } from 'preact/hooks';
import type { AthleteView, ExerciseView, ProgramView, SessionLogView } from '../../../src/app/views.js';
import type { ProgramItem } from '../../../src/coach/program/types.js';
import { api } from '../api.js';
import { ExerciseDetails } from '../components/ExerciseDetails.js';
import { FormActions } from '../components/FormActions.js';
import { Notice } from '../components/Notice.js';
import { ScoreSelect } from '../components/ScoreSelect.js';
import { Beeper, storedMuted, storeMuted } from '../cues.js';
import { plural } from '../format.js';
import { useResource } from '../hooks.js';
import {
  clockText,
  doseText,
  levelText,
  localToday,
  minutesText,
  regionLabel,
  targetText,
} from '../program-format.js';
import {
  activeItems,
  buildSteps,
  initialPlayer,
  LEAD_IN_S,
  type PlayerAction,
  type PlayerState,
  playerReducer,
  repPosition,
  type SetRecord,
  type Step,
  suggestedLog,
  type WorkStep,
  workSeconds,
} from '../session-plan.js';

interface Props {
  athlete: AthleteView;
  /** Open the log form at once: the session was done without the player. */
  logOnly: boolean;
  onApiError: (error: unknown) => void;
}

const TICK_MS = 100;

/** Today's session, one exercise and one set at a time, then a quick log. */
export function SessionPage({ athlete, logOnly, onApiError }: Props) {
  const [program, reload] = useResource(() => api.program(athlete.id), [athlete.id]);
  useEffect(() => {
    if (program.status === 'error') onApiError(program.error);
  }, [program, onApiError]);
  const view = program.data;
  return (
    <div class="page session-page" data-testid="session-page">
      <a class="back-link" href="#/program">
        ← Program
      </a>
      {program.status === 'loading' && (
        <p class="loading" role="status">
          Loading today's session…
        </p>
      )}
      {program.status === 'error' && (
        <Notice
          kind="error"
          title="Keel could not load your session"
          action={{ label: 'Try again', onClick: reload }}
        >
          {program.error.message}
        </Notice>
      )}
      {view && (
        <Session
          key={`${view.athleteId}-${view.today.label}`}
          view={view}
          athleteId={athlete.id}
          logOnly={logOnly}
          onApiError={onApiError}
        />
      )}
    </div>
  );
}

function Session({
  view,
  athleteId,
  logOnly,
  onApiError,
}: {
  view: ProgramView;
  athleteId: string;
  logOnly: boolean;
  onApiError: (error: unknown) => void;
}) {
  const { today } = view;
  const steps = useMemo(() => buildSteps(today.session, view.exercises), [today.session, view.exercises]);
  const [stage, setStage] = useState<'play' | 'log' | 'logged'>(logOnly ? 'log' : 'play');
  const [records, setRecords] = useState<PlayerState['records'] | null>(null);
  const [logged, setLogged] = useState<SessionLogView | null>(null);

  if (view.prescription.paused) {
    return (
      <>
        <h1 tabIndex={-1}>Session {today.label}</h1>
        <div class="program-paused" role="alert" data-testid="program-paused">
          <p class="program-paused-title">Your program is paused</p>
          <p>
            An open red flag holds every exercise until a clinician has seen you and the flag is cleared on
            the <a href="#/pain">Pain</a> page.
          </p>
        </div>
      </>
    );
  }
  if (steps.length === 0) {
    return (
      <>
        <h1 tabIndex={-1}>Session {today.label}</h1>
        <Notice kind="info" title="Nothing to do today">
          Every exercise of this session is paused.
        </Notice>
      </>
    );
  }
  if (stage === 'logged' && logged) {
    return (
      <section class="session-logged" data-testid="session-logged" aria-labelledby="logged-title">
        <h1 id="logged-title" tabIndex={-1}>
          Session {logged.label ?? today.label} logged
        </h1>
        <Notice kind="success" title="Logged">
          {plural(logged.exercises.length, 'exercise')} on {logged.date}. Tomorrow morning, add how it feels
          on the program page: pain that is there the next morning holds the program back.
        </Notice>
        <p class="empty-actions">
          <a class="button button-primary button-large" href="#/program" data-testid="back-to-program">
            Back to your program
          </a>
        </p>
      </section>
    );
  }
  if (stage === 'log') {
    return (
      <LogForm
        view={view}
        athleteId={athleteId}
        records={records}
        onLogged={(session) => {
          setLogged(session);
          setStage('logged');
          window.scrollTo(0, 0);
        }}
        onBack={records ? () => setStage('play') : null}
        onApiError={onApiError}
      />
    );
  }
  return (
    <Player
      view={view}
      steps={steps}
      onFinished={(done) => {
        setRecords(done);
        setStage('log');
        window.scrollTo(0, 0);
      }}
    />
  );
}

/** Keeps the screen on while the player runs, where the browser allows it. */
function useWakeLock(on: boolean) {
  useEffect(() => {
    if (!on) return;
    let lock: { release: () => Promise<void> } | null = null;
    let released = false;
    const nav = navigator as Navigator & {
      wakeLock?: { request: (type: 'screen') => Promise<{ release: () => Promise<void> }> };
    };
    nav.wakeLock
      ?.request('screen')
      .then((l) => {
        if (released) void l.release().catch(() => undefined);
        else lock = l;
      })
      .catch(() => undefined);
    return () => {
      released = true;
      void lock?.release().catch(() => undefined);
    };
  }, [on]);
}

function Player({
  view,
  steps,
  onFinished,
}: {
  view: ProgramView;
  steps: Step[];
  onFinished: (records: PlayerState['records']) => void;
}) {
  const beeper = useRef<Beeper | null>(null);
  if (!beeper.current) beeper.current = new Beeper();
  const [muted, setMuted] = useState(storedMuted);
  beeper.current.muted = muted;
  useEffect(() => () => beeper.current?.close(), []);

  // The state lives in a ref as well, so that every tick plays its own cues however the renders are batched.
  const [state, setState] = useState<PlayerState>(initialPlayer);
  const current = useRef(state);
  const [flash, setFlash] = useState<string | null>(null);
  const flashTimer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const dispatch = useCallback(
    (action: PlayerAction) => {
      const before = current.current;
      const next = playerReducer(steps, before, action);
      if (next === before) return;
      current.current = next;
      setState(next);
      if (next.cueSeq !== before.cueSeq) {
        for (const cue of next.cues) beeper.current?.play(cue);
        setFlash(next.cues[next.cues.length - 1] ?? null);
        clearTimeout(flashTimer.current);
        flashTimer.current = setTimeout(() => setFlash(null), 250);
      }
    },
    [steps],
  );
  useEffect(() => () => clearTimeout(flashTimer.current), []);

  const running =
    !state.paused && (state.phase === 'lead' || state.phase === 'work' || state.phase === 'rest');
  useWakeLock(state.phase !== 'ready' && state.phase !== 'finished');

  // The clock: a tick every 100 ms moves the set on by the time that really passed.
  useEffect(() => {
    if (!running) return;
    let last = performance.now();
    const timer = setInterval(() => {
      const now = performance.now();
      const dt = (now - last) / 1000;
      last = now;
      dispatch({ type: 'tick', dt });
    }, TICK_MS);
    return () => clearInterval(timer);
  }, [running, dispatch]);

  useEffect(() => {
    if (state.phase === 'finished') onFinished(state.records);
  }, [state.phase]);

  const act = (action: PlayerAction) => {
    beeper.current?.unlock();
    dispatch(action);
  };

  const step = steps[state.index];
  if (!step) return null;
  const items = activeItems(view.today.session);
  const position = items.findIndex((i) => i.index === step.item);
  const item = view.today.session.items[step.item];
  const exercise = item ? view.exercises[item.exerciseId] : undefined;
  const nextWork = steps.slice(state.index + 1).find((s): s is WorkStep => s.kind === 'work');
  const progress = Math.round((state.index / steps.length) * 100);
  const cueCount = state.cueSeq;

  return (
    <section
      class={`player phase-${state.phase}${state.paused ? ' is-paused' : ''}${flash ? ` cue-${flash}` : ''}`}
      data-testid="player"
      data-phase={state.phase}
      data-step={state.index}
      data-cues={cueCount}
      aria-labelledby="player-title"
    >
      <header class="player-head">
        <div>
          <p class="player-kicker">
            Session {view.today.label} · exercise {position + 1} of {items.length}
          </p>
          <h1 id="player-title" tabIndex={-1} data-testid="player-exercise">
            {exercise?.name ?? item?.exerciseId}
          </h1>
          {exercise && item && (
            <p class="player-dose">
              {levelText(exercise)} · {doseText(item)} · {regionLabel(item.region)}
            </p>
          )}
        </div>
        <button
          type="button"
          class={`button mute-toggle${muted ? ' is-muted' : ''}`}
          aria-pressed={muted}
          data-testid="mute-toggle"
          onClick={() => {
            const next = !muted;
            setMuted(next);
            storeMuted(next);
            if (!next) beeper.current?.unlock();
          }}
        >
          {muted ? 'Muted' : 'Mute'}
        </button>
      </header>
      <div class="player-progress" aria-hidden="true">
        <span style={{ width: `${progress}%` }} />
      </div>

      <div class="player-stage" aria-live="polite">
        {step.kind === 'rest' ? (
          <RestView state={state} seconds={step.seconds} next={nextWork} view={view} />
        ) : (
          <WorkView state={state} step={step} exercise={exercise} />
        )}
      </div>

      <div class="player-controls">
        {state.phase === 'ready' && step.kind === 'work' && (
          <button
            type="button"
            class="button button-primary player-main"
            data-testid="player-start"
            onClick={() => act({ type: 'start' })}
          >
            Start set
          </button>
        )}
        {state.phase === 'work' && (
          <button
            type="button"
            class="button button-primary player-main"
            data-testid="player-done"
            onClick={() => act({ type: 'done-early' })}
          >
            {step.kind === 'work' && step.unit === 's' ? 'Stop the hold here' : 'End the set here'}
          </button>
        )}
        {state.phase === 'rest' && (
          <button
            type="button"
            class="button button-primary player-main"
            data-testid="player-skip-rest"
            onClick={() => act({ type: 'skip' })}
          >
            Skip the rest
          </button>
        )}
        {(state.phase === 'lead' || state.phase === 'work' || state.phase === 'rest') && (
          <button
            type="button"
            class="button player-pause"
            data-testid="player-pause"
            aria-pressed={state.paused}
            onClick={() => act({ type: state.paused ? 'resume' : 'pause' })}
          >
            {state.paused ? 'Resume' : 'Pause'}
          </button>
        )}
        <div class="player-nav">
          <button
            type="button"
            class="button"
            data-testid="player-back"
            disabled={state.index === 0 && state.phase === 'ready'}
            onClick={() => act({ type: 'back' })}
          >
            ← Back
          </button>
          {step.kind === 'work' && state.phase !== 'work' && state.phase !== 'rest' && (
            <button
              type="button"
              class="button"
              data-testid="player-skip"
              onClick={() => act({ type: 'skip' })}
            >
              Skip set
            </button>
          )}
          <button
            type="button"
            class="button"
            data-testid="player-next-exercise"
            onClick={() => act({ type: 'next-exercise' })}
          >
            Next exercise →
          </button>
          <button
            type="button"
            class="button"
            data-testid="player-finish"
            onClick={() => act({ type: 'finish' })}
          >
            Finish and log
          </button>
        </div>
      </div>
      {exercise && (
        <ExerciseDetails
          key={exercise.id}
          exercise={exercise}
          open={state.phase === 'ready'}
          summary="Steps, cues and mistakes"
        />
      )}
    </section>
  );
}

function WorkView({
  state,
  step,
  exercise,
}: {
  state: PlayerState;
  step: WorkStep;
  exercise: ExerciseView | undefined;
}) {
  const side = step.side ? `${step.side === 'left' ? 'Left' : 'Right'} side` : null;
  const setLabel = step.extra ? `Extra set for the weaker side` : `Set ${step.round} of ${step.rounds}`;
  const head = (
    <p class="player-set" data-testid="player-set">
      {setLabel}
      {side && (
        <>
          {' · '}
          <strong data-testid="player-side">{side}</strong>
        </>
      )}
    </p>
  );
  if (state.phase === 'ready') {
    return (
      <div class="player-ready">
        {head}
        <p class="player-target">
          {targetText(step.target, step.unit)}
          {step.tempo && ` at ${step.tempo.up}-${step.tempo.hold}-${step.tempo.down} s (up, hold, down)`}
        </p>
        {exercise && exercise.cues.length > 0 && <p class="player-cue">{exercise.cues[0]}</p>}
        <p class="muted">Get into position, then start: a {LEAD_IN_S}-second count brings you in.</p>
      </div>
    );
  }
  if (state.phase === 'lead') {
    const left = Math.ceil(LEAD_IN_S - state.elapsedS);
    return (
      <div class="player-lead">
        {head}
        <p class="player-phase" data-testid="player-phase" data-phase="ready">
          Get ready
        </p>
        <p class="player-big" data-testid="player-countdown">
          {left}
        </p>
      </div>
    );
  }
  // Work.
  if (step.unit === 'reps' && step.tempo) {
    const pos = repPosition(state.elapsedS, step.tempo);
    const done = Math.min(step.target, pos.rep);
    const phaseS = step.tempo[pos.phase];
    const phaseShare = phaseS > 0 ? 1 - pos.phaseLeftS / phaseS : 1;
    return (
      <div class="player-work">
        {head}
        <p class={`player-phase tempo-${pos.phase}`} data-testid="player-phase" data-phase={pos.phase}>
          {pos.phase === 'up' ? 'Up' : pos.phase === 'hold' ? 'Hold' : 'Down'}{' '}
          <span class="player-phase-left">{Math.ceil(pos.phaseLeftS)}</span>
        </p>
        <div class="tempo-bar" aria-hidden="true">
          <span class={`tempo-${pos.phase}`} style={{ width: `${Math.round(phaseShare * 100)}%` }} />
        </div>
        <p class="player-big" data-testid="rep-count" data-reps={done}>
          {done}
          <span class="player-of"> / {step.target}</span>
        </p>
        <p class="muted">reps done · rep {Math.min(step.target, pos.rep + 1)} now</p>
      </div>
    );
  }
  const total = workSeconds(step);
  const left = total - state.elapsedS;
  return (
    <div class="player-work">
      {head}
      <p class="player-phase tempo-hold" data-testid="player-phase" data-phase="hold">
        Hold
      </p>
      <p
        class={`player-big${left <= 3 ? ' is-ending' : ''}`}
        data-testid="hold-timer"
        data-left={Math.ceil(left)}
      >
        {clockText(left)}
      </p>
      <div class="tempo-bar" aria-hidden="true">
        <span class="tempo-hold" style={{ width: `${Math.round((state.elapsedS / total) * 100)}%` }} />
      </div>
      <p class="muted">of {targetText(step.target, 's')}</p>
    </div>
  );
}

function RestView({
  state,
  seconds,
  next,
  view,
}: {
  state: PlayerState;
  seconds: number;
  next: WorkStep | undefined;
  view: ProgramView;
}) {
  const left = seconds - state.elapsedS;
  const nextName = next ? view.exercises[next.exerciseId]?.name : undefined;
  return (
    <div class="player-rest">
      <p class="player-phase tempo-rest" data-testid="player-phase" data-phase="rest">
        Rest
      </p>
      <p class="player-big" data-testid="rest-timer" data-left={Math.ceil(left)}>
        {clockText(left)}
      </p>
      <div class="tempo-bar" aria-hidden="true">
        <span class="tempo-rest" style={{ width: `${Math.round((state.elapsedS / seconds) * 100)}%` }} />
      </div>
      {next && (
        <p class="muted">
          Next: {nextName}, {next.extra ? 'extra set' : `set ${next.round} of ${next.rounds}`}
          {next.side ? `, ${next.side} side` : ''}
        </p>
      )}
    </div>
  );
}

interface LogRow {
  exerciseId: string;
  include: boolean;
  setsDone: string;
  achieved: string;
  rpe: number;
  painDuring: number;
  goodForm: boolean;
}

function initialRows(
  items: { item: ProgramItem; index: number }[],
  records: PlayerState['records'] | null,
): LogRow[] {
  return items.map(({ item, index }) => {
    const done: SetRecord[] = records ? Object.values(records).filter((r) => r.item === index) : [];
    const suggested = records ? suggestedLog(item, done) : { setsDone: item.sets, achieved: item.target };
    return {
      exerciseId: item.exerciseId,
      include: suggested !== null,
      setsDone: String(suggested?.setsDone ?? item.sets),
      achieved: String(suggested?.achieved ?? item.target),
      rpe: 6,
      painDuring: 0,
      goodForm: true,
    };
  });
}

/** "body.exercises.2.achieved: at most 600 …" → the row's errors; the rest for the whole form. */
function splitErrors(message: string, rowOf: number[]): { rows: Map<number, string[]>; general: string[] } {
  const rows = new Map<number, string[]>();
  const general: string[] = [];
  for (const part of message.split(/;\s+(?=body\.|[a-zA-Z]+(?:\.\d+)?(?:\.[a-zA-Z]+)*:\s)/)) {
    const match = /^(?:body\.)?exercises\.(\d+)\.?([a-zA-Z]*):\s*(.*)$/.exec(part.trim());
    const row = match ? rowOf[Number(match[1])] : undefined;
    if (match && row !== undefined)
      rows.set(row, [...(rows.get(row) ?? []), `${match[2] || 'entry'}: ${match[3]}`]);
    else general.push(part.trim());
  }
  return { rows, general };
}

function LogForm({
  view,
  athleteId,
  records,
  onLogged,
  onBack,
  onApiError,
}: {
  view: ProgramView;
  athleteId: string;
  records: PlayerState['records'] | null;
  onLogged: (session: SessionLogView) => void;
  onBack: (() => void) | null;
  onApiError: (error: unknown) => void;
}) {
  const items = useMemo(() => activeItems(view.today.session), [view.today.session]);
  const [rows, setRows] = useState<LogRow[]>(() => initialRows(items, records));
  const [note, setNote] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [rowErrors, setRowErrors] = useState<Map<number, string[]>>(new Map());
  const update = (i: number, patch: Partial<LogRow>) =>
    setRows((list) => list.map((row, j) => (j === i ? { ...row, ...patch } : row)));

  const submit = async (e: Event) => {
    e.preventDefault();
    const rowOf: number[] = [];
    const exercises = rows.flatMap((row, i) => {
      if (!row.include) return [];
      rowOf.push(i);
      return [
        {
          exerciseId: row.exerciseId,
          setsDone: Number(row.setsDone),
          achieved: Number(row.achieved),
          rpe: row.rpe,
          painDuring: row.painDuring,
          goodForm: row.goodForm,
        },
      ];
    });
    const local = new Map<number, string[]>();
    exercises.forEach((entry, k) => {
      const problems: string[] = [];
      if (!Number.isInteger(entry.setsDone) || entry.setsDone < 0)
        problems.push('Sets: a whole number, 0 or more');
      if (!Number.isFinite(entry.achieved) || entry.achieved < 0)
        problems.push('Reached: a number, 0 or more');
      const row = rowOf[k];
      if (problems.length > 0 && row !== undefined) local.set(row, problems);
    });
    setRowErrors(local);
    if (exercises.length === 0) {
      setError('Tick at least one exercise you did.');
      return;
    }
    if (local.size > 0) {
      setError('Check the marked exercises.');
      return;
    }
    setBusy(true);
    setError(null);
    try {
      const session = await api.logSession(athleteId, {
        date: localToday(),
        label: view.today.label,
        exercises,
        note: note.trim() || null,
      });
      onLogged(session);
    } catch (err) {
      const { rows: byRow, general } = splitErrors((err as Error).message, rowOf);
      setRowErrors(byRow);
      setError(general.length > 0 ? general.join('; ') : 'Check the marked exercises.');
      onApiError(err);
    } finally {
      setBusy(false);
    }
  };

  return (
    <form class="session-log-form" onSubmit={submit} noValidate data-testid="session-log-form">
      <div class="page-head">
        <div>
          <h1 tabIndex={-1}>Log session {view.today.label}</h1>
          <p class="page-sub">
            {records
              ? 'Filled in from the player. Change anything that was different.'
              : 'Filled in with what was prescribed. Change anything that was different.'}
          </p>
        </div>
        {onBack && (
          <button type="button" class="button" onClick={onBack}>
            Back to the player
          </button>
        )}
      </div>
      <ol class="log-rows-list">
        {items.map(({ item }, i) => {
          const row = rows[i];
          if (!row) return null;
          const exercise = view.exercises[item.exerciseId];
          const errors = rowErrors.get(i);
          const id = `log-${i}`;
          return (
            <li
              key={item.exerciseId}
              class={`log-row card${row.include ? '' : ' is-excluded'}${errors ? ' is-invalid' : ''}`}
              data-testid="log-row"
              data-exercise-id={item.exerciseId}
            >
              <label class="check log-include">
                <input
                  type="checkbox"
                  checked={row.include}
                  data-testid="log-include"
                  onChange={(e) => update(i, { include: e.currentTarget.checked })}
                />
                <span>
                  <strong>{exercise?.name ?? item.exerciseId}</strong>
                  <span class="muted"> · {doseText(item)}</span>
                </span>
              </label>
              {errors && (
                <p class="field-error" role="alert" data-testid="log-row-error">
                  {errors.join('; ')}
                </p>
              )}
              {row.include && (
                <div class="log-fields">
                  <label for={`${id}-sets`}>
                    <span>Sets done</span>
                    <input
                      id={`${id}-sets`}
                      type="number"
                      inputMode="numeric"
                      min={0}
                      max={10}
                      value={row.setsDone}
                      data-testid="log-sets"
                      onInput={(e) => update(i, { setsDone: e.currentTarget.value })}
                    />
                  </label>
                  <label for={`${id}-achieved`}>
                    <span>{item.unit === 's' ? 'Shortest hold (s)' : 'Reps in the weakest set'}</span>
                    <input
                      id={`${id}-achieved`}
                      type="number"
                      inputMode="decimal"
                      min={0}
                      value={row.achieved}
                      data-testid="log-achieved"
                      onInput={(e) => update(i, { achieved: e.currentTarget.value })}
                    />
                  </label>
                  <ScoreSelect
                    id={`${id}-rpe`}
                    label="Effort"
                    value={row.rpe}
                    testId="log-rpe"
                    onChange={(rpe) => update(i, { rpe })}
                  />
                  <ScoreSelect
                    id={`${id}-pain`}
                    label="Pain during"
                    value={row.painDuring}
                    testId="log-pain"
                    onChange={(painDuring) => update(i, { painDuring })}
                  />
                  <label class="check log-form-check">
                    <input
                      type="checkbox"
                      checked={row.goodForm}
                      data-testid="log-good-form"
                      onChange={(e) => update(i, { goodForm: e.currentTarget.checked })}
                    />
                    <span>Good form throughout</span>
                  </label>
                </div>
              )}
            </li>
          );
        })}
      </ol>
      <label class="note-field">
        <span class="settings-label">
          Note <span class="optional">optional</span>
        </span>
        <textarea
          rows={2}
          value={note}
          maxLength={2000}
          data-testid="log-note"
          onInput={(e) => setNote(e.currentTarget.value)}
        />
      </label>
      <FormActions
        error={error}
        errorTestId="log-error"
        busy={busy}
        label={`Log session ${view.today.label}`}
        submitTestId="log-submit"
      >
        <p class="muted">About {minutesText(view.today.session.estimatedS)} prescribed.</p>
      </FormActions>
    </form>
  );
}
