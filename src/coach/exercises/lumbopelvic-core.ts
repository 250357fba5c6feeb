import { hold, ladder, reps } from './build.js';
import { cite, LOW_BACK_ROW, MCGILL_1999, MCGILL_2007 } from './sources.js';

const region = 'lumbopelvic-core';

/** The front of the trunk holding the spine still while the limbs move: curl-up, then ever longer levers. */
export const DEAD_BUG = ladder({ id: 'dead-bug', name: 'Curl-up to dead bug', region }, [
  {
    id: 'mcgill-curl-up',
    name: 'McGill curl-up',
    targets: ['trunk-flexors'],
    equipment: [],
    steps: [
      'Lie on your back with one knee bent and the other leg straight.',
      'Slide your hands under the small of the back to keep its natural curve.',
      'Lift the head and shoulders a few centimetres as one block.',
      'Pause, then lower slowly; swap legs halfway through the sets.',
    ],
    cues: ['Chin stays tucked; the neck does not bend.', 'Brace the belly as if about to be poked.'],
    mistakes: ['Flattening the low back into the hands.', 'Curling up high like a sit-up.'],
    dose: reps({ sets: [2, 3], reps: [10, 15], tempo: [2, 2, 2], restS: 45, perSide: false }),
    source: cite(MCGILL_2007, MCGILL_1999),
  },
  {
    id: 'dead-bug-heel-tap',
    name: 'Dead bug heel tap',
    targets: ['trunk-flexors', 'trunk-lateral'],
    equipment: [],
    steps: [
      'Lie on your back, arms up to the ceiling, hips and knees bent at right angles.',
      'Brace so the low back stays gently on the floor.',
      'Lower one foot, knee still bent, until the heel taps the floor.',
      'Bring it back and repeat with the other leg.',
    ],
    cues: ['The back does not lift off the floor.', 'Breathe out as the heel lowers.'],
    mistakes: ['Arching the back as the leg goes down.', 'Holding the breath.'],
    dose: reps({ sets: [2, 3], reps: [12, 20], tempo: [2, 1, 2], restS: 60, perSide: true }),
    source: cite(MCGILL_2007, LOW_BACK_ROW),
  },
  {
    id: 'dead-bug',
    name: 'Dead bug',
    targets: ['trunk-flexors', 'trunk-lateral'],
    equipment: [],
    steps: [
      'Lie on your back, arms up, hips and knees bent at right angles.',
      'Brace so the low back stays gently on the floor.',
      'Reach one arm overhead as the opposite leg straightens out low.',
      'Return and switch to the other arm and leg.',
    ],
    cues: ['Long and slow, opposite arm and leg.', 'Stop the leg higher if the back lifts.'],
    mistakes: ['Moving the same-side arm and leg.', 'Letting the ribs flare up.'],
    dose: reps({ sets: [3, 4], reps: [15, 25], tempo: [2, 1, 2], restS: 75, perSide: true }),
    source: cite(MCGILL_2007, LOW_BACK_ROW),
  },
]);

