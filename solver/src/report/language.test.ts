/**
 * The language test of the reports (issue #12): the German PDF, workbook and CSV of both examples
 * contain no English words, raw JSON pointers, ids, `unit` placeholders, exponent notation, NaN or
 * ISO timestamps (findLanguageProblems). Each example is solved once and written in every format.
 */
import path from 'node:path';
import ExcelJS from 'exceljs';
import Papa from 'papaparse';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadProject } from '../cli/load';
import type { Project } from '../project/types';
import { solveProject } from '../run/solve';
import { writeReport, type ReportInput, type ReportRun } from './index';
import { findLanguageProblems } from './languageCheck';

const EXAMPLES = path.resolve(__dirname, '../../../assets/examples');

async function solveAll(file: string): Promise<ReportInput> {
  const project: Project = await loadProject(path.join(EXAMPLES, file));
  const runs: ReportRun[] = [];
  for (const id of ['base', ...(project.scenarios ?? []).map((s) => s.id)]) {
    const outcome = await solveProject(project, {
      scenarioId: id === 'base' ? undefined : id,
      mode: 'aggregated',
    });
    expect(outcome.dispatch, `${file} ${id}`).toBeDefined();
    runs.push({
      scenarioId: id,
      scenarioName: id === 'base' ? 'Basis' : (project.scenarios?.find((s) => s.id === id)?.name ?? id),
      results: outcome.results,
      dispatch: outcome.dispatch ?? null,
    });
  }
  return { project, runs, generatedAt: new Date(Date.UTC(2026, 11, 4)) };
}

/** Every text of a PDF (pdfjs), page by page. */
async function pdfText(bytes: Uint8Array): Promise<string> {
  const doc = await getDocument({
    data: bytes.slice(),
    standardFontDataUrl: `${path.resolve(__dirname, '../../../node_modules/pdfjs-dist/standard_fonts')}/`,
  }).promise;
  const pages: string[] = [];
  for (let i = 1; i <= doc.numPages; i++) {
    const content = await (await doc.getPage(i)).getTextContent();
    pages.push(content.items.map((it) => ('str' in it ? it.str : '')).join(' '));
  }
  await doc.destroy();
  return pages.join('\n');
}

/**
 * Every text a reader of the workbook sees: sheet names, text cells, the literal units inside
 * number formats ("EUR/kWp"); numbers must be finite numbers.
 */
async function xlsxText(bytes: Uint8Array): Promise<string> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(
    bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer,
  );
  const out: string[] = [];
  for (const ws of wb.worksheets) {
    out.push(ws.name);
    ws.eachRow((row) =>
      row.eachCell((cell) => {
        const v = cell.value;
        if (typeof v === 'string') out.push(v);
        else if (typeof v === 'number') expect(Number.isFinite(v), `${ws.name}!${cell.address}`).toBe(true);
        else if (v !== null && !(v instanceof Date)) out.push(String(cell.text));
        for (const m of (cell.numFmt ?? '').matchAll(/"([^"]*)"/g)) out.push(m[1]);
      }),
    );
  }
  return out.join('\n');
}

/**
 * The CSV summary as a reader sees it: items, quantities, units and values. The header row and the
 * table ids (`table;item;quantity;unit;value`, `capacities:base`) are the documented machine format
 * (docs/reports.md) and stay as they are.
 */
function csvText(bytes: Uint8Array): string {
  const rows = Papa.parse<string[]>(new TextDecoder().decode(bytes).replace(/^\uFEFF/, ''), {
    skipEmptyLines: true,
  }).data;
  expect(rows[0]).toEqual(['table', 'item', 'quantity', 'unit', 'value']);
  return rows
    .slice(1)
    .map((r) => r.slice(1).join(' ; '))
    .join('\n');
}

const cases = [
  ['reference-hub.json', 'Referenz-Quartier (Benchmark)'],
  ['single-building.json', 'Einfamilienhaus mit PV, Wärmepumpe und Speicher'],
] as const;

describe.each(cases)('German reports of %s', (file) => {
  let input: ReportInput;
  beforeAll(async () => {
    input = await solveAll(file);
  }, 240_000);

  it('PDF: no English, ids, pointers, placeholders or exponents', async () => {
    const text = await pdfText(await writeReport(input, { format: 'pdf', lang: 'de' }));
    expect(text).toContain('Energiekonzept');
    expect(findLanguageProblems(text, 'de')).toEqual([]);
  }, 60_000);

  it('XLSX: no English, ids, pointers, placeholders or exponents in any cell', async () => {
    const text = await xlsxText(await writeReport(input, { format: 'xlsx', lang: 'de' }));
    expect(text).toContain('Technologien');
    expect(findLanguageProblems(text, 'de')).toEqual([]);
  }, 60_000);

  it('CSV: no English, ids, pointers, placeholders or exponents in items, units and values', async () => {
    const text = csvText(await writeReport(input, { format: 'csv', lang: 'de' }));
    expect(text).toContain('Gesamtjahreskosten');
    expect(findLanguageProblems(text, 'de')).toEqual([]);
  });
});
