import type { BodyRegion } from './pain.js';

/**
 * Where it hurts points to what fails (domain-reference §2): for each body region, the stabilizer groups whose
 * endurance the evidence or the breakdown chain implicates. Keel uses this to explain a pain pattern and to weight
 * the program; it never turns it into a diagnosis. Over every row stands the article's point: train the whole
 * chain, because pelvis and trunk control decide what the knee and foot must absorb.
 */

export const STABILIZER_GROUPS = [
  'foot-intrinsics',
  'tibialis-posterior',
  'peroneals',
  'soleus-calf',
  'quadriceps',
  'hip-abductors',
  'hip-external-rotators',
  'hip-adductors',
  'trunk-extensors',
  'trunk-lateral',
  'trunk-flexors',
  'scapular',
] as const;
export type StabilizerGroup = (typeof STABILIZER_GROUPS)[number];

/** In the runner's words, with the muscle names a therapist would use. */
export const STABILIZER_GROUP_LABELS: Record<StabilizerGroup, string> = {
  'foot-intrinsics': 'the small muscles inside the foot that hold up the arch',
  'tibialis-posterior': 'the deep shin muscle that stops the arch from collapsing (tibialis posterior)',
  peroneals: 'the muscles on the outside of the lower leg that steady the ankle (peroneals)',
  'soleus-calf': 'calf endurance, above all the deep soleus',
  quadriceps: 'quadriceps endurance, which controls the knee as it bends under load',
  'hip-abductors':
    'the muscles on the side of the hip that keep the pelvis level (gluteus medius and minimus)',
  'hip-external-rotators':
    'the muscles that stop the thigh and knee turning in (gluteus maximus and the deep hip rotators)',
  'hip-adductors': 'the inner-thigh muscles that steady the pelvis from below (adductors)',
  'trunk-extensors': 'back extensor endurance',
  'trunk-lateral': 'side-of-trunk endurance (obliques, quadratus lumborum)',
  'trunk-flexors': 'deep abdominal endurance',
  scapular: 'the upper-back muscles that hold the shoulder blades and the trunk upright',
};

/**
 * `table`: a row of domain-reference §2, with its evidence strength. `related`: a region §2 has no row for,
 * mapped from the nearest rows and the breakdown chain (pelvis drops, knee and foot collapse in), or from the
 * cited sources; say so when explaining it.
 */
export interface StabilizerLink {
  groups: readonly StabilizerGroup[];
  evidence: 'strong' | 'moderate' | 'low' | 'related';
  source: string;
}

export const REGION_STABILIZERS: Record<BodyRegion, StabilizerLink> = {
  toes: {
    groups: ['foot-intrinsics', 'tibialis-posterior', 'soleus-calf'],
    evidence: 'related',
    source: '§2 heel/arch and inner-shin rows: the toes sit at the end of the same foot-control chain',
  },
  foot: {
    groups: ['foot-intrinsics', 'tibialis-posterior', 'soleus-calf'],
    evidence: 'moderate',
    source: '§2 heel/arch row (Rathleff et al. 2015) and inner-shin row',
  },
  heel: {
    groups: ['foot-intrinsics', 'soleus-calf'],
    evidence: 'moderate',
    source: '§2 heel/arch row (Rathleff et al. 2015, high-load strengthening)',
  },
  ankle: {
    groups: ['peroneals', 'tibialis-posterior', 'foot-intrinsics', 'soleus-calf'],
    evidence: 'related',
    source:
      '§2 inner-shin and Achilles rows; the peroneals and tibialis posterior steady the ankle from either side',
  },
  achilles: {
    groups: ['soleus-calf', 'foot-intrinsics', 'tibialis-posterior'],
    evidence: 'strong',
    source: '§2 Achilles row (Silbernagel et al. 2007, calf loading)',
  },
  calf: {
    groups: ['soleus-calf', 'tibialis-posterior', 'foot-intrinsics'],
    evidence: 'related',
    source: '§2 Achilles and inner-shin rows: the same calf and foot-control muscles',
  },
  shin: {
    groups: ['tibialis-posterior', 'soleus-calf', 'foot-intrinsics', 'hip-abductors'],
    evidence: 'low',
    source: '§2 inner-shin row (tibialis posterior, soleus, intrinsic foot muscles; hip control)',
  },
  knee: {
    groups: ['hip-abductors', 'hip-external-rotators', 'quadriceps', 'foot-intrinsics'],
    evidence: 'strong',
    source:
      '§2 front-of-knee row (Crossley et al. 2016 consensus, BJSM) and outer-knee row (Fredericson et al. 2000)',
  },
  'thigh-front': {
    groups: ['quadriceps', 'hip-abductors', 'hip-external-rotators'],
    evidence: 'related',
    source: '§2 front-of-knee row: the quadriceps and the hip muscles that aim the knee',
  },
  'thigh-back': {
    groups: ['hip-external-rotators', 'trunk-extensors', 'trunk-lateral'],
    evidence: 'related',
    source:
      'the breakdown chain: a dropping, tilting pelvis lengthens the hamstrings under load; §2 low-back row',
  },
  hip: {
    groups: ['hip-abductors', 'hip-external-rotators', 'trunk-lateral'],
    evidence: 'moderate',
    source: '§2 outer-hip row (Mellor et al. 2018, BMJ: education plus exercise)',
  },
  groin: {
    groups: ['hip-adductors', 'hip-abductors', 'trunk-flexors'],
    evidence: 'related',
    source:
      'not in §2: adductor strengthening (Harøy et al. 2019, BJSM 53:145; Hölmich et al. 1999, Lancet 353:439, training the muscles acting on the pelvis)',
  },
  glute: {
    groups: ['hip-abductors', 'hip-external-rotators', 'trunk-lateral'],
    evidence: 'moderate',
    source: '§2 outer-hip row (Mellor et al. 2018)',
  },
  'low-back': {
    groups: ['trunk-extensors', 'trunk-lateral', 'trunk-flexors', 'hip-abductors'],
    evidence: 'moderate',
    source:
      '§2 low-back row (trunk extensor and lateral endurance, McGill); the hips hold the pelvis under it',
  },
  'mid-back': {
    groups: ['trunk-extensors', 'scapular', 'trunk-lateral'],
    evidence: 'related',
    source: 'the article: mid back, upper back and shoulders also decide what the legs do; §2 low-back row',
  },
  'upper-back-shoulder': {
    groups: ['scapular', 'trunk-extensors'],
    evidence: 'related',
    source: 'the article: upper back and shoulders are part of the chain that controls the legs',
  },
};
