import { expect, test, type Locator, type Page } from '@playwright/test';
import { mkdirSync, readFileSync } from 'node:fs';
import { pdfText } from './pdf';
import { importProfileCsv, nav, textWithoutSourceNotes } from './steps';
import { recordTiming } from './timing';

/**
 * The new user's first hour (issue #12), against `npm run web` exactly as the README gives it:
 * a blank project (year 2025) with last year's (2023) heat profile from a CSV file; the planner
 * offers to adopt the profile's year; demands and plants from the catalogue; a run; every results
 * tab; a variant; a sensitivity sweep; a cost–CO2 front; a German PDF. Every page's visible text
 * passes the language test (no English words, raw ids, JSON pointers, NaN or exponents) and no
 * page error occurs. Screenshots go to e2e/artifacts/journey-*.png.
 */
interface LanguageModule {
  findLanguageProblems: (text: string, lang: 'de' | 'en', o?: { allow?: string[] }) => string[];
}
const load = <T>(path: string) => import(new URL(path, import.meta.url).href) as Promise<T>;

const PROJECT = 'Wohnanlage Lindenstraße';
const PROFILE_FILE = 'Wärmelastgang 2023.csv';
/** Words the user chose or brand names that the language test must not judge. */
const ALLOW = [PROJECT, 'Wärmelastgang 2023'];

mkdirSync('e2e/artifacts', { recursive: true });
const shot = (page: Page, name: string) =>
  page.screenshot({ path: `e2e/artifacts/journey-${name}.png`, fullPage: true });

async function setNumber(page: Page, label: string | RegExp, value: string) {
  const field = page.getByLabel(label).first();
  await field.fill(value);
  await field.press('Enter');
}

/** Hourly heat demand of 2023 in standard time (+01:00 all year), 250–750 kW, as a meter export. */
function heatCsv2023(): string {
  const lines = ['Zeitstempel;Wärme [kW]'];
  for (let h = 0; h < 8760; h++) {
    const d = new Date(Date.UTC(2023, 0, 1, h));
    const p = (n: number) => String(n).padStart(2, '0');
    const stamp = `2023-${p(d.getUTCMonth() + 1)}-${p(d.getUTCDate())}T${p(d.getUTCHours())}:00:00+01:00`;
    const v = Math.round((500 + 250 * Math.cos((2 * Math.PI * h) / 8760)) * 10) / 10;
    lines.push(`${stamp};${String(v).replace('.', ',')}`);
  }
  return lines.join('\r\n') + '\r\n';
}

let check: LanguageModule['findLanguageProblems'];

/** The language test on what the user sees in `scope` (default: the main column). */
async function languageOk(page: Page, where: string, scope: Locator = page.locator('main')) {
  const text = await scope.innerText();
  expect(check(text, 'de', { allow: ALLOW }), `${where}: ${text.slice(0, 200)}`).toEqual([]);
}

