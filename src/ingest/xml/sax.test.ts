import { describe, expect, it } from 'vitest';
import { walkXml } from './sax.js';

function walk(xml: string | Uint8Array) {
  const events: string[] = [];
  const error = walkXml(typeof xml === 'string' ? new TextEncoder().encode(xml) : xml, {
    open: (name, attributes, parents) =>
      events.push(
        `<${[...parents, name].join('/')}${[...attributes].map(([k, v]) => ` ${k}=${v}`).join('')}>`,
      ),
    close: (name, text) => {
      if (text !== '') events.push(`${name}=${text}`);
    },
  });
  return { events, error };
}

describe('walkXml', () => {
  it('reports elements and attributes by local name, whatever their prefix', () => {
    const { events, error } = walk(
      '<?xml version="1.0"?><g:gpx xmlns:g="x" g:creator="me"><ns3:TPX><ns3:Speed> 3.5 </ns3:Speed></ns3:TPX></g:gpx>',
    );
    expect(error).toBeNull();
    expect(events).toEqual(['<gpx g=x creator=me>', '<gpx/TPX>', '<gpx/TPX/Speed>', 'Speed=3.5']);
  });

  it('reads CDATA as text', () => {
    expect(walk('<trk><name><![CDATA[Run & fun]]></name></trk>').events).toContain('name=Run & fun');
  });

  it('keeps a multi-byte character whole when it straddles two chunks', () => {
    const padding = 'x'.repeat((1 << 20) - '<a><b>'.length - 1);
    const { events, error } = walk(`<a><b>${padding}é</b></a>`);
    expect(error).toBeNull();
    expect(events.at(-1)).toBe(`b=${padding}é`);
  });

  it('returns the first well-formedness error with its line, after reporting what came before', () => {
    const { events, error } = walk('<a>\n<b>1</b>\n<c>2</d></a>');
    expect(events).toContain('b=1');
    expect(error).toMatch(/^malformed XML at line 3: /);
  });

  it('calls a file that ends mid-element malformed', () => {
    expect(walk('<gpx><trk><trkseg>').error).toMatch(/^malformed XML at line 1: unclosed tag/);
  });
});
