import type { Channel } from '../../domain/channels.js';

export type SampledChannel = Exclude<Channel, 'time'>;

/** One way to fill a channel from FIT record values, with its unit conversion. */
export interface ChannelSource {
  origin: 'native' | 'developer';
  /** How `channelSources` names it: `fit:record.<field>` or `dev:<app>/<field>`. */
  label: string;
  /** Keys of `FitRecord.values` it reads (see model.ts). */
  fields: readonly string[];
  /**
   * How several fields make one value: `sum` adds the later fields, when present, to the first (cadence plus
   * fractional cadence); `mean` averages those present (left and right foot).
   */
  combine: 'single' | 'sum' | 'mean';
  /** Multiplier from the source's unit to the channel's. */
  scale: number;
  /** Whether a converted value is a measurement; others become NaN. */
  valid: (value: number) => boolean;
  /**
   * Cadence only: `strides` when the source is known to count one foot; `detect` when devices differ and the
   * convention is read from the values (cadence.ts).
   */
  cadence?: 'strides' | 'detect';
}

const nonNegative = (v: number) => v >= 0;
// A zero cadence, ground contact, oscillation, step length or stiffness is no measurement of running form
// (the runner stood still or the sensor dropped out: FR965s write 0 cadence mid-run), not a value to average.
const positive = (v: number) => v > 0;
const percentBetween = (v: number) => v > 0 && v < 100;
// FIT stores altitude with a 500 m offset; devices without a fix write the raw 0, i.e. -500 m.
const plausibleAltitude = (v: number) => v > -500 && v < 9000;
// (0, 0) is a placeholder fix, not a position.
const latitude = (v: number) => v !== 0 && Math.abs(v) <= 90;
const longitude = (v: number) => v !== 0 && Math.abs(v) <= 180;

const SEMICIRCLES_TO_DEGREES = 180 / 2 ** 31;

function native(
  field: string,
  valid: (v: number) => boolean,
  options: Partial<Pick<ChannelSource, 'scale' | 'cadence'>> & { extra?: string } = {},
): ChannelSource {
  const fields = options.extra === undefined ? [field] : [field, options.extra];
  return {
    origin: 'native',
    label: `fit:record.${fields.map(snakeCase).join('+')}`,
    fields,
    combine: options.extra === undefined ? 'single' : 'sum',
    scale: options.scale ?? 1,
    valid,
    ...(options.cadence === undefined ? {} : { cadence: options.cadence }),
  };
}

function developer(
  app: string,
  names: readonly string[],
  valid: (v: number) => boolean,
  options: Partial<Pick<ChannelSource, 'scale' | 'cadence'>> = {},
): ChannelSource {
  return {
    origin: 'developer',
    label: names.map((n) => `dev:${app}/${n}`).join('+'),
    fields: names.map((n) => `${app}/${n}`),
    combine: names.length > 1 ? 'mean' : 'single',
    scale: options.scale ?? 1,
    valid,
    ...(options.cadence === undefined ? {} : { cadence: options.cadence }),
  };
}

function snakeCase(name: string): string {
  return name.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);
}

/**
 * Every source of every channel, in order of preference: native fields first, then developer fields. One
 * source fills a whole channel (streams.ts picks it); sources are never mixed within a channel, because two
 * sensors measuring the same thing differ systematically (a Stryd pod's ground time is not a chest strap's)
 * and a mix would show as a jump in the runner's form.
 */
export const CHANNEL_MAP: { readonly [C in SampledChannel]: readonly ChannelSource[] } = {
  distance: [native('distance', nonNegative)],
  speed: [native('enhancedSpeed', nonNegative), native('speed', nonNegative)],
  heartRate: [native('heartRate', positive)],
  cadence: [
    native('cadence', positive, { extra: 'fractionalCadence', cadence: 'detect' }),
    // Stryd's "Cadence [RPM]" equals the native strides-per-minute cadence in every corpus file with both.
    developer('Stryd', ['Cadence'], positive, { cadence: 'strides' }),
  ],
  stanceTime: [
    native('stanceTime', positive),
    developer('Stryd', ['Ground Time'], positive),
    developer('RunScribe', ['RS_ContactTime_L', 'RS_ContactTime_R'], positive),
  ],
  stanceTimeBalance: [native('stanceTimeBalance', percentBetween)],
  verticalOscillation: [
    native('verticalOscillation', positive),
    developer('Stryd', ['Vertical Oscillation'], positive, { scale: 10 }),
  ],
  verticalRatio: [native('verticalRatio', positive)],
  stepLength: [native('stepLength', positive)],
  power: [
    native('power', nonNegative),
    developer('Stryd', ['Power'], nonNegative),
    developer('RunScribe', ['RS_Power_AVG'], nonNegative),
  ],
  formPower: [developer('Stryd', ['Form Power'], positive)],
  legSpringStiffness: [developer('Stryd', ['Leg Spring Stiffness'], positive)],
  altitude: [native('enhancedAltitude', plausibleAltitude), native('altitude', plausibleAltitude)],
  lat: [native('positionLat', latitude, { scale: SEMICIRCLES_TO_DEGREES })],
  lon: [native('positionLong', longitude, { scale: SEMICIRCLES_TO_DEGREES })],
};

/** The native record fields the map reads: decode.ts narrows exactly these. */
export const NATIVE_RECORD_FIELDS: readonly string[] = [
  ...new Set(
    Object.values(CHANNEL_MAP)
      .flat()
      .filter((s) => s.origin === 'native')
      .flatMap((s) => s.fields),
  ),
];
