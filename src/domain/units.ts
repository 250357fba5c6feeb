export const UNIT_SYSTEMS = ['metric', 'imperial'] as const;
export type UnitSystem = (typeof UNIT_SYSTEMS)[number];

export const METRES_PER_MILE = 1609.344;
export const METRES_PER_KM = 1000;

function metresPerUnit(units: UnitSystem): number {
  return units === 'imperial' ? METRES_PER_MILE : METRES_PER_KM;
}

export function distanceUnitLabel(units: UnitSystem): 'km' | 'mi' {
  return units === 'imperial' ? 'mi' : 'km';
}

/** Metres in the athlete's distance unit (km or mi). */
export function toDistanceUnit(metres: number, units: UnitSystem): number {
  return metres / metresPerUnit(units);
}

export function formatDistance(metres: number, units: UnitSystem, decimals = 2): string {
  return `${toDistanceUnit(metres, units).toFixed(decimals)} ${distanceUnitLabel(units)}`;
}

/** h:mm:ss, or m:ss under an hour. */
export function formatDuration(seconds: number): string {
  const total = Math.round(seconds);
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = total % 60;
  const mm = h > 0 ? String(m).padStart(2, '0') : String(m);
  return `${h > 0 ? `${h}:` : ''}${mm}:${String(s).padStart(2, '0')}`;
}

/** Seconds per km or per mile for a speed in m/s; null when not moving. */
export function paceSecondsPerUnit(speedMps: number, units: UnitSystem): number | null {
  if (!(speedMps > 0)) return null;
  return metresPerUnit(units) / speedMps;
}

export function formatPace(speedMps: number | null, units: UnitSystem): string {
  const pace = speedMps === null ? null : paceSecondsPerUnit(speedMps, units);
  if (pace === null || !Number.isFinite(pace)) return '–';
  return `${formatDuration(pace)} /${distanceUnitLabel(units)}`;
}

const DISTANCE_UNITS: Record<string, number> = {
  m: 1,
  km: METRES_PER_KM,
  mi: METRES_PER_MILE,
  mile: METRES_PER_MILE,
  miles: METRES_PER_MILE,
};

/** "12.3km", "8 mi", "400m" → metres; null when the text is not a non-negative number with one of those units. */
export function parseDistance(text: string): number | null {
  const match = /^\s*(\d+(?:\.\d+)?|\.\d+)\s*([a-z]+)\s*$/i.exec(text);
  const perUnit = match ? DISTANCE_UNITS[(match[2] as string).toLowerCase()] : undefined;
  return match && perUnit !== undefined ? Number(match[1]) * perUnit : null;
}

/** "1:05:00" (h:mm:ss) or "65:00" (m:ss) → seconds; null for anything else. */
export function parseDuration(text: string): number | null {
  const match = /^\s*(?:(\d+):)?(\d{1,3}):(\d{2}(?:\.\d+)?)\s*$/.exec(text);
  if (!match) return null;
  const [, h, m, s] = match;
  const minutes = Number(m);
  const seconds = Number(s);
  if (seconds >= 60 || (h !== undefined && minutes >= 60)) return null;
  return Number(h ?? 0) * 3600 + minutes * 60 + seconds;
}
