import { expect, type Locator, type Page } from '@playwright/test';

/**
 * Steps the web specs share: the side navigation, a profile import on the Profiles page, and the
 * visible text of a page part for the language check.
 */

export async function nav(page: Page, name: string): Promise<void> {
  await page.getByRole('navigation').getByRole('button', { name }).click();
}

/** Imports a CSV on the Profiles page (German UI) and saves it under its file name without extension. */
export async function importProfileCsv(page: Page, file: string, csv: string): Promise<void> {
  await page.getByLabel('Lastgang-Datei (CSV, TXT, XLSX)').setInputFiles({
    name: file,
    mimeType: 'text/csv',
    buffer: Buffer.from(csv, 'utf8'),
  });
  await page.getByRole('button', { name: 'Profil speichern' }).click();
  // the user's words, umlaut and space kept
  await expect(
    page
      .locator('main')
      .getByText(file.replace(/\.csv$/, ''))
      .first(),
  ).toBeVisible();
}

/**
 * The visible text of `scope` without source notes (p.source): a technology's or series' note is
 * stored text, kept in the language it was written in, so the language check leaves it out.
 */
export function textWithoutSourceNotes(scope: Locator): Promise<string> {
  return scope.evaluate((el) => {
    const copy = el.cloneNode(true) as HTMLElement;
    copy.querySelectorAll('p.source').forEach((p) => p.remove());
    document.body.append(copy);
    const t = copy.innerText;
    copy.remove();
    return t;
  });
}
