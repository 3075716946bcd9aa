import { expect, test, type Locator, type Page } from '@playwright/test';
import { mkdirSync, readFileSync } from 'node:fs';
import { importProfileCsv, nav, textWithoutSourceNotes } from './steps';

/**
 * German ground truth (issue #14), against `npm run web` as the README gives it: a new project's
 * site weather is a DWD test reference year; the user imports a weather file and sees its months,
 * source and time basis; a meter file is imported and a stand-in profile made from it, with both
 * annual energies and peaks shown. German, then English; no page error. Screenshots go to
 * e2e/artifacts/ground-*.png.
 */
interface LanguageModule {
  findLanguageProblems: (text: string, lang: 'de' | 'en', o?: { allow?: string[] }) => string[];
}
const load = <T>(path: string) => import(new URL(path, import.meta.url).href) as Promise<T>;

const PROJECT = 'Heizwerk Nord';
const PROFILE_FILE = 'Zaehler 2025.csv';
const WEATHER_FILE = 'tmy_45.000_8.000_2005_2023.csv';
/** The user's words, file names and brand names that the language test must not judge. */
const ALLOW = [
  'Punkt (1.5)',
  'point (1.5)',
  'comma (1,5)',
  'Komma (1,5)',
  PROJECT,
  'Zaehler 2025',
  WEATHER_FILE,
  'PVGIS',
  'TMY',
  'EPW',
  'DWD-TRY',
  'DWD',
];

mkdirSync('e2e/artifacts', { recursive: true });
const shot = (page: Page, name: string) =>
  page.screenshot({ path: `e2e/artifacts/ground-${name}.png`, fullPage: true });

/** A quarter-hourly 2025 load in legal time with the unit in the metadata block, as portals write it. */
function meterCsv2025(): string {
  const lines = ['Zählpunkt;DE0001', 'Einheit;kW', '', 'Datum;Uhrzeit;Wert;Status'];
  const p = (n: number) => String(n).padStart(2, '0');
  const fmt = new Intl.DateTimeFormat('de-DE', {
    timeZone: 'Europe/Berlin',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  });
  const start = Date.UTC(2024, 11, 31, 23);
  for (let k = 0; k < 35040; k++) {
    const t = start + k * 900_000;
    const parts = Object.fromEntries(fmt.formatToParts(new Date(t)).map((x) => [x.type, x.value]));
    const v = 80 + 40 * Math.sin((2 * Math.PI * k) / 96) + 20 * Math.cos((2 * Math.PI * k) / 35040);
    const date = `${parts.day}.${parts.month}.${parts.year}`;
    lines.push(`${date};${p(Number(parts.hour))}:${parts.minute};${v.toFixed(2).replace('.', ',')};ok`);
  }
  return lines.join('\r\n') + '\r\n';
}

let check: LanguageModule['findLanguageProblems'];

async function languageOk(page: Page, where: string, lang: 'de' | 'en', scope?: Locator) {
  const text = await textWithoutSourceNotes(scope ?? page.locator('main'));
  expect(check(text, lang, { allow: ALLOW }), `${where}: ${text.slice(0, 300)}`).toEqual([]);
}

test('a German site: DWD weather, an imported weather file, a meter file and its stand-in', async ({
  page,
}) => {
  test.setTimeout(300_000);
  ({ findLanguageProblems: check } = await load<LanguageModule>('../solver/src/report/languageCheck.ts'));
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  await page.setViewportSize({ width: 1400, height: 900 });

  await test.step('a new project is computed with a DWD test reference year', async () => {
    await page.goto('/');
    await page.getByLabel('Neues Projekt').fill(PROJECT);
    await page.getByRole('button', { name: 'Anlegen' }).click();
    await expect(page.getByTestId('header-project')).toHaveText(`Projekt: ${PROJECT}`);
    const adopt = page.getByRole('button', { name: /^Standardwetter übernehmen/ });
    if (await adopt.count()) await adopt.first().click();
    const weather = page.getByTestId('site-weather');
    await expect(weather).toBeVisible();
    await expect(weather).toContainText('Deutscher Wetterdienst');
    await languageOk(page, 'Wetter (DWD)', 'de', weather);
    await shot(page, '1-dwd');
  });

  await test.step('a weather file is imported: months, source and time basis', async () => {
    await page.getByLabel('Wetterdatei importieren (PVGIS, EPW, DWD-TRY)').setInputFiles({
      name: WEATHER_FILE,
      mimeType: 'text/csv',
      buffer: readFileSync(`assets/weather/${WEATHER_FILE}`),
    });
    const weather = page.getByTestId('site-weather');
    await expect(page.getByTestId('weather-which')).toContainText(WEATHER_FILE);
    await expect(page.getByTestId('weather-months')).toBeVisible();
    await expect(weather).toContainText('Zeitbasis');
    await expect(page.getByTestId('weather-import-error')).toHaveCount(0);
    await languageOk(page, 'Wetter (Datei)', 'de', weather);
    await shot(page, '2-weather-file');
  });

  await test.step('a portal export is imported and a stand-in made from it', async () => {
    await nav(page, 'Profile');
    await importProfileCsv(page, PROFILE_FILE, meterCsv2025());
    await page.getByRole('button', { name: 'Ersatzprofil erzeugen' }).first().click();
    const result = page.getByTestId('standin-result');
    await expect(result).toBeVisible();
    await expect(result).toContainText('MWh');
    await expect(page.locator('main').getByText('Zaehler 2025 (Ersatzprofil)').first()).toBeVisible();
    await languageOk(page, 'Profile (Ersatzprofil)', 'de');
    await shot(page, '3-standin');
  });

  await test.step('the same pages in English', async () => {
    await page.locator('#header-language').selectOption('en');
    await page.waitForTimeout(300);
    await languageOk(page, 'Profiles (en)', 'en');
    await nav(page, 'Plants & Prices');
    await expect(page.getByTestId('weather-months')).toBeVisible();
    await languageOk(page, 'Weather (en)', 'en', page.getByTestId('site-weather'));
    await shot(page, '4-english');
    await page.locator('#header-language').selectOption('de');
  });

  expect(errors).toEqual([]);
});
