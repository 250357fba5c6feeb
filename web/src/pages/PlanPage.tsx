import { useEffect, useMemo, useState } from 'preact/hooks';
import type { AthleteView, GoalView, PlanView } from '../../../src/app/views.js';
import type { RacePlan } from '../../../src/coach/plan/types.js';
import { formatDistance, type UnitSystem } from '../../../src/domain/units.js';
import { api, planIcsUrl } from '../api.js';
import { ConfirmDelete } from '../components/ConfirmDelete.js';
import { GoalForm } from '../components/GoalForm.js';
import { NextStepCard } from '../components/NextStepCard.js';
import { Notice } from '../components/Notice.js';
import { SpikeNotice } from '../components/SpikeNotice.js';
import { plural } from '../format.js';
import { useResource } from '../hooks.js';
import {
  type CalendarDay,
  type CalendarWeek,
  changeSummary,
  countdownText,
  GATE_LABEL,
  longDayText,
  longRunText,
  PHASE_LABEL,
  planCalendar,
  raceDistanceText,
  raceTitle,
  SURFACE_LABEL,
  spikeLevel,
  WEEKDAYS,
} from '../plan-format.js';
import { formatDay } from '../program-format.js';

interface Props {
  athlete: AthleteView;
  /** Bumped whenever a pain report changes: the plan is made again from pain and red flags. */
  painVersion: number;
  onApiError: (error: unknown) => void;
}

/** The way to the goal race: the verdict, what changed, the long runs as a calendar, the goals and the rules. */
export function PlanPage({ athlete, painVersion, onApiError }: Props) {
  // The server writes its messages in the athlete's unit: the plan is asked for again when the athlete changes,
  // which a change of unit does twice (at once, and once the server has stored it).
  const [plan, reloadPlan] = useResource(() => api.plan(athlete.id), [athlete, painVersion]);
  /** The plan the goal form got back, shown until the next load. */
  const [fresh, setFresh] = useState<PlanView | null>(null);
  useEffect(() => setFresh(null), [plan.data]);
  useEffect(() => {
    if (plan.status === 'error') onApiError(plan.error);
  }, [plan, onApiError]);

  const view = fresh?.athleteId === athlete.id ? fresh : plan.data;
  const saved = (next: PlanView) => {
    setFresh(next);
    reloadPlan();
  };

  return (
    <div class="page plan-page" data-testid="plan-page">
      <div class="page-head">
        <div>
          <h1 tabIndex={-1}>Race plan</h1>
          <p class="page-sub">
            Long runs toward your goal race, each within the spike limit, held while your body says wait.
          </p>
        </div>
      </div>
      {plan.status === 'loading' && view === undefined && (
        <p class="loading" role="status">
          Loading your plan…
        </p>
      )}
      {plan.status === 'error' && !view && (
        <Notice
          kind="error"
          title="Keel could not load your plan"
          action={{ label: 'Try again', onClick: reloadPlan }}
        >
          {plan.error.message}
        </Notice>
      )}
      {view === null && (
        <NoGoal athlete={athlete} onSaved={saved} onChanged={reloadPlan} onApiError={onApiError} />
      )}
      {view && (
        <Plan
          key={view.goal.id}
          view={view}
          athlete={athlete}
          onSaved={saved}
          onChanged={reloadPlan}
          onApiError={onApiError}
        />
      )}
    </div>
  );
}

interface PlanProps {
  view: PlanView;
  athlete: AthleteView;
  onSaved: (view: PlanView) => void;
  onChanged: () => void;
  onApiError: (error: unknown) => void;
}

