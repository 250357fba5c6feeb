import { describe, expect, it } from 'vitest';
import { smoothAltitude, trackClimb } from './elevation.js';

describe('trackClimb', () => {
  const time = Float64Array.from({ length: 1201 }, (_, i) => i);

  it('adds nothing up on a flat course whose GPS altitude wanders by ±4 m', () => {
    const altitude = time.map((t) => 400 + 4 * Math.sin(t * 1.7) * Math.cos(t * 0.31));
    expect(trackClimb(time, altitude)?.ascentM).toBeLessThan(5);
  });

  it('keeps a real 60 m hill', () => {
    const altitude = time.map((t) => 400 + 60 * Math.sin((Math.PI * t) / 1200) + 3 * Math.sin(t * 2.3));
    const climb = trackClimb(time, altitude);
    expect(climb?.ascentM).toBeGreaterThan(54);
    expect(climb?.ascentM).toBeLessThan(66);
  });

  it('smooths over time, not samples, and leaves missing samples missing', () => {
    const smoothed = smoothAltitude(Float64Array.of(0, 1, 2, 100), Float64Array.of(10, Number.NaN, 20, 50));
    expect(smoothed[0]).toBe(15);
    expect(smoothed[1]).toBeNaN();
    expect(smoothed[3]).toBe(50);
  });
});
