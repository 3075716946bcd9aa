/**
 * The Transformationsplan in the written files: the workbook's sheet read back with exceljs
 * (headers, numbers with their formats), the PDF in both languages read with pdfjs, and the
 * language test (findLanguageProblems) on the PDF, the workbook and the CSV of the fixture path.
 */
import path from 'node:path';
import ExcelJS from 'exceljs';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { writeReport, type ReportInput } from './index';
import { findLanguageProblems } from './languageCheck';
import { pathProject, pathResults } from './pathFixture';

/** The fixture's sources are German, as the user wrote them: they stay so in an English report. */
const USER_TEXT = { allow: ['Annahme für den Testfall'] };

const input = (): ReportInput => ({
  project: pathProject(),
  runs: [{ scenarioId: 'base', scenarioName: 'Basis', results: pathResults(), dispatch: null }],
  generatedAt: new Date(Date.UTC(2026, 11, 5)),
});

async function workbook(bytes: Uint8Array): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(
    bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer,
  );
  return wb;
}

/** The rows of a sheet as arrays of cell values (1-based columns dropped to 0-based). */
function sheetRows(ws: ExcelJS.Worksheet): ExcelJS.CellValue[][] {
  const rows: ExcelJS.CellValue[][] = [];
  ws.eachRow((r, n) => {
    const values: ExcelJS.CellValue[] = [];
    r.eachCell({ includeEmpty: true }, (c, i) => (values[i - 1] = c.value));
    rows[n - 1] = values;
  });
  return rows;
}

/** The row after the title `title` (the header) and the rows below it up to the next blank row. */
function tableAt(
  rows: ExcelJS.CellValue[][],
  title: string,
): { header: string[]; body: ExcelJS.CellValue[][] } {
  const i = rows.findIndex((r) => r?.[0] === title);
  expect(i, title).toBeGreaterThanOrEqual(0);
  const body: ExcelJS.CellValue[][] = [];
  for (let k = i + 2; rows[k]; k++) body.push(rows[k]);
  return { header: rows[i + 1].map(String), body };
}

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

/** Every text of the workbook a reader sees: sheet names, text cells, units in number formats. */
function workbookText(wb: ExcelJS.Workbook): string {
  const out: string[] = [];
  for (const ws of wb.worksheets) {
    out.push(ws.name);
    ws.eachRow((row) =>
      row.eachCell((cell) => {
        if (typeof cell.value === 'string') out.push(cell.value);
        else if (typeof cell.value === 'number') expect(Number.isFinite(cell.value)).toBe(true);
        for (const m of (cell.numFmt ?? '').matchAll(/"([^"]*)"/g)) out.push(m[1]);
      }),
    );
  }
  return out.join('\n');
}

