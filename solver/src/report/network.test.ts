/**
 * The heat network section: its tables from the fixture network (hand-computed figures), the map
 * geometry, and the section in the written PDF, workbook and CSV in both languages (language test),
 * present only when the base result carries a network.
 */
import path from 'node:path';
import ExcelJS from 'exceljs';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { describe, expect, it } from 'vitest';
import { buildReportModel, writeReport, type ReportInput } from './index';
import { findLanguageProblems } from './languageCheck';
import {
  fitMap,
  networkDnTableOf,
  networkLossesTable,
  networkOf,
  networkSectionNumber,
  networkSummaryTable,
  networkTables,
  scaleBarLabel,
  scaleBarLength,
} from './network';
import { withNetwork } from './networkFixture';
import { pathProject, pathResults } from './pathFixture';

/** The fixture's sources are German, as the user wrote them: they stay so in an English report. */
const USER_TEXT = { allow: ['Annahme für den Testfall'] };

/** A single-year result (no path) with or without the fixture network. */
const input = (network = true, periods = false): ReportInput => {
  const r = periods ? pathResults() : { ...pathResults(), periods: undefined, path: undefined };
  return {
    project: pathProject(),
    runs: [
      { scenarioId: 'base', scenarioName: 'Basis', results: network ? withNetwork(r) : r, dispatch: null },
    ],
    generatedAt: new Date(Date.UTC(2026, 11, 5)),
  };
};

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

async function workbook(bytes: Uint8Array): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(
    bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer,
  );
  return wb;
}

/** Every text of a sheet a reader sees; numbers must be finite. */
function sheetText(ws: ExcelJS.Worksheet): string {
  const out: string[] = [ws.name];
  ws.eachRow((row) =>
    row.eachCell((cell) => {
      if (typeof cell.value === 'string') out.push(cell.value);
      else if (typeof cell.value === 'number') expect(Number.isFinite(cell.value)).toBe(true);
      for (const m of (cell.numFmt ?? '').matchAll(/"([^"]*)"/g)) out.push(m[1]);
    }),
  );
  return out.join('\n');
}

describe('network tables', () => {
  const n = networkOf(input().runs[0].results)!;

  it('are there only when the base result has a network', () => {
    expect(networkOf(input(false).runs[0].results)).toBeNull();
    expect(buildReportModel(input(false)).network).toBeNull();
    expect(networkTables(buildReportModel(input(false)), 'de')).toEqual([]);
    expect(networkTables(buildReportModel(input()), 'de').map((t) => t.id)).toEqual([
      'network:summary',
      'network:dn',
      'network:losses',
    ]);
  });

  it('give the summary as name, value, unit', () => {
    const t = networkSummaryTable('de', n);
    expect(t.title).toBe('Kennzahlen des Wärmenetzes');
    expect(t.rows[0]).toEqual(['Angeschlossene Gebäude', 4, '']);
    expect(t.rows[6]).toEqual(['Anteil der Wärmeverluste', 10, '%']);
    expect(t.rows[9]).toEqual(['Wärmebelegungsdichte', 1.32, 'MWh/(m·a)']);
    expect(t.columns[1].rowDigits).toEqual([0, 0, 0, 0, 0, 1, 1, 1, 0, 2]);
    expect(networkSummaryTable('en', n).rows[1]).toEqual(['Trunk route length', 300, 'm']);
  });

  it('give lengths and costs per DN with the hand-computed total', () => {
    const t = networkDnTableOf('de', n);
    expect(t.columns.map((c) => [c.label, c.unit])).toEqual([
      ['Nennweite', undefined],
      ['Hauptleitung', 'm'],
      ['Hausanschlüsse', 'm'],
      ['Investition', 'EUR'],
    ]);
    expect(t.rows).toEqual([
      ['DN 32', 0, 80, 40_000],
      ['DN 80', 120, 0, 108_000],
      ['DN 100', 180, 0, 198_000],
      ['Summe', 300, 80, 346_000],
    ]);
    expect(networkDnTableOf('en', n).rows[3][0]).toBe('Total');
  });

  it('give the monthly losses and their sum of 44 MWh', () => {
    const t = networkLossesTable('en', n);
    expect(t.rows).toHaveLength(13);
    expect(t.rows[2]).toEqual(['Mar', 4]);
    expect(t.rows[12][0]).toBe('Total');
    expect(t.rows[12][1]).toBeCloseTo(44, 9);
  });

  it('number the section after the scenarios and the Transformationsplan', () => {
    expect(networkSectionNumber(buildReportModel(input()))).toBe(6);
    expect(networkSectionNumber(buildReportModel(input(true, true)))).toBe(7);
  });
});

