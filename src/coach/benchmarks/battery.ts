import type { BenchmarkNorm, BenchmarkTest } from './types.js';

const MCGILL_1999 = 'McGill, Childs & Liebenson 1999, Arch Phys Med Rehabil 80(8):941–944';
const MCGILL_POPULATION = 'young healthy adults (31 men, 44 women)';
/** Left and right are held apart so each side of each test reads on its own; the protocols say the same. */
const NO_NORM_ADVICE = 'compare left with right and with your own earlier results';

const sideBridgeNorm: BenchmarkNorm = {
  kind: 'sex-means',
  // §3 writes "men ≈ 95/99 s, women ≈ 75/78 s" without naming the sides; Keel reads them right/left, the
  // order of McGill's own table of these figures. The sides differ by 3–4 s, well inside MEAN_NORM_BAND.
  means: [
    { sex: 'male', side: 'right', value: 95 },
    { sex: 'male', side: 'left', value: 99 },
    { sex: 'female', side: 'right', value: 75 },
    { sex: 'female', side: 'left', value: 78 },
  ],
  citation: 'McGill et al. 1999',
  population: MCGILL_POPULATION,
  source: `${MCGILL_1999}, as given in domain reference §3`,
  verified: false,
};

/**
 * The battery (domain reference §3), in the order a session runs it: trunk first, then legs, balance and the
 * movement check last, so fatigue from one test spills into the next the same way at every retest.
 */