function Plan({ view, athlete, onSaved, onChanged, onApiError }: PlanProps) {
  const units = athlete.units;
  const { plan } = view;
  return (
    <>
      <GoalHeader view={view} units={units} athleteId={athlete.id} />
      <Verdict plan={plan} units={units} />
      <NextStepCard view={view} units={units} linkToPlan={false} />
      <Changes view={view} units={units} />
      <Calendar plan={plan} units={units} />
      {plan.notes.length > 0 && (
        <section class="plan-notes card" aria-labelledby="plan-notes-title" data-testid="plan-notes">
          <h2 id="plan-notes-title">Where the plan starts</h2>
          <ul>
            {plan.notes.map((note) => (
              <li key={note}>{note}</li>
            ))}
          </ul>
        </section>
      )}
      <Goals
        goals={view.goals}
        current={view.goal.id}
        today={plan.today}
        units={units}
        onChanged={onChanged}
        onApiError={onApiError}
      />
      <details class="plan-add-goal card" data-testid="add-goal">
        <summary>Add another goal race</summary>
        <p class="muted">
          Keel plans toward the soonest goal still ahead; a later one takes over once that race is run.
        </p>
        <GoalForm
          athleteId={athlete.id}
          units={units}
          onSaved={onSaved}
          onApiError={onApiError}
          label="Add the goal"
        />
      </details>
      <Rules plan={plan} />
    </>
  );
}

function NoGoal({
  athlete,
  onSaved,
  onChanged,
  onApiError,
}: {
  athlete: AthleteView;
  onSaved: (view: PlanView) => void;
  onChanged: () => void;
  onApiError: (error: unknown) => void;
}) {
  // Races already run stay listed, so that they can be deleted.
  const [goals, reloadGoals] = useResource(() => api.goals(athlete.id), [athlete.id]);
  return (
    <>
      <section class="plan-intro card" aria-labelledby="no-goal-title" data-testid="no-goal">
        <h2 id="no-goal-title">Which race are you training for?</h2>
        <p>
          Tell Keel the race and its day. It plans your long runs week by week from where you are now: each
          run within 10% of your longest of the past 30 days, held at your pain-free distance until your body
          is ready for more, with run–walk to go beyond it, and a taper before race day. If the race cannot be
          reached safely by its day, Keel says so and offers the earliest safe date or a shorter race.
        </p>
      </section>
      <section class="plan-goal-form" aria-labelledby="goal-form-title">
        <h2 id="goal-form-title">Your goal race</h2>
        <GoalForm
          athleteId={athlete.id}
          units={athlete.units}
          onSaved={onSaved}
          onApiError={onApiError}
          label="Plan my race"
        />
      </section>
      {goals.data && goals.data.length > 0 && (
        <Goals
          goals={goals.data}
          current={null}
          today={null}
          units={athlete.units}
          onChanged={() => {
            reloadGoals();
            onChanged();
          }}
          onApiError={onApiError}
        />
      )}
    </>
  );
}

function GoalHeader({ view, units, athleteId }: { view: PlanView; units: UnitSystem; athleteId: string }) {
  const { goal } = view;
  return (
    <section class="goal-header card" aria-labelledby="goal-title" data-testid="goal-header">
      <div class="goal-header-text">
        <h2 id="goal-title" data-testid="goal-title">
          {raceTitle(goal, units)}
        </h2>
        <p class="goal-facts">
          <span data-testid="goal-date">{formatDay(goal.date)}</span>
          <span class="muted"> ({countdownText(view.plan.today, goal.date)})</span>
          {' · '}
          <span data-testid="goal-distance">{raceDistanceText(goal.distanceM, units)}</span>
          {' · '}
          {SURFACE_LABEL[goal.surface].toLowerCase()}
        </p>
      </div>
      <a
        class="button"
        href={planIcsUrl(athleteId)}
        download={`keel-plan-${goal.date}.ics`}
        data-testid="plan-ics"
      >
        <svg class="button-icon" viewBox="0 0 24 24" aria-hidden="true" focusable="false">
          <path d="M7 3v3M17 3v3M4 9h16M5 5h14a1 1 0 0 1 1 1v13a1 1 0 0 1-1 1H5a1 1 0 0 1-1-1V6a1 1 0 0 1 1-1z" />
        </svg>
        Add to calendar (.ics)
      </a>
    </section>
  );
}

