import { expect, test } from '@playwright/test';
import { mkdirSync } from 'node:fs';
import { nav } from './steps';

/**
 * A 15-minute year from the planner (issue 18), against `npm run web`: the single-building example
 * switched to "Zeitschritt des Modells: 15 Minuten" in the site form, solved with the defaults; the
 * results page says the year ran in quarter hours, with no NaN and no page error. Screenshots go to
 * e2e/artifacts/quarter-*.png.
 */
mkdirSync('e2e/artifacts', { recursive: true });

test('npm run web: a project on a 15-minute time step solves and says so', async ({ page }) => {
  test.setTimeout(480_000);
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(String(e)));

  await page.goto('/');
  await nav(page, 'Projekte');
  await page.getByLabel('Neues Projekt').fill('Einfamilienhaus Viertelstunde');
  await page.getByLabel('Vorlage').selectOption('single-building');
  await page.getByRole('button', { name: 'Anlegen' }).click();
  await expect(page.getByTestId('header-project')).toHaveText('Projekt: Einfamilienhaus Viertelstunde');

  await nav(page, 'Anlagen & Preise');
  const step = page.getByLabel('Zeitschritt des Modells');
  await expect(step).toHaveValue('60');
  await step.selectOption('15');
  await expect(step).toHaveValue('15');
  await expect(page.getByText(/35\.040 Viertelstunden/)).toBeVisible();
  await step.locator('..').screenshot({ path: 'e2e/artifacts/quarter-site.png' });

  await nav(page, 'Szenarien');
  await page.getByRole('tab', { name: 'Basis' }).click();
  await page.getByRole('button', { name: '„Basis“ rechnen' }).click();
  await expect(page.getByTestId('result-base')).toContainText('aktuell', { timeout: 420_000 });
  await expect(page.getByTestId('result-base')).not.toContainText(/NaN|unbeschränkt/);

  await nav(page, 'Ergebnisse');
  await expect(page.getByRole('heading', { name: 'Kennzahlen' })).toBeVisible({ timeout: 60_000 });
  await expect(page.getByTestId('quarter-hours')).toHaveText(
    'Zeitschritt 15 Minuten: Kosten, Energien und Spitzenbezug aus allen Viertelstunden des Jahres; der Fahrplan zeigt Stundenmittel.',
  );
  await expect(page.locator('main')).toContainText('über das ganze Jahr verfeinert in Viertelstunden');
  await expect(page.locator('main')).not.toContainText('NaN');
  await page.screenshot({ path: 'e2e/artifacts/quarter-results.png', fullPage: true });
  expect(errors).toEqual([]);
});
