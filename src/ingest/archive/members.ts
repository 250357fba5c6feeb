/**
 * What to do with a member of an archive, judged by its name and kind alone, before any byte is read.
 * Pure. Content decides everything else: a `.fit` that holds TCX, or a gzip named `.dat`, is still read.
 */
export type MemberVerdict =
  | { kind: 'read'; name: string }
  /** Folders and operating-system clutter: not the runner's files, so not worth a line in a summary. */
  | { kind: 'ignore' }
  | { kind: 'skipped'; reason: string }
  | { kind: 'rejected'; reason: string };

/** Formats that never hold an activity recording; a `.gz` of one is skipped the same way. */
const NOT_ACTIVITY_EXTENSIONS = new Set(
  (
    'json csv tsv txt md log html htm pdf ics vcf doc docx xls xlsx ppt pptx db sqlite kml kmz ' +
    'jpg jpeg png gif heic heif webp bmp tif tiff svg mp4 mov m4v avi webm mp3 m4a wav'
  ).split(' '),
);
// biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what it finds
const CONTROL_CHARACTERS = /[\u0000-\u001f\u007f]/g;
const CLUTTER_NAMES = new Set(['.ds_store', 'thumbs.db', 'desktop.ini']);

export interface MemberFacts {
  /** The name as stored, backslashes kept (they are judged, then read as separators). */
  rawName: string;
  isDirectory: boolean;
  isSymlink: boolean;
}

/** Whether a member can be read at all and under what name; what it holds is judged afterwards. */
export function judgeMember(facts: MemberFacts): MemberVerdict {
  const unsafe = unsafeNameReason(facts.rawName);
  if (unsafe !== null) {
    return { kind: 'rejected', reason: `unsafe name "${printableName(facts.rawName)}": ${unsafe}` };
  }
  const name = facts.rawName.replaceAll('\\', '/');
  if (facts.isDirectory || name.endsWith('/') || isClutter(name)) return { kind: 'ignore' };
  if (facts.isSymlink) return { kind: 'skipped', reason: 'symbolic link: links are not followed' };
  return { kind: 'read', name };
}

/** Why a file by this name is no activity, or null when it may be one (content decides then). */
export function notActivityReason(name: string): string | null {
  const extension = /\.([a-z0-9]+)$/i.exec(baseName(name).replace(/\.gz$/i, ''))?.[1]?.toLowerCase();
  if (extension === undefined || !NOT_ACTIVITY_EXTENSIONS.has(extension)) return null;
  return `not an activity file (.${extension})`;
}

/**
 * Why a stored name could escape a folder it were extracted to, or null when it is safe. Keel never writes
 * members under their own names, but a name like this means the archive was made to attack someone, and it
 * is reported rather than silently read. A backslash alone is no attack: old Windows tools used it as the
 * separator, so `runs\a.fit` is read and `..\a.fit` is refused.
 */
export function unsafeNameReason(rawName: string): string | null {
  if (rawName === '') return 'empty';
  if (printableName(rawName) !== rawName) return 'it holds control characters';
  if (/^([/\\]|[a-z]:)/i.test(rawName)) return 'it is an absolute path';
  if (rawName.split(/[/\\]/).includes('..')) return 'it climbs out of the archive with ".."';
  return null;
}

/** A name safe to show in a terminal or a page: control characters escaped. */
export function printableName(rawName: string): string {
  return rawName.replace(CONTROL_CHARACTERS, (c) => `\\x${c.charCodeAt(0).toString(16).padStart(2, '0')}`);
}

export function baseName(name: string): string {
  return name.slice(name.lastIndexOf('/') + 1);
}

function isClutter(name: string): boolean {
  const base = baseName(name).toLowerCase();
  return name.split('/').includes('__MACOSX') || base.startsWith('._') || CLUTTER_NAMES.has(base);
}
