import type { Random } from '../domain/random.js';

export interface GeoPoint {
  lat: number;
  lon: number;
}

/** Where a course is run: its start and the rolling ground around it. */
export interface Place {
  home: GeoPoint;
  altitudeM: number;
  /** Hills as plane waves over the ground: metres of amplitude, wavelength and direction. */
  hills: ReadonlyArray<{ amplitudeM: number; wavelengthM: number; bearingDeg: number; phase: number }>;
}

export type CourseShape = 'loop' | 'out-and-back';

export interface Course {
  lengthM: number;
  /** Position and altitude this far along the course; beyond its length a loop goes round again. */
  at(distanceM: number): { lat: number; lon: number; altitudeM: number };
}

const METRES_PER_DEGREE_LAT = 111_320;
const VERTEX_SPACING_M = 25;

/**
 * A course of `lengthM` from the place's home: one loop (run once or several times) or a wandering road out
 * and back the same way. Altitude comes from the place's ground, so the same spot is always as high.
 */
export function makeCourse(place: Place, shape: CourseShape, lengthM: number, random: Random): Course {
  const path = shape === 'loop' ? loopPath(lengthM, random) : outAndBackPath(lengthM, random);
  const cumulative = cumulativeLengths(path);
  const total = cumulative[cumulative.length - 1] ?? 0;
  const cosLat = Math.cos((place.home.lat * Math.PI) / 180);
  return {
    lengthM: total,
    at(distanceM) {
      const d = shape === 'loop' ? distanceM % total : Math.min(distanceM, total);
      const { x, y } = interpolate(path, cumulative, d);
      return {
        lat: place.home.lat + y / METRES_PER_DEGREE_LAT,
        lon: place.home.lon + x / (METRES_PER_DEGREE_LAT * cosLat),
        altitudeM: groundAltitude(place, x, y),
      };
    },
  };
}

function groundAltitude(place: Place, x: number, y: number): number {
  let h = place.altitudeM;
  for (const hill of place.hills) {
    const bearing = (hill.bearingDeg * Math.PI) / 180;
    const along = x * Math.sin(bearing) + y * Math.cos(bearing);
    h += hill.amplitudeM * Math.sin((2 * Math.PI * along) / hill.wavelengthM + hill.phase);
  }
  return h;
}

interface Xy {
  x: number;
  y: number;
}

/** A lumpy closed loop through home (0, 0), scaled to the wanted perimeter. */
function loopPath(perimeterM: number, random: Random): Xy[] {
  const vertices = Math.max(24, Math.round(perimeterM / VERTEX_SPACING_M));
  const [phase2, phase3] = [random.uniform(0, 2 * Math.PI), random.uniform(0, 2 * Math.PI)];
  const [wobble2, wobble3] = [random.uniform(0.1, 0.25), random.uniform(0.03, 0.1)];
  const unit: Xy[] = [];
  for (let k = 0; k <= vertices; k++) {
    const theta = (2 * Math.PI * k) / vertices;
    const r = 1 + wobble2 * Math.sin(2 * theta + phase2) + wobble3 * Math.sin(3 * theta + phase3);
    unit.push({ x: r * Math.cos(theta), y: r * Math.sin(theta) });
  }
  const unitLength = cumulativeLengths(unit).at(-1) ?? 1;
  const rotation = random.uniform(0, 2 * Math.PI);
  const scale = perimeterM / unitLength;
  const origin = unit[0] ?? { x: 0, y: 0 };
  return unit.map(({ x, y }) => {
    const dx = (x - origin.x) * scale;
    const dy = (y - origin.y) * scale;
    return {
      x: dx * Math.cos(rotation) - dy * Math.sin(rotation),
      y: dx * Math.sin(rotation) + dy * Math.cos(rotation),
    };
  });
}

/** A road that bends gently away from home for half the length, then the same road back. */
function outAndBackPath(lengthM: number, random: Random): Xy[] {
  const out: Xy[] = [{ x: 0, y: 0 }];
  let heading = random.uniform(0, 2 * Math.PI);
  const steps = Math.ceil(lengthM / 2 / VERTEX_SPACING_M);
  for (let k = 1; k <= steps; k++) {
    heading += random.normal(0, 0.08);
    const last = out[k - 1] ?? { x: 0, y: 0 };
    out.push({
      x: last.x + VERTEX_SPACING_M * Math.sin(heading),
      y: last.y + VERTEX_SPACING_M * Math.cos(heading),
    });
  }
  return [...out, ...out.slice(0, -1).reverse()];
}

function cumulativeLengths(path: readonly Xy[]): Float64Array {
  const lengths = new Float64Array(path.length);
  for (let k = 1; k < path.length; k++) {
    const a = path[k - 1];
    const b = path[k];
    if (a && b) lengths[k] = (lengths[k - 1] ?? 0) + Math.hypot(b.x - a.x, b.y - a.y);
  }
  return lengths;
}

function interpolate(path: readonly Xy[], cumulative: Float64Array, d: number): Xy {
  let lo = 0;
  let hi = cumulative.length - 1;
  while (hi - lo > 1) {
    const mid = (lo + hi) >> 1;
    if ((cumulative[mid] ?? 0) <= d) lo = mid;
    else hi = mid;
  }
  const a = path[lo] ?? { x: 0, y: 0 };
  const b = path[hi] ?? a;
  const span = (cumulative[hi] ?? 0) - (cumulative[lo] ?? 0);
  const f = span > 0 ? (d - (cumulative[lo] ?? 0)) / span : 0;
  return { x: a.x + f * (b.x - a.x), y: a.y + f * (b.y - a.y) };
}
