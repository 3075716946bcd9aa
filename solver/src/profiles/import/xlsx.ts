import ExcelJS from 'exceljs';
import { importRows, type ImportResult, type ImportSettings } from './parse';
import { fail } from './text';

const pad = (n: number) => String(n).padStart(2, '0');

/** A cell as text for the importer: dates as wall-clock ISO (no offset), numbers with a decimal point. */
function cellText(v: ExcelJS.CellValue): string {
  if (v === null || v === undefined) return '';
  if (v instanceof Date) {
    // exceljs gives spreadsheet date-times as UTC dates holding the wall-clock time.
    return `${v.getUTCFullYear()}-${pad(v.getUTCMonth() + 1)}-${pad(v.getUTCDate())} ${pad(v.getUTCHours())}:${pad(v.getUTCMinutes())}:${pad(v.getUTCSeconds())}`;
  }
  if (typeof v === 'number') return String(v);
  if (typeof v === 'string') return v;
  if (typeof v === 'boolean') return v ? 'TRUE' : 'FALSE';
  if (typeof v === 'object' && 'result' in v && v.result !== undefined) return cellText(v.result);
  if (typeof v === 'object' && 'richText' in v) return v.richText.map((t) => t.text).join('');
  if (typeof v === 'object' && 'text' in v) return String(v.text);
  // Error cells ({ error: '#N/A' }): their code, which the importer reads as a missing value
  // (a warning and a gap), not as the text '[object Object]'.
  if (typeof v === 'object' && 'error' in v) return String(v.error);
  return '';
}

/** Reads the first worksheet of an .xlsx file (exceljs) and imports it like a CSV. */
export async function importXlsx(
  bytes: Uint8Array,
  settings: ImportSettings = {},
  sheet?: string,
): Promise<ImportResult> {
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(bytes as unknown as ArrayBuffer);
  } catch (err) {
    throw fail('notXlsx', { reason: (err as Error).message });
  }
  const ws = sheet ? wb.getWorksheet(sheet) : wb.worksheets[0];
  if (!ws) throw sheet ? fail('noSheetNamed', { sheet }) : fail('noSheet');
  const width = ws.columnCount;
  const rows: string[][] = [];
  for (let r = 1; r <= ws.rowCount; r++) {
    const row = ws.getRow(r);
    rows.push(Array.from({ length: width }, (_, c) => cellText(row.getCell(c + 1).value)));
  }
  // Rows keep their sheet row numbers; trailing empty columns on some rows do not matter.
  return importRows(rows, settings, { encoding: 'xlsx', delimiter: '' });
}
