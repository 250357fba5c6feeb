import { hold, ladder, reps } from './build.js';
import {
  ALFREDSON_1998,
  cite,
  INNER_SHIN_ROW,
  MCGUINE_KEENE_2006,
  MULLIGAN_COOK_2013,
  RATHLEFF_2015,
  SILBERNAGEL_2007,
} from './sources.js';

const region = 'foot-ankle';

/** The arch held up from inside the foot: first in isolation, then under body weight, then while moving. */
export const SHORT_FOOT = ladder({ id: 'short-foot', name: 'Short-foot arch control', region }, [
  {
    id: 'toe-yoga',
    name: 'Toe yoga',
    targets: ['foot-intrinsics'],
    equipment: [],
    steps: [
      'Sit with both feet flat and bare on the floor.',
      'Press the big toes down and lift the four smaller toes.',
      'Swap: press the small toes down and lift the big toes.',
      'Count one rep for each full swap.',
    ],
    cues: ['Only the toes move; the ankle stays still.', 'Slow and deliberate beats big and fast.'],
    mistakes: [
      'Rolling the foot out to help the toes lift.',
      'Curling the toes instead of pressing them flat.',
    ],
    dose: reps({ sets: [2, 3], reps: [10, 15], tempo: [2, 1, 2], restS: 45, perSide: false }),
    source: cite(MULLIGAN_COOK_2013),
  },
  {
    id: 'short-foot-hold',
    name: 'Short-foot hold',
    targets: ['foot-intrinsics', 'tibialis-posterior'],
    equipment: [],
    steps: [
      'Stand barefoot with your weight even on both feet.',
      'Draw the ball of the big toe toward the heel so the arch rises.',
      'Keep the toes long and relaxed on the floor.',
      'Hold, breathing normally, then let the foot relax.',
    ],
    cues: ['Think of shortening the foot, not gripping the floor.', 'The big toe stays pressed down.'],
    mistakes: ['Clawing the toes to fake an arch.', 'Rolling onto the outside edge of the foot.'],
    dose: hold({ sets: [2, 3], holdS: [20, 30], restS: 30, perSide: false }),
    source: cite(MULLIGAN_COOK_2013),
  },
  {
    id: 'short-foot-single-leg-hold',
    name: 'Short-foot hold on one leg',
    targets: ['foot-intrinsics', 'tibialis-posterior', 'peroneals'],
    equipment: [],
    steps: [
      'Stand on one bare foot next to a wall for safety.',
      'Lift the arch by drawing the big-toe ball toward the heel.',
      'Bend the standing knee slightly and keep it over the second toe.',
      'Hold the arch up for the whole set, then switch feet.',
    ],
    cues: ['Arch up, toes long, knee over the second toe.', 'Touch the wall only to catch a wobble.'],
    mistakes: ['Letting the arch sag as the hold goes on.', 'Locking the knee straight.'],
    dose: hold({ sets: [2, 3], holdS: [30, 45], restS: 45, perSide: true }),
    source: cite(MULLIGAN_COOK_2013),
  },
  {
    id: 'short-foot-heel-raise',
    name: 'Heel raise with the arch held',
    targets: ['foot-intrinsics', 'tibialis-posterior', 'soleus-calf'],
    equipment: [],
    steps: [
      'Stand on one bare foot with a fingertip on a wall.',
      'Set the short-foot arch before you move.',
      'Rise onto the ball of the foot, keeping the arch lifted.',
      'Lower slowly without letting the arch flatten.',
      'Finish the set, then switch feet.',
    ],
    cues: ['Set the arch first, then rise.', 'Weight stays between the big and second toe.'],
    mistakes: ['Losing the arch on the way down.', 'Rolling out to the little toe at the top.'],
    dose: reps({ sets: [3, 4], reps: [15, 25], tempo: [2, 1, 2], restS: 75, perSide: true }),
    source: cite(MULLIGAN_COOK_2013, RATHLEFF_2015),
  },
]);

/**
 * Calf endurance from two legs to one to full range off a step. Every rung alternates straight- and bent-knee
 * sets because bending the knee slackens the gastrocnemius and leaves the soleus, the calf muscle that takes
 * most of the load in running, to do the work.
 */