/** Resisting rotation: from a bird dog on all fours to a band trying to twist you, on a narrowing base. */
export const ANTI_ROTATION = ladder({ id: 'anti-rotation', name: 'Bird dog to Pallof press', region }, [
  {
    id: 'bird-dog',
    name: 'Bird dog',
    targets: ['trunk-extensors', 'trunk-lateral', 'hip-external-rotators'],
    equipment: [],
    steps: [
      'Kneel on all fours, hands under the shoulders, knees under the hips.',
      'Brace the trunk gently.',
      'Reach one arm forward and the opposite leg back until both are level.',
      'Hold briefly, bring them back, then switch sides.',
    ],
    cues: ['Imagine a glass of water on the low back.', 'Reach long rather than high.'],
    mistakes: ['Lifting the leg so high that the back arches.', 'Shifting the hips to one side.'],
    dose: reps({ sets: [2, 3], reps: [10, 15], tempo: [2, 2, 2], restS: 45, perSide: true }),
    source: cite(MCGILL_2007, MCGILL_1999),
  },
  {
    id: 'pallof-press-hold',
    name: 'Pallof press hold',
    targets: ['trunk-lateral', 'trunk-flexors'],
    equipment: ['band'],
    steps: [
      'Anchor a band at chest height and stand side-on to it.',
      'Hold the band at the chest with both hands and step out until it is taut.',
      'Press the hands straight out in front of the chest.',
      'Hold without letting the band turn you, then switch sides.',
    ],
    cues: ['Hands stay on the midline.', 'Hips and shoulders face forward.'],
    mistakes: ['Twisting toward the anchor.', 'Shrugging the shoulders.'],
    dose: hold({ sets: [2, 3], holdS: [20, 30], restS: 30, perSide: true }),
    source: cite(LOW_BACK_ROW),
  },
  {
    id: 'pallof-press-hold-half-kneeling',
    name: 'Half-kneeling Pallof press hold',
    targets: ['trunk-lateral', 'trunk-flexors', 'hip-abductors'],
    equipment: ['band'],
    steps: [
      'Kneel on one knee side-on to a band anchored at chest height.',
      'Put the inside knee down and the outside foot forward.',
      'Press the band straight out from the chest.',
      'Hold without turning or leaning, then switch sides.',
    ],
    cues: ['Tall from knee to head.', 'Squeeze the buttock of the kneeling leg.'],
    mistakes: ['Sitting back onto the heel.', 'Letting the pelvis rotate toward the anchor.'],
    dose: hold({ sets: [3, 4], holdS: [30, 45], restS: 45, perSide: true }),
    source: cite(LOW_BACK_ROW),
  },
]);

/** Side-of-trunk endurance, which the low-back evidence names first: from knees to feet to moving on the bridge. */
export const SIDE_PLANK = ladder({ id: 'side-plank', name: 'Side plank', region }, [
  {
    id: 'side-plank-knees',
    name: 'Side plank from the knees',
    targets: ['trunk-lateral', 'hip-abductors'],
    equipment: [],
    steps: [
      'Lie on your side on one forearm, knees bent behind you.',
      'Lift the hips so the body is straight from knees to head.',
      'Hold, then lower and switch sides.',
    ],
    cues: ['Elbow under the shoulder.', 'Hips pushed forward.'],
    mistakes: ['Hips sagging or piking back.', 'Sinking into the supporting shoulder.'],
    dose: hold({ sets: [2, 3], holdS: [20, 30], restS: 30, perSide: true }),
    source: cite(MCGILL_2007, MCGILL_1999),
  },
  {
    id: 'side-plank',
    name: 'Side plank',
    targets: ['trunk-lateral', 'hip-abductors'],
    equipment: [],
    steps: [
      'Lie on your side on one forearm, legs straight and feet stacked or staggered.',
      'Lift the hips so the body is straight from feet to head.',
      'Hold, then lower and switch sides.',
    ],
    cues: ['One straight line from head to feet.', 'Push the floor away with the forearm.'],
    mistakes: ['Rolling forward onto the chest.', 'Holding past the point where the hips drop.'],
    dose: hold({ sets: [2, 3], holdS: [20, 45], restS: 45, perSide: true }),
    source: cite(MCGILL_2007, MCGILL_1999),
  },
  {
    id: 'side-plank-reach',
    name: 'Side plank with reach-through',
    targets: ['trunk-lateral', 'trunk-flexors', 'hip-abductors', 'scapular'],
    equipment: [],
    steps: [
      'Hold a side plank on one forearm with the top arm up to the ceiling.',
      'Reach the top arm under the body, turning the chest toward the floor.',
      'Turn back open and reach to the ceiling again.',
      'Keep the hips up for the whole set, then switch sides.',
    ],
    cues: ['The ribs turn; the hips stay put.', 'Slow through the turn.'],
    mistakes: ['Hips dipping on each reach.', 'Rushing to finish the set.'],
    dose: reps({ sets: [3, 4], reps: [10, 20], tempo: [2, 1, 2], restS: 75, perSide: true }),
    source: cite(MCGILL_2007),
  },
]);

export const LUMBOPELVIC_CORE_FAMILIES = [DEAD_BUG, ANTI_ROTATION, SIDE_PLANK];
