/**
 * What each rule rests on, in the short form shown to the runner. Volume and pages were checked against PubMed or
 * publisher pages unless noted; the `KEEL_*` entries are Keel's own readings and say so.
 */
export const SOURCES = {
  warden2014:
    'Warden, Davis & Fredericson 2014, Management and prevention of bone stress injuries in long-distance runners, J Orthop Sports Phys Ther 44(10):749–765',
  wardenMountjoy:
    'Warden, Davis & Fredericson 2014, J Orthop Sports Phys Ther 44(10):749–765; risk factors: Mountjoy et al. 2023, IOC consensus on REDs, Br J Sports Med 57(17):1073–1097',
  ottawa:
    'Ottawa ankle and knee rules: Stiell et al. 1992, Ann Emerg Med 21(4):384–390; Stiell et al. 1993, JAMA 269:1127–1132; Stiell et al. 1995, Ann Emerg Med 26:405–413',
  wells2003:
    'Keel domain reference §6; signs as in the Wells DVT score: Wells et al. 2003, N Engl J Med 349(13):1227–1235',
  silbernagel2007:
    'Silbernagel, Thomeé, Eriksson & Karlsson 2007, pain-monitoring model, Am J Sports Med 35(6):897–906',
  ostrc: 'OSTRC questionnaire (Clarsen et al. 2013, revised 2020): reduced training is a substantial problem',
  keelRedFlags: 'Keel domain reference §6: red flags, stop running and see a clinician',
  keelSevereBand: 'Keel domain reference §6: pain above 7/10 (Keel threshold; no single study)',
  keelOnsetTrend:
    'Keel domain reference §6 (pain arriving earlier with each run; Warden et al. 2014); 30% after Farrar et al. 2001, Pain 94(2):149–158',
  keelUnanswered: 'Keel rule: an unanswered red-flag question is not a no',
} as const;
