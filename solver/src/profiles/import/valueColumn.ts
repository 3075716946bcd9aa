import { readTable } from './parse';
import { guessDecimal, parseNumber } from './numbers';
import { fail } from './text';

/**
 * One value column of a plain table without timestamps (a project's `timeSeries` `file` reference):
 * header row, then one number per line; the column by header name, else the last one. Read through
 * the import's table reader, so encoding, delimiter and decimal mark (comma or point, with thousands
 * separators) are detected as for any imported profile. Every cell must hold a number: a located
 * error names the first that does not (line = line in the file).
 */
export function readValueColumn(bytes: Uint8Array, column?: string): number[] {
  const { rows } = readTable(bytes);
  const [header, ...data] = rows.filter((r) => r.some((c) => c.trim() !== ''));
  if (!header || data.length === 0) throw fail('headerNoData');
  const names = header.map((c) => c.trim());
  const idx = column === undefined ? names.length - 1 : names.indexOf(column);
  if (idx < 0) throw fail('noColumnNamed', { column: column ?? '', columns: names.join(', ') });
  const cells = data.map((r) => (r[idx] ?? '').trim());
  const decimal = guessDecimal(cells.slice(0, 1000));
  const lineOf = (i: number) => rows.indexOf(data[i]) + 1;
  return cells.map((cell, i) => {
    const v = parseNumber(cell, decimal);
    if (v === null || !Number.isFinite(v)) {
      const line = lineOf(i);
      throw fail('expectedNumber', { line, column: names[idx], found: cell }, line, idx + 1);
    }
    return v;
  });
}
