import { describe, expect, it } from 'vitest';
import { BODY_REGION_LABELS, BODY_REGIONS, SIDES } from '../../domain/pain.js';
import { REGION_STABILIZERS, STABILIZER_GROUP_LABELS, STABILIZER_GROUPS } from '../../domain/stabilizers.js';
import { METRES_PER_MILE } from '../../domain/units.js';
import { explainPattern } from './explain.js';
import type { PainPattern } from './types.js';

const threshold: PainPattern = {
  status: 'threshold',
  events: 7,
  runs: 31,
  onsetM: 14_100,
  onsetIntervalM: [13_400, 14_800],
  onsetS: 4_260,
  painFreeM: 12_500,
  trend: 'stable',
  basis: 'distance',
  weibull: { shape: 14, scaleM: 14_400, lrtP: 0.004 },
  survival: [],
  onsets: [],
  reasons: ['threshold-criteria-met'],
};
const noPattern: PainPattern = {
  ...threshold,
  status: 'no-pattern',
  events: 9,
  onsetM: null,
  onsetIntervalM: null,
  trend: 'stable',
  basis: 'undetermined',
  weibull: { shape: 1.2, scaleM: 30_000, lrtP: 0.4 },
  onsets: [2_100, 6_400, 13_000].map((onsetM, i) => ({
    runId: `r${i}`,
    startTime: new Date(Date.UTC(2026, 3, 1 + i)),
    runDistanceM: 15_000,
    onsetM,
  })),
  reasons: ['shape-not-above-threshold', 'not-significant', 'onsets-too-spread'],
};
const insufficient: PainPattern = {
  ...noPattern,
  status: 'insufficient-data',
  events: 2,
  runs: 12,
  weibull: null,
  trend: null,
  reasons: ['too-few-painful-runs'],
};

const allText = (e: { headline: string; paragraphs: string[] }) => [e.headline, ...e.paragraphs].join('\n');

describe('explainPattern', () => {
  it('states the threshold, its range and the pain-free distance in kilometres', () => {
    const e = explainPattern(threshold, 'knee', 'left', 'metric');
    expect(e.headline).toBe('Your left knee pain starts at about 14.1 km (13.4–14.8 km)');
    expect(allText(e)).toContain('Runs under 12.5 km stayed pain-free.');
    expect(allText(e)).toContain('about 1 time in 250.');
    expect(allText(e)).toContain('Distance explains it better than time on your feet');
  });

  it('speaks miles to a runner who uses them', () => {
    const e = explainPattern(
      { ...threshold, onsetM: 8 * METRES_PER_MILE, onsetIntervalM: null, painFreeM: 7 * METRES_PER_MILE },
      'achilles',
      'right',
      'imperial',
    );
    expect(e.headline).toBe('Your right Achilles pain starts at about 8.0 mi');
    expect(allText(e)).toContain('Runs under 7.0 mi stayed pain-free.');
    expect(allText(e)).not.toContain(' km');
  });

  it('gives a time-bound pain as time on feet', () => {
    const e = explainPattern({ ...threshold, basis: 'time', onsetS: 5_100 }, 'shin', 'both', 'metric');
    expect(e.headline).toBe('Your shin (both sides) pain starts after about 1 h 25 min on your feet');
    expect(allText(e)).toContain('Time on your feet explains it better than distance');
  });

  it('says whether it is moving, and what a threshold moving in calls for', () => {
    expect(allText(explainPattern({ ...threshold, trend: 'improving' }, 'knee', 'left', 'metric'))).toContain(
      'It is moving out',
    );
    const worse = allText(explainPattern({ ...threshold, trend: 'worsening' }, 'knee', 'left', 'metric'));
    expect(worse).toContain('It is moving in');
    expect(worse).toContain('clinician');
    expect(allText(explainPattern({ ...threshold, trend: null }, 'knee', 'left', 'metric'))).toContain(
      'at least 3 painful runs that say where the pain began',
    );
  });

  it('explains movers, stabilizers and the breakdown chain, and the groups the region points to', () => {
    const text = allText(explainPattern(threshold, 'knee', 'left', 'metric'));
    expect(text).toContain('stabilizers');
    expect(text).toContain('pelvis starts to drop');
    expect(text).toContain(STABILIZER_GROUP_LABELS['hip-abductors']);
    expect(text).toContain('whole chain');
  });

  it('says plainly what no pattern means and what would help', () => {
    const e = explainPattern(noPattern, 'hip', 'right', 'metric');
    expect(e.headline).toBe('No set distance for your right hip pain so far');
    expect(allText(e)).toContain('from 2.1 to 13.0 km');
    expect(allText(e)).toContain('log every run, pain-free ones too');
  });

  it('says what is missing when there is too little data', () => {
    const e = explainPattern(insufficient, 'low-back', 'both', 'metric');
    expect(e.headline).toBe('Not enough runs yet to see a pattern in your low back pain');
    expect(allText(e)).toContain('at least 3 runs that brought the pain on (so far: 2)');
    const fewRuns = explainPattern(
      { ...insufficient, events: 4, runs: 5, reasons: ['too-few-runs'] },
      'heel',
      'left',
      'metric',
    );
    expect(allText(fewRuns)).toContain('at least 8 runs in all (so far: 5)');
  });

  it('names the place in plain words', () => {
    expect(explainPattern(threshold, 'thigh-front', 'left', 'metric').headline).toContain(
      'front of the left thigh',
    );
    expect(explainPattern(threshold, 'low-back', 'right', 'metric').headline).toContain(
      'low back (right side)',
    );
    expect(explainPattern(threshold, 'glute', 'left', 'metric').headline).toContain('left buttock');
  });

  const DIAGNOSES = [
    'patellofemoral',
    'iliotibial',
    'itbs',
    'tendinopathy',
    'tendinitis',
    'tendonitis',
    'fasciitis',
    'fasciopathy',
    'syndrome',
    'stress fracture',
    'bursitis',
    "runner's knee",
    'shin splints',
    'you have',
    'diagnos',
  ];

  it('never names a diagnosis, for any region, side, status or trend', () => {
    for (const region of BODY_REGIONS) {
      for (const side of SIDES) {
        for (const pattern of [
          threshold,
          { ...threshold, trend: 'worsening' as const, basis: 'time' as const },
          noPattern,
          insufficient,
        ]) {
          const text = allText(explainPattern(pattern, region, side, 'metric')).toLowerCase();
          for (const word of DIAGNOSES)
            expect(text, `${region}/${side}/${pattern.status}`).not.toContain(word);
        }
      }
    }
  });
});

describe('REGION_STABILIZERS', () => {
  it('maps every body region to stabilizer groups with a source, and labels every group', () => {
    for (const region of BODY_REGIONS) {
      const link = REGION_STABILIZERS[region];
      expect(link.groups.length, region).toBeGreaterThan(0);
      expect(link.source.length, region).toBeGreaterThan(10);
      expect(allText(explainPattern(threshold, region, 'left', 'metric'))).toContain(
        `For pain in the ${BODY_REGION_LABELS[region]}`,
      );
    }
    for (const group of STABILIZER_GROUPS) expect(STABILIZER_GROUP_LABELS[group].length).toBeGreaterThan(5);
  });
});
