import { ladder, reps } from './build.js';
import { CROSSLEY_2016, cite, DISTEFANO_2009, FREDERICSON_2000, MELLOR_2018 } from './sources.js';

const region = 'hip-pelvis';

/** The side-of-hip muscles that keep the pelvis level, from lying down to holding the whole body up. */
export const HIP_ABDUCTION = ladder(
  { id: 'hip-abduction', name: 'Clamshell to side plank with abduction', region },
  [
    {
      id: 'clamshell',
      name: 'Clamshell',
      targets: ['hip-external-rotators', 'hip-abductors'],
      equipment: [],
      steps: [
        'Lie on your side with hips and knees bent and heels together.',
        'Stack the top hip directly over the bottom one.',
        'Open the top knee like a book, heels still touching.',
        'Close it slowly.',
      ],
      cues: ['The pelvis does not roll back.', 'Move from the hip, not the waist.'],
      mistakes: ['Rolling the trunk backward to lift higher.', 'Letting the heels separate.'],
      dose: reps({ sets: [2, 3], reps: [10, 15], tempo: [2, 1, 2], restS: 45, perSide: true }),
      source: cite(DISTEFANO_2009, MELLOR_2018),
    },
    {
      id: 'side-lying-hip-abduction',
      name: 'Side-lying hip abduction',
      targets: ['hip-abductors'],
      equipment: [],
      steps: [
        'Lie on your side with the bottom knee bent and the top leg straight.',
        'Bring the top leg slightly behind the line of the body.',
        'Lift it a little above hip height, toes facing forward.',
        'Lower it slowly without resting it down.',
      ],
      cues: ['Lead with the heel.', 'Small lift, held in line.'],
      mistakes: ['Swinging the leg forward.', 'Turning the toes up to the ceiling.'],
      dose: reps({ sets: [2, 3], reps: [12, 20], tempo: [2, 1, 2], restS: 60, perSide: true }),
      source: cite(DISTEFANO_2009, FREDERICSON_2000, MELLOR_2018),
    },
    {
      id: 'side-plank-hip-abduction',
      name: 'Side plank with hip abduction',
      targets: ['hip-abductors', 'trunk-lateral'],
      equipment: [],
      steps: [
        'Lie on your side on one forearm, elbow under the shoulder.',
        'Lift the hips so the body is straight from head to feet.',
        'Raise the top leg a hand’s width and lower it again.',
        'Keep the hips up for the whole set, then switch sides.',
      ],
      cues: ['Hips high and forward.', 'Top leg moves; nothing else does.'],
      mistakes: ['Letting the bottom hip sag.', 'Rolling the chest toward the floor.'],
      dose: reps({ sets: [3, 4], reps: [12, 20], tempo: [2, 1, 2], restS: 75, perSide: true }),
      source: cite(DISTEFANO_2009, MELLOR_2018),
    },
  ],
);

/**
 * Hip extension with a level pelvis. In the top rung the hips never come down for the whole set, which is why
 * it follows plain single-leg bridges: the load never pauses.
 */
