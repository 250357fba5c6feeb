import { hold, ladder, reps } from './build.js';
import { COOLS_2007, cite, WHOLE_CHAIN } from './sources.js';

const region = 'upper-back-shoulders';

/** Holding the shoulder blades back and down: still, then against a band, then lifting a light load face down. */
export const SCAPULAR_RETRACTION = ladder(
  { id: 'scapular-retraction', name: 'Shoulder-blade holds to prone I-Y-T', region },
  [
    {
      id: 'scapular-retraction-hold',
      name: 'Shoulder-blade squeeze hold',
      targets: ['scapular'],
      equipment: [],
      steps: [
        'Stand or sit tall with the arms by your sides.',
        'Draw the shoulder blades back and slightly down.',
        'Hold without letting the shoulders rise.',
        'Release slowly.',
      ],
      cues: ['Back and down, not up.', 'Keep the chin level.'],
      mistakes: ['Pushing the chest out and arching the back.', 'Squeezing so hard the neck tenses.'],
      dose: hold({ sets: [2, 3], holdS: [20, 30], restS: 30, perSide: false }),
      source: cite(COOLS_2007, WHOLE_CHAIN),
    },
    {
      id: 'band-pull-apart',
      name: 'Band pull-apart',
      targets: ['scapular'],
      equipment: ['band'],
      steps: [
        'Hold a band in front of the chest with straight arms, hands shoulder-width apart.',
        'Pull the hands apart until the band touches the chest.',
        'Pause with the shoulder blades squeezed.',
        'Let the hands come back together slowly.',
      ],
      cues: ['Arms long, elbows soft.', 'Shoulders stay down.'],
      mistakes: ['Bending the elbows to make it easier.', 'Letting the band pull the arms back in fast.'],
      dose: reps({ sets: [2, 3], reps: [12, 20], tempo: [2, 1, 2], restS: 60, perSide: false }),
      source: cite(COOLS_2007, WHOLE_CHAIN),
    },
    {
      id: 'prone-iyt-weighted',
      name: 'Prone I-Y-T with light weights',
      targets: ['scapular', 'trunk-extensors'],
      equipment: ['weight'],
      steps: [
        'Lie face down with a light weight or a water bottle in each hand.',
        'Lift the arms overhead in line with the body, making an I, and lower.',
        'Lift them out at an angle, making a Y, and lower.',
        'Lift them out sideways, making a T, and lower.',
        'Count one rep for each full I-Y-T round.',
      ],
      cues: ['Shoulder blades set before each lift.', 'Thumbs up on every letter.'],
      mistakes: ['Swinging the weights up.', 'Lifting the chest instead of the arms.'],
      dose: reps({ sets: [3, 4], reps: [12, 20], tempo: [2, 1, 2], restS: 75, perSide: false }),
      source: cite(COOLS_2007, WHOLE_CHAIN),
    },
  ],
);

/** Shoulder blades gliding as the arms go overhead, with the wall taking away ever more of the help. */
export const WALL_SLIDE = ladder({ id: 'wall-slide', name: 'Wall slides and angels', region }, [
  {
    id: 'wall-slide',
    name: 'Wall slide',
    targets: ['scapular'],
    equipment: [],
    steps: [
      'Face a wall with the forearms on it, elbows at shoulder height.',
      'Slide the forearms up the wall as far as you can without shrugging.',
      'Slide them back down slowly.',
    ],
    cues: ['Shoulders stay away from the ears.', 'Press the forearms gently into the wall.'],
    mistakes: ['Arching the low back to get higher.', 'Letting the elbows flare wide.'],
    dose: reps({ sets: [2, 3], reps: [10, 15], tempo: [2, 1, 2], restS: 45, perSide: false }),
    source: cite(WHOLE_CHAIN),
  },
  {
    id: 'wall-angel',
    name: 'Wall angel',
    targets: ['scapular', 'trunk-extensors'],
    equipment: [],
    steps: [
      'Stand with the back, head and buttocks against a wall, feet a little forward.',
      'Put the backs of the arms on the wall, elbows bent at right angles.',
      'Slide the arms up the wall as far as you can keep them touching.',
      'Slide them back down slowly.',
    ],
    cues: ['Ribs down, low back close to the wall.', 'Only go as high as the wrists stay on.'],
    mistakes: ['Lifting the wrists off the wall.', 'Poking the chin forward.'],
    dose: reps({ sets: [2, 3], reps: [12, 20], tempo: [2, 1, 2], restS: 60, perSide: false }),
    source: cite(WHOLE_CHAIN),
  },
  {
    id: 'wall-slide-lift-off',
    name: 'Wall slide with lift-off',
    targets: ['scapular'],
    equipment: [],
    steps: [
      'Face a wall with the forearms on it, elbows at shoulder height.',
      'Slide the forearms up the wall as far as you can without shrugging.',
      'At the top, lift the hands a few centimetres off the wall and hold.',
      'Put them back on the wall and slide down slowly.',
    ],
    cues: ['The lift comes from below the shoulder blades.', 'Small lift, steady hold.'],
    mistakes: ['Leaning back from the wall to free the hands.', 'Shrugging during the lift.'],
    dose: reps({ sets: [3, 4], reps: [12, 20], tempo: [2, 2, 2], restS: 75, perSide: false }),
    source: cite(COOLS_2007, WHOLE_CHAIN),
  },
]);

export const UPPER_BACK_SHOULDERS_FAMILIES = [SCAPULAR_RETRACTION, WALL_SLIDE];
