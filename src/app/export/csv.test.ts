import { parse } from 'csv-parse/sync';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { toCsv } from './csv.js';

describe('toCsv', () => {
  it('quotes only the fields that need it, RFC 4180 style, after a byte order mark', () => {
    const { text, rows } = toCsv(
      ['a', 'b', 'c', 'd'],
      [['plain', 'say "hi", then go', 'line\r\nbreak', null]],
    );
    expect(rows).toBe(1);
    expect(text).toBe('\uFEFFa,b,c,d\r\nplain,"say ""hi"", then go","line\r\nbreak",\r\n');
  });

  it('gives back every cell through a standard CSV parser', () => {
    fc.assert(
      fc.property(
        fc.array(fc.array(fc.string(), { minLength: 3, maxLength: 3 }), { maxLength: 20 }),
        (cells) => {
          const { text } = toCsv(['x', 'y', 'z'], cells);
          const parsed = parse(text, { bom: true, relaxQuotes: false }) as string[][];
          expect(parsed).toEqual([['x', 'y', 'z'], ...cells]);
        },
      ),
    );
  });
});
