import { expect, test, type Page } from '@playwright/test';
import { recordTiming } from './timing';
import { readFileSync } from 'node:fs';

/**
 * The planner's journeys against the built renderer (port 4182 when run alone):
 * new project → CSV profile → technologies → optimise → capacities; a variant with another gas
 * price, compared; reload right after an edit; export → import → export identical.
 */
const shot = (page: Page, name: string) =>
  page.screenshot({ path: `e2e/artifacts/${name}.png`, fullPage: true });

/** Hourly heat demand for 2023 in standard time: 250–750 kW (winter high) with one peak of exactly 800 kW. */
function heatCsv(): { text: string; peak_kW: number; annual_kWh: number; values: number[] } {
  const lines = ['Zeit;Wärme kW'];
  const values: number[] = [];
  let annual = 0;
  let peak = 0;
  for (let h = 0; h < 8760; h++) {
    const d = new Date(Date.UTC(2023, 0, 1, h));
    // ISO 8601 with the offset of standard time all year, as a meter export in standard time.
    const stamp = `2023-${String(d.getUTCMonth() + 1).padStart(2, '0')}-${String(d.getUTCDate()).padStart(2, '0')}T${String(d.getUTCHours()).padStart(2, '0')}:00:00+01:00`;
    const v = h === 400 ? 800 : Math.round((500 + 250 * Math.cos((2 * Math.PI * h) / 8760)) * 10) / 10;
    values.push(v);
    annual += v;
    peak = Math.max(peak, v);
    lines.push(`${stamp};${String(v).replace('.', ',')}`);
  }
  return { text: lines.join('\r\n') + '\r\n', peak_kW: peak, annual_kWh: annual, values };
}

let page: Page;
const errors: string[] = [];

/** The CO2 price of the open project as stored in IndexedDB (what a reload will show). */
function storedCo2Price(page: Page): Promise<number | undefined> {
  return page.evaluate(async () => {
    const id = (JSON.parse(localStorage.getItem('werkplan.ui') ?? '{}') as { activeProjectId?: string })
      .activeProjectId;
    const idb = await new Promise<IDBDatabase>((resolve, reject) => {
      const req = indexedDB.open('werkplan');
      req.onsuccess = () => resolve(req.result);
      req.onerror = () => reject(req.error ?? new Error('IndexedDB request failed'));
    });
    const row = await new Promise<{ document?: { economics?: { co2Price_EUR_t?: number } } } | undefined>(
      (resolve, reject) => {
        const req = idb
          .transaction('projects')
          .objectStore('projects')
          .get(id ?? '');
        req.onsuccess = () =>
          resolve(req.result as { document?: { economics?: { co2Price_EUR_t?: number } } });
        req.onerror = () => reject(req.error ?? new Error('IndexedDB request failed'));
      },
    );
    idb.close();
    return row?.document?.economics?.co2Price_EUR_t;
  });
}

async function nav(page: Page, name: string) {
  await page.getByRole('navigation').getByRole('button', { name }).click();
}

async function setNumber(page: Page, label: string | RegExp, value: string, scope = page.locator('body')) {
  const field = scope.getByLabel(label).first();
  await field.fill(value);
  await field.press('Enter');
}