export const HEEL_RAISE = ladder({ id: 'heel-raise', name: 'Heel raises', region }, [
  {
    id: 'heel-raise-double',
    name: 'Double-leg heel raise',
    targets: ['soleus-calf', 'foot-intrinsics'],
    equipment: [],
    steps: [
      'Stand on both feet, hip-width apart, fingertips on a wall.',
      'Rise as high as you can onto the balls of both feet.',
      'Lower slowly until the heels touch the floor.',
      'Do every other set with the knees slightly bent.',
    ],
    cues: ['Straight up and straight down.', 'Weight over the big and second toes.'],
    mistakes: ['Bouncing off the floor at the bottom.', 'Leaning on the wall instead of touching it.'],
    dose: reps({ sets: [2, 3], reps: [10, 15], tempo: [2, 1, 2], restS: 45, perSide: false }),
    source: cite(SILBERNAGEL_2007, ALFREDSON_1998),
  },
  {
    id: 'heel-raise-single',
    name: 'Single-leg heel raise',
    targets: ['soleus-calf', 'foot-intrinsics', 'tibialis-posterior'],
    equipment: [],
    steps: [
      'Stand on one foot with fingertips on a wall.',
      'Rise as high as you can on that foot.',
      'Lower slowly to the floor.',
      'Do every other set with the standing knee slightly bent.',
      'Start with the weaker side and match its count on the other.',
    ],
    cues: ['Full height on every rep.', 'The ankle does not roll outward.'],
    mistakes: ['Rising lower as the set goes on.', 'Hitching the hip to help the lift.'],
    dose: reps({ sets: [2, 3], reps: [12, 20], tempo: [2, 1, 2], restS: 60, perSide: true }),
    source: cite(SILBERNAGEL_2007, ALFREDSON_1998),
  },
  {
    id: 'heel-raise-off-step',
    name: 'Single-leg heel raise off a step',
    targets: ['soleus-calf', 'foot-intrinsics', 'tibialis-posterior'],
    equipment: ['step'],
    steps: [
      'Stand on one foot with the ball of the foot on the edge of a step.',
      'Let the heel sink below the step level.',
      'Rise as high as you can.',
      'Lower slowly back to below step level.',
      'Do every other set with the standing knee slightly bent.',
    ],
    cues: ['Use the full range, bottom to top.', 'The way down is slower than the way up.'],
    mistakes: ['Dropping into the bottom position.', 'Shortening the range when tired.'],
    dose: reps({ sets: [3, 4], reps: [15, 25], tempo: [2, 1, 3], restS: 75, perSide: true }),
    source: cite(SILBERNAGEL_2007, ALFREDSON_1998, RATHLEFF_2015),
  },
]);

/** Tibialis posterior, the deep shin muscle that stops the arch from collapsing: inversion against resistance. */
export const RESISTED_INVERSION = ladder({ id: 'resisted-inversion', name: 'Resisted inversion', region }, [
  {
    id: 'band-inversion',
    name: 'Band inversion',
    targets: ['tibialis-posterior'],
    equipment: ['band'],
    steps: [
      'Sit with the working leg crossed over the other knee.',
      'Loop a band round the forefoot and anchor it to the outside.',
      'Turn the sole of the foot in and up against the band.',
      'Return slowly to the start.',
    ],
    cues: ['The move comes from the ankle, not the knee or hip.', 'Keep the toes relaxed.'],
    mistakes: ['Turning the whole leg instead of the foot.', 'Letting the band snap the foot back.'],
    dose: reps({ sets: [2, 3], reps: [10, 15], tempo: [2, 1, 2], restS: 45, perSide: true }),
    source: cite(INNER_SHIN_ROW),
  },
  {
    id: 'heel-squeeze-heel-raise',
    name: 'Heel raise with the heels squeezed together',
    targets: ['tibialis-posterior', 'soleus-calf', 'foot-intrinsics'],
    equipment: [],
    steps: [
      'Stand with the heels touching and a rolled towel between them.',
      'Squeeze the heels into the towel.',
      'Rise onto the balls of the feet, keeping the squeeze.',
      'Lower slowly while still squeezing.',
    ],
    cues: ['The squeeze never lets go.', 'The ankles stay stacked over the big toes.'],
    mistakes: ['Letting the heels drift apart at the top.', 'Rolling onto the little toes.'],
    dose: reps({ sets: [2, 3], reps: [12, 20], tempo: [2, 1, 2], restS: 60, perSide: false }),
    source: cite(INNER_SHIN_ROW),
  },
  {
    id: 'heel-squeeze-heel-raise-off-step',
    name: 'Heel-squeeze heel raise off a step',
    targets: ['tibialis-posterior', 'soleus-calf', 'foot-intrinsics'],
    equipment: ['step'],
    steps: [
      'Stand with the balls of both feet on the edge of a step.',
      'Place a rolled towel between the heels and squeeze it.',
      'Let the heels sink below the step, still squeezing.',
      'Rise as high as you can, then lower slowly.',
    ],
    cues: ['Slow on the way down.', 'Squeeze hardest at the bottom.'],
    mistakes: ['Dropping the squeeze when the heels sink.', 'Bouncing at the bottom.'],
    dose: reps({ sets: [3, 4], reps: [15, 25], tempo: [2, 1, 3], restS: 75, perSide: false }),
    source: cite(INNER_SHIN_ROW, SILBERNAGEL_2007),
  },
]);

