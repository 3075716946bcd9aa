import Papa from 'papaparse';
import { hourLabel } from '../project/calendar';
import type { Dispatch } from '../results/results';
import { neutralise } from './format';
import type { ReportModel } from './model';
import { summaryTables } from './tables';
import type { ReportLanguage } from './texts';

/** German: `;` and decimal comma, UTF-8 with BOM (Excel opens it directly); international: `,` and point. */
export type CsvStyle = 'de' | 'intl';
export type CsvTable = 'summary' | 'dispatch';

/** A number as CSV text: up to 6 decimals, no grouping, no exponent. */
export function csvNumber(v: number, style: CsvStyle): string {
  if (!Number.isFinite(v)) return '';
  let s = Math.abs(v) < 5e-7 ? '0' : v.toFixed(6).replace(/\.?0+$/, '');
  if (s === '-0') s = '0';
  return style === 'de' ? s.replace('.', ',') : s;
}

function unparse(rows: string[][], style: CsvStyle): string {
  const body = Papa.unparse(rows, {
    delimiter: style === 'de' ? ';' : ',',
    newline: '\r\n',
    // Text is neutralised before (numbers such as -12,5 must stay numbers).
    escapeFormulae: false,
  });
  return (style === 'de' ? '\uFEFF' : '') + body + '\r\n';
}

/**
 * The report's tables in long form, one value per line: table, item, quantity, unit, value.
 * Every text that came from the user (names, ids, sources) is neutralised against formula injection.
 */
export function summaryCsv(m: ReportModel, lang: ReportLanguage, style: CsvStyle): string {
  const rows: string[][] = [['table', 'item', 'quantity', 'unit', 'value']];
  for (const t of summaryTables(m, lang)) {
    const unitCol = t.columns.findIndex(
      (c) => c.kind === 'text' && (c.label === 'Einheit' || c.label === 'Unit'),
    );
    for (const [k, row] of t.rows.entries()) {
      const item = row
        .filter((v, i) => t.columns[i].kind === 'text' && i !== unitCol && typeof v === 'string' && v !== '')
        .slice(0, 2)
        .join(' | ');
      row.forEach((v, i) => {
        const c = t.columns[i];
        if (c.kind === 'text' || typeof v !== 'number') return;
        const unit =
          c.rowUnits?.[k] ??
          (c.kind === 'percent' ? '%' : c.unit || (unitCol >= 0 ? String(row[unitCol] ?? '') : ''));
        rows.push([
          t.id,
          neutralise(item),
          neutralise(c.label),
          unit,
          csvNumber(c.kind === 'percent' ? v * 100 : v, style),
        ]);
      });
    }
  }
  return unparse(rows, style);
}

/** The hourly dispatch: hour, local standard time, weight, one column per flow (kW) and storage level (kWh). */
export function dispatchCsvStyled(d: Dispatch, style: CsvStyle): string {
  const names = Object.keys(d.series);
  const rows: string[][] = [['hour', 'time_local_standard', 'weight_h', ...names.map(neutralise)]];
  for (let k = 0; k < d.hours.length; k++)
    rows.push([
      String(d.hours[k]),
      hourLabel(d.year, d.hours[k]),
      csvNumber(d.weight[k], style),
      ...names.map((n) => csvNumber(d.series[n][k], style)),
    ]);
  return unparse(rows, style);
}
