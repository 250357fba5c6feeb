import type { ExerciseView } from '../../../src/app/views.js';
import { doseRangeText, EQUIPMENT_LABEL, tempoText } from '../program-format.js';

interface Props {
  exercise: ExerciseView;
  /** Open at first (the player shows the steps at once). */
  open?: boolean;
  summary?: string;
}

/** How to do an exercise: the steps, the cues, the mistakes, the dose and what it rests on. */
export function ExerciseDetails({ exercise, open = false, summary = 'How to do it' }: Props) {
  const tempo = tempoText(exercise.dose);
  return (
    <details class="exercise-details" open={open} data-testid="exercise-details">
      <summary>{summary}</summary>
      <div class="exercise-details-body">
        <ol class="exercise-steps" data-testid="exercise-steps">
          {exercise.steps.map((step) => (
            <li key={step}>{step}</li>
          ))}
        </ol>
        {exercise.cues.length > 0 && (
          <div>
            <h4>Cues</h4>
            <ul class="exercise-cues">
              {exercise.cues.map((cue) => (
                <li key={cue}>{cue}</li>
              ))}
            </ul>
          </div>
        )}
        {exercise.mistakes.length > 0 && (
          <div>
            <h4>Common mistakes</h4>
            <ul class="exercise-mistakes">
              {exercise.mistakes.map((mistake) => (
                <li key={mistake}>{mistake}</li>
              ))}
            </ul>
          </div>
        )}
        <dl class="exercise-facts">
          <div>
            <dt>Dose for endurance</dt>
            <dd>{doseRangeText(exercise.dose)}</dd>
          </div>
          {tempo && (
            <div>
              <dt>Tempo</dt>
              <dd>{tempo}</dd>
            </div>
          )}
          <div>
            <dt>Trains</dt>
            <dd>{exercise.targetLabels.join('; ')}</dd>
          </div>
          <div>
            <dt>Equipment</dt>
            <dd>
              {exercise.equipment.length === 0
                ? 'None: the floor and a wall'
                : exercise.equipment.map((e) => EQUIPMENT_LABEL[e]).join(', ')}
            </dd>
          </div>
          <div>
            <dt>Ladder</dt>
            <dd>
              {exercise.familyName}: level {exercise.level} of {exercise.ladderLength}
            </dd>
          </div>
        </dl>
        <p class="exercise-source">Source: {exercise.source}</p>
      </div>
    </details>
  );
}
