import { hold, ladder, reps } from './build.js';
import { CROSSLEY_2016, cite } from './sources.js';

const region = 'knee';

/**
 * Quadriceps endurance held still, deeper and then on one leg at a time; the top rung needs a band to let the
 * shins stay upright while the thighs take the load.
 */
export const QUAD_HOLD = ladder({ id: 'quad-hold', name: 'Wall sit to Spanish squat', region }, [
  {
    id: 'wall-sit-high',
    name: 'High wall sit',
    targets: ['quadriceps', 'hip-abductors'],
    equipment: [],
    steps: [
      'Stand with your back against a wall, feet a stride out and hip-width apart.',
      'Slide down until the knees are bent about halfway to a right angle.',
      'Keep the knees in line with the second toes.',
      'Hold, then slide back up.',
    ],
    cues: ['Weight through the whole foot.', 'Back flat on the wall.'],
    mistakes: ['Knees drifting inward.', 'Pushing the hands on the thighs.'],
    dose: hold({ sets: [2, 3], holdS: [20, 30], restS: 30, perSide: false }),
    source: cite(CROSSLEY_2016),
  },
  {
    id: 'wall-sit',
    name: 'Wall sit',
    targets: ['quadriceps', 'hip-abductors'],
    equipment: [],
    steps: [
      'Stand with your back against a wall, feet a stride out.',
      'Slide down until the thighs are close to level with the floor.',
      'Keep the knees over the ankles and in line with the second toes.',
      'Hold, then slide back up.',
    ],
    cues: ['Shins close to vertical.', 'Keep breathing.'],
    mistakes: ['Sliding lower than you can hold with good knee alignment.', 'Lifting the heels.'],
    dose: hold({ sets: [2, 3], holdS: [30, 45], restS: 45, perSide: false }),
    source: cite(CROSSLEY_2016),
  },
  {
    id: 'split-squat-hold',
    name: 'Split squat hold',
    targets: ['quadriceps', 'hip-abductors', 'hip-external-rotators', 'hip-adductors'],
    equipment: [],
    steps: [
      'Take a long stride, front foot flat, back heel up.',
      'Lower until the back knee hovers a hand’s width above the floor.',
      'Keep the front knee over the second toe and the trunk upright.',
      'Hold, stand up, then switch legs.',
    ],
    cues: ['Most of the weight on the front leg.', 'Pelvis level and facing forward.'],
    mistakes: ['Front knee caving inward.', 'Resting the back knee on the floor.'],
    dose: hold({ sets: [3, 4], holdS: [30, 45], restS: 60, perSide: true }),
    source: cite(CROSSLEY_2016),
  },
  {
    id: 'spanish-squat-hold',
    name: 'Spanish squat hold',
    targets: ['quadriceps', 'hip-abductors'],
    equipment: ['band'],
    steps: [
      'Loop a heavy band round a post at knee height and step into it.',
      'Set the band behind both knees and step back until it is taut.',
      'Sit back against the band, keeping the shins vertical.',
      'Lower until the thighs are close to level, then hold.',
      'Stand up slowly to finish.',
    ],
    cues: ['Let the band hold the knees back.', 'Trunk tall, weight in the heels.'],
    mistakes: ['Letting the knees drift past the toes.', 'Using a band too light to lean on.'],
    dose: hold({ sets: [3, 4], holdS: [30, 60], restS: 60, perSide: false }),
    source: cite(CROSSLEY_2016),
  },
]);

/** Knee control under a moving load: straightening against a band, then lowering the body off ever higher steps. */
export const STEP_DOWN = ladder({ id: 'step-down', name: 'Knee extension to step-downs', region }, [
  {
    id: 'terminal-knee-extension',
    name: 'Terminal knee extension with a band',
    targets: ['quadriceps'],
    equipment: ['band'],
    steps: [
      'Anchor a band at knee height and loop it behind one knee.',
      'Step back until the band pulls the knee slightly bent.',
      'Straighten the knee fully against the band.',
      'Let it bend again slowly.',
    ],
    cues: ['Squeeze the thigh at full straightening.', 'Heel stays down.'],
    mistakes: ['Snapping the knee back.', 'Shifting the hip instead of moving the knee.'],
    dose: reps({ sets: [2, 3], reps: [10, 15], tempo: [2, 1, 2], restS: 45, perSide: true }),
    source: cite(CROSSLEY_2016),
  },
  {
    id: 'step-down-low',
    name: 'Step-down from a low step',
    targets: ['quadriceps', 'hip-abductors', 'hip-external-rotators'],
    equipment: ['step'],
    steps: [
      'Stand on one leg on a low step, about a stair high.',
      'Bend the standing knee to lower the other heel toward the floor.',
      'Tap the heel lightly without putting weight on it.',
      'Straighten back up to the start.',
    ],
    cues: ['Knee over the second toe all the way.', 'Hips level.'],
    mistakes: ['Knee diving inward as you lower.', 'Dropping onto the tapping heel.'],
    dose: reps({ sets: [2, 3], reps: [10, 20], tempo: [2, 0, 3], restS: 60, perSide: true }),
    source: cite(CROSSLEY_2016),
  },
  {
    id: 'step-down-high',
    name: 'Step-down from a high step',
    targets: ['quadriceps', 'hip-abductors', 'hip-external-rotators', 'foot-intrinsics'],
    equipment: ['step'],
    steps: [
      'Stand on one leg on a higher step, about two stairs high.',
      'Lower slowly until the other heel touches the floor.',
      'Keep the standing knee over the second toe and the pelvis level.',
      'Push back up through the whole foot.',
    ],
    cues: ['Slow down, steady up.', 'Arch held on the standing foot.'],
    mistakes: ['Leaning the trunk over the standing leg.', 'Rushing the bottom half.'],
    dose: reps({ sets: [3, 4], reps: [12, 20], tempo: [2, 0, 3], restS: 75, perSide: true }),
    source: cite(CROSSLEY_2016),
  },
]);

export const KNEE_FAMILIES = [QUAD_HOLD, STEP_DOWN];
