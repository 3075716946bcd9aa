import { expect, test, type Page } from '@playwright/test';

/**
 * The README's front door: `npm run web` (the dev server, not the built preview) must load the
 * solver's WebAssembly and compute. Settings → "Rechenkern prüfen", then one small optimisation of
 * the single-building example from a fresh browser profile.
 */
async function nav(page: Page, name: string) {
  await page.getByRole('navigation').getByRole('button', { name }).click();
}

test('npm run web: the solver check passes and a small project solves', async ({ page }) => {
  test.setTimeout(240_000);
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  const wasm: string[] = [];
  page.on('response', (r) => {
    if (r.url().endsWith('.wasm')) wasm.push(`${r.status()} ${r.headers()['content-type'] ?? ''}`);
  });

  await page.goto('/');
  await nav(page, 'Einstellungen');
  await page.getByRole('button', { name: 'Rechenkern prüfen' }).click();
  await expect(page.getByText(/Rechenkern in Ordnung/)).toBeVisible({ timeout: 60_000 });
  expect(wasm.length).toBeGreaterThan(0);
  for (const w of wasm) expect(w).toMatch(/^200 application\/wasm/);

  await nav(page, 'Projekte');
  await page.getByLabel('Neues Projekt').fill('Einfamilienhaus Süd');
  await page.getByLabel('Vorlage').selectOption('single-building');
  await page.getByRole('button', { name: 'Anlegen' }).click();
  // The example loads on demand (slow on a cold dev-server cache): the project opens when it is in.
  await expect(page.getByTestId('header-project')).toHaveText('Projekt: Einfamilienhaus Süd');
  await nav(page, 'Szenarien');
  await page.getByRole('tab', { name: 'Basis' }).click();
  // The typical-day sizing's resolution is the planner's to choose, as `werkplan solve --typical-days`.
  await expect(page.getByLabel('Typtage', { exact: true })).toHaveValue('24');
  await page.getByLabel('Typtage', { exact: true }).selectOption('12');
  await expect(page.getByLabel('Zeitsegmente je Typtag')).toHaveValue('8');
  await page
    .locator('#run-title')
    .locator('..')
    .screenshot({ path: 'e2e/artifacts/frontdoor-run-panel.png' });
  await page.getByRole('button', { name: '„Basis“ rechnen' }).click();
  // The typical-day sizing shows as a preview while the full-year check and refinement run.
  const preview = page.getByTestId('run-preview');
  await expect(preview).toContainText('Vorschau aus den Typtagen', { timeout: 60_000 });
  await expect(preview).toContainText('Wärmepumpe');
  await expect(preview).not.toContainText('NaN');
  await page.locator('#run-title').locator('..').screenshot({ path: 'e2e/artifacts/frontdoor-preview.png' });
  await expect(page.getByTestId('result-base')).toContainText('aktuell', { timeout: 180_000 });
  await expect(preview).toBeHidden();
  await expect(page.getByTestId('result-base')).not.toContainText(/NaN|unbeschränkt/);

  await nav(page, 'Ergebnisse');
  // The results page loads on demand: the check and the screenshot wait for its figures.
  await expect(page.getByRole('heading', { name: 'Kennzahlen' })).toBeVisible({ timeout: 60_000 });
  await expect(page.locator('main')).not.toContainText('NaN');
  await expect(page.locator('main')).toContainText('Auslegung auf 12 Typtagen zu je 8 Zeitsegmenten');
  await page.screenshot({ path: 'e2e/artifacts/frontdoor-results.png', fullPage: true });
  expect(errors).toEqual([]);
});
