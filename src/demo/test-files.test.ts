import { describe, expect, it } from 'vitest';
import {
  decodeFit,
  makeCyclingFit,
  makeMultisportFit,
  makeRunFit,
  truncate,
} from '../../test/helpers/fit-files.js';

// The builders other tests make FIT files with (test/helpers/fit-files.ts) do what they promise.
describe('test FIT file builders', () => {
  it('make a 5 km run in 30 minutes at 1 Hz with GPS, heart rate, cadence, dynamics and power', () => {
    const bytes = makeRunFit();
    expect(makeRunFit()).toEqual(bytes);
    const { errors, intact, messages } = decodeFit(bytes);
    expect(errors).toEqual([]);
    expect(intact).toBe(true);
    const session = messages.sessionMesgs?.[0];
    expect(session).toMatchObject({ sport: 'running', subSport: 'street', totalDistance: 5_000 });
    expect(Number(session?.totalTimerTime)).toBeGreaterThan(1_780);
    expect(Number(session?.totalTimerTime)).toBeLessThan(1_860);
    const record = messages.recordMesgs?.[100];
    for (const field of [
      'positionLat',
      'heartRate',
      'cadence',
      'stanceTime',
      'verticalRatio',
      'power',
    ] as const) {
      expect(record).toHaveProperty(field);
    }
    expect(messages.recordMesgs?.length).toBe(Number(session?.totalElapsedTime) + 1);
    expect(messages.deviceInfoMesgs?.map((d) => d.garminProduct)).toEqual(['fr965', 'hrmPro']);
  });

  it('take the distance, duration, start and offset asked for', () => {
    const start = new Date('2026-09-01T06:30:00Z');
    const { messages } = decodeFit(
      makeRunFit({ distanceM: 10_000, durationS: 3_000, start, utcOffsetMin: null }),
    );
    expect(messages.sessionMesgs?.[0]).toMatchObject({ startTime: start, totalDistance: 10_000 });
    expect(Number(messages.sessionMesgs?.[0]?.totalTimerTime)).toBeLessThan(3_060);
    expect(messages.activityMesgs?.[0]).not.toHaveProperty('localTimestamp');
  });

  it('leave channels out, move them to Stryd developer fields, pause, go indoors or record smartly', () => {
    const plain = decodeFit(makeRunFit({ withDynamics: false, withPower: false })).messages;
    expect(plain.recordMesgs?.some((r) => r.stanceTime !== undefined || r.power !== undefined)).toBe(false);
    const stryd = decodeFit(makeRunFit({ stryd: true })).messages;
    expect(stryd.fieldDescriptionMesgs?.map((f) => f.fieldName)).toContain('Leg Spring Stiffness');
    expect(stryd.recordMesgs?.[50]?.stanceTime).toBeUndefined();
    expect(Object.keys(stryd.recordMesgs?.[50]?.developerFields ?? {})).toHaveLength(5);
    const paused = decodeFit(makeRunFit({ pauses: [{ atM: 2_000, durationS: 120 }] })).messages
      .sessionMesgs?.[0];
    expect(Number(paused?.totalElapsedTime) - Number(paused?.totalTimerTime)).toBe(120);
    const treadmill = decodeFit(makeRunFit({ subSport: 'treadmill' })).messages;
    expect(treadmill.recordMesgs?.some((r) => r.positionLat !== undefined)).toBe(false);
    const smart = decodeFit(makeRunFit({ smartRecording: true })).messages.recordMesgs?.length ?? 0;
    expect(smart).toBeLessThan(400);
  });

  it('make a ride, and a duathlon whose cycling session sits between two runs', () => {
    expect(decodeFit(makeCyclingFit()).messages.sessionMesgs?.map((s) => s.sport)).toEqual(['cycling']);
    const { errors, messages } = decodeFit(makeMultisportFit());
    expect(errors).toEqual([]);
    expect(messages.sessionMesgs?.map((s) => [s.sport, Math.round(Number(s.totalDistance))])).toEqual([
      ['running', 5_000],
      ['cycling', 20_000],
      ['running', 3_000],
    ]);
    const [run, ride] = messages.sessionMesgs ?? [];
    expect(Number(ride?.startTime)).toBeGreaterThan(Number(run?.timestamp));
  });

  it('cut files short', () => {
    const bytes = makeRunFit({ distanceM: 1_000 });
    const cut = truncate(bytes, 7_000);
    expect(cut).toHaveLength(7_000);
    const { errors, intact } = decodeFit(cut);
    expect(intact).toBe(false);
    expect(errors.length).toBeGreaterThan(0);
  });
});
