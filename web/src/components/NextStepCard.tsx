import type { PlanView } from '../../../src/app/views.js';
import type { NextStep } from '../../../src/coach/plan/types.js';
import { formatDistance, type UnitSystem } from '../../../src/domain/units.js';
import { countdownText, raceTitle, spikeLevel } from '../plan-format.js';
import { formatDay } from '../program-format.js';
import { SpikeNotice } from './SpikeNotice.js';

interface Props {
  view: PlanView;
  units: UnitSystem;
  /** On the home page the card links to the plan; on the plan page it is the plan's top line. */
  linkToPlan: boolean;
}

function headline(next: NextStep, units: UnitSystem, race: string): string {
  if (next.kind === 'halted') return 'No running for now';
  if (next.kind === 'race') return `Race day: ${race}, ${formatDistance(next.distanceM, units, 1)}`;
  return `Long run of ${formatDistance(next.distanceM, units, 1)}`;
}

/** How far to run before walking: the rest of the step's sentence is already on the card, piece by piece. */
function runWalkNote(view: PlanView, next: NextStep): string | undefined {
  if (!next.runWalk || next.kind === 'halted') return undefined;
  const week = view.plan.weeks.find((w) => w.longRunDate === next.date);
  return week?.notes.find((note) => note.startsWith('Run–walk'));
}

/** Today's next step toward the goal race: the coming long run (or the race), its gate and its spike check. */
export function NextStepCard({ view, units, linkToPlan }: Props) {
  const race = raceTitle(view.goal, units);
  const next = view.next ?? null;
  const today = view.plan.today;
  const titleId = linkToPlan ? 'next-step-title' : 'plan-next-step-title';
  const runWalk = next && runWalkNote(view, next);
  return (
    <section
      class={`next-step card${next ? ` next-${next.kind} gate-${next.gate.status}` : ''}`}
      aria-labelledby={titleId}
      data-testid="next-step"
      data-kind={next?.kind ?? ''}
      data-date={next?.date ?? ''}
    >
      <div class="next-step-text">
        <h2 id={titleId}>Next step toward {race}</h2>
        {next ? (
          <>
            <p class="next-step-when" data-testid="next-step-when">
              <strong>{formatDay(next.date)}</strong>{' '}
              <span class="muted">({countdownText(today, next.date)})</span>
            </p>
            <p class="next-step-what" data-testid="next-step-what">
              {headline(next, units, race)}
              {next.runWalk && next.kind !== 'halted' && (
                <span class="badge badge-runwalk" data-testid="next-step-runwalk">
                  run–walk
                </span>
              )}
            </p>
            {next.gate.status !== 'open' && (
              <p class={`next-step-gate gate-${next.gate.status}`} data-testid="next-step-gate">
                <strong>{next.gate.status === 'halted' ? 'Halted' : 'Held'}:</strong>{' '}
                {next.gate.reasons.join('; ') || 'the gates are not open yet'}
              </p>
            )}
            {runWalk && (
              <p class="next-step-message" data-testid="next-step-runwalk-note">
                {runWalk}
              </p>
            )}
            {spikeLevel(next.spike.band) !== 'quiet' && (
              <SpikeNotice
                spike={next.spike}
                context={next.kind === 'race' ? 'The race is the one run allowed past the line:' : undefined}
                testId="next-step-spike"
              />
            )}
          </>
        ) : (
          <p class="muted" data-testid="next-step-none">
            Nothing left to plan before race day ({formatDay(view.goal.date)}).
          </p>
        )}
      </div>
      {linkToPlan && (
        <div class="next-step-actions">
          <a class="button" href="#/plan" data-testid="next-step-plan-link">
            See the whole plan
          </a>
        </div>
      )}
    </section>
  );
}

/** The home page's prompt when there is no goal race yet. */
export function GoalPrompt() {
  return (
    <p class="goal-prompt" data-testid="goal-prompt">
      Training for a race? <a href="#/plan">Set a goal</a> and Keel plans the long runs toward it.
    </p>
  );
}
