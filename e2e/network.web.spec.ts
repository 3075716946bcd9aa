import { expect, test, type Locator, type Page } from '@playwright/test';
import { mkdirSync } from 'node:fs';
import { nav, textWithoutSourceNotes } from './steps';
import { recordTiming } from './timing';

/**
 * The heat network (issue #17) as a new user meets it in `npm run web`: the example district
 * (assets/examples/district-network.json) from the templates, the network page designs it with the
 * defaults (map coloured by DN, hover details, summary figures), the plants are sized for it on the
 * scenarios page, in German and English. No page error, no NaN; the visible text passes the language
 * test. Screenshots: e2e/artifacts/network-*.png.
 */
interface LanguageModule {
  findLanguageProblems: (text: string, lang: 'de' | 'en', o?: { allow?: string[] }) => string[];
}
const load = <T>(path: string) => import(new URL(path, import.meta.url).href) as Promise<T>;

const PROJECT = 'Netz Quartier';
mkdirSync('e2e/artifacts', { recursive: true });
const shot = (page: Page, name: string) =>
  page.screenshot({ path: `e2e/artifacts/network-${name}.png`, fullPage: true });

let check: LanguageModule['findLanguageProblems'];
async function languageOk(scope: Locator, where: string, lang: 'de' | 'en') {
  const text = await textWithoutSourceNotes(scope);
  expect(check(text, lang, { allow: [PROJECT] }), `${where}: ${text.slice(0, 300)}`).toEqual([]);
}

test('the example district: network designed and plants sized from the planner, German and English', async ({
  page,
}) => {
  test.setTimeout(900_000);
  ({ findLanguageProblems: check } = await load<LanguageModule>('../solver/src/report/languageCheck.ts'));
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  await page.setViewportSize({ width: 1400, height: 1000 });

  await test.step('the example from the templates', async () => {
    await page.goto('/');
    await page.getByLabel('Neues Projekt').fill(PROJECT);
    await page.getByLabel('Vorlage').selectOption('district-network');
    await page.getByRole('button', { name: 'Anlegen' }).click();
    await expect(page.getByTestId('header-project')).toContainText(PROJECT);
  });

  await test.step('the network page designs it with the defaults (German)', async () => {
    await nav(page, 'Wärmenetz');
    const t0 = Date.now();
    await page.getByRole('button', { name: 'Entwurf berechnen' }).click();
    await expect(page.getByTestId('network-design-status')).toContainText('Berechnet in', {
      timeout: 120_000,
    });
    recordTiming('network design of the example district (browser)', `${Date.now() - t0} ms`);
    const map = page.getByTestId('network-map');
    await expect(map).toBeVisible();
    expect(await map.locator('path.network-pipes').count()).toBeGreaterThan(3);
    await expect(page.getByTestId('map-legend')).toContainText('DN');
    await expect(page.getByTestId('figure-buildings')).toContainText('128');
    await expect(page.getByTestId('figure-heatLoss_MWh_a')).toContainText('MWh/a');
    const box = await map.boundingBox();
    const first = map.locator('path.network-pipes').last();
    await first.hover({ force: true });
    if (box) await page.mouse.move(box.x + box.width * 0.1, box.y + box.height * 0.5);
    await expect(page.locator('main')).not.toContainText('NaN');
    await languageOk(page.locator('main'), 'Wärmenetz', 'de');
    await shot(page, '1-de');
  });

  await test.step('the plants are sized for the network', async () => {
    await nav(page, 'Szenarien');
    await page.getByRole('tab', { name: 'Basis' }).click();
    await page.getByRole('button', { name: '„Basis“ rechnen' }).click();
    await expect(page.getByTestId('result-base')).toContainText('aktuell', { timeout: 600_000 });
    await expect(page.getByTestId('result-base')).not.toContainText(/NaN|Fehler/);
    await nav(page, 'Ergebnisse');
    await expect(page.getByTestId('kpi-heatDemand')).toContainText('MWh/a');
    await shot(page, '2-results-de');
  });

  await test.step('the same page in English', async () => {
    await page.locator('#header-language').selectOption('en');
    await nav(page, 'Heat network');
    await expect(page.getByTestId('network-map')).toBeVisible();
    await expect(page.getByTestId('figure-buildings')).toContainText('128');
    await expect(page.locator('main')).not.toContainText('NaN');
    await languageOk(page.locator('main'), 'Heat network', 'en');
    await shot(page, '3-en');
  });

  expect(errors).toEqual([]);
});
