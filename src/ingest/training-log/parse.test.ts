import { describe, expect, it } from 'vitest';
import { METRES_PER_MILE } from '../../domain/units.js';
import { looksLikeTrainingLog, parseTrainingLog, type TrainingLog } from './parse.js';

const bytes = (text: string) => new TextEncoder().encode(text);
const HEADER =
  'date,distance_km,duration,pain_region,pain_side,pain_onset_km,pain_severity,pain_aspect,notes';

function parsed(text: string): TrainingLog {
  const log = parseTrainingLog(bytes(text));
  if ('error' in log) throw new Error(log.error);
  return log;
}

describe('parseTrainingLog', () => {
  it('reads pain-free and painful rows, with notes that contain commas', () => {
    const log = parsed(
      `${HEADER}\n2026-03-01,12.0,1:05:00,,,,,,easy\n2026-03-03,14.2,1:20:00,knee,left,13.5,5,front,"long, hurt"\n`,
    );
    expect(log.units).toBe('metric');
    expect(log.problems).toEqual([]);
    expect(log.rows).toEqual([
      { line: 2, date: '2026-03-01', distanceM: 12_000, durationS: 3_900, pain: null, note: 'easy' },
      {
        line: 3,
        date: '2026-03-03',
        distanceM: 14_200,
        durationS: 4_800,
        pain: { region: 'knee', side: 'left', aspect: 'front', onsetM: 13_500, severity: 5 },
        note: 'long, hurt',
      },
    ]);
  });

  it('reads miles, semicolons and decimal commas, as a European spreadsheet saves them', () => {
    const log = parsed(
      'Date;Distance_mi;Duration;Pain_Region;Pain_Side;Pain_Onset_mi;Pain_Severity\n2026-03-01;5,5;0:50:00;shin;right;4,5;3\n',
    );
    expect(log.units).toBe('imperial');
    expect(log.rows[0]?.distanceM).toBeCloseTo(5.5 * METRES_PER_MILE, 6);
    expect(log.rows[0]?.pain?.onsetM).toBeCloseTo(4.5 * METRES_PER_MILE, 6);
  });

  it('takes a row without an onset as pain somewhere in the run', () => {
    const log = parsed(`${HEADER}\n2026-03-01,10,0:55:00,achilles,both,,2,,\n`);
    expect(log.rows[0]?.pain).toMatchObject({ region: 'achilles', side: 'both', onsetM: null });
  });

  it.each([
    ['01/03/2026,10,0:50:00,,,,,,', /date "01\/03\/2026": write dates as YYYY-MM-DD/],
    ['2026-02-30,10,0:50:00,,,,,,', /date/],
    ['2026-03-01,ten,0:50:00,,,,,,', /distance_km "ten"/],
    ['2026-03-01,10,50 min,,,,,,', /duration "50 min": write it as h:mm:ss/],
    ['2026-03-01,10,0:10:00,,,,,,', /60\.0 km\/h: not a run/],
    ['2026-03-01,10,0:50:00,kneecap,left,,3,,', /pain_region "kneecap"/],
    ['2026-03-01,10,0:50:00,knee,,,3,,', /pain_side ""/],
    ['2026-03-01,10,0:50:00,knee,left,,11,,', /pain_severity "11"/],
    ['2026-03-01,10,0:50:00,knee,left,,,,', /pain_severity ""/],
    ['2026-03-01,10,0:50:00,knee,left,12,3,,', /pain_onset_km 12 is beyond the run's distance/],
    ['2026-03-01,10,0:50:00,knee,left,8,3,middle,', /pain_aspect "middle"/],
    ['2026-03-01,10,0:50:00,,left,,3,,', /without pain_region/],
  ])('reports %j with its line, and keeps the other rows', (row, message) => {
    const log = parsed(`${HEADER}\n2026-02-27,8,0:45:00,,,,,,\n${row}\n`);
    expect(log.rows.map((r) => r.line)).toEqual([2]);
    expect(log.problems).toEqual([{ line: 3, message: expect.stringMatching(message) }]);
  });

  it('numbers lines as the file does, blank lines included', () => {
    const log = parsed(`${HEADER}\n\n2026-03-01,x,0:50:00,,,,,,\n\n\n2026-03-02,8,0:45:00,,,,,,\n`);
    expect(log.problems.map((p) => p.line)).toEqual([3]);
    expect(log.rows.map((r) => r.line)).toEqual([6]);
  });

  it('says which columns are missing when the file is not a training log', () => {
    expect(parseTrainingLog(bytes('Activity ID,Activity Date,Activity Type\n1,x,Run\n'))).toEqual({
      error: expect.stringMatching(
        /^not a training log: the header has no date, distance_km, duration columns/,
      ),
    });
  });
});

describe('looksLikeTrainingLog', () => {
  it.each([
    [`${HEADER}\n`, true],
    ['\uFEFFDate;Distance_mi;Duration\n', true],
    ['Activity ID,Activity Date,Activity Name,Activity Type,Filename\n', false],
    ['date,distance,duration\n', false],
  ])('%j → %s', (text, expected) => {
    expect(looksLikeTrainingLog(bytes(text))).toBe(expected);
  });
});