test('planner journeys in one browser profile', async ({ page: p, context }) => {
  test.setTimeout(300_000);
  page = p;
  const csv = heatCsv();
  page.on('pageerror', (e) => errors.push(String(e)));
  // Headless Chromium has the File System Access API but cannot show its pickers: use download/input.
  await context.addInitScript(() => {
    delete (window as unknown as Record<string, unknown>).showSaveFilePicker;
    delete (window as unknown as Record<string, unknown>).showOpenFilePicker;
  });

  await test.step('new project → CSV profile → technologies → optimise: capacities as computed by hand', async () => {
    await page.goto('/');
    await page.getByLabel('Neues Projekt').fill('Nahwärme Süd');
    await page.getByRole('button', { name: 'Anlegen' }).click();
    await expect(page.getByTestId('header-project')).toHaveText('Projekt: Nahwärme Süd'); // opened

    // Import the heat profile on the Profiles page.
    await nav(page, 'Profile');
    await page.getByLabel('Lastgang-Datei (CSV, TXT, XLSX)').setInputFiles({
      name: 'waerme-2023.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from(csv.text, 'utf8'),
    });
    await page.getByRole('button', { name: 'Profil speichern' }).click();
    await expect(page.getByText(/waerme-2023/).first()).toBeVisible();

    // Plants & prices: the profile as heat demand, BDEW G25 as electricity, grid, two technologies.
    await nav(page, 'Anlagen & Preise');
    await expect(page.getByRole('heading', { level: 1, name: 'Anlagen & Preise' })).toBeVisible();
    await setNumber(page, 'Betrachtungsjahr', '2023');
    await page.getByRole('button', { name: 'Als Wärmebedarf verwenden' }).click();
    await expect(page.getByTestId('demand-heat-info')).toContainText('Jahresenergie');
    await page.getByLabel('Bedarf', { exact: true }).selectOption('electricity');
    await page.getByLabel('Profiltyp').selectOption('G25');
    await setNumber(page, /^Jahresenergie/, '200.000');
    await page.getByRole('button', { name: 'Profil erzeugen und zuordnen' }).click();
    await expect(page.getByTestId('demand-electricity-info')).toContainText('200.000 kWh');
    await page.getByRole('button', { name: 'Strombezug hinzufügen' }).click();

    await page.getByLabel('Technologiekatalog').selectOption('gasBoiler');
    await page.getByRole('button', { name: 'Mit Standardwerten hinzufügen' }).click();
    await page.getByLabel('Technologiekatalog').selectOption('electricBoiler');
    await page.getByRole('button', { name: 'Mit Standardwerten hinzufügen' }).click();
    await expect(page.getByTestId('tech-gasBoiler')).toBeVisible();
    await expect(page.getByTestId('tech-electricBoiler')).toBeVisible();

    // A bad value is refused next to its field, in German.
    const capex = page.getByTestId('gasBoiler-capex');
    await capex.fill('-5');
    await capex.press('Enter');
    await expect(capex).toHaveAttribute('aria-invalid', 'true');
    await expect(page.getByTestId('tech-gasBoiler').getByRole('alert')).toHaveText('Mindestens 0.');
    await capex.fill('100');
    await capex.press('Enter');
    await expect(capex).not.toHaveAttribute('aria-invalid', 'true');

    await expect(page.getByTestId('problems')).toContainText('Das Projekt kann gerechnet werden');
    await shot(page, 'planner-plants');

    // Optimise the base over all hours.
    await nav(page, 'Szenarien');
    await page.getByLabel('Rechenart').selectOption('full');
    const started = Date.now();
    await page.getByRole('button', { name: '„Basis“ rechnen' }).click();
    await expect(page.getByTestId('run-status')).toContainText('s');
    await expect(page.getByTestId('result-base')).toContainText('aktuell', { timeout: 180_000 });
    const seconds = (Date.now() - started) / 1000;
    recordTiming('base run (full year, 2 technologies)', `${seconds.toFixed(1)} s in the browser`);
    // By hand: gas heat costs (0.06 + 55 EUR/t × 0.201 kg/kWh) / 0.95 = 0.0748 EUR/kWh, electric heat
    // 0.25 / 0.99 = 0.2525 EUR/kWh, no storage: the gas boiler is sized to the peak, 800 kW.
    const caps = page.getByTestId('capacities-base');
    // the plants under their names (from the catalogue), not their ids
    await expect(caps).toContainText(
      `Gaskessel (Brennwert, Heizzentrale) ${csv.peak_kW.toLocaleString('de-DE')} kW`,
    );
    await expect(caps).toContainText('Elektrodenkessel (Power-to-Heat) 0 kW');
    await shot(page, 'planner-run');
    expect(errors).toEqual([]);
  });

  await test.step('a variant with a higher gas price: diff, run all, compare; stale marking', async () => {
    await page.goto('/');
    await nav(page, 'Projekte'); // the app reopens the last page
    await expect(page.getByRole('button', { name: 'Nahwärme Süd' })).toBeVisible();
    await page.getByRole('button', { name: 'Nahwärme Süd' }).click();
    await nav(page, 'Szenarien');
    await page.getByLabel('Neue Variante').fill('Gas teuer');
    await page.getByRole('button', { name: 'Variante anlegen' }).click();
    await expect(page.getByRole('tab', { name: /Gas teuer/ })).toHaveAttribute('aria-selected', 'true');
    await setNumber(page, 'Preis Erdgas', '0,30');
    const diff = page.getByTestId('diff');
    await expect(diff).toContainText('Preis Erdgas'); // the label; the pointer is its title
    await expect(diff).toContainText('0,06');
    await expect(diff).toContainText('0,3');
    await expect(diff).toContainText('EUR/kWh');

    await page.getByRole('button', { name: 'Alle Szenarien rechnen' }).click();
    await expect(page.getByTestId('result-gas-teuer')).toContainText('aktuell', { timeout: 240_000 });
    await expect(page.getByTestId('result-base')).toContainText('aktuell');
    // By hand: electric heat 0.25 / 0.99 = 0.2525 EUR/kWh is now cheaper than gas heat
    // (0.30 + 0.011) / 0.95 = 0.3274 EUR/kWh, by 0.0749 EUR/kWh; but a kW of gas boiler costs
    // 100 × (a + 0.02) = 10.02 EUR/a against 150 × (a + 0.015) = 14.29 EUR/a for the electrode boiler
    // (annuity a = 0.0802 at 5 %, 20 years). So the gas boiler keeps the top layer of the load that is
    // needed in fewer than 4.26 / 0.0749 = 56.9 hours: capacity = peak − 57th-highest hourly load.
    const annuity = 0.05 / (1 - 1.05 ** -20);
    const hours =
      (100 * (annuity + 0.02) - 150 * (annuity + 0.015)) / (0.25 / 0.99 - (0.3 + 0.055 * 0.201) / 0.95);
    const sorted = [...csv.values].sort((x, y) => y - x);
    const level = sorted[Math.floor(hours)];
    const capsText = (await page.getByTestId('capacities-gas-teuer').textContent()) ?? '';
    const cap = (name: string) =>
      Number(
        new RegExp(`${name.replace(/[()]/g, '\\$&')} ([\\d.,]+) kW`)
          .exec(capsText)?.[1]
          .replace(/\./g, '')
          .replace(',', '.'),
      );
    expect(hours).toBeGreaterThan(56);
    expect(hours).toBeLessThan(58);
    expect(Math.abs(cap('Elektrodenkessel (Power-to-Heat)') - level)).toBeLessThan(0.5);
    expect(Math.abs(cap('Gaskessel (Brennwert, Heizzentrale)') - (csv.peak_kW - level))).toBeLessThan(0.5);
    const cost = async (id: string) =>
      Number(
        ((await page.getByTestId(`result-${id}`).locator('td').nth(1).textContent()) ?? '')
          .replace(/[^\d,]/g, '')
          .replace(',', '.'),
      );
    expect(await cost('gas-teuer')).toBeGreaterThan(await cost('base'));
    await shot(page, 'planner-scenarios');

    // The run mode is the variant's own (it started in the base's): changing it marks only its result stale.
    await page.getByRole('tab', { name: /Gas teuer/ }).click();
    await expect(page.getByLabel('Rechenart')).toHaveValue('full');
    await page.getByLabel('Rechenart').selectOption('aggregated');
    await expect(page.getByTestId('result-gas-teuer')).toContainText('veraltet');
    await expect(page.getByTestId('result-base')).toContainText('aktuell');
    await page.getByLabel('Rechenart').selectOption('full');
    await expect(page.getByTestId('result-gas-teuer')).toContainText('aktuell');

    // An edit of the base marks both results stale.
    await page.getByRole('tab', { name: 'Basis' }).click();
    await nav(page, 'Anlagen & Preise');
    await setNumber(page, 'CO₂-Preis', '80');
    await nav(page, 'Szenarien');
    await expect(page.getByTestId('result-base')).toContainText('veraltet');
    await expect(page.getByTestId('result-gas-teuer')).toContainText('veraltet');

    // Sensitivity: three gas prices.
    await page.getByLabel('von').first().fill('0,05');
    await page.getByLabel('von').first().press('Tab');
    await page.getByLabel('bis').first().fill('0,35');
    await page.getByLabel('bis').first().press('Tab');
    await page.getByRole('button', { name: 'Sensitivität rechnen' }).click();
    await expect(page.getByTestId('sweep-status')).toContainText('3 von 3', { timeout: 240_000 });
    await expect(page.getByTestId('sweep-table').locator('tbody tr')).toHaveCount(3);
    await shot(page, 'planner-sweep');
    expect(errors).toEqual([]);
  });

  await test.step('reload right after an edit keeps it; undo and redo with the keyboard', async () => {
    await page.goto('/');
    await nav(page, 'Projekte');
    await page.getByRole('button', { name: 'Nahwärme Süd' }).click();
    await nav(page, 'Anlagen & Preise');
    const co2 = page.getByTestId('co2-price');
    await co2.fill('123,5');
    await co2.press('Enter');
    await page.reload();
    await expect(page.getByTestId('co2-price')).toHaveValue('123,5');
    await page.getByTestId('co2-price').fill('99');
    await page.getByTestId('co2-price').press('Tab');
    await page.keyboard.press('Control+z');
    await expect(page.getByTestId('co2-price')).toHaveValue('123,5');
    await page.keyboard.press('Control+y');
    await expect(page.getByTestId('co2-price')).toHaveValue('99');
    // Edit, undo and redo are three writes in a row; the store promises them once saved, so wait
    // until the last one is stored (on a loaded machine a reload can come before it).
    await expect.poll(() => storedCo2Price(page)).toBe(99);
    await page.reload();
    await expect(page.getByTestId('co2-price')).toHaveValue('99');
    await expect(page.getByTestId('tech-gasBoiler')).toBeVisible();
    await nav(page, 'Szenarien');
    await expect(page.getByRole('tab', { name: /Gas teuer/ })).toBeVisible();
  });

  await test.step('export a project file and import it again: identical', async () => {
    await page.goto('/');
    await nav(page, 'Projekte');
    const row = page.getByTestId('project-row').filter({ hasText: 'Nahwärme Süd' });
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      row.getByRole('button', { name: 'Exportieren' }).click(),
    ]);
    const first = readFileSync(await download.path(), 'utf8');
    const doc = JSON.parse(first) as {
      timeSeries: Record<string, { values: number[] }>;
      scenarios: unknown[];
    };
    expect(Object.values(doc.timeSeries).every((s) => s.values.length === 8760)).toBe(true);
    expect(doc.scenarios).toHaveLength(1);

    await page.getByLabel('Projektdatei importieren …').setInputFiles({
      name: 'nahwaerme.werkplan.json',
      mimeType: 'application/json',
      buffer: Buffer.from(first, 'utf8'),
    });
    await expect(page.getByRole('status')).toContainText('importiert');
    await expect(page.getByTestId('project-row').filter({ hasText: 'Nahwärme Süd' })).toHaveCount(2);
    const imported = page.getByTestId('project-row').filter({ hasText: 'Nahwärme Süd' }).first();
    const [again] = await Promise.all([
      page.waitForEvent('download'),
      imported.getByRole('button', { name: 'Exportieren' }).click(),
    ]);
    const second = readFileSync(await again.path(), 'utf8');
    expect(second).toBe(first);

    // A broken file is refused with located errors.
    const broken = first.replace('"interestRate": 0.05', '"interestRate": "fünf"');
    await page.getByLabel('Projektdatei importieren …').setInputFiles({
      name: 'kaputt.json',
      mimeType: 'application/json',
      buffer: Buffer.from(broken, 'utf8'),
    });
    // located, in plain words: the field as the form names it, no JSON pointer
    await expect(page.getByRole('alert')).toContainText(
      /kaputt\.json:\d+:\d+ – Kalkulationszins ist keine Zahl\./,
    );
    await expect(page.getByRole('alert')).not.toContainText('/economics');
    await shot(page, 'planner-projects');

    // Create from an example and duplicate it.
    await page.getByLabel('Neues Projekt').fill('Referenz');
    await page.getByLabel('Vorlage').selectOption('reference-hub');
    await page.getByRole('button', { name: 'Anlegen' }).click();
    await expect(page.getByTestId('header-project')).toHaveText('Projekt: Referenz'); // opened
    await nav(page, 'Projekte');
    await expect(page.getByRole('button', { name: 'Referenz', exact: true })).toBeVisible();
    await page
      .getByTestId('project-row')
      .filter({ hasText: /^Referenz/ })
      .getByRole('button', { name: 'Duplizieren' })
      .click();
    await expect(page.getByRole('button', { name: 'Referenz (Kopie)' })).toBeVisible();
    await page.getByRole('button', { name: 'Referenz (Kopie)' }).click();
    await nav(page, 'Szenarien');
    await expect(page.getByRole('tab', { name: /Gaspreis \+50 %/ })).toBeVisible();
    await page.getByRole('tab', { name: /Gaspreis \+50 %/ }).click();
    await expect(page.getByTestId('diff')).toContainText('0,0825');
  });

  await test.step('a long run stays cancelable and the page responsive', async () => {
    // The reference district over all 8760 hours takes minutes: start it, use the page, cancel.
    await page.getByRole('tab', { name: 'Basis' }).click();
    await page.getByLabel('Rechenart').selectOption('full');
    await page.getByRole('button', { name: '„Basis“ rechnen' }).click();
    await expect(page.getByTestId('run-status')).toContainText('Basis:');
    const t0 = Date.now();
    await nav(page, 'Anlagen & Preise');
    await expect(page.getByRole('heading', { level: 1, name: 'Anlagen & Preise' })).toBeVisible();
    await nav(page, 'Szenarien');
    const roundTrip_ms = Date.now() - t0;
    recordTiming('page switch during a run', `${roundTrip_ms} ms`);
    expect(roundTrip_ms).toBeLessThan(3000);
    // the run kept its state across the page switch (it lives in a store, not in the page)
    await expect(page.getByTestId('run-status')).toContainText('Basis:');
    await page.waitForTimeout(1500);
    const c0 = Date.now();
    await page.getByRole('button', { name: 'Abbrechen' }).click();
    // A cancel ends the solver worker (its HiGHS solve with it), so it takes effect at once.
    await expect(page.getByTestId('run-status')).toHaveText('Abgebrochen.', { timeout: 5_000 });
    recordTiming('cancel', `${Date.now() - c0} ms`);
    // The next run gets a fresh worker: it starts, reports its phase, and cancels again.
    await page.getByRole('button', { name: '„Basis“ rechnen' }).click();
    await expect(page.getByTestId('run-status')).toContainText('Basis:');
    await page.getByRole('button', { name: 'Abbrechen' }).click();
    await expect(page.getByTestId('run-status')).toHaveText('Abgebrochen.', { timeout: 5_000 });
  });

  await test.step('the planner in English', async () => {
    await page.locator('#header-language').selectOption('en');
    await nav(page, 'Plants & Prices');
    await expect(page.getByRole('heading', { level: 1, name: 'Plants & Prices' })).toBeVisible();
    await expect(page.getByText('Technology catalogue')).toBeVisible();
    await expect(page.getByLabel('Interest rate [%]')).toHaveValue('5');
    await shot(page, 'planner-plants-en');
    await page.locator('#header-language').selectOption('de');
  });
});
