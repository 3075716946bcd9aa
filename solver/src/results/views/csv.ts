import Papa from 'papaparse';
import { hourLabel } from '../../project/calendar';
import type { Dispatch } from '../results';

/**
 * How a CSV is written.
 * - `plain`: `dispatch.csv` of `werkplan solve` (docs/formats/results.md): `,` and decimal point,
 *   3 fixed decimals (|v| < 1e-9 → `0`), LF line ends, no BOM, headers as they are.
 * - `de`: the report's German CSV (docs/reports.md): `;` and decimal comma, up to 6 decimals
 *   (csvNumber), CRLF line ends, UTF-8 BOM; fields with separators or quotes are quoted and the
 *   column names neutralised against formula injection.
 * - `intl`: as `de` with `,` and decimal point, no BOM.
 */
export type CsvStyle = 'plain' | 'de' | 'intl';

/** A number as CSV text of the report styles: up to 6 decimals, no grouping, no exponent. */
export function csvNumber(v: number, style: 'de' | 'intl'): string {
  if (!Number.isFinite(v)) return '';
  let s = Math.abs(v) < 5e-7 ? '0' : v.toFixed(6).replace(/\.?0+$/, '');
  if (s === '-0') s = '0';
  return style === 'de' ? s.replace('.', ',') : s;
}

/**
 * Neutralises a user-provided string for a spreadsheet cell or CSV field (formula injection):
 * text beginning with =, +, -, @, tab or carriage return gets a leading apostrophe, so no
 * spreadsheet program runs it as a formula. Applied to every name, id, description and source.
 */
export function neutralise(s: string): string {
  return /^[=+\-@\t\r]/.test(s) ? `'${s}` : s;
}

/** Rows as CSV text in a report style (`de`/`intl`): quoting, CRLF, BOM for German. */
export function unparseCsv(rows: string[][], style: 'de' | 'intl'): string {
  const body = Papa.unparse(rows, {
    delimiter: style === 'de' ? ';' : ',',
    newline: '\r\n',
    // Text is neutralised before (numbers such as -12,5 must stay numbers).
    escapeFormulae: false,
  });
  return (style === 'de' ? '\uFEFF' : '') + body + '\r\n';
}

const plainNumber = (v: number) => (Math.abs(v) < 1e-9 ? '0' : v.toFixed(3));

/**
 * The hourly dispatch as CSV: `hour`, `time_local_standard` (local standard time), `weight_h`, one
 * column per flow (kW) and storage level (kWh). The one writer of `werkplan solve`'s dispatch.csv
 * (`plain`, the default: 3 decimals, `\n`) and of the report's dispatch CSV (`de`/`intl`: up to 6
 * decimals, `\r\n`); see CsvStyle.
 */
export function dispatchCsv(d: Dispatch, style: CsvStyle = 'plain'): string {
  const names = Object.keys(d.series);
  if (style === 'plain') {
    const lines = [['hour', 'time_local_standard', 'weight_h', ...names].join(',')];
    for (let k = 0; k < d.hours.length; k++)
      lines.push(
        [
          String(d.hours[k]),
          hourLabel(d.year, d.hours[k], d.timeZone),
          plainNumber(d.weight[k]),
          ...names.map((n) => plainNumber(d.series[n][k])),
        ].join(','),
      );
    return lines.join('\n') + '\n';
  }
  const rows: string[][] = [['hour', 'time_local_standard', 'weight_h', ...names.map(neutralise)]];
  for (let k = 0; k < d.hours.length; k++)
    rows.push([
      String(d.hours[k]),
      hourLabel(d.year, d.hours[k], d.timeZone),
      csvNumber(d.weight[k], style),
      ...names.map((n) => csvNumber(d.series[n][k], style)),
    ]);
  return unparseCsv(rows, style);
}
