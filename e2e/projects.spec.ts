import { expect, test, type Page } from '@playwright/test';

const shot = (page: Page, name: string) =>
  page.screenshot({ path: `e2e/artifacts/${name}.png`, fullPage: true });

test('a project survives a reload, can be renamed and deleted with confirmation', async ({ page }) => {
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));

  await page.goto('/');
  await expect(page.getByRole('heading', { level: 1, name: 'Projekte' })).toBeVisible();
  await expect(page.getByText('Noch keine Projekte')).toBeVisible();

  // An empty name is refused next to the field.
  await page.getByRole('button', { name: 'Anlegen' }).click();
  await expect(page.getByRole('alert')).toHaveText('Bitte einen Namen eingeben.');

  await page.getByLabel('Neues Projekt').fill('Quartier Nord');
  await page.getByLabel('Neues Projekt').press('Enter');
  await expect(page.getByTestId('project-row')).toHaveCount(1);
  await expect(page.getByRole('button', { name: 'Quartier Nord' })).toBeVisible();
  await shot(page, 'projects');

  await page.reload();
  await expect(page.getByRole('button', { name: 'Quartier Nord' })).toBeVisible();

  await page.getByRole('button', { name: 'Umbenennen' }).click();
  await page.getByLabel('Name', { exact: true }).fill('Quartier Nord 2030');
  await page.getByRole('button', { name: 'Speichern' }).click();
  await expect(page.getByRole('button', { name: 'Quartier Nord 2030' })).toBeVisible();
  await page.reload();
  await expect(page.getByRole('button', { name: 'Quartier Nord 2030' })).toBeVisible();

  // Delete asks first; cancelling keeps the project.
  await page.getByRole('button', { name: 'Löschen' }).click();
  const dialog = page.getByRole('dialog', { name: 'Projekt löschen?' });
  await expect(dialog).toBeVisible();
  await shot(page, 'delete-dialog');
  await dialog.getByRole('button', { name: 'Abbrechen' }).click();
  await expect(page.getByTestId('project-row')).toHaveCount(1);

  await page.getByRole('button', { name: 'Löschen' }).click();
  await page.getByRole('dialog').getByRole('button', { name: 'Löschen' }).click();
  await expect(page.getByTestId('project-row')).toHaveCount(0);
  await page.reload();
  await expect(page.getByText('Noch keine Projekte')).toBeVisible();

  expect(errors).toEqual([]);
});

test('the language switch changes the whole frame and is remembered', async ({ page }) => {
  await page.goto('/');
  await expect(page.getByRole('navigation', { name: 'Hauptnavigation' })).toBeVisible();
  await page.locator('#header-language').selectOption('en');
  await expect(page.getByRole('navigation', { name: 'Main navigation' })).toBeVisible();
  await expect(page.getByRole('heading', { level: 1, name: 'Projects' })).toBeVisible();
  await page.getByRole('button', { name: 'Plants & Prices' }).click();
  await expect(page.getByText('No project selected')).toBeVisible();
  await shot(page, 'empty-state-en');

  await page.reload();
  await expect(page.getByRole('navigation', { name: 'Main navigation' })).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');

  await page.getByRole('button', { name: 'Settings' }).click();
  await page.locator('#settings-language').selectOption('de');
  await expect(page.getByRole('heading', { level: 1, name: 'Einstellungen' })).toBeVisible();
  await page.reload();
  await expect(page.getByRole('navigation', { name: 'Hauptnavigation' })).toBeVisible();
});

test('the built page carries a strict Content-Security-Policy and is cross-origin isolated', async ({
  page,
}) => {
  await page.goto('/');
  const csp = await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content');
  expect(csp).toContain("script-src 'self' 'wasm-unsafe-eval'");
  expect(csp).toContain("object-src 'none'");
  expect(csp).not.toContain("'unsafe-eval'");
  expect(await page.evaluate(() => window.crossOriginIsolated)).toBe(true);
  // An inline script is refused by the policy.
  const ran = await page.evaluate(() => {
    const s = document.createElement('script');
    s.textContent = 'window.__injected = true';
    document.body.appendChild(s);
    return (window as unknown as { __injected?: boolean }).__injected === true;
  });
  expect(ran).toBe(false);
});

test('the solver check solves a known case in the Web Worker (HiGHS-WASM under the strict CSP)', async ({
  page,
}) => {
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  await page.goto('/');
  await page.getByRole('button', { name: 'Einstellungen' }).click();
  await page.getByRole('button', { name: 'Rechenkern prüfen' }).click();
  await expect(page.getByTestId('solver-check-status')).toContainText('Rechenkern in Ordnung', {
    timeout: 60_000,
  });
  await shot(page, 'settings-solver-check');
  expect(errors).toEqual([]);
});
