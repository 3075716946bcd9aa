import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import Papa from 'papaparse';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadProject } from '../cli/load';
import type { Project } from '../project/types';
import { solveProject } from '../run/solve';
import type { Dispatch, Results } from '../results/results';
import { csvNumber } from './csv';
import { fmt, neutralise, pdfText } from './format';
import { buildReportModel, ReportInputError, writeReport, type ReportInput } from './index';
import { pickWeeks } from './model';
import { weekOption } from './charts';
import { sheetName } from './xlsx';

const EXAMPLE = path.resolve(__dirname, '../../../assets/examples/single-building.json');

let project: Project;
let results: Results;
let dispatch: Dispatch;
let outDir: string;

beforeAll(async () => {
  project = await loadProject(EXAMPLE);
  const outcome = await solveProject(project, { mode: 'aggregated' });
  expect(outcome.dispatch).toBeDefined();
  results = outcome.results;
  dispatch = outcome.dispatch!;
  outDir = await mkdtemp(path.join(tmpdir(), 'werkplan-report-'));
}, 120_000);

const input = (): ReportInput => ({
  project,
  runs: [{ scenarioId: 'base', scenarioName: 'Basis', results, dispatch }],
  generatedAt: new Date(Date.UTC(2026, 10, 24)),
});

/** The text of every page of a PDF (pdfjs), joined per page. */
async function pdfPages(bytes: Uint8Array): Promise<string[]> {
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
  return pages;
}

async function readXlsx(bytes: Uint8Array): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(
    bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer,
  );
  return wb;
}

/** Row of a sheet whose first cell equals `first`, as an array of values (1-based like exceljs). */
function rowStarting(ws: ExcelJS.Worksheet, first: string, col = 1): ExcelJS.CellValue[] {
  for (let i = 1; i <= ws.rowCount; i++) {
    const r = ws.getRow(i);
    if (r.getCell(col).value === first) return r.values as ExcelJS.CellValue[];
  }
  throw new Error(`no row '${first}' in sheet ${ws.name}`);
}

describe('report helpers', () => {
  it('neutralises text that a spreadsheet would run as a formula, and nothing else', () => {
    expect(neutralise('=HYPERLINK("http://x","y")')).toBe('\'=HYPERLINK("http://x","y")');
    expect(neutralise('+1')).toBe("'+1");
    expect(neutralise('-2')).toBe("'-2");
    expect(neutralise('@SUM(A1)')).toBe("'@SUM(A1)");
    expect(neutralise('\tx')).toBe("'\tx");
    expect(neutralise('Wärmepumpe = gut')).toBe('Wärmepumpe = gut');
  });
  it('keeps WinAnsi text for the PDF fonts and replaces the rest', () => {
    expect(pdfText('Wärmepumpe – 5 € CO₂ m²')).toBe('Wärmepumpe – 5 € CO2 m²');
    expect(pdfText('日本')).toBe('??');
  });
  it('formats numbers for both CSV styles without grouping or exponents', () => {
    expect(csvNumber(-1234.5, 'de')).toBe('-1234,5');
    expect(csvNumber(1234.5, 'intl')).toBe('1234.5');
    expect(csvNumber(1e-9, 'intl')).toBe('0');
    expect(csvNumber(0.1234567891, 'de')).toBe('0,123457');
    expect(fmt('de', 1234.56, 1)).toBe('1.234,6');
    expect(fmt('en', 1234.56, 1)).toBe('1,234.6');
  });
  it('sheet names stay within Excel rules and unique', () => {
    const used = new Set<string>();
    expect(sheetName('Fahrplan a/b:c', used)).toBe('Fahrplan a_b_c');
    expect(sheetName('Fahrplan a/b:c', used)).toBe('Fahrplan a_b_c (2)');
    expect(sheetName('x'.repeat(40), used)).toHaveLength(31);
  });
  it('picks the week with the most and the least heat', () => {
    const heat = new Float64Array(8760).map((_, h) =>
      h >= 24 * 30 && h < 24 * 37 ? 10 : h >= 24 * 200 && h < 24 * 207 ? 0 : 1,
    );
    expect(pickWeeks(heat)).toEqual({ winter: 24 * 30, summer: 24 * 200 });
    expect(pickWeeks(new Float64Array(100))).toBeNull();
  });
  it('rejects a report without results, or with a scenario twice', () => {
    expect(() => buildReportModel({ project, runs: [] })).toThrow(ReportInputError);
    const run = input().runs[0];
    expect(() => buildReportModel({ project, runs: [run, run] })).toThrow(/appears twice/);
  });
});

