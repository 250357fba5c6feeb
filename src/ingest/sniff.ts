/** What a file is, judged by its bytes: the name may lie (a TCX export saved as `.fit`). */
export type Sniffed =
  | { format: 'fit' | 'tcx' | 'gpx' | 'zip' | 'gzip' }
  | { format: 'unsupported'; reason: string };

const XML_PREFIX_BYTES = 4096;

export function sniffFormat(bytes: Uint8Array): Sniffed {
  if (bytes.length === 0) return unsupported('not an activity file: the file is empty');
  if (hasFitSignature(bytes)) return { format: 'fit' };
  if (bytes[0] === 0x1f && bytes[1] === 0x8b) return { format: 'gzip' };
  // Local file header (PK\3\4), or the end-of-directory record that is all an empty archive holds (PK\5\6).
  if (bytes[0] === 0x50 && bytes[1] === 0x4b && (bytes[2] === 0x03 || bytes[2] === 0x05)) {
    return { format: 'zip' };
  }
  const text = textPrefix(bytes);
  if (text === null)
    return unsupported(`not an activity file: unrecognised binary data (starts ${hexPrefix(bytes)})`);
  const root = xmlRootElement(text);
  if (root === 'TrainingCenterDatabase') return { format: 'tcx' };
  if (root === 'gpx') return { format: 'gpx' };
  if (root !== null)
    return unsupported(`not an activity file: XML with root element <${root}>, not TCX or GPX`);
  return unsupported(`not an activity file: text starting "${printable(text)}"`);
}

function unsupported(reason: string): Sniffed {
  return { format: 'unsupported', reason };
}

/** A FIT header holds ".FIT" at bytes 8–11, whatever its size byte says (damage.ts judges the rest). */
function hasFitSignature(bytes: Uint8Array): boolean {
  return bytes.length >= 12 && String.fromCharCode(...bytes.subarray(8, 12)) === '.FIT';
}

/** The start of the file as text, or null when it holds control bytes no text file has. */
function textPrefix(bytes: Uint8Array): string | null {
  const head = bytes.subarray(0, XML_PREFIX_BYTES);
  // Tab, line feed and carriage return are text; other C0 controls (NUL in UTF-16 too) are not.
  if (head.some((b) => b < 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0d)) return null;
  return new TextDecoder('utf-8').decode(head).replace(/^\uFEFF/, '');
}

/** The local name of the first element, past the XML declaration, comments and a doctype. */
export function xmlRootElement(text: string): string | null {
  const body = text.replace(/^\s*(<\?[\s\S]*?\?>\s*|<!--[\s\S]*?-->\s*|<![^>]*>\s*)*/, '');
  const match = /^<([A-Za-z_][\w.-]*:)?([A-Za-z_][\w.-]*)/.exec(body);
  return match?.[2] ?? null;
}

function printable(text: string): string {
  const line = text.trim().split(/\r?\n/)[0] ?? '';
  return line.length > 24 ? `${line.slice(0, 24)}…` : line;
}

function hexPrefix(bytes: Uint8Array): string {
  return Array.from(bytes.subarray(0, 4), (b) => b.toString(16).padStart(2, '0')).join(' ');
}