describe('network map geometry', () => {
  it('fits the box keeping the aspect ratio, north up', () => {
    const box = { minX: 500_000, minY: 5_799_980, maxX: 500_200, maxY: 5_800_140 };
    const f = fitMap(box, 40, 100, 515, 330, 10);
    // 200 m × 160 m into 495 × 310 pt: min(2.475, 1.9375) pt/m; height 160·1.9375 + 20 = 330
    expect(f.scale).toBeCloseTo(1.9375, 12);
    expect(f.height).toBeCloseTo(330, 12);
    // centred: (515 − 387.5) / 2 = 63.75 pt from the left edge
    expect(f.x(500_000)).toBeCloseTo(103.75, 12);
    expect(f.x(500_200)).toBeCloseTo(491.25, 12);
    expect(f.y(5_800_140)).toBeCloseTo(110, 12);
    expect(f.y(5_799_980)).toBeCloseTo(420, 12);
    // a wide, flat network keeps its width and takes only the height it needs
    const flat = fitMap({ minX: 0, minY: 0, maxX: 1000, maxY: 10 }, 0, 0, 520, 330, 10);
    expect(flat.scale).toBeCloseTo(0.5, 12);
    expect(flat.height).toBeCloseTo(25, 12);
  });

  it('picks a round scale bar length and writes it in m or km', () => {
    expect(scaleBarLength(128.7)).toBe(100);
    expect(scaleBarLength(60)).toBe(50);
    expect(scaleBarLength(25)).toBe(20);
    expect(scaleBarLength(3000)).toBe(2000);
    expect(scaleBarLength(0)).toBe(1);
    expect(scaleBarLength(NaN)).toBe(1);
    expect(scaleBarLabel('de', 50)).toBe('50 m');
    expect(scaleBarLabel('de', 2000)).toBe('2 km');
    expect(scaleBarLabel('en', 5000)).toBe('5 km');
  });
});

// The fixture's map: 1.9375 pt/m, so the scale bar (at most 90 pt, 46 m) is 20 m long.
describe('network section in the written report', () => {
  it.each([
    [
      'de',
      ['6 Wärmenetz', 'Leitungen nach Nennweite', 'DN 100', '20 m', '346.000', '1,32', '44,0', '7 Methode'],
    ],
    [
      'en',
      ['6 Heat network', 'Pipes by nominal size', 'DN 100', '20 m', '346,000', '1.32', '44.0', '7 Method'],
    ],
  ] as const)(
    'PDF in %s: map, figures, DN table, losses chart; language test',
    async (lang, expected) => {
      const text = await pdfText(await writeReport(input(), { format: 'pdf', lang }));
      for (const s of expected) expect(text).toContain(s);
      expect(text).toContain(
        lang === 'de' ? 'Wärmeverluste des Netzes je Monat' : 'Heat losses of the network per month',
      );
      expect(text).not.toMatch(/NaN|undefined/);
      expect(findLanguageProblems(text, lang, lang === 'en' ? USER_TEXT : {})).toEqual([]);
    },
    60_000,
  );

  it('PDF: numbers the network 7 and the method 8 after a Transformationsplan; no section without a network', async () => {
    const both = await pdfText(await writeReport(input(true, true), { format: 'pdf', lang: 'de' }));
    for (const s of ['6 Transformationsplan', '7 Wärmenetz', '8 Methode']) expect(both).toContain(s);
    const none = await pdfText(await writeReport(input(false), { format: 'pdf', lang: 'de' }));
    expect(none).toContain('6 Methode');
    expect(none).not.toContain('Leitungen nach Nennweite');
  }, 60_000);

  it('XLSX: one sheet Wärmenetz / Heat network with the three tables, numbers as numbers', async () => {
    const de = await workbook(await writeReport(input(), { format: 'xlsx', lang: 'de' }));
    const ws = de.getWorksheet('Wärmenetz')!;
    expect(ws).toBeDefined();
    const firstCol: unknown[] = [];
    ws.eachRow((r) => firstCol.push(r.getCell(1).value));
    for (const s of ['Kennzahlen des Wärmenetzes', 'Längen und Investition je Nennweite', 'DN 100', 'Dez'])
      expect(firstCol).toContain(s);
    const sum = ws.getRows(1, ws.rowCount)!.find((r) => r.getCell(1).value === 'Summe' && r.getCell(4).value);
    expect([sum?.getCell(2).value, sum?.getCell(3).value, sum?.getCell(4).value]).toEqual([300, 80, 346_000]);
    expect(findLanguageProblems(sheetText(ws), 'de')).toEqual([]);
    const en = await workbook(await writeReport(input(), { format: 'xlsx', lang: 'en' }));
    expect(findLanguageProblems(sheetText(en.getWorksheet('Heat network')!), 'en')).toEqual([]);
    const none = await workbook(await writeReport(input(false), { format: 'xlsx', lang: 'de' }));
    expect(none.getWorksheet('Wärmenetz')).toBeUndefined();
  }, 60_000);

  it('CSV: one value per line in both styles; none without a network', async () => {
    const csv = (lang: 'de' | 'en', net = true) =>
      writeReport(input(net), { format: 'csv', lang }).then((b) => new TextDecoder().decode(b));
    const de = await csv('de');
    expect(de).toContain('network:summary;Wärmebelegungsdichte;Wert;MWh/(m·a);1,32');
    expect(de).toContain('network:dn;Summe;Investition;EUR;346000');
    expect(de).toContain('network:losses;Mär;Wärmeverluste;MWh;4');
    const en = await csv('en');
    expect(en).toContain('network:summary,Share of heat losses,Value,%,10');
    expect(en).toContain('network:losses,Total,Heat losses,MWh,44');
    const body = de
      .split(/\r?\n/)
      .filter((l) => l.startsWith('network:'))
      .map((l) => l.split(';').slice(1).join(' ; '))
      .join('\n');
    expect(findLanguageProblems(body, 'de')).toEqual([]);
    expect(await csv('de', false)).not.toContain('network:');
  });
});
