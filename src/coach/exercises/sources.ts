/**
 * Citations the catalogue rests on. Every exercise names the dosing source first, then the evidence for the
 * movement itself where there is some; numbers in the doses come from the dosing source only, never from the
 * trials, whose own protocols were heavier and not aimed at endurance.
 */

export const DOSING =
  'domain-reference §4 endurance dosing (ACSM 2009 position stand on progression models, Med Sci Sports Exerc 41:687)';

export const SILBERNAGEL_2007 =
  'Silbernagel et al. 2007, Am J Sports Med (calf loading with pain monitoring for Achilles tendinopathy)';
export const ALFREDSON_1998 =
  'Alfredson et al. 1998, Am J Sports Med (calf loading with the knee straight and bent)';
export const RATHLEFF_2015 =
  'Rathleff et al. 2015, Scand J Med Sci Sports (heel raises off a step for plantar fasciopathy)';
export const MULLIGAN_COOK_2013 = 'Mulligan & Cook 2013, Manual Therapy (short-foot training of the arch)';
export const MCGUINE_KEENE_2006 =
  'McGuine & Keene 2006, Am J Sports Med (progressive single-leg balance training)';
export const INNER_SHIN_ROW = 'domain-reference §2 inner-shin row (tibialis posterior, soleus, foot muscles)';
export const CROSSLEY_2016 =
  'Crossley et al. 2016, Br J Sports Med (hip and knee exercise for patellofemoral pain)';
export const FREDERICSON_2000 =
  'Fredericson et al. 2000, Clin J Sport Med (hip abductor weakness in runners with iliotibial band pain)';
export const MELLOR_2018 = 'Mellor et al. 2018, BMJ (education plus exercise for gluteal tendinopathy)';
export const DISTEFANO_2009 =
  'Distefano et al. 2009, J Orthop Sports Phys Ther (gluteal activation across common exercises)';
export const MCGILL_2007 =
  'McGill 2007, Low Back Disorders, 2nd ed., Human Kinetics (curl-up, side bridge and bird dog)';
export const MCGILL_1999 =
  'McGill et al. 1999, Arch Phys Med Rehabil (trunk flexor, extensor and side-bridge endurance)';
export const LOW_BACK_ROW = 'domain-reference §2 low-back row (trunk extensor and lateral endurance)';
export const COOLS_2007 = 'Cools et al. 2007, Am J Sports Med (exercises for scapular muscle balance)';
export const WHOLE_CHAIN =
  'the seed article: the low, mid and upper back and the shoulders take part in what the legs do';

/** The dosing source first, then what the movement itself rests on. */
export function cite(...evidence: string[]): string {
  return [DOSING, ...evidence].join('; ');
}
