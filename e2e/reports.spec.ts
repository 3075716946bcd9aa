import { expect, test, type Page } from '@playwright/test';
import { pdfText } from './pdf';
import { recordTiming } from './timing';
import { solveForSeed, writeSeed, type Results, type Seed } from './seed';
import { readFileSync } from 'node:fs';

interface LanguageModule {
  findLanguageProblems: (text: string, lang: 'de' | 'en') => string[];
}
const load = <T>(path: string) => import(new URL(path, import.meta.url).href) as Promise<T>;

/**
 * The Reports page in the built app (Chromium): a solved single-building result is written into
 * IndexedDB, the PDF report is generated in the report worker (pdfkit's browser build with its
 * bundled standard fonts, echarts SVG charts) and downloaded; its text is read back with pdfjs.
 */
const PROJECT_ID = 'e2e-report-single';
let seed: Seed;
let results: Results;

test.beforeAll(async () => {
  test.setTimeout(300_000);
  seed = await solveForSeed('assets/examples/single-building.json', PROJECT_ID, [
    { id: 'base', name: 'Basis' },
  ]);
  results = seed.results[0].results;
});

const seedDb = (page: Page) => writeSeed(page, seed, 'reports');

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
  expect(file.suggestedFilename()).toBe('Einfamilienhaus mit PV, Wärmepumpe und Speicher.pdf');
  const bytes = new Uint8Array(readFileSync(await file.path()));
  expect(new TextDecoder().decode(bytes.slice(0, 5))).toBe('%PDF-');
  const { text, pages } = await pdfText(bytes);
  expect(text).toContain('Einfamilienhaus mit PV, Wärmepumpe und Speicher');
  expect(text).toContain('Jahresdauerlinie');
  expect(text).toContain('Betrieb in einer Winterwoche');
  const total = new Intl.NumberFormat('de-DE', { maximumFractionDigits: 0 }).format(
    results.objective.totalAnnualCost_EUR,
  );
  expect(text).toContain(`${total} €/a`);
  // The language test (issue #12): no English, ids, pointers, placeholders or exponents.
  const { findLanguageProblems } = await load<LanguageModule>('../solver/src/report/languageCheck.ts');
  expect(findLanguageProblems(text, 'de')).toEqual([]);
  await expect(page.getByRole('status')).toContainText('Gespeichert');
  expect(errors).toEqual([]);
  recordTiming('report PDF in the browser', `${seconds.toFixed(1)} s, ${bytes.length} bytes, ${pages} pages`);
});
