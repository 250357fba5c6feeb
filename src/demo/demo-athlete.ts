import type { UnitSystem } from '../domain/units.js';
import type { Place } from './course.js';
import type { SyntheticDevice } from './fit-encoder.js';
import { DEFAULT_RUNNER, type RunnerProfile } from './runner-model.js';

export interface DemoAthlete {
  name: string;
  units: UnitSystem;
  birthYear: number;
  sex: 'female' | 'male';
}

export const DEMO_ATHLETE: DemoAthlete = {
  name: 'Lena Brunner',
  units: 'metric',
  birthYear: 1991,
  sex: 'female',
};

/** She runs from home near the Allmend Brunau in Zürich: along the Sihl and up into the rolling hills. */
export const DEMO_PLACE: Place = {
  home: { lat: 47.3573, lon: 8.5176 },
  altitudeM: 418,
  hills: [
    { amplitudeM: 12, wavelengthM: 2600, bearingDeg: 30, phase: 0.4 },
    { amplitudeM: 7, wavelengthM: 1500, bearingDeg: 110, phase: 1.9 },
    { amplitudeM: 3, wavelengthM: 700, bearingDeg: 200, phase: 2.7 },
  ],
};

export const DEMO_RUNNER: RunnerProfile = { ...DEFAULT_RUNNER, weakSide: 'left' };

/** Her watch; a firmware update arrives part way through the history, as they do. */
export function demoWatch(softwareVersion: number): SyntheticDevice & { index: 'creator' } {
  return {
    index: 'creator',
    manufacturer: 'garmin',
    product: 'fr965',
    serialNumber: 3_391_104_527,
    softwareVersion,
  };
}

/** The chest strap that measures her running dynamics (ground contact, balance, oscillation). */
export const DEMO_STRAP: SyntheticDevice = {
  index: 1,
  manufacturer: 'garmin',
  product: 'hrmPro',
  serialNumber: 1_447_290_311,
  softwareVersion: 4.1,
  antplusDeviceType: 'heartRate',
};
