import ExcelJS from 'exceljs';
import { siteYearOrDefault, standardOffsetLabel, standardWallClock_ms } from '../calendar/siteYear';
import { neutralise, reportDate } from './format';
import type { ReportModel, ReportRun } from './model';
import {
  balancesTable,
  capacitiesTable,
  capacityComparisonTable,
  costsByTechnologyTable,
  costsTable,
  demandTable,
  economicsTable,
  gridTable,
  header,
  kpiTable,
  scenarioLabel,
  scenariosTable,
  seriesTable,
  technologiesTable,
  type Cell,
  type Column,
  type Table,
} from './tables';
import { flowName, techTypeName, text, type ReportLanguage } from './texts';
import { networkTables } from './network';
import { pathTables } from './transformation';
import { weatherNote } from './weatherNote';

/** Number format of a cell: decimals of the column (or row), and the row's own unit as literal text. */
const numFmt = (c: Column, row: number): string | undefined => {
  const digits = c.rowDigits?.[row] ?? c.digits;
  if (c.kind === 'percent') return digits ? `0.${'0'.repeat(digits)}%` : '0%';
  if (c.kind === 'year') return '0';
  if (c.kind !== 'number') return undefined;
  const unit = c.rowUnits?.[row];
  return `${digits ? `#,##0.${'0'.repeat(digits)}` : '#,##0'}${unit ? ` "${unit.replace(/"/g, '')}"` : ''}`;
};

/** Excel sheet names: at most 31 characters, none of []:*?/\ and unique. */
export function sheetName(name: string, used: Set<string>): string {
  const clean =
    name
      .replace(/[[\]:*?/\\]/g, '_')
      .replace(/^'+|'+$/g, '')
      .slice(0, 31) || 'Sheet';
  let n = clean;
  for (let i = 2; used.has(n.toLowerCase()); i++) n = `${clean.slice(0, 27)} (${i})`;
  used.add(n.toLowerCase());
  return n;
}

/** A cell value: numbers stay numbers, every string is neutralised and stored as text. */
const cellValue = (v: Cell): ExcelJS.CellValue =>
  v === null ? null : typeof v === 'number' ? v : neutralise(v);

/** Writes a table from `row` on (title, header, rows); returns the next free row. */
function writeTable(ws: ExcelJS.Worksheet, t: Table, row: number, withTitle: boolean): number {
  if (withTitle) {
    const c = ws.getCell(row, 1);
    c.value = neutralise(t.title);
    c.font = { bold: true, size: 12 };
    row++;
  }
  const hr = ws.getRow(row);
  t.columns.forEach((c, i) => {
    const cell = hr.getCell(i + 1);
    cell.value = neutralise(header(c));
    cell.font = { bold: true };
    cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFE8EEF4' } };
    cell.alignment = { wrapText: true, vertical: 'top' };
  });
  row++;
  for (const [k, r] of t.rows.entries()) {
    const xr = ws.getRow(row);
    r.forEach((v, i) => {
      const c = t.columns[i];
      const cell = xr.getCell(i + 1);
      cell.value = cellValue(v);
      const f = numFmt(c, k);
      if (f && typeof v === 'number') cell.numFmt = f;
    });
    row++;
  }
  return row + 1;
}

function sizeColumns(ws: ExcelJS.Worksheet, first = 28, rest = 16): void {
  ws.columns.forEach((col, i) => {
    col.width = i === 0 ? first : rest;
  });
}

function addTableSheet(
  wb: ExcelJS.Workbook,
  name: string,
  tables: Table[],
  used: Set<string>,
): ExcelJS.Worksheet {
  const ws = wb.addWorksheet(sheetName(name, used));
  let row = 1;
  tables.forEach((t, i) => {
    // The first table's header row is frozen; further tables follow with their titles.
    row = writeTable(ws, t, row, i > 0);
  });
  ws.views = [{ state: 'frozen', ySplit: 1, xSplit: 1 }];
  sizeColumns(ws);
  return ws;
}

/**
 * The Transformationsplan: every table of the path with its title, one below the other (the
 * tables differ in their columns, so no header row is frozen).
 */
function addPathSheet(wb: ExcelJS.Workbook, name: string, tables: Table[], used: Set<string>): void {
  const ws = wb.addWorksheet(sheetName(name, used));
  let row = 1;
  for (const t of tables) row = writeTable(ws, t, row, true);
  sizeColumns(ws, 34, 18);
}

/** A dispatch column as the reader knows it: "Luft-Wasser-Wärmepumpe: Wärmeerzeugung [kW]". */
export function dispatchHeader(m: ReportModel, lang: ReportLanguage, column: string): string {
  const match = /^(.*)\.([A-Za-z_]+?)_(kW|kWh)$/.exec(column);
  if (!match) return column;
  const [, id, flow, unit] = match;
  const name = id === 'grid' ? techTypeName(lang, 'grid') : (m.techs[id]?.name ?? id);
  return `${name}: ${flowName(lang, flow)} [${unit}]`;
}