/**
 * Standing on one leg with less and less help: first sight is taken away, then a firm floor. The top rung needs
 * a cushion or folded towel, which the equipment list has no entry for.
 */
export const SINGLE_LEG_BALANCE = ladder({ id: 'single-leg-balance', name: 'Single-leg balance', region }, [
  {
    id: 'single-leg-balance',
    name: 'Single-leg balance',
    targets: ['peroneals', 'foot-intrinsics', 'tibialis-posterior', 'hip-abductors'],
    equipment: [],
    steps: [
      'Stand barefoot on one leg next to a wall, hands on the hips.',
      'Bend the standing knee slightly.',
      'Keep the pelvis level and the knee over the second toe.',
      'Hold, then switch legs.',
    ],
    cues: ['Small wobbles at the ankle are the training.', 'Eyes on a fixed point ahead.'],
    mistakes: ['Letting the free-leg side of the pelvis drop.', 'Gripping the floor with clawed toes.'],
    dose: hold({ sets: [2, 3], holdS: [20, 30], restS: 30, perSide: true }),
    source: cite(MCGUINE_KEENE_2006),
  },
  {
    id: 'single-leg-balance-eyes-closed',
    name: 'Single-leg balance, eyes closed',
    targets: ['peroneals', 'foot-intrinsics', 'tibialis-posterior', 'hip-abductors'],
    equipment: [],
    steps: [
      'Stand on one leg within arm’s reach of a wall.',
      'Find your balance with eyes open, then close them.',
      'Keep the knee soft and the pelvis level.',
      'Open your eyes and touch the wall if you start to fall.',
      'Hold, then switch legs.',
    ],
    cues: ['Feel the pressure move under the foot.', 'Breathe; holding your breath stiffens you.'],
    mistakes: ['Peeking.', 'Locking the knee to feel steadier.'],
    dose: hold({ sets: [2, 3], holdS: [20, 45], restS: 45, perSide: true }),
    source: cite(MCGUINE_KEENE_2006),
  },
  {
    id: 'single-leg-balance-unstable',
    name: 'Single-leg balance on a cushion',
    targets: ['peroneals', 'foot-intrinsics', 'tibialis-posterior', 'hip-abductors', 'hip-external-rotators'],
    equipment: [],
    steps: [
      'Put a firm cushion or a folded towel on the floor next to a wall.',
      'Stand on it on one bare foot, knee slightly bent.',
      'Keep the knee over the second toe and the pelvis level.',
      'Hold, then switch legs.',
    ],
    cues: ['Let the ankle work; keep the trunk quiet.', 'Eyes open on this rung.'],
    mistakes: ['Letting the knee cave inward.', 'Leaning the trunk sideways to balance.'],
    dose: hold({ sets: [3, 4], holdS: [30, 60], restS: 60, perSide: true }),
    source: cite(MCGUINE_KEENE_2006),
  },
]);

export const FOOT_ANKLE_FAMILIES = [SHORT_FOOT, HEEL_RAISE, RESISTED_INVERSION, SINGLE_LEG_BALANCE];
