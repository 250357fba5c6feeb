import { SaxesParser } from 'saxes';

/** Callbacks of a streaming XML walk; names are local names, the namespace prefix dropped. */
export interface XmlHandlers {
  /** `parents` are the local names of the enclosing elements, outermost first. */
  open(name: string, attributes: ReadonlyMap<string, string>, parents: readonly string[]): void;
  /** `text` is the element's own text when it is a leaf (whitespace trimmed), else whatever lay between. */
  close(name: string, text: string, parents: readonly string[]): void;
}

/**
 * Bytes fed to the parser at a time: big enough that per-chunk overhead vanishes, small enough that a
 * 100 MB file never exists as one string.
 */
const CHUNK_BYTES = 1 << 20;

/**
 * Walks an XML document without building it: the bytes are decoded chunk by chunk with a streaming
 * TextDecoder (a multi-byte character split across chunks stays whole) and fed to saxes, so memory stays
 * flat whatever the file's size. Namespace prefixes vary by exporter (`ns3:TPX`, `TPX`, `gpxtpx:hr`), so
 * elements and attributes are matched by local name. Returns the first well-formedness error, with its line,
 * or null; what was walked before an error has been reported to the handlers, so callers can salvage it.
 */
export function walkXml(bytes: Uint8Array, handlers: XmlHandlers): string | null {
  const parser = new SaxesParser({ position: true });
  const parents: string[] = [];
  let text = '';
  let error: string | null = null;

  parser.on('opentag', (tag) => {
    const attributes = new Map<string, string>();
    for (const [name, value] of Object.entries(tag.attributes)) {
      attributes.set(localName(name), typeof value === 'string' ? value : value.value);
    }
    const name = localName(tag.name);
    text = '';
    handlers.open(name, attributes, parents);
    parents.push(name);
  });
  parser.on('text', (chunk) => {
    text += chunk;
  });
  parser.on('cdata', (chunk) => {
    text += chunk;
  });
  parser.on('closetag', (tag) => {
    parents.pop();
    handlers.close(localName(tag.name), text.trim(), parents);
    text = '';
  });
  parser.on('error', (e) => {
    error ??= `malformed XML at line ${parser.line}: ${firstLine(e.message)}`;
  });

  const decoder = new TextDecoder('utf-8');
  for (let at = 0; at < bytes.length && error === null; at += CHUNK_BYTES) {
    parser.write(decoder.decode(bytes.subarray(at, at + CHUNK_BYTES), { stream: true }));
  }
  if (error === null) {
    parser.write(decoder.decode());
    parser.close();
  }
  return error;
}

function localName(name: string): string {
  const colon = name.indexOf(':');
  return colon < 0 ? name : name.slice(colon + 1);
}

/** saxes prefixes its messages with the position ("1:23: unclosed tag: gpx"); the caller gives the line. */
function firstLine(message: string): string {
  return (message.split('\n')[0] ?? message).replace(/^\d+:\d+:\s*/, '');
}
