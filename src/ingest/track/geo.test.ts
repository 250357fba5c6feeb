import { describe, expect, it } from 'vitest';
import { gpsPath, haversineM, JITTER_RADIUS_M, speedFromDistance } from './geo.js';

/** Metres per degree of latitude on Keel's sphere. */
const M_PER_DEG = haversineM(0, 0, 1, 0);

/** A track north along a meridian: `metres` gives each point's distance from the start. */
function north(metres: number[], stepS = 1, times?: number[]) {
  return {
    time: Float64Array.from(metres, (_, i) => times?.[i] ?? i * stepS),
    lat: Float64Array.from(metres, (m) => 47 + m / M_PER_DEG),
    lon: new Float64Array(metres.length).fill(8),
  };
}

describe('haversineM', () => {
  it('measures a degree of latitude as ~111.2 km and a degree of longitude shrinking with latitude', () => {
    expect(M_PER_DEG).toBeCloseTo(111_195, -1);
    expect(haversineM(60, 0, 60, 1)).toBeCloseTo(M_PER_DEG / 2, -1);
  });
});

describe('gpsPath', () => {
  it('counts a steady run in full', () => {
    const { time, lat, lon } = north(Array.from({ length: 601 }, (_, i) => i * 4));
    const path = gpsPath(time, lat, lon, new Set());
    expect(path.distanceM).toBeCloseTo(2400, 0);
    expect(path.movingS).toBe(600);
    expect(path.distance[600]).toBeCloseTo(2400, 0);
  });

  it('ignores GPS wander while standing still: it adds neither distance nor moving time', () => {
    const wander = Array.from(
      { length: 300 },
      (_, i) => 100 + (i % 2 === 0 ? 1 : -1) * (JITTER_RADIUS_M - 1),
    );
    const times = [0, 10, 20, ...wander.map((_, i) => 21 + i), 330];
    const { time, lat, lon } = north([0, 50, 100, ...wander, 150], 1, times);
    const path = gpsPath(time, lat, lon, new Set());
    expect(path.distanceM).toBeCloseTo(150, 0);
    expect(path.movingS).toBe(30);
  });

  it('drops a lone jump faster than 10 m/s and keeps counting from where the runner was', () => {
    const { time, lat, lon } = north([0, 4, 8, 500, 12, 16]);
    const path = gpsPath(time, lat, lon, new Set());
    expect(path.jumpsDropped).toBe(1);
    expect(path.distanceM).toBeCloseTo(16, 0);
  });

  it('moves to a jump that the next fixes confirm, without counting the jump', () => {
    const { time, lat, lon } = north([0, 6, 12, 2000, 2006, 2012, 2018]);
    const path = gpsPath(time, lat, lon, new Set());
    expect(path.distanceM).toBeCloseTo(18, 0);
    expect(path.jumpsDropped).toBe(3);
  });

  it('counts nothing across a pause between segments', () => {
    const { time, lat, lon } = north([0, 6, 12, 1012, 1018]);
    const path = gpsPath(time, lat, lon, new Set([3]));
    expect(path.distanceM).toBeCloseTo(18, 0);
    expect(path.movingS).toBe(3);
  });

  it('treats drifting slower than 0.5 m/s as stopped', () => {
    const { time, lat, lon } = north([0, 6, 12, 18], 20);
    expect(gpsPath(time, lat, lon, new Set())).toMatchObject({ distanceM: 0, movingS: 0 });
  });

  it('counts the ground of setting off after a stop, with the time of the step that covered it', () => {
    const { time, lat, lon } = north([0, 1, 1, 1, 1, 7, 13], 1, [0, 1, 60, 120, 180, 181, 182]);
    const path = gpsPath(time, lat, lon, new Set());
    expect(path.distanceM).toBeCloseTo(13, 0);
    expect(path.movingS).toBe(2);
  });
});

describe('speedFromDistance', () => {
  it('gives the speed over a centred window, never across a pause', () => {
    const time = Float64Array.from({ length: 40 }, (_, i) => i);
    const distance = Float64Array.from(time, (t) => (t < 20 ? t * 3 : 60 + (t - 20) * 2));
    const speed = speedFromDistance(time, distance, new Set([20]));
    expect(speed[10]).toBeCloseTo(3);
    expect(speed[30]).toBeCloseTo(2);
    expect(speed[19]).toBeCloseTo(3);
  });
});