describe('Transformationsplan in the workbook', () => {
  let de: ExcelJS.Workbook;
  let en: ExcelJS.Workbook;
  beforeAll(async () => {
    de = await workbook(await writeReport(input(), { format: 'xlsx', lang: 'de' }));
    en = await workbook(await writeReport(input(), { format: 'xlsx', lang: 'en' }));
  }, 60_000);

  it('has one sheet Transformationsplan / Transformation path', () => {
    expect(de.worksheets.map((w) => w.name)).toContain('Transformationsplan');
    expect(en.worksheets.map((w) => w.name)).toContain('Transformation path');
    const single = {
      ...input(),
      runs: [{ ...input().runs[0], results: { ...pathResults(), periods: undefined } }],
    };
    return writeReport(single, { format: 'xlsx', lang: 'de' })
      .then(workbook)
      .then((wb) => expect(wb.getWorksheet('Transformationsplan')).toBeUndefined());
  });

  it('holds the cost table with units in the headers and numbers as numbers', () => {
    const ws = de.getWorksheet('Transformationsplan')!;
    const rows = sheetRows(ws);
    const costs = tableAt(rows, 'Kosten je Stützjahr');
    expect(costs.header).toEqual([
      'Stützjahr',
      'Gewicht [a]',
      'Investition [EUR]',
      'Investitionszuschuss [EUR]',
      'Betriebskosten [EUR/a]',
      'BEW-Betriebskostenförderung [EUR/a]',
      'Jahreskosten [EUR/a]',
      'Barwert [EUR]',
      'Wärmegestehungskosten [EUR/MWh]',
    ]);
    expect(costs.body[1]).toEqual([
      2035, 10, 6_150_000, -2_460_000, 1_500_000, -200_000, 2_660_000, 18_500_000, 70,
    ]);
    expect(costs.body[3].slice(0, 4)).toEqual(['Summe', 30, 7_250_000, -2_900_000]);
    // Years without grouping, money without decimals, LCOH with one.
    const at = rows.findIndex((r) => r?.[0] === 'Kosten je Stützjahr') + 3;
    expect(ws.getCell(at + 1, 1).numFmt).toBe('0');
    expect(ws.getCell(at + 1, 3).numFmt).toBe('#,##0');
    expect(ws.getCell(at + 1, 9).numFmt).toBe('#,##0.0');
  });

  it('holds milestones, measures, CO2, shares, net present cost and inputs', () => {
    const rows = sheetRows(de.getWorksheet('Transformationsplan')!);
    const ms = tableAt(rows, 'Ist-Zustand, Meilensteine und Zielbild');
    expect(ms.header).toEqual(['Größe', 'Einheit', '2025 (Ist-Zustand)', '2035', '2045 (Zielbild)']);
    expect(ms.body.find((r) => r[0] === 'CO2-Minderung gegenüber 2025')).toEqual([
      'CO2-Minderung gegenüber 2025',
      '%',
      0,
      62.5,
      95,
    ]);
    const measures = tableAt(rows, 'Maßnahmen');
    expect(measures.header).toEqual(['Stützjahr', 'Maßnahme', 'Anlage', 'Umfang', 'Investition [EUR]']);
    expect(measures.body[1]).toEqual([2035, 'Neubau', 'Flusswasser-Wärmepumpe', 2000, 2_400_000]);
    const co2 = tableAt(rows, 'CO2-Emissionen und Minderung');
    expect(co2.body[2].slice(0, 4)).toEqual([2045, 10, 400, 0.95]);
    const shares = tableAt(rows, 'Anteil erneuerbare Wärme und Abwärme gegenüber den Zielen');
    expect(shares.header[3]).toBe('WPG-Mindestanteil (§§ 29, 31) [%]');
    expect(shares.body[2].slice(3)).toEqual([1, 'ja', 'nein']);
    const npc = tableAt(rows, 'Kapitalwert des Transformationspfads');
    expect(npc.header).toEqual([
      'Kapitalwert der Kosten [EUR]',
      'Basisjahr',
      'Kalkulationszins [%]',
      'Ende des Betrachtungszeitraums',
      'Restwert (abgezinst) [EUR]',
    ]);
    expect(npc.body[0]).toEqual([49_300_000, 2025, 0.04, 2055, 1_200_000]);
    const inputs = tableAt(rows, 'Eingangsgrößen des Pfads');
    expect(inputs.header.slice(0, 3)).toEqual(['Stützjahr', 'Gewicht [a]', 'CO2-Preis [EUR/t]']);
    expect(inputs.body[2]).toEqual([2045, 10, 250, 36000, 0, 0.95, 500]);
    const enRows = sheetRows(en.getWorksheet('Transformation path')!);
    expect(tableAt(enRows, 'Costs per period year').header[5]).toBe('BEW operating aid [EUR/a]');
  });

  it('passes the language test in both languages', () => {
    expect(findLanguageProblems(workbookText(de), 'de')).toEqual([]);
    expect(findLanguageProblems(workbookText(en), 'en', USER_TEXT)).toEqual([]);
  });
});

describe('Transformationsplan in the PDF', () => {
  it.each([
    [
      'de',
      [
        'Kapitalwert 2025–2055',
        '6 Transformationsplan',
        'Ist-Zustand',
        'Zielbild',
        '62,5 %',
        '49.300.000',
        '7 Methode',
      ],
    ],
    [
      'en',
      [
        'Net present cost 2025–2055',
        '6 Transformation path',
        'current state',
        'target picture',
        '62.5 %',
        '49,300,000',
        '7 Method',
      ],
    ],
  ] as const)(
    'is written in %s with the section and passes the language test',
    async (lang, expected) => {
      const text = await pdfText(await writeReport(input(), { format: 'pdf', lang }));
      for (const s of expected) expect(text).toContain(s);
      expect(findLanguageProblems(text, lang, USER_TEXT)).toEqual([]);
    },
    60_000,
  );

  it('compares a scenario path with the base (German, language test)', async () => {
    const other = { ...pathResults(), scenario: 'fast' };
    other.objective = { ...other.objective, netPresentCost_EUR: 52_000_000 };
    const two: ReportInput = {
      ...input(),
      runs: [
        ...input().runs,
        { scenarioId: 'fast', scenarioName: 'Schneller Ausstieg', results: other, dispatch: null },
      ],
    };
    const text = await pdfText(await writeReport(two, { format: 'pdf', lang: 'de' }));
    for (const s of ['Kapitalwert je Szenario', 'Pfadvergleich: Basis – Schneller Ausstieg', '2.700.000'])
      expect(text).toContain(s);
    expect(findLanguageProblems(text, 'de')).toEqual([]);
  }, 60_000);

  it('CSV summary passes the language test in German', async () => {
    const csv = new TextDecoder().decode(await writeReport(input(), { format: 'csv', lang: 'de' }));
    const body = csv
      .split(/\r?\n/)
      .slice(1)
      .map((l) => l.split(';').slice(1).join(' ; '))
      .join('\n');
    expect(body).toContain('Kapitalwert der Kosten');
    expect(findLanguageProblems(body, 'de')).toEqual([]);
  });
});
