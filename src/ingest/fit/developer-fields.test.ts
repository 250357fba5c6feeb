import { describe, expect, it } from 'vitest';
import { applicationUuid, DeveloperFieldResolver, identifyApp } from './developer-fields.js';

const STRYD = '18fb2cf0-1a4b-430d-ad66-988c847421f4';
const STRYD_LEGACY = '660a581e-5301-460c-8f2f-034c8b6dc90f';
const RUNSCRIBE = 'c1f5c80a-5a05-4e8a-97b3-fda34e957035';
const OTHER = '6dcfffe5-cd3d-41f3-8ba3-13fa0647b003';

const field = (key: number, name: string | null, extra: { scale?: number; offset?: number } = {}) => ({
  developerDataIndex: 0,
  key,
  name,
  scale: extra.scale ?? null,
  offset: extra.offset ?? null,
});

describe('applicationUuid', () => {
  it('formats the 16 application id bytes as a UUID; all zeros are no id', () => {
    const bytes = [
      0x18, 0xfb, 0x2c, 0xf0, 0x1a, 0x4b, 0x43, 0x0d, 0xad, 0x66, 0x98, 0x8c, 0x84, 0x74, 0x21, 0xf4,
    ];
    expect(applicationUuid(bytes)).toBe(STRYD);
    expect(applicationUuid(new Array(16).fill(0))).toBeNull();
    expect(applicationUuid([1, 2, 3])).toBeNull();
  });
});

describe('identifyApp', () => {
  it('knows both Stryd data fields and RunScribe by application id', () => {
    expect(identifyApp(STRYD, 'garmin')).toBe('Stryd');
    expect(identifyApp(STRYD_LEGACY, 'garmin')).toBe('Stryd');
    expect(identifyApp(RUNSCRIBE, 'garmin')).toBe('RunScribe');
    expect(identifyApp(OTHER, 'garmin')).toBeNull();
  });

  it("trusts fields without an application id only in the Stryd app's own recordings", () => {
    expect(identifyApp(null, 'stryd')).toBe('Stryd');
    expect(identifyApp(null, 'garmin')).toBeNull();
  });
});

describe('DeveloperFieldResolver', () => {
  it('names the values of known apps by app and field, with the description scale and offset applied', () => {
    const resolver = new DeveloperFieldResolver();
    resolver.onDeveloperDataId(0, STRYD, 'garmin');
    resolver.onFieldDescription(field(0, 'Power'));
    resolver.onFieldDescription(field(1, 'Vertical Oscillation', { scale: 10, offset: 1 }));
    expect(
      resolver.resolve(
        new Map([
          [0, 250],
          [1, 85],
          [7, 3],
        ]),
      ),
    ).toEqual(
      new Map([
        ['Stryd/Power', 250],
        ['Stryd/Vertical Oscillation', 7.5],
      ]),
    );
  });

  it('drops fields of unknown apps and fields without a name', () => {
    const resolver = new DeveloperFieldResolver();
    resolver.onDeveloperDataId(0, OTHER, 'garmin');
    resolver.onFieldDescription(field(0, 'Power'));
    resolver.onDeveloperDataId(1, RUNSCRIBE, 'garmin');
    resolver.onFieldDescription({ ...field(1, '  '), developerDataIndex: 1 });
    expect(
      resolver.resolve(
        new Map([
          [0, 180],
          [1, 240],
        ]),
      ).size,
    ).toBe(0);
  });

  it('follows a developer data index redefined midway, as a triathlon with two apps writes it', () => {
    const resolver = new DeveloperFieldResolver();
    resolver.onDeveloperDataId(0, OTHER, 'garmin');
    resolver.onFieldDescription(field(0, 'wprime_bal'));
    expect(resolver.resolve(new Map([[0, 12]])).size).toBe(0);
    resolver.onDeveloperDataId(0, STRYD_LEGACY, 'garmin');
    resolver.onFieldDescription(field(0, 'Power'));
    expect(resolver.resolve(new Map([[0, 260]]))).toEqual(new Map([['Stryd/Power', 260]]));
  });
});