describe('reports of the single-building example', () => {
  it('xlsx: real numbers with formats, frozen headers, 8760 hourly rows; figures equal the results', async () => {
    const bytes = await writeReport(input(), { format: 'xlsx', lang: 'de' });
    await writeFile(path.join(outDir, 'single.xlsx'), bytes);
    const wb = await readXlsx(bytes);
    expect(wb.worksheets.map((w) => w.name)).toEqual([
      'Eingaben',
      'Technologien',
      'Leistungen',
      'Kosten',
      'Jahresbilanzen',
      'Szenarienvergleich',
      'Fahrplan Basis',
    ]);
    for (const ws of wb.worksheets) expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });

    const caps = wb.getWorksheet('Leistungen')!;
    expect(caps.getRow(1).getCell(4).value).toBe('Leistung [kW]');
    const hp = rowStarting(caps, 'Luft-Wasser-Wärmepumpe', 2);
    expect(hp[4]).toBeCloseTo(results.capacities.hp.power_kW!, 9);
    expect(typeof hp[4]).toBe('number');
    const tank = rowStarting(caps, 'Pufferspeicher', 2);
    expect(tank[5]).toBeCloseTo(results.capacities.tank.energy_kWh!, 9);
    expect(tank[8]).toBeCloseTo(results.kpis.fullLoadHours_h.tank, 6);
    expect(caps.getRow(2).getCell(4).numFmt).toBe('#,##0.0');

    const costs = wb.getWorksheet('Kosten')!;
    expect(rowStarting(costs, 'Gesamtjahreskosten')[2]).toBeCloseTo(results.objective.totalAnnualCost_EUR, 6);
    expect(rowStarting(costs, 'Strombezug (Arbeit)')[2]).toBeCloseTo(
      results.costs.byCategory_EUR.gridEnergy,
      6,
    );

    const bal = wb.getWorksheet('Jahresbilanzen')!;
    const pv = rowStarting(bal, 'Photovoltaik');
    expect(pv[3]).toBeCloseTo(results.annual.pv.el_out_MWh, 9);

    const d = wb.getWorksheet('Fahrplan Basis')!;
    expect(d.rowCount).toBe(8761);
    const names = Object.keys(dispatch.series);
    const head = d.getRow(1).values as string[];
    expect(head.slice(1, 4)).toEqual(['Zeit (Normalzeit)', 'Stunde', 'Gewicht [h]']);
    // Columns named as the user named the plants (no ids such as hp.heat_out).
    const col = head.indexOf('Luft-Wasser-Wärmepumpe: Wärmeerzeugung [kW]');
    expect(col).toBeGreaterThan(3);
    expect(head.length - 1).toBe(3 + names.length);
    const row = d.getRow(1 + 4000);
    expect((row.getCell(1).value as Date).toISOString()).toBe('2023-06-16T15:00:00.000Z');
    expect(row.getCell(1).numFmt).toBe('yyyy-mm-dd hh:mm');
    expect(row.getCell(col).value).toBeCloseTo(dispatch.series['hp.heat_out_kW'][3999], 9);
    let heat = 0;
    for (let i = 2; i <= 8761; i++) heat += d.getRow(i).getCell(col).value as number;
    expect(heat / 1000).toBeCloseTo(results.annual.hp.heat_out_MWh, 6);
  });

  it('pdf (German): text read back with pdfjs carries umlauts, €, CO2 and the figures of the results', async () => {
    const bytes = await writeReport(input(), { format: 'pdf', lang: 'de' });
    await writeFile(path.join(outDir, 'single-de.pdf'), bytes);
    expect(new TextDecoder().decode(bytes.slice(0, 5))).toBe('%PDF-');
    const pages = await pdfPages(bytes);
    const all = pages.join('\n');
    expect(pages.length).toBeGreaterThanOrEqual(5);
    expect(pages[0]).toContain('Einfamilienhaus mit PV, Wärmepumpe und Speicher');
    expect(pages[0]).toContain(`${fmt('de', results.objective.totalAnnualCost_EUR, 0)} €/a`);
    expect(pages[0]).toContain('24. November 2026');
    for (const s of [
      'Wärmepumpe',
      'CO2-Emissionen',
      'Jahresdauerlinie',
      'Betrieb in einer Winterwoche',
      'Energieflüsse im Jahr',
      'Methode',
      'Leistung [kW]',
      'Seite 2 /',
    ])
      expect(all).toContain(s);
    // Capacities, full-load hours and KPIs as printed (German number format).
    expect(all).toContain(fmt('de', results.capacities.hp.power_kW, 1));
    expect(all).toContain(fmt('de', results.capacities.tank.energy_kWh, 1));
    expect(all).toContain(fmt('de', results.kpis.fullLoadHours_h.hp, 0));
    expect(all).toContain(fmt('de', results.kpis.lcoh_EUR_MWh, 1));
    expect(all).toContain(fmt('de', results.costs.byCategory_EUR.annuity, 0));
    // Method notes: typical days and the aggregation gap.
    expect(all).toContain(`${results.solve.sizing!.typicalPeriods} Typtagen`);
    expect(all.replace(/\s+/g, ' ')).toContain('aller 8.760 Stunden');
  });

  it('pdf: the full-year check covers the hours of the site year, 8,784 in a leap year', async () => {
    const leap = { ...input(), project: { ...project, site: { ...project.site, year: 2024 } } };
    const de = (await pdfPages(await writeReport(leap, { format: 'pdf', lang: 'de' }))).join(' ');
    const en = (await pdfPages(await writeReport(leap, { format: 'pdf', lang: 'en' }))).join(' ');
    expect(de.replace(/\s+/g, ' ')).toContain('aller 8.784 Stunden');
    expect(en.replace(/\s+/g, ' ')).toContain('all 8,784 hours');
  });

  it('pdf: says when the year was computed in quarter hours (35,040 in 2023), in both languages', async () => {
    const run = {
      ...input().runs[0],
      results: { ...results, solve: { ...results.solve, timeStep_min: 15 as const } },
    };
    const quarter = {
      ...input(),
      project: { ...project, site: { ...project.site, timeStep_min: 15 as const } },
      runs: [run],
    };
    const de = (await pdfPages(await writeReport(quarter, { format: 'pdf', lang: 'de' })))
      .join(' ')
      .replace(/\s+/g, ' ');
    const en = (await pdfPages(await writeReport(quarter, { format: 'pdf', lang: 'en' })))
      .join(' ')
      .replace(/\s+/g, ' ');
    expect(de).toContain('in 35.040 Viertelstunden gerechnet');
    expect(en).toContain('computed in 35,040 quarter hours');
    const hourly = (await pdfPages(await writeReport(input(), { format: 'pdf', lang: 'de' }))).join(' ');
    expect(hourly).not.toContain('Viertelstunden');
  });

  it('a quarter-hourly demand: annual energy and profile from hourly means, the peak of its quarter hours', () => {
    const heat = project.timeSeries[project.demands.heat] as { unit: string; values: number[] };
    const quarters = heat.values.flatMap((v) => [v, v, v, v]);
    quarters[2] = 10 * heat.values[0] + 1000; // one quarter-hour spike, its hour's mean rises by a quarter of it
    const q: Project = {
      ...project,
      site: { ...project.site, timeStep_min: 15 },
      timeSeries: { ...project.timeSeries, [project.demands.heat]: { unit: 'kW', values: quarters } },
    };
    const hourly = buildReportModel(input()).demands.heat!;
    const d = buildReportModel({ ...input(), project: q }).demands.heat!;
    expect(d.hourly_kW).toHaveLength(8760);
    expect(d.peak_kW).toBe(quarters[2]);
    expect(d.annual_MWh).toBeCloseTo(hourly.annual_MWh + (quarters[2] - heat.values[0]) / 4 / 1000, 9);
  });

  it('pdf: names the DWD weather with DWD’s source notes where the project uses it', async () => {
    const withTry = {
      ...input(),
      project: {
        ...project,
        site: { ...project.site, weather: { kind: 'dwd-try' as const, year: 2015 as const } },
      },
    };
    for (const lang of ['de', 'en'] as const) {
      const all = (await pdfPages(await writeReport(withTry, { format: 'pdf', lang }))).join('\n');
      expect(all).toContain('Quelle: Deutscher Wetterdienst');
      expect(all).toContain('Datenbasis: Deutscher Wetterdienst, Werte verarbeitet');
      expect(all).toContain(
        lang === 'de'
          ? 'DWD-Testreferenzjahr 2015, Region 4 Potsdam'
          : 'DWD test reference year 2015, region 4 Potsdam',
      );
    }
    // a project that does not name its weather (here: the reference district's series) gets no DWD note
    const plain = (await pdfPages(await writeReport(input(), { format: 'pdf', lang: 'de' }))).join('\n');
    expect(plain).not.toContain('Deutscher Wetterdienst');
  });

  it('pdf (English) uses English texts and number format', async () => {
    const bytes = await writeReport(input(), { format: 'pdf', lang: 'en' });
    const all = (await pdfPages(bytes)).join('\n');
    for (const s of [
      'Energy concept',
      'Heat pump',
      'Levelised cost of heat',
      'Dispatch in a summer week',
      'Page 2 /',
    ])
      expect(all).toContain(s);
    expect(all).toContain(fmt('en', results.objective.totalAnnualCost_EUR, 0));
  });

  it('csv summary in German and international style parses back to the same figures', async () => {
    for (const style of ['de', 'intl'] as const) {
      const bytes = await writeReport(input(), { format: 'csv', lang: 'en', csvStyle: style });
      const textCsv = new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes);
      expect(textCsv.startsWith('\uFEFF')).toBe(style === 'de');
      const parsed = Papa.parse<string[]>(textCsv.replace(/^\uFEFF/, ''), { skipEmptyLines: true });
      expect(parsed.meta.delimiter).toBe(style === 'de' ? ';' : ',');
      const rows = parsed.data;
      expect(rows[0]).toEqual(['table', 'item', 'quantity', 'unit', 'value']);
      const num = (s: string) => Number(style === 'de' ? s.replace(',', '.') : s);
      const find = (table: string, item: string, quantity: string) => {
        const r = rows.find((x) => x[0] === table && x[1] === item && x[2] === quantity);
        if (!r) throw new Error(`${table}/${item}/${quantity} missing`);
        return r;
      };
      const total = find('costs', 'Total annual cost', 'Base');
      expect(total[3]).toBe('EUR/a');
      expect(num(total[4])).toBeCloseTo(results.objective.totalAnnualCost_EUR, 5);
      expect(num(find('capacities:base', 'Luft-Wasser-Wärmepumpe | Heat pump', 'Power')[4])).toBeCloseTo(
        results.capacities.hp.power_kW!,
        5,
      );
      const share = find('kpis', 'Renewable heat share', 'Base');
      expect(share[3]).toBe('%');
      expect(num(share[4])).toBeCloseTo(results.kpis.renewableHeatShare * 100, 4);
      const fixedOm = find('technologies', 'Luft-Wasser-Wärmepumpe | Heat pump', 'Fixed O&M');
      expect(fixedOm[3]).toBe('%');
      // The investment carries the technology's own capacity unit.
      expect(find('technologies', 'Photovoltaik | Photovoltaics', 'Investment')[3]).toBe('EUR/kWp');
      expect(find('technologies', 'Pufferspeicher | Heat storage', 'Investment')[3]).toBe('EUR/kWh');
      expect(find('technologies', 'Pufferspeicher | Heat storage', 'Maximum size')[3]).toBe('kWh');
      expect(num(fixedOm[4])).toBeCloseTo(project.technologies[0].fixedOm_share * 100, 6);
    }
  });

  it('csv dispatch: one row per hour with the flows, in both styles', async () => {
    for (const style of ['de', 'intl'] as const) {
      const bytes = await writeReport(input(), { format: 'csv', csvStyle: style, csvTable: 'dispatch' });
      const rows = Papa.parse<string[]>(new TextDecoder().decode(bytes).replace(/^\uFEFF/, ''), {
        skipEmptyLines: true,
      }).data;
      expect(rows).toHaveLength(8761);
      const col = rows[0].indexOf('tank.soc_kWh');
      expect(rows[1 + 100][1]).toBe('2023-01-05 04:00');
      const v = Number(style === 'de' ? rows[101][col].replace(',', '.') : rows[101][col]);
      expect(v).toBeCloseTo(dispatch.series['tank.soc_kWh'][100], 5);
    }
    await expect(
      writeReport(input(), { format: 'csv', csvTable: 'dispatch', csvScenario: 'nope' }),
    ).rejects.toThrow(/no result for scenario 'nope'/);
  });

  it('neutralises user text against formula injection in the workbook and the CSV', async () => {
    const evil: Project = structuredClone(project);
    evil.name = '=HYPERLINK("http://evil.example","klick")';
    evil.technologies[0].name = '@SUM(1+1)';
    evil.scenarios = [{ id: 'plus', name: '+1', overrides: { '/economics/interestRate': 0.04 } }];
    const inp: ReportInput = {
      project: evil,
      runs: [
        { scenarioId: 'base', scenarioName: 'Basis', results, dispatch },
        { scenarioId: 'plus', scenarioName: '+1', results: { ...results, scenario: 'plus' }, dispatch: null },
      ],
    };
    const wb = await readXlsx(await writeReport(inp, { format: 'xlsx', lang: 'en' }));
    let strings = 0;
    for (const ws of wb.worksheets)
      ws.eachRow((row) =>
        row.eachCell((cell) => {
          expect(cell.type).not.toBe(ExcelJS.ValueType.Formula);
          if (typeof cell.value === 'string') {
            strings++;
            expect(cell.value).not.toMatch(/^[=+\-@]/);
          }
        }),
      );
    expect(strings).toBeGreaterThan(50);
    expect(rowStarting(wb.getWorksheet('Inputs')!, 'Name')[2]).toBe(`'${evil.name}`);
    expect(wb.getWorksheet('Costs')!.getRow(1).getCell(3).value).toBe("'+1 [EUR/a]");
    expect(wb.worksheets.map((w) => w.name)).toContain('Dispatch Base');
    expect(wb.worksheets.map((w) => w.name)).not.toContain('Dispatch +1'); // no dispatch kept

    const csv = new TextDecoder().decode(
      await writeReport(inp, { format: 'csv', csvStyle: 'intl', lang: 'en' }),
    );
    const rows = Papa.parse<string[]>(csv, { skipEmptyLines: true }).data;
    for (const r of rows) for (const f of r.slice(0, 4)) expect(f).not.toMatch(/^[=+\-@]/);
    expect(rows.some((r) => r[2] === "'+1")).toBe(true);
    expect(rows.some((r) => r[1].startsWith("'@SUM(1+1)"))).toBe(true);
  });
});