function Verdict({ plan, units }: { plan: RacePlan; units: UnitSystem }) {
  return (
    <section
      class={`verdict card ${plan.feasible ? 'is-feasible' : 'is-infeasible'}`}
      aria-labelledby="verdict-title"
      data-testid="verdict"
      data-feasible={plan.feasible}
    >
      <h2 id="verdict-title">
        <span class="verdict-mark" aria-hidden="true">
          {plan.feasible ? '✓' : '!'}
        </span>{' '}
        {plan.feasible ? 'Within reach' : 'Not safely reachable by race day'}
      </h2>
      <p class="verdict-text" data-testid="verdict-text">
        {plan.verdict}
      </p>
      {!plan.feasible && (plan.earliestSafeDate || plan.shorterRaceM) && (
        <ul class="verdict-options" data-testid="verdict-options">
          {plan.earliestSafeDate && (
            <li data-testid="earliest-safe-date">
              <strong>Earliest safe date:</strong> {formatDay(plan.earliestSafeDate)} (
              {countdownText(plan.today, plan.earliestSafeDate)})
            </li>
          )}
          {plan.shorterRaceM && (
            <li data-testid="shorter-race">
              <strong>A race reachable by the date:</strong> {raceDistanceText(plan.shorterRaceM, units)}
            </li>
          )}
        </ul>
      )}
      <dl class="verdict-facts">
        <div>
          <dt>Peak long run</dt>
          <dd data-testid="peak-long-run">{formatDistance(plan.peakLongRunM, units, 1)}</dd>
        </div>
        <div>
          <dt>Usual peak for the race</dt>
          <dd>
            {formatDistance(plan.peakRange.minM, units, 0)}–{formatDistance(plan.peakRange.maxM, units, 0)}
          </dd>
        </div>
        <div>
          <dt>Taper</dt>
          <dd>{plural(plan.taperWeeks, 'week')}</dd>
        </div>
        <div>
          <dt>Longest run, last 30 days</dt>
          <dd>{formatDistance(plan.startingLongRunM, units, 1)}</dd>
        </div>
      </dl>
    </section>
  );
}

