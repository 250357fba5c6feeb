import { hold, ladder, reps } from './build.js';
import { COOLS_2007, cite, WHOLE_CHAIN } from './sources.js';

const region = 'mid-back';

/** Holding the mid back and shoulder blades against gravity, the arms making ever longer levers: W, T, then Y. */
export const PRONE_YTW = ladder({ id: 'prone-ytw', name: 'Prone W, T and Y holds', region }, [
  {
    id: 'prone-w-hold',
    name: 'Prone W hold',
    targets: ['scapular', 'trunk-extensors'],
    equipment: [],
    steps: [
      'Lie face down with the forehead on a folded towel.',
      'Bend the elbows and bring them beside the ribs, making a W with the arms.',
      'Draw the shoulder blades back and down and lift the arms off the floor.',
      'Hold, then lower.',
    ],
    cues: ['Shoulder blades toward the back pockets.', 'Neck long, eyes on the floor.'],
    mistakes: ['Shrugging toward the ears.', 'Lifting the chest by arching the low back.'],
    dose: hold({ sets: [2, 3], holdS: [20, 30], restS: 30, perSide: false }),
    source: cite(COOLS_2007, WHOLE_CHAIN),
  },
  {
    id: 'prone-t-hold',
    name: 'Prone T hold',
    targets: ['scapular', 'trunk-extensors'],
    equipment: [],
    steps: [
      'Lie face down with the forehead on a folded towel.',
      'Stretch the arms out sideways, thumbs up, making a T.',
      'Squeeze the shoulder blades together and lift the arms a little.',
      'Hold, then lower.',
    ],
    cues: ['Thumbs to the ceiling.', 'Lift from between the shoulder blades.'],
    mistakes: ['Bending the elbows to shorten the lever.', 'Holding the breath.'],
    dose: hold({ sets: [2, 3], holdS: [20, 45], restS: 45, perSide: false }),
    source: cite(COOLS_2007, WHOLE_CHAIN),
  },
  {
    id: 'prone-y-hold',
    name: 'Prone Y hold',
    targets: ['scapular', 'trunk-extensors'],
    equipment: [],
    steps: [
      'Lie face down with the forehead on a folded towel.',
      'Reach the arms overhead and out to make a Y, thumbs up.',
      'Set the shoulder blades down and lift the arms off the floor.',
      'Hold, then lower.',
    ],
    cues: ['Long arms, low shoulders.', 'A small lift held well beats a big one held badly.'],
    mistakes: ['Shrugging as the arms lift.', 'Arching the low back to gain height.'],
    dose: hold({ sets: [3, 4], holdS: [30, 60], restS: 60, perSide: false }),
    source: cite(COOLS_2007, WHOLE_CHAIN),
  },
]);

/** Turning through the mid back, then holding the shoulder blades back while pulling and turning. */
export const ROTATE_AND_ROW = ladder(
  { id: 'rotate-and-row', name: 'Thoracic rotation to band rows', region },
  [
    {
      id: 'quadruped-thoracic-rotation',
      name: 'Thoracic rotation on all fours',
      targets: ['trunk-extensors', 'scapular'],
      equipment: [],
      steps: [
        'Kneel on all fours and sit the hips halfway back toward the heels.',
        'Put one hand behind your head.',
        'Turn the chest and elbow up toward the ceiling.',
        'Turn back down slowly, finish the set, then switch sides.',
      ],
      cues: ['Follow the elbow with your eyes.', 'The hips stay still; the ribs turn.'],
      mistakes: ['Twisting from the low back.', 'Rushing through the turn.'],
      dose: reps({ sets: [2, 3], reps: [10, 15], tempo: [2, 1, 2], restS: 45, perSide: true }),
      source: cite(WHOLE_CHAIN),
    },
    {
      id: 'band-row-scapular-hold',
      name: 'Band row with shoulder-blade hold',
      targets: ['scapular', 'trunk-extensors'],
      equipment: ['band'],
      steps: [
        'Anchor a band at chest height and hold an end in each hand.',
        'Step back until it is taut, standing tall.',
        'Pull the elbows back past the ribs, squeezing the shoulder blades together.',
        'Hold the squeeze, then let the arms go forward slowly.',
      ],
      cues: ['Shoulder blades move first, then the arms.', 'Chest tall, neck relaxed.'],
      mistakes: ['Leaning back to move the band.', 'Shrugging as you pull.'],
      dose: reps({ sets: [2, 3], reps: [12, 20], tempo: [2, 2, 2], restS: 60, perSide: false }),
      source: cite(COOLS_2007, WHOLE_CHAIN),
    },
    {
      id: 'single-arm-band-row-rotation',
      name: 'Single-arm band row with rotation',
      targets: ['scapular', 'trunk-extensors', 'trunk-lateral'],
      equipment: ['band'],
      steps: [
        'Anchor a band at chest height and hold it in one hand.',
        'Stand in a split stance with the opposite foot forward.',
        'Reach toward the anchor, letting the chest turn with the arm.',
        'Row the elbow back while the chest turns away from the anchor.',
        'Hold the shoulder blade back briefly, then return slowly.',
      ],
      cues: ['The turn comes from the mid back.', 'Hips face forward throughout.'],
      mistakes: ['Turning the hips with the chest.', 'Pulling with the arm before the shoulder blade moves.'],
      dose: reps({ sets: [3, 4], reps: [15, 25], tempo: [2, 1, 2], restS: 75, perSide: true }),
      source: cite(COOLS_2007, WHOLE_CHAIN),
    },
  ],
);

export const MID_BACK_FAMILIES = [PRONE_YTW, ROTATE_AND_ROW];
