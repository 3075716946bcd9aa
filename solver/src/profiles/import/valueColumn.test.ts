import { describe, expect, it } from 'vitest';
import { readValueColumn } from './valueColumn';
import { ImportError } from './text';

const utf8 = (s: string) => new TextEncoder().encode(s);

describe('readValueColumn (a value column without timestamps)', () => {
  it('reads the last column by default, with decimal comma and thousands points', () => {
    expect(readValueColumn(utf8('Stunde;Last [kW]\n1;1.234,5\n2;0,25\n3;7\n'))).toEqual([1234.5, 0.25, 7]);
  });

  it('reads a named column of a comma-separated file with decimal points', () => {
    expect(readValueColumn(utf8('a,b,c\n1,2.5,9\n3,4.5,9\n'), 'b')).toEqual([2.5, 4.5]);
  });

  it('reads a single column with a BOM, CRLF line ends and a trailing blank line', () => {
    expect(readValueColumn(utf8('\uFEFFprice\r\n0.1\r\n0.2\r\n\r\n'))).toEqual([0.1, 0.2]);
  });

  it('reads Windows-1252 text (umlauts in the header)', () => {
    // 'Wärme' in Windows-1252: ä = 0xE4.
    const bytes = Uint8Array.from([...utf8('W'), 0xe4, ...utf8('rme;x\n1,5;2\n')]);
    expect(readValueColumn(bytes, 'Wärme')).toEqual([1.5]);
  });

  it('names the line and column of a cell that is not a number', () => {
    const read = () => readValueColumn(utf8('h;v\n1;2\n\n2;kaputt\n'));
    expect(read).toThrow(ImportError);
    expect(read).toThrow("line 4, column 'v': expected a number, found 'kaputt'");
    try {
      read();
    } catch (err) {
      expect((err as ImportError).line).toBe(4);
      expect((err as ImportError).column).toBe(2);
    }
  });

  it('refuses an empty cell, an unknown column and a header without data', () => {
    expect(() => readValueColumn(utf8('h;v\n1;\n'))).toThrow(
      "line 2, column 'v': expected a number, found ''",
    );
    expect(() => readValueColumn(utf8('h;v\n1;2\n'), 'w')).toThrow(
      "no value column named 'w' (value columns: h, v)",
    );
    expect(() => readValueColumn(utf8('h;v\n'))).toThrow('the file has a header but no data rows');
  });
});