function Changes({ view, units }: { view: PlanView; units: UnitSystem }) {
  const { trigger, madeOn, items } = view.changes;
  return (
    <section class="plan-changes card" aria-labelledby="changes-title" data-testid="plan-changes">
      <h2 id="changes-title">What changed and why</h2>
      <p class="muted" data-testid="changes-when">
        {madeOn
          ? `Last re-planned ${trigger ? `${trigger}, ` : ''}on ${formatDay(madeOn)}.`
          : 'Keel plans again after every logged run and pain report.'}
      </p>
      {items.length === 0 ? (
        <p data-testid="changes-none">Nothing moved at the last re-plan.</p>
      ) : (
        <ul class="change-list">
          {items.map((item, i) => {
            const change = changeSummary(item, units);
            return (
              <li
                key={`${item.weekStart}-${item.field}-${i}`}
                data-testid="plan-change"
                data-field={item.field}
              >
                <p class="change-what">
                  {item.weekStart && <span class="muted">Week of {formatDay(item.weekStart, true)}: </span>}
                  <strong>{change.label}</strong> {change.from} → {change.to}
                </p>
                <p class="change-why">{item.why}</p>
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}

function Calendar({ plan, units }: { plan: RacePlan; units: UnitSystem }) {
  const weeks = useMemo(() => planCalendar(plan.weeks, plan.today, plan.goal.date), [plan]);
  return (
    <section class="plan-calendar" aria-labelledby="calendar-title" data-testid="plan-calendar">
      <h2 id="calendar-title">Week by week</h2>
      <p class="muted">
        {plural(weeks.length, 'week')} to race day. The long run of each week sits on its day; the rest of the
        week's distance is easy running around it.
      </p>
      <ol class="plan-weeks">
        {weeks.map((week, i) => (
          <WeekRow key={week.week.weekStart} week={week} index={i} plan={plan} units={units} />
        ))}
      </ol>
    </section>
  );
}

function WeekRow({
  week: cal,
  index,
  plan,
  units,
}: {
  week: CalendarWeek;
  index: number;
  plan: RacePlan;
  units: UnitSystem;
}) {
  const { week } = cal;
  const status = week.gate.status;
  const titleId = `plan-week-${week.weekStart}`;
  const showSpike = spikeLevel(week.spike.band) !== 'quiet';
  return (
    <li
      class={`card plan-week phase-${week.phase} gate-${status}${cal.isCurrent ? ' is-current' : ''}${cal.isRaceWeek ? ' is-race-week' : ''}`}
      aria-labelledby={titleId}
      data-testid="plan-week"
      data-week-start={week.weekStart}
      data-phase={week.phase}
      data-gate={status}
      data-long-run-m={week.longRunM}
    >
      <div class="plan-week-head">
        <h3 id={titleId}>
          {cal.isCurrent ? 'This week' : `Week ${index + 1}`}
          <span class="plan-week-dates muted"> · from {formatDay(week.weekStart, true)}</span>
        </h3>
        <span class={`badge phase-badge phase-${week.phase}`} data-testid="phase-badge">
          {PHASE_LABEL[week.phase]}
        </span>
        {status !== 'open' && (
          <span class={`badge gate-badge gate-${status}`} data-testid="gate-badge">
            {GATE_LABEL[status]}
          </span>
        )}
        <span class="plan-week-volume" data-testid="week-volume">
          {formatDistance(week.volumeM, units, 1)} in the week
        </span>
      </div>
      <ol class="plan-days">
        {cal.days.map((day) => (
          <DayCell key={day.date} day={day} week={cal} units={units} />
        ))}
      </ol>
      <p class="plan-week-summary" data-testid="long-run-summary">
        {longRunText(week, units, plan.goal.date)}.
      </p>
      {status !== 'open' && (
        <div class={`gate-reasons gate-${status}`} data-testid="gate-reasons">
          <p class="gate-reasons-title">{status === 'halted' ? 'Halted because' : 'Held because'}</p>
          <ul>
            {week.gate.reasons.map((reason) => (
              <li key={reason}>{reason}</li>
            ))}
          </ul>
        </div>
      )}
      {showSpike && (
        <SpikeNotice
          spike={week.spike}
          context={week.phase === 'race' ? 'The race is the one run allowed past the line:' : undefined}
          testId="week-spike"
        />
      )}
      {week.notes.length > 0 && (
        <details class="plan-week-notes" data-testid="week-notes">
          <summary>{plural(week.notes.length, 'note')}</summary>
          <ul>
            {week.notes.map((note) => (
              <li key={note}>{note}</li>
            ))}
          </ul>
          {status === 'open' && week.gate.reasons.length > 0 && (
            <p class="muted">Gates: {week.gate.reasons.join('; ')}</p>
          )}
        </details>
      )}
    </li>
  );
}

function DayCell({ day, week: cal, units }: { day: CalendarDay; week: CalendarWeek; units: UnitSystem }) {
  const { week } = cal;
  const classes = [
    'plan-day',
    day.isToday ? 'is-today' : '',
    day.isPast ? 'is-past' : '',
    day.isLongRun ? 'is-long-run' : '',
    day.isRace ? 'is-race' : '',
  ]
    .filter(Boolean)
    .join(' ');
  const hasRun = day.isRace || day.isLongRun;
  return (
    <li
      class={classes}
      data-testid="plan-day"
      data-date={day.date}
      data-today={day.isToday}
      data-race={day.isRace}
      data-long-run={day.isLongRun}
      aria-current={day.isToday ? 'date' : undefined}
    >
      <span class="plan-day-label" aria-hidden="true">
        <span class="plan-day-name">{WEEKDAYS[day.weekday]}</span>{' '}
        <span class="plan-day-date">
          {day.dayOfMonth}
          {day.month && <span class="plan-day-month"> {day.month}</span>}
        </span>
      </span>
      <span class="visually-hidden">
        {longDayText(day.date)}
        {day.isToday ? ', today' : ''}
        {hasRun ? '' : ': easy running or rest'}
      </span>
      {day.isToday && (
        <span class="plan-day-today" aria-hidden="true">
          Today
        </span>
      )}
      {hasRun && (
        <span class="plan-day-run" data-testid="plan-day-run">
          <span class="plan-day-kind">{day.isRace ? 'Race' : 'Long run'}</span>{' '}
          <span class="plan-day-distance">{formatDistance(week.longRunM, units, 1)}</span>
          {week.runWalk && (
            <span class="runwalk-mark" title="Run–walk offered" data-testid="runwalk-mark">
              <span aria-hidden="true">RW</span>
              <span class="visually-hidden">, run–walk offered</span>
            </span>
          )}
        </span>
      )}
    </li>
  );
}

function Goals({
  goals,
  current,
  today,
  units,
  onChanged,
  onApiError,
}: {
  goals: GoalView[];
  current: string | null;
  today: string | null;
  units: UnitSystem;
  onChanged: () => void;
  onApiError: (error: unknown) => void;
}) {
  return (
    <section class="plan-goals" aria-labelledby="goals-title" data-testid="goals">
      <h2 id="goals-title">Your goal races</h2>
      <ul class="goal-list">
        {goals.map((goal) => (
          <GoalRow
            key={goal.id}
            goal={goal}
            isCurrent={goal.id === current}
            today={today}
            units={units}
            onChanged={onChanged}
            onApiError={onApiError}
          />
        ))}
      </ul>
    </section>
  );
}

function GoalRow({
  goal,
  isCurrent,
  today,
  units,
  onChanged,
  onApiError,
}: {
  goal: GoalView;
  isCurrent: boolean;
  today: string | null;
  units: UnitSystem;
  onChanged: () => void;
  onApiError: (error: unknown) => void;
}) {
  const title = raceTitle(goal, units);
  return (
    <li class="goal-row card" data-testid="goal-row" data-goal-id={goal.id} data-current={isCurrent}>
      <div class="goal-row-text">
        <p class="goal-row-name">
          <strong>{title}</strong>
          {isCurrent && <span class="badge badge-next">planned</span>}
        </p>
        <p class="muted">
          {formatDay(goal.date)}
          {today && ` (${countdownText(today, goal.date)})`} · {raceDistanceText(goal.distanceM, units)} ·{' '}
          {SURFACE_LABEL[goal.surface].toLowerCase()}
        </p>
      </div>
      <ConfirmDelete
        label={`Delete the goal ${title} on ${goal.date}`}
        question={`Delete ${title}?`}
        testId="goal-delete"
        remove={async () => {
          await api.deleteGoal(goal.id);
          onChanged();
        }}
        onApiError={onApiError}
      />
    </li>
  );
}

function Rules({ plan }: { plan: RacePlan }) {
  return (
    <details class="plan-rules card" data-testid="plan-rules">
      <summary>
        <h2 class="plan-rules-title">
          The {plural(plan.rules.length, 'rule')} the plan follows, with sources
        </h2>
      </summary>
      <ul class="rule-list">
        {plan.rules.map((rule) => (
          <li key={rule.id} data-testid="plan-rule" data-rule-id={rule.id}>
            <p>{rule.text}</p>
            <p class="rule-source">Source: {rule.source}</p>
          </li>
        ))}
      </ul>
    </details>
  );
}