describe('week charts', () => {
  it('balance in every hour: heat above the axis minus storage charging below it is the heat demand', () => {
    const m = buildReportModel(input());
    const run = m.runs[0];
    for (const which of ['winterWeek', 'summerWeek'] as const) {
      const start = which === 'winterWeek' ? m.weeks!.winter : m.weeks!.summer;
      const option = weekOption(m, 'de', run, start, which)! as {
        series: { name: string; stack?: string; data: number[] }[];
      };
      const demand = option.series.find((s) => s.name === 'Wärmebedarf')!;
      const stacked = option.series.filter((s) => s.stack);
      expect(stacked.some((s) => s.stack === 'sink')).toBe(true); // the tank charges in both weeks
      for (let i = 0; i < demand.data.length; i++) {
        const net = stacked.reduce((a, s) => a + s.data[i], 0);
        // Each plotted value is rounded to 1 W.
        expect(Math.abs(net - demand.data[i])).toBeLessThan(0.01);
      }
      // A technology keeps its colour between the two charts.
      const colours = Object.fromEntries(stacked.map((s) => [s.name, (s as { color?: string }).color]));
      expect(colours['Pufferspeicher']).toMatch(/^#/);
      expect(colours['Pufferspeicher (Laden)']).toBe(colours['Pufferspeicher']);
    }
  });
});

describe('report time axis', () => {
  it('labels the dispatch sheet in the site zone (local standard time) and states it', async () => {
    const base = input();
    const site = { ...base.project.site, timeZone: 'America/New_York' };
    const ny: ReportInput = {
      ...base,
      project: { ...base.project, site },
      runs: [{ ...base.runs[0], dispatch: { ...dispatch, timeZone: 'America/New_York' } }],
    };
    const wb = await readXlsx(await writeReport(ny, { format: 'xlsx', lang: 'en' }));
    const d = wb.worksheets.find((w) => w.name.startsWith('Dispatch'))!;
    expect(d.getCell(1, 1).note).toBe('America/New_York, UTC-05:00');
    // Hour 0 is 1 January 00:00 of the site's standard time (EST), hour 3999 is 16 June 15:00 EST.
    expect((d.getRow(2).getCell(1).value as Date).toISOString()).toBe(`${site.year}-01-01T00:00:00.000Z`);
    expect((d.getRow(4001).getCell(1).value as Date).toISOString()).toBe('2023-06-16T15:00:00.000Z');
  });
  it('states Europe/Berlin (UTC+01:00) by default', async () => {
    const wb = await readXlsx(await writeReport(input(), { format: 'xlsx', lang: 'de' }));
    expect(wb.getWorksheet('Fahrplan Basis')!.getCell(1, 1).note).toBe('Europe/Berlin, UTC+01:00');
  });
});
