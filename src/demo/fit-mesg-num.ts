/** FIT global message numbers: fixed by the protocol (the tests check them against the SDK's profile). */
export const MESG_NUM = {
  fileId: 0,
  session: 18,
  lap: 19,
  record: 20,
  event: 21,
  deviceInfo: 23,
  activity: 34,
  fieldDescription: 206,
  developerDataId: 207,
} as const;
