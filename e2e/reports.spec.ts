import { expect, test, type Page } from '@playwright/test';
import { recordTiming } from './timing';
import { readFileSync } from 'node:fs';

// The solver and the planner's storage helpers are loaded at run time: the e2e project compiles only e2e/.
type Results = {
  objective: { totalAnnualCost_EUR: number };
  capacities: Record<string, { power_kW?: number }>;
};
type Dispatch = {
  hours: Int32Array;
  weight: Float64Array;
  year: number;
  series: Record<string, Float64Array>;
};
type ProjectV1 = { name: string };
interface SolveModule {
  solveProject(p: ProjectV1, o: { mode: 'aggregated' }): Promise<{ results: Results; dispatch?: Dispatch }>;
}
interface DocumentModule {
  splitSeries(
    p: ProjectV1,
    id: string,
    newId: () => string,
  ): { doc: unknown; records: ({ id: string; values: Float64Array } & Record<string, unknown>)[] };
}
interface PdfModule {
  getDocument(o: { data: Uint8Array; standardFontDataUrl?: string }): {
    promise: Promise<{
      numPages: number;
      getPage(i: number): Promise<{ getTextContent(): Promise<{ items: { str?: string }[] }> }>;
    }>;
  };
}
const load = <T>(path: string) => import(new URL(path, import.meta.url).href) as Promise<T>;

/**
 * The Reports page in the built app (Chromium): a solved single-building result is written into
 * IndexedDB, the PDF report is generated in the report worker (pdfkit's browser build with its
 * bundled standard fonts, echarts SVG charts) and downloaded; its text is read back with pdfjs.
 */
const PROJECT_ID = 'e2e-report-single';
let results: Results;
let seed: {
  project: object;
  series: { values: number[]; rest: Record<string, unknown> }[];
  dispatch: { hours: number[]; weight: number[]; year: number; series: Record<string, number[]> };
};

test.beforeAll(async () => {
  test.setTimeout(300_000);
  const { solveProject } = await load<SolveModule>('../solver/src/run/solve.ts');
  const { splitSeries } = await load<DocumentModule>('../renderer/src/project/document.ts');
  const project = JSON.parse(readFileSync('assets/examples/single-building.json', 'utf8')) as ProjectV1;
  const outcome = await solveProject(project, { mode: 'aggregated' });
  if (!outcome.dispatch) throw new Error('single-building has no solution');
  results = outcome.results;
  let n = 0;
  const { doc, records } = splitSeries(project, PROJECT_ID, () => `e2e-report-series-${++n}`);
  const d = outcome.dispatch;
  seed = {
    project: { id: PROJECT_ID, name: project.name, createdAt: 0, updatedAt: 0, document: doc },
    series: records.map(({ values, ...rest }) => ({ values: Array.from(values), rest })),
    dispatch: {
      hours: Array.from(d.hours),
      weight: Array.from(d.weight),
      year: d.year,
      series: Object.fromEntries(Object.entries(d.series).map(([k, v]) => [k, Array.from(v)])),
    },
  };
});

async function seedDb(page: Page) {
  await page.evaluate(
    async ({ seed, results }) => {
      const idb = await new Promise<IDBDatabase>((resolve, reject) => {
        const req = indexedDB.open('werkplan');
        req.onsuccess = () => resolve(req.result);
        req.onerror = () => reject(req.error);
      });
      const tx = idb.transaction(['projects', 'timeSeries', 'results'], 'readwrite');
      tx.objectStore('projects').put(seed.project);
      for (const s of seed.series)
        tx.objectStore('timeSeries').put({ ...s.rest, values: Float64Array.from(s.values) });
      const d = seed.dispatch;
      tx.objectStore('results').put({
        id: `e2e-report-single:base`,
        projectId: 'e2e-report-single',
        scenarioId: 'base',
        inputsHash: 'e2e',
        createdAt: Date.now(),
        payload: {
          results,
          dispatch: {
            hours: Int32Array.from(d.hours),
            weight: Float64Array.from(d.weight),
            year: d.year,
            series: Object.fromEntries(Object.entries(d.series).map(([k, v]) => [k, Float64Array.from(v)])),
          },
          scenarioName: 'Basis',
          mode: 'aggregated',
        },
      });
      await new Promise<void>((resolve, reject) => {
        tx.oncomplete = () => resolve();
        tx.onerror = () => reject(tx.error);
      });
      idb.close();
      localStorage.setItem(
        'werkplan.ui',
        JSON.stringify({ page: 'reports', activeProjectId: 'e2e-report-single' }),
      );
    },
    { seed, results },
  );
}

test('the Reports page generates the PDF in the worker and downloads it', async ({ page }) => {
  test.setTimeout(120_000);
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  // Downloads instead of the file picker (no dialog in the test browser).
  await page.addInitScript(() => {
    (window as unknown as { showSaveFilePicker?: unknown }).showSaveFilePicker = undefined;
  });
  await page.goto('/');
  await expect(page.getByRole('navigation')).toBeVisible();
  await seedDb(page);
  await page.reload();
  await expect(page.getByRole('heading', { name: /Berichte/ })).toBeVisible();
  await page.getByLabel('PDF-Bericht').check();
  const download = page.waitForEvent('download', { timeout: 90_000 });
  const t0 = Date.now();
  await page.getByRole('button', { name: 'Bericht erzeugen und speichern' }).click();
  const file = await download;
  const seconds = (Date.now() - t0) / 1000;
  expect(file.suggestedFilename()).toBe('Einfamilienhaus-mit-PV-Warmepumpe-und-Speicher.pdf');
  const bytes = new Uint8Array(readFileSync((await file.path())!));
  expect(new TextDecoder().decode(bytes.slice(0, 5))).toBe('%PDF-');
  const { getDocument } = await load<PdfModule>('../node_modules/pdfjs-dist/legacy/build/pdf.mjs');
  const pdf = await getDocument({
    data: bytes.slice(),
    standardFontDataUrl: new URL('../node_modules/pdfjs-dist/standard_fonts/', import.meta.url).pathname,
  }).promise;
  let text = '';
  for (let i = 1; i <= pdf.numPages; i++)
    text += (await (await pdf.getPage(i)).getTextContent()).items.map((it) => it.str ?? '').join(' ') + '\n';
  expect(text).toContain('Einfamilienhaus mit PV, Wärmepumpe und Speicher');
  expect(text).toContain('Jahresdauerlinie');
  expect(text).toContain('Betrieb in einer Winterwoche');
  const total = new Intl.NumberFormat('de-DE', { maximumFractionDigits: 0 }).format(
    results.objective.totalAnnualCost_EUR,
  );
  expect(text).toContain(`${total} €/a`);
  await expect(page.getByRole('status')).toContainText('Gespeichert');
  expect(errors).toEqual([]);
  recordTiming(
    'report PDF in the browser',
    `${seconds.toFixed(1)} s, ${bytes.length} bytes, ${pdf.numPages} pages`,
  );
});