export const BENCHMARK_TESTS: readonly BenchmarkTest[] = [
  {
    id: 'trunk-flexor',
    name: 'Trunk flexor endurance (McGill)',
    protocol: [
      'Sit on a mat with knees and hips bent to 90°, feet flat and held down by a strap or a partner, arms crossed over the chest.',
      'Lean back against a support (a wedge or a board) set at 60° from the floor.',
      'Start the clock when the support is moved about 10 cm back and you hold the 60° angle on your own.',
      'Stop the clock when your back sinks toward the support and you can no longer hold 60°, or your feet lift.',
    ],
    unit: 's',
    sided: false,
    higherIsBetter: true,
    protocolMax: null,
    regions: ['lumbopelvic-core'],
    targets: ['trunk-flexors'],
    norm: {
      kind: 'sex-means',
      means: [
        { sex: 'male', side: null, value: 136 },
        { sex: 'female', side: null, value: 134 },
      ],
      citation: 'McGill et al. 1999',
      population: MCGILL_POPULATION,
      source: `${MCGILL_1999}, as given in domain reference §3`,
      verified: false,
    },
    source: `${MCGILL_1999}; domain reference §3`,
  },
  {
    id: 'trunk-extensor',
    name: 'Trunk extensor endurance (Biering-Sørensen)',
    protocol: [
      'Lie face down on a bench or table with your hips at its edge and your upper body off it; a strap or a partner holds your legs down at hips, knees and ankles.',
      'Cross your arms over your chest; rest your hands on a chair in front until you start.',
      'Start the clock when you lift your upper body level with your legs (horizontal) and let go of the support.',
      'Stop the clock when your upper body drops below horizontal and you cannot bring it back up.',
    ],
    unit: 's',
    sided: false,
    higherIsBetter: true,
    protocolMax: null,
    // The hold is carried by the back extensors along the whole spine, thoracic part included.
    regions: ['lumbopelvic-core', 'mid-back'],
    targets: ['trunk-extensors'],
    norm: {
      kind: 'sex-means',
      means: [
        { sex: 'male', side: null, value: 161 },
        { sex: 'female', side: null, value: 185 },
      ],
      citation: 'McGill et al. 1999',
      population: MCGILL_POPULATION,
      source: `${MCGILL_1999}, as given in domain reference §3`,
      verified: false,
    },
    source: `Biering-Sørensen test, means from ${MCGILL_1999}; domain reference §3`,
  },
  {
    id: 'side-bridge',
    name: 'Side bridge',
    protocol: [
      'Lie on your side with legs straight, the top foot in front of the bottom one, the elbow under the shoulder and the free hand on the opposite shoulder.',
      'Lift your hips until your body is one straight line from head to feet, resting only on the forearm and the feet.',
      'Start the clock when the line is straight; stop it when the hips sink out of line and you cannot lift them back.',
      'Rest fully, then test the other side; the side you lie on is the side tested.',
    ],
    unit: 's',
    sided: true,
    higherIsBetter: true,
    protocolMax: null,
    // The bottom side's hip abductors hold the pelvis up as much as the trunk's side muscles do.
    regions: ['lumbopelvic-core', 'hip-pelvis'],
    targets: ['trunk-lateral', 'hip-abductors'],
    norm: sideBridgeNorm,
    source: `${MCGILL_1999}; domain reference §3`,
  },
  {
    id: 'single-leg-heel-raise',
    name: 'Single-leg heel raise',
    protocol: [
      'Stand on one leg, knee straight, fingertips lightly on a wall for balance only.',
      'Rise as high onto the ball of the foot as you can and lower again, one full rise every 2 s (a metronome at 30 a minute: up and down on each beat).',
      'Count each full-height rise.',
      'Stop when you can no longer keep the pace or reach full height, the knee bends, or you lean on the wall.',
    ],
    unit: 'reps',
    sided: true,
    higherIsBetter: true,
    protocolMax: null,
    regions: ['foot-ankle'],
    targets: ['soleus-calf'],
    norm: {
      kind: 'minimum',
      minimum: 25,
      citation: 'Lunsford & Perry 1995',
      population: '203 healthy adults aged 20–59',
      // §3 also points to age- and sex-specific values in Hébert-Losier et al. 2017 (verify) without giving
      // them; Keel uses the cut-off §3 does give, for everyone, until those values are checked.
      source:
        'Lunsford & Perry 1995, Phys Ther 75(8):694 (≥ 25 is the commonly used minimum), as given in domain reference §3',
      verified: true,
    },
    source:
      'Lunsford & Perry 1995; age- and sex-specific values in Hébert-Losier et al. 2017 (verify, not used); domain reference §3',
  },
  {
    id: 'single-leg-bridge',
    name: 'Single-leg bridge',
    protocol: [
      'Lie on your back with one heel on a 60 cm box or bench, that knee slightly bent, arms crossed over the chest; hold the other leg still in the air.',
      'Push down through the heel and lift your hips to full extension (a straight line from shoulder to knee), then lower until the hips lightly touch the floor.',
      'Count each lift that reaches full extension, without resting between lifts.',
      'Stop when you cannot reach full extension, rest on the floor, or the other foot touches down.',
    ],
    unit: 'reps',
    sided: true,
    higherIsBetter: true,
    protocolMax: null,
    // A hamstring and gluteus maximus test; Keel has no hamstring group, and the gluteus maximus sits in
    // hip-external-rotators.
    regions: ['hip-pelvis'],
    targets: ['hip-external-rotators'],
    norm: {
      kind: 'bands',
      bands: [
        { label: 'poor', comparison: 'below', upTo: { value: 20, inclusive: false } },
        { label: 'average', comparison: 'within', upTo: { value: 25, inclusive: true } },
        { label: 'good', comparison: 'above', upTo: null },
      ],
      citation: 'Freckleton et al. 2014',
      population: '482 amateur and semi-elite Australian football players, mean age 20.7',
      source: 'Freckleton, Cook & Pizzari 2014, Br J Sports Med 48(8):713, as given in domain reference §3',
      verified: false,
    },
    source: 'Freckleton et al. 2014, Br J Sports Med; domain reference §3',
  },
  {
    id: 'side-lying-hip-abduction-hold',
    name: 'Side-lying hip abduction hold',
    protocol: [
      'Lie on your side with the bottom knee bent for balance and your body in a straight line.',
      'Lift the top leg, straight, a little above hip height and slightly behind the line of your body, toes pointing forward.',
      'Start the clock when the leg is in place; a partner’s hand or a string just under the heel marks the height.',
      'Stop the clock when the leg drops to the marker, the hip rolls back, or the toes turn up.',
    ],
    unit: 's',
    sided: true,
    higherIsBetter: true,
    protocolMax: null,
    regions: ['hip-pelvis'],
    targets: ['hip-abductors'],
    norm: {
      kind: 'none',
      reason: `no robust norm for this test: ${NO_NORM_ADVICE}`,
      source: 'domain reference §3',
      verified: true,
    },
    source: 'domain reference §3',
  },
  {
    id: 'prone-plank',
    name: 'Prone plank',
    protocol: [
      'Rest on your forearms and toes, elbows under the shoulders.',
      'Hold your body in one straight line with a neutral spine: hips neither sagging nor piked.',
      'Start the clock when the line is straight; stop it when the hips sag or rise out of line and you cannot correct them.',
    ],
    unit: 's',
    sided: false,
    higherIsBetter: true,
    protocolMax: null,
    // The shoulder-blade muscles hold the upper body on the forearms as the abdominals hold the middle.
    regions: ['lumbopelvic-core', 'upper-back-shoulders'],
    targets: ['trunk-flexors', 'scapular'],
    norm: {
      kind: 'none',
      reason: `population norms exist (Strand et al. 2014, verify) but Keel does not have their figures yet: ${NO_NORM_ADVICE}`,
      source: 'Strand et al. 2014 (verify); domain reference §3',
      verified: false,
    },
    source: 'domain reference §3',
  },
  {
    id: 'single-leg-balance-eyes-closed',
    name: 'Single-leg balance, eyes closed',
    protocol: [
      'Stand barefoot on one leg on a firm floor, hands on hips, the other foot off the floor and not touching the standing leg.',
      'Start the clock when you close your eyes.',
      'Stop it when the lifted foot touches down or touches the standing leg, the standing foot moves, a hand leaves the hip, or you open your eyes.',
    ],
    unit: 's',
    sided: true,
    higherIsBetter: true,
    protocolMax: null,
    regions: ['foot-ankle'],
    targets: ['foot-intrinsics', 'peroneals', 'tibialis-posterior'],
    norm: {
      kind: 'none',
      reason: `age norms exist (Springer et al. 2007, verify) but Keel does not have their figures yet: ${NO_NORM_ADVICE}`,
      source: 'Springer et al. 2007 (verify); domain reference §3',
      verified: false,
    },
    source: 'domain reference §3',
  },
  {
    id: 'single-leg-squat-quality',
    name: 'Single-leg squat / step-down quality',
    protocol: [
      'Stand on one leg on a step (the same height at every retest), hands on hips; film from the front or have a partner watch.',
      'Slowly lower until the other heel touches the floor, then stand back up: 5 reps.',
      'On each rep, count each fault seen: the pelvis drops on the free-leg side, the knee moves in past the foot (valgus), the trunk leans to the side.',
      'The result is the number of faults over the 5 reps, 0 to 15: fewer is better.',
    ],
    unit: 'faults',
    sided: true,
    higherIsBetter: false,
    // Three faults, each counted at most once per rep, over 5 reps.
    protocolMax: 15,
    regions: ['knee', 'hip-pelvis'],
    targets: ['hip-abductors', 'hip-external-rotators', 'quadriceps', 'trunk-lateral'],
    norm: {
      kind: 'none',
      reason: `a qualitative check with no numeric norm: ${NO_NORM_ADVICE}`,
      source: 'domain reference §3 (use as qualitative check)',
      verified: true,
    },
    source: 'domain reference §3',
  },
];

const BY_ID = new Map(BENCHMARK_TESTS.map((t) => [t.id, t]));

export function benchmarkTest(id: string): BenchmarkTest | undefined {
  return BY_ID.get(id);
}
