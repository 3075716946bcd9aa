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
  // A new project opens: it is named in the header and its inputs come up.
  await expect(page.getByTestId('header-project')).toHaveText('Projekt: Quartier Nord');
  await expect(page.getByRole('heading', { level: 1, name: 'Anlagen & Preise' })).toBeVisible();
  await page.getByRole('navigation').getByRole('button', { name: 'Projekte' }).click();
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

test('a meter export is imported in the worker, checked, corrected and saved to the project', async ({
  page,
}) => {
  await page.goto('/');
  await page.getByLabel('Neues Projekt').fill('Lastgang-Test');
  await page.getByLabel('Neues Projekt').press('Enter');
  await page.getByRole('button', { name: 'Profile', exact: true }).click();
  // German export: metadata, decimal comma, kWh per quarter hour stamped at the interval end.
  const csv =
    'Zählpunkt;DE0001;\nDatum;Uhrzeit;Verbrauch [kWh]\n' +
    ['00:15', '00:30', '00:45', '01:00', '01:15', '01:30', '01:45', '02:00']
      .map((t, i) => `02.01.2023;${t};${(i + 1) * 0.25}`.replace(/(\d)\.(\d+)$/, '$1,$2'))
      .join('\n');
  await page
    .getByLabel('Lastgang-Datei (CSV, TXT, XLSX)')
    .setInputFiles({ name: 'lastgang.csv', mimeType: 'text/csv', buffer: Buffer.from(csv, 'latin1') });
  await expect(page.getByTestId('import-facts')).toContainText('windows-1252');
  await expect(page.getByTestId('import-facts')).toContainText('15 min');
  await expect(page.getByTestId('import-energy')).toHaveText('9 kWh'); // 0,25 + 0,5 + … + 2,0
  await expect(page.getByTestId('import-peak')).toHaveText('8 kW'); // 2 kWh in 15 min
  await expect(page.getByTestId('import-warnings')).toContainText('Ende jedes Intervalls');
  await shot(page, 'profile-import');
  // The user corrects a guess: the values are power, not energy.
  await page.getByLabel('Einheit').selectOption('kW');
  await expect(page.getByTestId('import-energy')).toHaveText('2,3 kWh'); // (0,25 + … + 2,0) kW × 0,25 h
  await page.getByLabel('Name des Profils').fill('Wärme Bäckerei');
  await page.getByRole('button', { name: 'Profil speichern' }).click();
  await expect(page.getByTestId('saved-profiles')).toContainText('Wärme Bäckerei: 8 × 15 min');
  // Stored in IndexedDB: after a reload the profile is still there.
  // The app reopens the last page with the last project.
  await page.reload();
  await expect(page.getByRole('heading', { level: 1, name: 'Profile' })).toBeVisible();
  await expect(page.getByTestId('saved-profiles')).toContainText('Wärme Bäckerei: 8 × 15 min, 2,3 kWh');
});

test('gaps are never filled silently: saving needs a fill rule, and the rule is recorded', async ({
  page,
}) => {
  await page.goto('/');
  await page.getByLabel('Neues Projekt').fill('Lücken-Test');
  await page.getByLabel('Neues Projekt').press('Enter');
  await page.getByRole('button', { name: 'Profile', exact: true }).click();
  const csv = 'Zeit;Leistung [kW]\n01.03.2023 00:00;10\n01.03.2023 01:00;20\n01.03.2023 03:00;40\n';
  await page
    .getByLabel('Lastgang-Datei (CSV, TXT, XLSX)')
    .setInputFiles({ name: 'luecke.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
  await expect(page.getByTestId('import-warnings')).toContainText('1 Lücke(n), 1 fehlende(s) Intervall(e)');
  await expect(page.getByRole('button', { name: 'Profil speichern' })).toBeDisabled();
  await page.getByLabel('Lücken (1 Intervalle)').selectOption('linear');
  await page.getByRole('button', { name: 'Profil speichern' }).click();
  // 10, 20, (30), 40 kW over four hours: 100 kWh after filling.
  await expect(page.getByTestId('saved-profiles')).toContainText('luecke: 4 × 60 min (1 × linear), 100 kWh');
});

test('an hourly price series is imported on the Profiles page and used as the grid import price', async ({
  page,
}) => {
  await page.goto('/');
  await page.getByLabel('Neues Projekt').fill('Preis-Test');
  await page.getByLabel('Vorlage').selectOption('single-building');
  await page.getByRole('button', { name: 'Anlegen' }).click();
  await expect(page.getByTestId('header-project')).toContainText('Preis-Test'); // opened on creation
  await page.getByRole('button', { name: 'Profile', exact: true }).click();
  // A day-ahead export has no kW or kWh: chosen as a price, its values are read as they are.
  await page.getByLabel('Zeitreihe ist').selectOption('EUR/MWh');
  const csv =
    'Zeit;Day-Ahead [EUR/MWh]\n' +
    ['80,5', '85,5', '90,5', '96,5'].map((v, h) => `2023-01-01T0${h}:00:00+01:00;${v}`).join('\n');
  await page
    .getByLabel('Lastgang-Datei (CSV, TXT, XLSX)')
    .setInputFiles({ name: 'spot.csv', mimeType: 'text/csv', buffer: Buffer.from(csv, 'utf8') });
  await expect(page.getByTestId('import-facts')).toContainText('60 min');
  await page.getByLabel('Name des Profils').fill('Spotpreis');
  await page.getByRole('button', { name: 'Profil speichern' }).click();
  // Mean of 80,5 85,5 90,5 96,5 by hand: 353 / 4 = 88,25 EUR/MWh.
  await expect(page.getByTestId('saved-profiles')).toContainText(
    'Spotpreis: 4 × 60 min, Mittel 88,25 EUR/MWh',
  );

  await page.getByRole('navigation').getByRole('button', { name: 'Anlagen & Preise' }).click();
  await page
    .getByTestId('imported-prices')
    .getByRole('button', { name: 'als Preiszeitreihe übernehmen' })
    .click();
  await expect(page.getByTestId('imported-prices')).toHaveCount(0);
  await page.getByLabel('Arbeitspreis Strombezug: Art').selectOption('series');
  await expect(page.getByLabel('Preisreihe').first()).toHaveValue('Spotpreis');
  // EUR/MWh → EUR/kWh
  await expect(page.getByLabel(/Faktor/).first()).toHaveValue('0,001');
});
