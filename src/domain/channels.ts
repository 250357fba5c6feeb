/**
 * The per-sample channels Keel keeps for a run. Every channel has one fixed unit, so values crossing a
 * boundary (storage, API, analysis) never need a unit tag of their own.
 */
export const CHANNELS = [
  'time',
  'distance',
  'speed',
  'heartRate',
  'cadence',
  'stanceTime',
  'stanceTimeBalance',
  'verticalOscillation',
  'verticalRatio',
  'stepLength',
  'power',
  'formPower',
  'legSpringStiffness',
  'altitude',
  'lat',
  'lon',
] as const;

export type Channel = (typeof CHANNELS)[number];

export interface ChannelInfo {
  unit: string;
  label: string;
}

export const CHANNEL_INFO: Record<Channel, ChannelInfo> = {
  time: { unit: 's', label: 'Time since start' },
  distance: { unit: 'm', label: 'Distance' },
  speed: { unit: 'm/s', label: 'Speed' },
  heartRate: { unit: 'bpm', label: 'Heart rate' },
  cadence: { unit: 'steps/min', label: 'Cadence' },
  stanceTime: { unit: 'ms', label: 'Ground contact time' },
  stanceTimeBalance: { unit: '% left', label: 'Ground contact balance' },
  verticalOscillation: { unit: 'mm', label: 'Vertical oscillation' },
  verticalRatio: { unit: '%', label: 'Vertical ratio' },
  stepLength: { unit: 'mm', label: 'Step length' },
  power: { unit: 'W', label: 'Power' },
  formPower: { unit: 'W', label: 'Form power' },
  legSpringStiffness: { unit: 'kN/m', label: 'Leg spring stiffness' },
  altitude: { unit: 'm', label: 'Altitude' },
  lat: { unit: '°', label: 'Latitude' },
  lon: { unit: '°', label: 'Longitude' },
};

export function isChannel(name: string): name is Channel {
  return (CHANNELS as readonly string[]).includes(name);
}

/**
 * Columnar samples of one activity: `time` is always present; every other channel, when present, has the
 * same length as `time`, with NaN where a sample has no value.
 */
export type Streams = { time: Float64Array } & Partial<Record<Exclude<Channel, 'time'>, Float64Array>>;

/** Where a channel's values came from, e.g. `fit:record.stance_time` or `dev:Stryd/Ground Time`. */
export type ChannelSources = Partial<Record<Channel, string>>;

export function channelsPresent(streams: Streams): Channel[] {
  return CHANNELS.filter((c) => {
    const values = streams[c];
    return values?.some((v) => !Number.isNaN(v)) ?? false;
  });
}