test('a new user: blank project, 2023 CSV, run, every results tab, variant, sweep, front, German PDF', async ({
  page,
  context,
}) => {
  test.setTimeout(900_000);
  ({ findLanguageProblems: check } = await load<LanguageModule>('../solver/src/report/languageCheck.ts'));
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  await page.setViewportSize({ width: 1400, height: 900 });
  // Headless Chromium cannot show the file pickers: downloads instead.
  await context.addInitScript(() => {
    delete (window as unknown as Record<string, unknown>).showSaveFilePicker;
    delete (window as unknown as Record<string, unknown>).showOpenFilePicker;
  });

  await test.step('a blank project opens without a red box and says what is left to do', async () => {
    await page.goto('/');
    await languageOk(page, 'Projekte');
    await page.getByLabel('Neues Projekt').fill(PROJECT);
    await page.getByRole('button', { name: 'Anlegen' }).click();
    await expect(page.getByTestId('header-project')).toHaveText(`Projekt: ${PROJECT}`);
    await expect(page.getByRole('heading', { level: 1, name: 'Anlagen & Preise' })).toBeVisible();
    await expect(page.getByTestId('problems')).toContainText('Noch zu tun');
    await expect(page.locator('main').getByRole('alert')).toHaveCount(0);
    await languageOk(page, 'Anlagen & Preise (leer)');
    await shot(page, '1-blank');
  });

  await test.step('a 2023 heat profile is imported; the 2025 project adopts its year', async () => {
    await nav(page, 'Profile');
    await languageOk(page, 'Profile (leer)');
    await importProfileCsv(page, PROFILE_FILE, heatCsv2023());
    await shot(page, '2-profile');

    await nav(page, 'Anlagen & Preise');
    await page.getByRole('button', { name: 'Als Wärmebedarf verwenden' }).click();
    // One message for the year, with the two ways out; never thousands of lines.
    const adopt = page.getByRole('button', { name: 'Projektjahr auf 2023 setzen' }).first();
    await expect(adopt).toBeVisible();
    await expect(page.getByText(/must be number/)).toHaveCount(0);
    const height = await page.evaluate(() => document.body.scrollHeight);
    expect(height).toBeLessThan(20_000);
    await languageOk(page, 'Anlagen & Preise (Profiljahr 2023)', page.locator('body'));
    await shot(page, '3-year-offer');
    await adopt.click();
    await expect(page.getByLabel('Betrachtungsjahr').first()).toHaveValue('2023');
    await expect(page.getByTestId('demand-heat-info')).toContainText('Jahresenergie');
  });

  await test.step('electricity, grid and plants from the catalogue with their defaults', async () => {
    await page.getByLabel('Bedarf', { exact: true }).selectOption('electricity');
    await page.getByLabel('Profiltyp').selectOption('G25');
    await setNumber(page, /^Jahresenergie/, '150.000');
    await page.getByRole('button', { name: 'Profil erzeugen und zuordnen' }).click();
    await expect(page.getByTestId('demand-electricity-info')).toContainText('150.000 kWh');
    await page.getByRole('button', { name: 'Strombezug hinzufügen' }).click();
    // Weather for the air heat pump and the PV yield: the offered default, which says what it is.
    await page.getByRole('button', { name: /^Standardwetter übernehmen/ }).click();
    for (const tech of ['gasBoiler', 'heatPumpAir', 'heatStorageBuffer', 'pv']) {
      const catalogue = page.getByLabel('Technologiekatalog');
      const option = catalogue.locator(`option[value="${tech}"]`);
      if ((await option.count()) === 0) continue;
      await catalogue.selectOption(tech);
      await page.getByRole('button', { name: 'Mit Standardwerten hinzufügen' }).click();
      await expect(page.getByTestId(`tech-${tech}`)).toBeVisible();
    }
    await expect(page.getByTestId('problems')).toContainText('Das Projekt kann gerechnet werden');
    await languageOk(page, 'Anlagen & Preise (vollständig)');
    await shot(page, '4-plants');
  });

  await test.step('the base runs: current, bounded, named plants', async () => {
    await nav(page, 'Szenarien');
    await languageOk(page, 'Szenarien');
    const t0 = Date.now();
    await page.getByRole('button', { name: '„Basis“ rechnen' }).click();
    await expect(page.getByTestId('result-base')).toContainText('aktuell', { timeout: 300_000 });
    recordTiming('journey: base run (defaults)', `${((Date.now() - t0) / 1000).toFixed(1)} s`);
    await expect(page.getByTestId('result-base')).not.toContainText(/NaN|unbeschränkt|Fehler/);
    await languageOk(page, 'Szenarien (gerechnet)');
    await shot(page, '5-run');
  });

  await test.step('every results tab', async () => {
    await nav(page, 'Ergebnisse');
    const main = page.locator('main');
    const views = ['Ergebnis › Übersicht', 'Ergebnis › Fahrplan', 'Ergebnis › Auswertung', 'Vergleich'];
    for (const [i, view] of views.entries()) {
      for (const name of view.split(' › ')) {
        const tab = main.getByRole('tab', { name, exact: true });
        await tab.click();
        await expect(tab).toHaveAttribute('aria-selected', 'true');
      }
      await page.waitForTimeout(500); // charts draw
      await expect(page.locator('[data-rendered="false"]')).toHaveCount(0, { timeout: 20_000 });
      await languageOk(page, `Ergebnisse › ${view}`);
      await shot(page, `6-results-${i + 1}`);
    }
    await main.getByRole('tab', { name: 'Ergebnis', exact: true }).click();
  });

  await test.step('a variant, a sweep and a cost–CO2 front', async () => {
    await nav(page, 'Szenarien');
    await page.getByLabel('Neue Variante').fill('Gas teuer');
    await page.getByRole('button', { name: 'Variante anlegen' }).click();
    await expect(page.getByRole('tab', { name: /Gas teuer/ })).toHaveAttribute('aria-selected', 'true');
    await setNumber(page, 'Preis Erdgas', '0,15');
    await expect(page.getByTestId('diff')).toContainText('Preis Erdgas');
    await page.getByRole('button', { name: 'Alle Szenarien rechnen' }).click();
    await expect(page.getByTestId('result-gas-teuer')).toContainText('aktuell', { timeout: 300_000 });
    await expect(page.getByTestId('result-base')).toContainText('aktuell');
    await languageOk(page, 'Szenarien (Variante)');

    await page.getByRole('tab', { name: 'Basis' }).click();
    await page.getByLabel('von').first().fill('0,05');
    await page.getByLabel('von').first().press('Tab');
    await page.getByLabel('bis').first().fill('0,15');
    await page.getByLabel('bis').first().press('Tab');
    await page.getByRole('button', { name: 'Sensitivität rechnen' }).click();
    await expect(page.getByTestId('sweep-status')).toContainText('3 von 3', { timeout: 300_000 });
    await expect(page.getByTestId('sweep-table').locator('tbody tr')).toHaveCount(3);
    await languageOk(page, 'Szenarien (Sensitivität)');
    await shot(page, '7-sweep');

    // The same range as a quick screening on typical days: more points, each the sizing alone.
    await page.getByLabel('Anzahl Werte').first().fill('6');
    await page.getByLabel('Anzahl Werte').first().press('Tab');
    await page.getByLabel('Schnellauswertung: nur Auslegung auf Typtagen, ohne Ganzjahresprüfung').check();
    await page.getByRole('button', { name: 'Sensitivität rechnen' }).click();
    await expect(page.getByTestId('sweep-status')).toContainText('6 von 6', { timeout: 300_000 });
    await expect(page.getByTestId('sweep-table').locator('tbody tr')).toHaveCount(6);
    await expect(page.getByTestId('sweep-screened')).toContainText('ohne Ganzjahresprüfung');
    await expect(page.getByTestId('sweep-table')).not.toContainText('NaN');
    await languageOk(page, 'Szenarien (Schnellauswertung)');
    await shot(page, '7-sweep-screening');
    // On screen the note says it once; the exported CSV says it on every row.
    await expect(page.getByTestId('sweep-table').locator('thead')).not.toContainText('Rechenart');
    const sweepDownload = page.waitForEvent('download', { timeout: 60_000 });
    await page.getByRole('button', { name: 'Tabelle als CSV speichern' }).click();
    const sweepCsv = readFileSync(await (await sweepDownload).path(), 'utf8');
    expect(sweepCsv.split('\r\n')[0]).toContain(';Stand;Rechenart;Jahresgesamtkosten [EUR/a];');
    expect(sweepCsv.split('\r\n')[1]).toContain(';Schnellauswertung auf Typtagen, ohne Ganzjahresprüfung;');

    await page.getByLabel('Anzahl Punkte').fill('3');
    const t0 = Date.now();
    await page.getByRole('button', { name: 'Front für „Basis“ berechnen' }).click();
    await expect(page.getByTestId('pareto-stored')).toContainText('3 Punkten gespeichert', {
      timeout: 600_000,
    });
    recordTiming('journey: 3-point front', `${((Date.now() - t0) / 1000).toFixed(1)} s`);
    await languageOk(page, 'Szenarien (Front)');
    await nav(page, 'Ergebnisse');
    await page.locator('main').getByRole('tab', { name: 'Ergebnis', exact: true }).click();
    await page.locator('main').getByRole('tab', { name: 'Auswertung' }).click();
    await expect(page.getByTestId('pareto-table').locator('tbody tr')).toHaveCount(3);
    await languageOk(page, 'Ergebnisse › Auswertung (Front)');
    await shot(page, '8-front');
    await page.locator('main').getByRole('tab', { name: 'Vergleich' }).click();
    await languageOk(page, 'Ergebnisse › Vergleich');
    await shot(page, '9-compare');
  });

  await test.step('a German PDF report, named in the user’s words', async () => {
    await nav(page, 'Berichte');
    await languageOk(page, 'Berichte');
    await page.getByLabel('PDF-Bericht').check();
    const download = page.waitForEvent('download', { timeout: 120_000 });
    await page.getByRole('button', { name: 'Bericht erzeugen und speichern' }).click();
    const file = await download;
    expect(file.suggestedFilename()).toBe(`${PROJECT}.pdf`);
    const bytes = new Uint8Array(readFileSync(await file.path()));
    const { text } = await pdfText(bytes);
    expect(text).toContain(PROJECT);
    expect(check(text, 'de', { allow: ALLOW })).toEqual([]);
    await shot(page, '10-report');
  });

  await test.step('the same pages in English', async () => {
    await page.locator('#header-language').selectOption('en');
    for (const name of ['Plants & Prices', 'Profiles', 'Scenarios', 'Results', 'Reports']) {
      await nav(page, name);
      await page.waitForTimeout(300);
      // A technology's source note is the project's stored text, kept in the language it was added in.
      const text = await textWithoutSourceNotes(page.locator('main'));
      expect(check(text, 'en', { allow: ALLOW }), `${name}: ${text.slice(0, 200)}`).toEqual([]);
    }
    await shot(page, '11-english');
    await page.locator('#header-language').selectOption('de');
  });

  expect(errors).toEqual([]);
});
