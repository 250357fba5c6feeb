/**
 * The way to a goal race (issue 7): the spike guard for any run, and the week-by-week plan of long runs and volume
 * with its peak, taper, gates and honest verdict. Pure: dates come in as YYYY-MM-DD strings, today included.
 */
export { changeValueText, comparePlans } from './compare.js';
export { nextStep } from './next-step.js';
export { checkGates, distanceWords, planRace, raceName, recentLoad } from './plan.js';
export * from './rules.js';
export * from './spike.js';
export type * from './types.js';
