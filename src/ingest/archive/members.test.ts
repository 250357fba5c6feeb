import { describe, expect, it } from 'vitest';
import { judgeMember, notActivityReason, printableName, unsafeNameReason } from './members.js';

const file = (rawName: string) => judgeMember({ rawName, isDirectory: false, isSymlink: false });

describe('judgeMember', () => {
  it('reads anything that may be an activity, whatever its extension', () => {
    for (const name of [
      'activities/1.fit.gz',
      'run.tcx',
      'x/y/z.gpx',
      'export.zip',
      'saved-as.dat',
      'noext',
    ]) {
      expect(file(name)).toEqual({ kind: 'read', name });
    }
  });

  it('reads backslash-separated names as folders', () => {
    expect(file('runs\\a.fit')).toEqual({ kind: 'read', name: 'runs/a.fit' });
  });

  it('ignores folders and operating-system clutter without a word', () => {
    for (const name of ['__MACOSX/runs/._a.fit', 'runs/.DS_Store', 'Thumbs.db', 'runs/._a.fit', 'runs/']) {
      expect(file(name)).toEqual({ kind: 'ignore' });
    }
    expect(judgeMember({ rawName: 'runs', isDirectory: true, isSymlink: false })).toEqual({ kind: 'ignore' });
  });

  it('skips symbolic links', () => {
    expect(judgeMember({ rawName: 'a.fit', isDirectory: false, isSymlink: true })).toMatchObject({
      kind: 'skipped',
      reason: 'symbolic link: links are not followed',
    });
  });

  it('rejects names that could escape a folder, saying why', () => {
    expect(file('../../etc/passwd')).toEqual({
      kind: 'rejected',
      reason: 'unsafe name "../../etc/passwd": it climbs out of the archive with ".."',
    });
    expect(file('..\\x.fit')).toMatchObject({ kind: 'rejected' });
    expect(file('a/../../x.fit')).toMatchObject({ kind: 'rejected' });
    expect(file('/etc/x.fit')).toMatchObject({ reason: expect.stringContaining('absolute path') });
    expect(file('\\\\server\\x.fit')).toMatchObject({ reason: expect.stringContaining('absolute path') });
    expect(file('C:\\x.fit')).toMatchObject({ reason: expect.stringContaining('absolute path') });
    expect(file('a\u0000.fit')).toEqual({
      kind: 'rejected',
      reason: 'unsafe name "a\\x00.fit": it holds control characters',
    });
  });

  it('accepts dots that do not climb', () => {
    expect(unsafeNameReason('runs/..hidden/a..fit')).toBeNull();
    expect(unsafeNameReason('./a.fit')).toBeNull();
  });
});

describe('notActivityReason', () => {
  it('names formats that never hold an activity, gzipped or not', () => {
    expect(notActivityReason('DI_CONNECT/x_summarizedActivities.json')).toBe('not an activity file (.json)');
    expect(notActivityReason('media/photo.JPG')).toBe('not an activity file (.jpg)');
    expect(notActivityReason('notes.txt.gz')).toBe('not an activity file (.txt)');
  });
  it('leaves everything else to the content', () => {
    for (const name of ['a.fit', 'a.fit.gz', 'a.xml', 'a.dat', 'noext', 'a.zip'])
      expect(notActivityReason(name)).toBeNull();
  });
});

describe('printableName', () => {
  it('escapes control characters and keeps the rest', () => {
    expect(printableName('a\u0000b\nc/é.fit')).toBe('a\\x00b\\x0ac/é.fit');
  });
});