function addDispatchSheet(
  wb: ExcelJS.Workbook,
  m: ReportModel,
  lang: ReportLanguage,
  run: ReportRun,
  used: Set<string>,
): void {
  const d = run.dispatch;
  if (!d) return;
  const ws = wb.addWorksheet(sheetName(`${text(lang, 'sheetDispatch')} ${scenarioLabel(lang, run)}`, used));
  const names = Object.keys(d.series);
  ws.columns = [
    { header: text(lang, 'time'), width: 18 },
    { header: text(lang, 'hour'), width: 8 },
    { header: `${text(lang, 'weight')} [h]`, width: 10 },
    ...names.map((n) => ({ header: neutralise(dispatchHeader(m, lang, n)), width: 16 })),
  ];
  ws.getRow(1).font = { bold: true };
  ws.getRow(1).alignment = { wrapText: true, vertical: 'top' };
  // Time basis: the site's local standard time (site.timeZone), stated in the header's note.
  const sy = siteYearOrDefault(d.year, d.timeZone ?? m.project.site.timeZone);
  ws.getCell(1, 1).note = `${sy.timeZone}, ${standardOffsetLabel(sy)}`;
  for (let k = 0; k < d.hours.length; k++) {
    const at = new Date(standardWallClock_ms(sy, d.hours[k]));
    const values: (Date | number)[] = [at, d.hours[k], d.weight[k]];
    for (const n of names) values.push(d.series[n][k]);
    ws.addRow(values);
  }
  ws.getColumn(1).numFmt = 'yyyy-mm-dd hh:mm';
  for (let i = 3; i <= names.length + 3; i++) ws.getColumn(i).numFmt = '0.000';
  ws.views = [{ state: 'frozen', ySplit: 1, xSplit: 1 }];
}

/**
 * The workbook for the engineer who checks the figures: inputs and assumptions, capacities, costs,
 * annual balances, scenario comparison and the hourly dispatch of every scenario (one sheet each).
 * Numbers are real numbers with number formats; the header rows are frozen.
 */
export async function writeXlsx(m: ReportModel, lang: ReportLanguage): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Werkplan';
  wb.created = m.generatedAt;
  wb.title = neutralise(m.project.name);
  const used = new Set<string>();

  const p = m.project;
  const weather = weatherNote(p, lang);
  const info: Table = {
    id: 'project',
    title: text(lang, 'reportTitle'),
    columns: [
      { label: text(lang, 'parameter'), kind: 'text' },
      { label: text(lang, 'value'), kind: 'text' },
    ],
    rows: [
      [text(lang, 'name'), p.name],
      [text(lang, 'site'), p.site.location ?? ''],
      [text(lang, 'year'), String(p.site.year)],
      [text(lang, 'generated'), reportDate(lang, m.generatedAt, p.site)],
      // DWD's terms: "Quelle: Deutscher Wetterdienst" wherever its data are used, as in the PDF
      ...(weather ? [[text(lang, 'weatherData'), weather] as Cell[]] : []),
      ...(p.description ? [['', p.description] as Cell[]] : []),
    ],
  };
  addTableSheet(
    wb,
    text(lang, 'sheetInputs'),
    [info, economicsTable(m, lang), gridTable(m, lang), seriesTable(m, lang), demandTable(m, lang)],
    used,
  );
  addTableSheet(wb, text(lang, 'sheetTechnologies'), [technologiesTable(m, lang)], used);

  // Capacities of all scenarios in one table with the scenario as first column.
  const caps = m.runs.map((r) => capacitiesTable(m, lang, r));
  const capacities: Table = {
    id: 'capacities',
    title: text(lang, 'capacities'),
    columns: [{ label: text(lang, 'scenario'), kind: 'text' }, ...caps[0].columns],
    rows: m.runs.flatMap((r, i) => caps[i].rows.map((x) => [scenarioLabel(lang, r), ...x])),
  };
  addTableSheet(wb, text(lang, 'sheetCapacities'), [capacities], used);

  addTableSheet(wb, text(lang, 'sheetCosts'), [costsTable(m, lang), costsByTechnologyTable(m, lang)], used);
  addTableSheet(wb, text(lang, 'sheetBalances'), [balancesTable(m, lang)], used);
  addTableSheet(
    wb,
    text(lang, 'sheetComparison'),
    [kpiTable(m, lang), capacityComparisonTable(m, lang), scenariosTable(m, lang)],
    used,
  );
  const path = pathTables(m, lang);
  if (path.length) addPathSheet(wb, text(lang, 'sheetPath'), path, used);
  const network = networkTables(m, lang);
  if (network.length) addPathSheet(wb, text(lang, 'sheetNetwork'), network, used);
  for (const r of m.runs) addDispatchSheet(wb, m, lang, r, used);

  const buf = await wb.xlsx.writeBuffer();
  return new Uint8Array(buf);
}
