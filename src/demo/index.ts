// The demo athlete's generated history, and the FIT encoder and run simulator tests build files with.

export { createRandom, type Random } from '../domain/random.js';
export { type Course, type CourseShape, makeCourse, type Place } from './course.js';
export { DEMO_ATHLETE, DEMO_PLACE, DEMO_RUNNER } from './demo-athlete.js';
export {
  encodeActivityFit,
  type FitManufacturer,
  type FitSport,
  type FitSubSport,
  fitTime,
  type StrydChannel,
  type SyntheticActivity,
  type SyntheticDevice,
  type SyntheticSession,
  type TimerPause,
} from './fit-encoder.js';
export {
  type DemoAthlete,
  type DemoHistory,
  type DemoPain,
  type DemoRun,
  type DemoRunPlan,
  generateDemoHistory,
  type RunKind,
  type Surface,
} from './history.js';
export { DEFAULT_RUNNER, type RunnerProfile } from './runner-model.js';
export { smartRecording } from './smart-recording.js';
export { describeDemoPainStory } from './story.js';
export { generateRun, type RunPlan, type SyntheticRun } from './synthetic-run.js';