export const GLUTE_BRIDGE = ladder({ id: 'glute-bridge', name: 'Bridges', region }, [
  {
    id: 'glute-bridge',
    name: 'Glute bridge',
    targets: ['hip-external-rotators', 'trunk-extensors'],
    equipment: [],
    steps: [
      'Lie on your back, knees bent, feet flat and hip-width apart.',
      'Press through the heels to lift the hips.',
      'Stop when the body is straight from knees to shoulders.',
      'Lower slowly back to the floor.',
    ],
    cues: ['Squeeze the buttocks at the top.', 'Ribs stay down.'],
    mistakes: ['Arching the low back to go higher.', 'Letting the knees fall apart or together.'],
    dose: reps({ sets: [2, 3], reps: [10, 15], tempo: [2, 1, 2], restS: 45, perSide: false }),
    source: cite(CROSSLEY_2016),
  },
  {
    id: 'single-leg-bridge',
    name: 'Single-leg bridge',
    targets: ['hip-external-rotators', 'hip-abductors', 'trunk-extensors'],
    equipment: [],
    steps: [
      'Lie on your back with one foot flat and the other knee pulled up.',
      'Press through the heel on the floor to lift the hips.',
      'Keep both hip bones at the same height.',
      'Lower slowly, finish the set, then switch legs.',
    ],
    cues: ['Pelvis level like a tray.', 'Push through the heel.'],
    mistakes: ['One hip dropping at the top.', 'Cramping hamstrings from the foot being too far away.'],
    dose: reps({ sets: [2, 3], reps: [12, 20], tempo: [2, 1, 2], restS: 60, perSide: true }),
    source: cite(CROSSLEY_2016, DISTEFANO_2009),
  },
  {
    id: 'single-leg-bridge-march',
    name: 'Single-leg bridge march',
    targets: ['hip-external-rotators', 'hip-abductors', 'trunk-extensors', 'trunk-lateral'],
    equipment: [],
    steps: [
      'Lift into a bridge on both feet.',
      'Raise one foot and hold it just off the floor.',
      'Set it down and raise the other without the hips dipping.',
      'Keep the hips up until the set is done.',
    ],
    cues: ['Hips stay up the whole set.', 'Slow swaps, no twisting.'],
    mistakes: ['The pelvis rocking side to side.', 'Sitting down between swaps.'],
    dose: reps({ sets: [3, 4], reps: [12, 20], tempo: [2, 2, 2], restS: 75, perSide: true }),
    source: cite(CROSSLEY_2016, DISTEFANO_2009),
  },
]);

/** Pelvic control standing up, where running happens: from two feet under a band to one foot hinging. */
export const STANDING_HIP = ladder(
  { id: 'standing-hip-control', name: 'Band walks to single-leg deadlift', region },
  [
    {
      id: 'band-side-step',
      name: 'Band side steps',
      targets: ['hip-abductors', 'hip-external-rotators'],
      equipment: ['band'],
      steps: [
        'Put a loop band just above the knees.',
        'Stand in a quarter squat, feet hip-width apart.',
        'Step sideways, then bring the other foot after it without losing tension.',
        'Count the steps one way, then come back the other way.',
      ],
      cues: ['Toes point forward.', 'Stay at the same height the whole way.'],
      mistakes: ['Letting the knees knock together.', 'Rocking the trunk with each step.'],
      dose: reps({ sets: [2, 3], reps: [10, 15], tempo: [2, 0, 2], restS: 45, perSide: true }),
      source: cite(DISTEFANO_2009, FREDERICSON_2000),
    },
    {
      id: 'hip-hike',
      name: 'Hip hike on a step',
      targets: ['hip-abductors', 'trunk-lateral'],
      equipment: ['step'],
      steps: [
        'Stand sideways on a step on one leg, the other leg hanging off the edge.',
        'Keep the standing knee straight but not locked.',
        'Let the free side of the pelvis drop slowly.',
        'Lift it back up above level using the standing hip.',
      ],
      cues: ['The work is on the standing side.', 'Shoulders stay level.'],
      mistakes: ['Bending the standing knee to fake the drop.', 'Leaning the trunk to lift the pelvis.'],
      dose: reps({ sets: [2, 3], reps: [12, 20], tempo: [2, 1, 2], restS: 60, perSide: true }),
      source: cite(FREDERICSON_2000, CROSSLEY_2016),
    },
    {
      id: 'single-leg-rdl',
      name: 'Single-leg Romanian deadlift',
      targets: [
        'hip-external-rotators',
        'hip-abductors',
        'hip-adductors',
        'trunk-extensors',
        'foot-intrinsics',
      ],
      equipment: [],
      steps: [
        'Stand on one leg with the knee softly bent.',
        'Hinge forward at the hip as the free leg reaches back.',
        'Stop when the trunk is near level or the back starts to round.',
        'Drive the hip forward to stand tall again.',
      ],
      cues: ['Hips square to the floor.', 'Knee over the second toe, arch up.'],
      mistakes: ['Opening the hip of the free leg toward the ceiling.', 'Rounding the back to reach lower.'],
      dose: reps({ sets: [3, 4], reps: [12, 20], tempo: [2, 1, 3], restS: 75, perSide: true }),
      source: cite(DISTEFANO_2009, CROSSLEY_2016),
    },
  ],
);

export const HIP_PELVIS_FAMILIES = [HIP_ABDUCTION, GLUTE_BRIDGE, STANDING_HIP];
