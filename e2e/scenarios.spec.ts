import { readFileSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { recordTiming } from './timing';

/**
 * The scenarios page (port 4192 when run alone): the scenario tabs by keyboard, a readable diff,
 * and a sensitivity sweep that keeps running while the user is on another page.
 */
const shot = (page: Page, name: string) =>
  page.screenshot({ path: `e2e/artifacts/${name}.png`, fullPage: true });

async function nav(page: Page, name: string) {
  await page.getByRole('navigation').getByRole('button', { name }).click();
}

/** German number text → number (1.234,5 → 1234.5). */
const deNumber = (s: string) => Number(s.replace(/\./g, '').replace(',', '.'));

test('scenario tabs by keyboard, readable diff, a sweep that survives a page switch and a reload', async ({
  page,
  context,
}) => {
  test.setTimeout(300_000);
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  // Headless Chromium has the File System Access API but cannot show its pickers: use downloads.
  await context.addInitScript(() => {
    delete (window as unknown as Record<string, unknown>).showSaveFilePicker;
  });

  await page.goto('/');
  await page.getByLabel('Neues Projekt').fill('Quartier Sweep');
  await page.getByLabel('Vorlage').selectOption('reference-hub');
  await page.getByRole('button', { name: 'Anlegen' }).click();
  await expect(page.getByTestId('header-project')).toContainText('Quartier Sweep'); // opened on creation
  await nav(page, 'Szenarien');
  await expect(page.getByRole('heading', { level: 1, name: 'Szenarien' })).toBeVisible();

  await test.step('the scenario tabs are one tab stop; arrows, Home and End move and select', async () => {
    const base = page.getByRole('tab', { name: 'Basis' });
    const gas = page.getByRole('tab', { name: /Gaspreis \+50 %/ });
    await expect(page.getByRole('tablist', { name: 'Szenarien' })).toBeVisible();
    await expect(base).toHaveAttribute('aria-selected', 'true');
    await expect(base).toHaveAttribute('tabindex', '0');
    await expect(gas).toHaveAttribute('tabindex', '-1');
    // from the button before the tab list, Tab lands on the selected tab
    await page.getByRole('button', { name: 'Variante anlegen' }).focus();
    await page.keyboard.press('Tab');
    await expect(base).toBeFocused();
    // the focus is visible (the app's focus ring)
    const outline = await base.evaluate((el) => getComputedStyle(el).outlineStyle);
    expect(outline).toBe('solid');
    await page.keyboard.press('ArrowRight');
    await expect(gas).toBeFocused();
    await expect(gas).toHaveAttribute('aria-selected', 'true');
    await expect(base).toHaveAttribute('aria-selected', 'false');
    const panel = page.getByRole('tabpanel', { name: /Gaspreis \+50 %/ });
    await expect(panel).toBeVisible();
    await shot(page, 'scenarios-tabs-keyboard');
    // the diff reads like the forms: label, old → new in German, unit, change; pointer as title
    const row = panel.getByTestId('diff').getByRole('row').filter({ hasText: 'Preis Erdgas' });
    await expect(row).toContainText('0,055 → 0,0825');
    await expect(row).toContainText('EUR/kWh');
    await expect(row).toContainText('+50 %');
    await expect(row.getByRole('rowheader')).toHaveAttribute('title', /\/fuels\/gas\/price_EUR_kWh/);
    await page.keyboard.press('ArrowRight'); // wraps around to the first tab
    await expect(base).toBeFocused();
    await expect(base).toHaveAttribute('aria-selected', 'true');
    await page.keyboard.press('End');
    await expect(gas).toBeFocused();
    await page.keyboard.press('Home');
    await expect(base).toBeFocused();
    await page.keyboard.press('ArrowLeft');
    await expect(gas).toBeFocused();
    await page.keyboard.press('ArrowLeft');
    await expect(base).toBeFocused();
    await expect(page.getByRole('tabpanel', { name: 'Basis' })).toBeVisible();
  });

  await test.step('a sweep of two gas prices keeps going while another page is shown', async () => {
    const sweep = page.getByRole('region', { name: 'Sensitivitätsanalyse' });
    await expect(sweep.getByLabel('Parameter', { exact: true }).first()).toHaveValue(
      '/fuels/gas/price_EUR_kWh',
    );
    const field = async (label: string, value: string) => {
      const f = sweep.getByLabel(label).first();
      await f.fill(value);
      await f.press('Tab');
    };
    await field('von', '0,05');
    await field('bis', '0,08');
    await field('Anzahl Werte', '2');
    const t0 = Date.now();
    await sweep.getByRole('button', { name: 'Sensitivität rechnen' }).click();
    const status = page.getByTestId('sweep-status');
    await expect(status).toContainText('0 von 2 Punkten');
    await expect(sweep.getByTestId('sweep-table').locator('tbody tr')).toHaveCount(2);

    await nav(page, 'Anlagen & Preise');
    await expect(page.getByRole('heading', { level: 1, name: 'Anlagen & Preise' })).toBeVisible();
    await page.waitForTimeout(1500);
    await nav(page, 'Szenarien');
    // the sweep is still there: same grid in the form, progress and elapsed time go on
    await expect(status).toContainText(/[01] von 2 Punkten/);
    await expect(sweep.getByRole('button', { name: 'Abbrechen' })).toBeVisible();
    await expect(sweep.getByLabel('von').first()).toHaveValue('0,05');
    await expect(sweep.getByLabel('bis').first()).toHaveValue('0,08');
    await expect(status).toContainText('2 von 2 Punkten', { timeout: 240_000 });
    recordTiming('sweep of 2 points (reference hub, aggregated)', `${Date.now() - t0} ms`);
    await expect(sweep.getByRole('button', { name: 'Abbrechen' })).toHaveCount(0);
    const rows = sweep.getByTestId('sweep-table').locator('tbody tr');
    await expect(rows).toHaveCount(2);
    await expect(rows.nth(0)).toHaveAttribute('data-state', 'done');
    await expect(rows.nth(1)).toHaveAttribute('data-state', 'done');
    await expect(rows.nth(0).getByRole('rowheader')).toHaveText('0,05');
    await expect(rows.nth(1).getByRole('rowheader')).toHaveText('0,08');
    // a dearer gas price cannot make the optimum cheaper
    const cost = async (r: number) => deNumber((await rows.nth(r).locator('td').nth(1).textContent()) ?? '');
    const c1 = await cost(0);
    const c2 = await cost(1);
    expect(c1).toBeGreaterThan(1_000_000);
    expect(c2).toBeGreaterThan(c1);
    await expect(sweep.getByTestId('sweep-chart')).toHaveAttribute('data-rendered', 'true');
    await shot(page, 'scenarios-sweep');

    // the table as German CSV
    const download = page.waitForEvent('download');
    await sweep.getByRole('button', { name: 'Tabelle als CSV speichern' }).click();
    const csv = readFileSync(await (await download).path(), 'utf8');
    const lines = csv
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\r\n');
    expect(lines).toHaveLength(3);
    expect(lines[0]).toMatch(
      /^Preis Erdgas \[EUR\/kWh\];Stand;Jahresgesamtkosten \[EUR\/a\];CO₂-Emissionen \[t\/a\]/,
    );
    expect(lines[1]).toMatch(/^0,05;gerechnet;\d+(,\d+)?;/);
    expect(Number(lines[1].split(';')[2].replace(',', '.'))).toBeCloseTo(c1, -1);
  });

  await test.step('after a reload the finished sweep is shown again', async () => {
    await page.reload();
    await nav(page, 'Szenarien');
    const rows = page.getByTestId('sweep-table').locator('tbody tr');
    await expect(rows).toHaveCount(2);
    await expect(rows.nth(1)).toHaveAttribute('data-state', 'done');
    await expect(page.getByTestId('sweep-status')).toContainText('2 von 2 Punkten');
    await expect(page.getByTestId('sweep-status')).not.toContainText('veraltet');
    // an edit of the base marks the sweep stale
    await nav(page, 'Anlagen & Preise');
    const co2 = page.getByTestId('co2-price');
    await co2.fill('120');
    await co2.press('Enter');
    await nav(page, 'Szenarien');
    await expect(page.getByTestId('sweep-status')).toContainText('veraltet');
  });
  expect(errors).toEqual([]);
});

test('two parameters: a heat map of the cost over grid import price × CO2 price', async ({ page }) => {
  test.setTimeout(240_000);
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  await page.goto('/');
  await nav(page, 'Projekte');
  await page.getByLabel('Neues Projekt').fill('Haus Sweep');
  await page.getByLabel('Vorlage').selectOption('single-building');
  await page.getByRole('button', { name: 'Anlegen' }).click();
  await expect(page.getByTestId('header-project')).toContainText('Haus Sweep'); // opened on creation
  await nav(page, 'Szenarien');
  const sweep = page.getByRole('region', { name: 'Sensitivitätsanalyse' });
  const set = async (n: 0 | 1, label: string, value: string) => {
    const f = sweep.getByRole('group', { name: `Parameter ${n + 1}` }).getByLabel(label);
    await f.fill(value);
    await f.press('Tab');
  };
  await sweep.locator('#sweep-p1').selectOption('/grid/import/price_EUR_kWh');
  await set(0, 'von', '0,25');
  await set(0, 'bis', '0,40');
  await set(0, 'Anzahl Werte', '2');
  await sweep.locator('#sweep-p2').selectOption('/economics/co2Price_EUR_t');
  await set(1, 'von', '50');
  await set(1, 'bis', '250');
  await set(1, 'Anzahl Werte', '2');
  await sweep.getByRole('button', { name: 'Sensitivität rechnen' }).click();
  await expect(page.getByTestId('sweep-status')).toContainText('4 von 4 Punkten', { timeout: 200_000 });
  const rows = sweep.getByTestId('sweep-table').locator('tbody tr');
  await expect(rows).toHaveCount(4);
  for (let r = 0; r < 4; r++) await expect(rows.nth(r)).toHaveAttribute('data-state', 'done');
  // grid order: import price fastest, then the CO2 price
  await expect(rows.nth(1).getByRole('rowheader')).toHaveText(['0,4', '50']);
  await expect(rows.nth(2).getByRole('rowheader')).toHaveText(['0,25', '250']);
  const cost = async (r: number) => deNumber((await rows.nth(r).locator('td').nth(1).textContent()) ?? '');
  // dearer electricity or CO2 never makes the optimum cheaper
  expect(await cost(1)).toBeGreaterThan(await cost(0));
  expect(await cost(2)).toBeGreaterThan(await cost(0));
  expect(await cost(3)).toBeGreaterThan(await cost(2));
  // by hand: the optimum's cost is concave in the CO2 price with slope = its emissions, so going from
  // 50 to 250 EUR/t adds between 200 × CO2(250) and 200 × CO2(50) (CO2 shown to 0.1 t: ± 10 EUR)
  const co2 = async (r: number) => deNumber((await rows.nth(r).locator('td').nth(2).textContent()) ?? '');
  const added = (await cost(2)) - (await cost(0));
  expect(added).toBeGreaterThanOrEqual(200 * (await co2(2)) - 12);
  expect(added).toBeLessThanOrEqual(200 * (await co2(0)) + 12);
  const chart = sweep.getByTestId('sweep-chart');
  await expect(chart).toHaveAttribute('data-rendered', 'true');
  await expect(chart).toHaveAttribute(
    'aria-label',
    /Jahresgesamtkosten je Parameterkombination \(Einheit an der Farbskala\)/,
  );
  await shot(page, 'scenarios-sweep-heatmap');
  expect(errors).toEqual([]);
});
