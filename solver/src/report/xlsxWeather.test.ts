import path from 'node:path';
import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadProject } from '../cli/load';
import type { Project } from '../project/types';
import { solveProject } from '../run/solve';
import type { Results } from '../results/results';
import { writeReport } from './index';

const EXAMPLE = path.resolve(__dirname, '../../../assets/examples/single-building.json');

let project: Project;
let results: Results;

beforeAll(async () => {
  project = await loadProject(EXAMPLE);
  results = (await solveProject(project, { mode: 'aggregated' })).results;
}, 120_000);

/** Every text cell of the workbook's inputs sheet (the first). */
async function inputTexts(weather: Project['site']['weather'], lang: 'de' | 'en'): Promise<string[]> {
  const p: Project = {
    ...project,
    site: { ...project.site, latitude_deg: 52.52, longitude_deg: 13.4, weather },
  };
  const bytes = await writeReport(
    { project: p, runs: [{ scenarioId: 'base', scenarioName: 'Basis', results, dispatch: null }] },
    { format: 'xlsx', lang },
  );
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(
    bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer,
  );
  const out: string[] = [];
  wb.worksheets[0].eachRow((r) => r.eachCell((c) => void (typeof c.value === 'string' && out.push(c.value))));
  return out;
}

describe('the weather note in the xlsx report', () => {
  it('names the DWD as source on the inputs sheet when the project weather is a TRY', async () => {
    for (const lang of ['de', 'en'] as const) {
      const texts = await inputTexts({ kind: 'dwd-try', year: 2015 }, lang);
      expect(texts).toContain(lang === 'de' ? 'Wetterdaten' : 'Weather data');
      const note = texts.find((t) => t.includes('Quelle: Deutscher Wetterdienst'));
      expect(note).toContain('Datenbasis: Deutscher Wetterdienst, Werte verarbeitet');
      expect(note).toContain('2015');
    }
  });

  it('has no DWD note for weather from a file, and no weather row without a recorded weather', async () => {
    const file = await inputTexts(
      {
        kind: 'file',
        name: 'tmy.csv',
        format: 'pvgis-csv',
        attribution: 'PVGIS © European Union, 2001–2025',
      },
      'de',
    );
    expect(file.some((t) => t.includes('Deutscher Wetterdienst'))).toBe(false);
    expect(file).toContain('Wetter: Datei tmy.csv. PVGIS © European Union, 2001–2025');
    const none = await inputTexts(undefined, 'de');
    expect(none).not.toContain('Wetterdaten');
    expect(none.some((t) => t.includes('Deutscher Wetterdienst'))).toBe(false);
  });
});

describe('the report date', () => {
  it('is the date at the site, not in UTC: 23:30 UTC on 4 December is 5 December in Berlin', async () => {
    const bytes = await writeReport(
      {
        project,
        runs: [{ scenarioId: 'base', scenarioName: 'Basis', results, dispatch: null }],
        generatedAt: new Date('2026-12-04T23:30:00Z'),
      },
      { format: 'xlsx', lang: 'de' },
    );
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(
      bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer,
    );
    const texts: string[] = [];
    wb.worksheets[0].eachRow((r) =>
      r.eachCell((c) => void (typeof c.value === 'string' && texts.push(c.value))),
    );
    expect(texts).toContain('5. Dezember 2026');
    expect(texts).not.toContain('4. Dezember 2026');
  });
});
