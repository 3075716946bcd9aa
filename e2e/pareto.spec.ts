import { expect, test, type Page } from '@playwright/test';
import { recordTiming } from './timing';

/**
 * The cost–CO2 front from the planner (port 4191 when run alone): the reference hub from the
 * example, a 3-point front of the base scenario on typical days computed in the solver worker, then
 * the results page's chart with its three points, a point's plant in the tooltip, and the table.
 */
const shot = (page: Page, name: string) =>
  page.screenshot({ path: `e2e/artifacts/${name}.png`, fullPage: true });

async function nav(page: Page, name: string) {
  await page.getByRole('navigation').getByRole('button', { name }).click();
}

type Chart = {
  getOption(): { series: { type: string; data: [number, number][] }[] };
  convertToPixel(finder: { seriesIndex: number }, value: [number, number]): [number, number];
};

test('a 3-point cost–CO2 front of the reference hub, computed in the planner and shown on the results page', async ({
  page,
}) => {
  test.setTimeout(600_000);
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(String(e)));

  await page.goto('/');
  await page.getByLabel('Neues Projekt').fill('Front');
  await page.getByLabel('Vorlage').selectOption('reference-hub');
  await page.getByRole('button', { name: 'Anlegen' }).click();
  await expect(page.getByTestId('header-project')).toContainText('Front'); // opened on creation
  await nav(page, 'Szenarien');
  await page.getByRole('tab', { name: 'Basis' }).click();
  await expect(page.getByLabel('Rechenart')).toHaveValue('aggregated');

  // An invalid number of points is refused next to the field.
  const points = page.getByLabel('Anzahl Punkte');
  await points.fill('1');
  await expect(page.getByRole('alert').filter({ hasText: 'ganze Zahl von 2 bis 20' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Front für „Basis“ berechnen' })).toBeDisabled();
  await points.fill('3');
  // The clean end within 1 % of the CO2 range above the least CO2: the strict end (0 %, the default)
  // needs a 13 MW heat pump on the hub for its last 5 t of CO2.
  const cleanEnd = page.getByLabel('Toleranz am CO₂-Minimum (% der CO₂-Spanne)');
  await expect(cleanEnd).toHaveValue('0');
  await cleanEnd.fill('80');
  await expect(page.getByRole('alert').filter({ hasText: 'Zahl von 0 bis 50' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Front für „Basis“ berechnen' })).toBeDisabled();
  await cleanEnd.fill('1');

  const t0 = Date.now();
  await page.getByRole('button', { name: 'Front für „Basis“ berechnen' }).click();
  const status = page.getByTestId('run-status');
  await expect(status).toContainText(
    /Basis: Kosten–CO₂-Front, Punkt 1 von 3 \((Start|Kostenminimum)[^)]*\) – [\d,]+ s/,
  );
  // The run lives in the store: a page switch keeps its progress and cancel button.
  await nav(page, 'Anlagen & Preise');
  await nav(page, 'Szenarien');
  await expect(status).toContainText('Kosten–CO₂-Front, Punkt');
  await expect(page.getByLabel('Anzahl Punkte')).toHaveValue('3');
  await expect(page.getByLabel('Toleranz am CO₂-Minimum (% der CO₂-Spanne)')).toHaveValue('1');
  await expect(page.getByRole('button', { name: 'Abbrechen' })).toBeVisible();
  // Point 2 first finds the least CO2 (a typical-day sizing, under a second), then the cheapest plant there.
  await expect(status).toContainText(/Punkt 2 von 3 \((CO₂-Minimum|günstigste Anlage am CO₂-Minimum)/, {
    timeout: 300_000,
  });
  await shot(page, 'pareto-running');
  await expect(page.getByTestId('pareto-stored')).toHaveText(
    'Kosten–CO₂-Front mit 3 Punkten gespeichert – zu sehen unter Ergebnisse › Auswertung.',
    { timeout: 540_000 },
  );
  recordTiming('3-point front of the reference hub (aggregated, in the browser)', `${Date.now() - t0} ms`);
  await expect(status).toHaveText('');
  await expect(page.getByTestId('result-base')).toContainText('aktuell');

  await nav(page, 'Ergebnisse');
  await page.getByRole('tab', { name: 'Auswertung' }).click();
  const chart = page.getByTestId('chart-pareto');
  await expect(chart).toHaveAttribute('data-rendered', 'true');
  const data = await chart.evaluate((el) => {
    const c = (el as HTMLElement & { echarts?: Chart }).echarts!;
    return c.getOption().series.map((s) => ({ type: s.type, data: s.data }));
  });
  const scatter = data.find((s) => s.type === 'scatter')!;
  expect(scatter.data).toHaveLength(3);
  // by rising emissions, falling cost: a front
  expect(scatter.data[0][0]).toBeLessThan(scatter.data[1][0]);
  expect(scatter.data[1][0]).toBeLessThan(scatter.data[2][0]);
  expect(scatter.data[0][1]).toBeGreaterThan(scatter.data[1][1]);
  expect(scatter.data[1][1]).toBeGreaterThan(scatter.data[2][1]);

  // The table: one row per point, from minimum cost to minimum CO2, each with its plant.
  const table = page.getByTestId('pareto-table');
  await expect(table.locator('tbody tr')).toHaveCount(3);
  await expect(table.locator('tbody tr').nth(0)).toContainText('Kostenminimum');
  await expect(table.locator('tbody tr').nth(2)).toContainText('CO₂-Minimum');
  await expect(table.locator('tbody tr').nth(2)).toContainText(/Luft-Wasser-Wärmepumpe [\d.]+ kW/);
  await expect(page.getByTestId('pareto-notes')).toContainText(
    /Punkt 3: die günstigste Anlage innerhalb der Toleranz am CO₂-Minimum\. Die geringste erreichbare Emission ist [\d.,]+ t CO₂\/a\./,
  );

  // Hovering the middle point shows its plant sizes.
  await chart.scrollIntoViewIfNeeded();
  const xy = await chart.evaluate((el, value) => {
    const c = (el as HTMLElement & { echarts?: Chart }).echarts!;
    const r = el.getBoundingClientRect();
    const [x, y] = c.convertToPixel({ seriesIndex: 1 }, value);
    return { x: r.left + x, y: r.top + y };
  }, scatter.data[1]);
  await page.mouse.move(xy.x - 40, xy.y - 40);
  await page.mouse.move(xy.x, xy.y, { steps: 5 });
  // echarts puts its tooltip inside the chart element (the table is outside it)
  const tooltip = chart.locator('div', { hasText: /^Punkt 2/ }).last();
  await expect(tooltip).toBeVisible();
  await expect(tooltip).toContainText(/t CO₂\/a – [\d.]+ €\/a/);
  // plants under the names the project gives them
  await expect(tooltip).toContainText(/Gaskessel [\d.]+ kW/);
  await expect(tooltip).toContainText(/Luft-Wasser-Wärmepumpe [\d.]+ kW/);
  await shot(page, 'pareto-results');
  expect(errors).toEqual([]);
});
