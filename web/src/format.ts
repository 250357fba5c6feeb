import type { RunningSubSport } from '../../src/domain/activity.js';
import type { Channel } from '../../src/domain/channels.js';
import { toDistanceUnit, type UnitSystem } from '../../src/domain/units.js';

/** Display helpers that src/domain/units.ts does not have: local dates, heights, channel groups. */

const FEET_PER_METRE = 3.28084;

/**
 * The run's start in the runner's local time at the run: the file's UTC offset when it has one, else the
 * browser's time zone.
 */
export function formatRunDate(startTime: string, utcOffsetMin: number | null, withTime = true): string {
  const utc = new Date(startTime);
  if (Number.isNaN(utc.getTime())) return startTime;
  const options: Intl.DateTimeFormatOptions = {
    weekday: 'short',
    day: 'numeric',
    month: 'short',
    year: 'numeric',
    ...(withTime ? { hour: '2-digit', minute: '2-digit', hourCycle: 'h23' } : {}),
  };
  if (utcOffsetMin === null) return new Intl.DateTimeFormat(undefined, options).format(utc);
  const local = new Date(utc.getTime() + utcOffsetMin * 60_000);
  return new Intl.DateTimeFormat(undefined, { ...options, timeZone: 'UTC' }).format(local);
}

/** "UTC+2", "UTC−3:30". */
export function formatUtcOffset(utcOffsetMin: number | null): string {
  if (utcOffsetMin === null) return 'your time zone';
  const sign = utcOffsetMin < 0 ? '−' : '+';
  const abs = Math.abs(utcOffsetMin);
  const h = Math.floor(abs / 60);
  const m = abs % 60;
  return `UTC${sign}${h}${m ? `:${String(m).padStart(2, '0')}` : ''}`;
}

export function heightUnitLabel(units: UnitSystem): 'm' | 'ft' {
  return units === 'imperial' ? 'ft' : 'm';
}

export function toHeightUnit(metres: number, units: UnitSystem): number {
  return units === 'imperial' ? metres * FEET_PER_METRE : metres;
}

export function formatHeight(metres: number | null, units: UnitSystem): string {
  if (metres === null) return '–';
  return `${Math.round(toHeightUnit(metres, units))} ${heightUnitLabel(units)}`;
}

/** A rounded number with its unit, or an en dash for a missing value. */
export function formatValue(value: number | null | undefined, unit: string, decimals = 0): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return '–';
  return `${value.toFixed(decimals)} ${unit}`;
}

/** "Trail run", "Treadmill run"; just "Run" when the file does not say. */
export function runKindLabel(subSport: RunningSubSport): string {
  return subSport === 'generic' ? 'Run' : `${SUB_SPORT_LABEL[subSport]} run`;
}

export const SUB_SPORT_LABEL: Record<RunningSubSport, string> = {
  road: 'Road',
  trail: 'Trail',
  treadmill: 'Treadmill',
  track: 'Track',
  indoor: 'Indoor',
  generic: 'Run',
};

/** Sub-sports worth a badge in the runs list (a road run is the unremarkable default). */
export function subSportBadge(subSport: RunningSubSport): string | null {
  return subSport === 'road' || subSport === 'generic' ? null : SUB_SPORT_LABEL[subSport];
}

export const DYNAMICS_CHANNELS = [
  'stanceTime',
  'stanceTimeBalance',
  'verticalOscillation',
  'verticalRatio',
  'stepLength',
  'legSpringStiffness',
  'formPower',
] as const satisfies readonly Channel[];

export interface ChannelBadge {
  key: 'hr' | 'cadence' | 'dynamics' | 'power';
  label: string;
  /** Spelled out for the tooltip and screen readers. */
  title: string;
}

const DYNAMICS_NAMES: Partial<Record<Channel, string>> = {
  stanceTime: 'stance time',
  stanceTimeBalance: 'balance',
  verticalOscillation: 'vertical oscillation',
  verticalRatio: 'vertical ratio',
  stepLength: 'step length',
  legSpringStiffness: 'leg spring stiffness',
  formPower: 'form power',
};

/** The running-dynamics channels a run has, in words: ["stance time", "vertical oscillation"]. */
export function dynamicsNames(channels: readonly Channel[]): string[] {
  const has = new Set(channels);
  return DYNAMICS_CHANNELS.filter((c) => has.has(c)).map((c) => DYNAMICS_NAMES[c] ?? c);
}

/** The sensor families a run has, for the small badges in the runs list. */
export function channelBadges(channels: readonly Channel[]): ChannelBadge[] {
  const has = new Set(channels);
  const badges: ChannelBadge[] = [];
  if (has.has('heartRate')) badges.push({ key: 'hr', label: 'HR', title: 'Heart rate' });
  if (has.has('cadence')) badges.push({ key: 'cadence', label: 'Cadence', title: 'Cadence' });
  const dynamics = dynamicsNames(channels);
  if (dynamics.length > 0)
    badges.push({ key: 'dynamics', label: 'Dynamics', title: `Running dynamics: ${dynamics.join(', ')}` });
  if (has.has('power')) badges.push({ key: 'power', label: 'Power', title: 'Running power' });
  return badges;
}

/**
 * Where a channel came from, in words: `fit:record.stance_time` → "the watch (FIT stance_time)",
 * `dev:Stryd/Ground Time` → "Stryd (Ground Time)".
 */
export function describeSource(source: string): string {
  if (source.startsWith('dev:')) {
    const [app, ...field] = source.slice(4).split('/');
    const name = app?.trim() || 'a connected sensor';
    return field.length > 0 ? `${name} (${field.join('/')})` : name;
  }
  if (source.startsWith('fit:')) {
    const field = source.slice(4).split('.').pop() ?? '';
    return `Watch${field ? ` (${field})` : ''}`;
  }
  return source;
}

/** Where the running dynamics came from, grouped by source app: "Stryd" or "Watch, HRM-Pro". */
export function dynamicsSources(sources: Partial<Record<Channel, string>>): string | null {
  const names = new Set<string>();
  for (const channel of DYNAMICS_CHANNELS) {
    const source = sources[channel];
    if (!source) continue;
    names.add(describeSource(source).replace(/ \(.*\)$/, ''));
  }
  return names.size > 0 ? [...names].join(', ') : null;
}

/**
 * A device string as the importer stores it ("garmin fr965", "coros COROS APEX Pro") made presentable:
 * "Garmin FR965", "COROS APEX Pro". Words the file already capitalised are kept as they are.
 */
export function formatDevice(device: string | null): string {
  if (!device) return 'Unknown device';
  const words = device.trim().split(/\s+/);
  if (words.length > 1 && words[0]?.toLowerCase() === words[1]?.toLowerCase()) words.shift();
  return words
    .map((w) => {
      if (w !== w.toLowerCase()) return w;
      if (/^[a-z]{1,3}\d+[a-z]*$/.test(w)) return w.toUpperCase();
      return (w[0]?.toUpperCase() ?? '') + w.slice(1);
    })
    .join(' ');
}

export function plural(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}

/** A distance in the athlete's unit (km or mi) back to metres. */
export function fromDistanceUnit(value: number, units: UnitSystem): number {
  return value / toDistanceUnit(1, units);
}
