/** Global message numbers of the FIT protocol that Keel reads or must notice. */
export const MESG_NUM = {
  fileId: 0,
  sport: 12,
  session: 18,
  record: 20,
  event: 21,
  deviceInfo: 23,
  activity: 34,
  fileCreator: 49,
  hr: 132,
  fieldDescription: 206,
  developerDataId: 207,
} as const;

/** Seconds from the Unix epoch to the FIT epoch (1989-12-31T00:00:00Z). */
export const FIT_EPOCH_S = 631_065_600;
