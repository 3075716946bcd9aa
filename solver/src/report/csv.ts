import { csvNumber, neutralise, unparseCsv } from '../results/views/csv';
import type { ReportModel } from './model';
import { summaryTables } from './tables';
import type { ReportLanguage } from './texts';

/** German: `;` and decimal comma, UTF-8 with BOM (Excel opens it directly); international: `,` and point. */
export type CsvStyle = 'de' | 'intl';
export type CsvTable = 'summary' | 'dispatch';
export { csvNumber };

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
    // A year in the first column names the row (the period year of a transformation path).
    const isItem = (i: number) =>
      (t.columns[i].kind === 'text' && i !== unitCol) || (t.columns[i].kind === 'year' && i === 0);
    for (const [k, row] of t.rows.entries()) {
      const item =
        row
          .filter((v, i) => isItem(i) && v !== null && v !== '')
          .map(String)
          .slice(0, 2)
          .join(' | ') || t.title; // a table of one row without a name column: the row is the table
      row.forEach((v, i) => {
        const c = t.columns[i];
        if (c.kind === 'text' || isItem(i) || typeof v !== 'number') return;
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
  return unparseCsv(rows, style);
}
