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
