import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { initI18n } from '../i18n';
import { db } from '../db/schema';
import { createBlankProject } from '../project/files';
import { useProject } from '../project/store';
import { useApp } from '../store/app';
import { importProfile, ImportError, type ImportSettings } from '../../../solver/src/profiles/import/parse';
import type { ImportResponse } from '../workers/import.worker';
import ProfilesPage, { withoutUnit } from './ProfilesPage';

// happy-dom has no canvas: the preview chart is not what this test is about
vi.mock('echarts', () => ({ init: () => ({ setOption: () => undefined, dispose: () => undefined }) }));
vi.mock('../platform/files', () => ({ files: () => ({ kind: 'web' }) }));
// The worker's work, done in the test's thread.
const calls: ImportSettings[] = [];
vi.mock('../solver/importClient', () => ({
  importInWorker: async (
    _name: string,
    bytes: Uint8Array,
    settings: ImportSettings,
  ): Promise<ImportResponse> => {
    calls.push(settings);
    try {
      return { id: 'import-1', ok: true, result: importProfile(bytes, settings) };
    } catch (e) {
      const err = e as ImportError;
      return { id: 'import-1', ok: false, message: err.message, line: err.line ?? null, detail: err.detail };
    }
  },
}));

beforeAll(async () => {
  await initI18n('de');
});
beforeEach(async () => {
  calls.length = 0;
  const p = await createBlankProject(db(), 'Lastgang');
  useApp.setState({ language: 'de', activeProjectId: p.id });
  await useProject.getState().load(db(), p.id);
});
afterEach(async () => {
  cleanup();
  await useProject.getState().load(db(), null);
  await db().timeSeries.clear();
  await db().projects.clear();
});

/** A German meter export in local wall time that includes the hour skipped in spring (as some meters write). */
function meterExport(): File {
  const rows: string[] = [];
  for (const day of ['25.03.2023', '26.03.2023'])
    for (let h = 0; h < 24; h++)
      rows.push(`${day};${String(h).padStart(2, '0')}:00;${h === 5 ? 'n/a' : '12,5'}`);
  const text = 'Zählpunkt;DE0001\n\nDatum;Uhrzeit;Wirkleistung [kW]\n' + rows.join('\n');
  return new File([text], 'zaehler.csv', { type: 'text/csv' });
}

describe('Profiles page import', () => {
  // 26.03.2023 02:00 is line 30: three lines above the data, 24 of 25 March, then 00:00 and 01:00
  it('shows the settings when detection fails, and reads the file again with the corrected setting', async () => {
    render(<ProfilesPage />);
    const input = await screen.findByLabelText('Lastgang-Datei (CSV, TXT, XLSX)');
    fireEvent.change(input, { target: { files: [meterExport()] } });
    expect((await screen.findByRole('alert')).textContent).toBe(
      "Fehler: zaehler.csv: Zeile 30: '26.03.2023' gibt es in Europe/Berlin nicht (die Stunde, die bei der Umstellung auf Sommerzeit entfällt)",
    );
    expect(screen.getByText('Einstellungen für den Import')).toBeTruthy();
    expect(screen.getByRole('option', { name: 'Komma (1,5)' })).toBeTruthy();
    fireEvent.click(screen.getByLabelText('Zeitstempel ganzjährig in Normalzeit (ohne Sommerzeit)'));
    await waitFor(() => expect(screen.getByTestId('import-facts')).toBeTruthy());
    expect(calls.at(-1)).toEqual({ standardTime: true });
    const facts = screen.getByTestId('import-facts').textContent ?? '';
    expect(facts).toContain('deutsch, Datum und Uhrzeit getrennt (TT.MM.JJJJ; hh:mm)');
    expect(facts).toContain('Semikolon');
    expect(facts).not.toContain('german');
    // the 'n/a' cells are gaps with their place, two of them (05:00 on each day)
    expect(screen.getByTestId('import-warnings').textContent).toContain(
      "Zeile 9, Spalte 'Wirkleistung [kW]': kein Wert ('n/a'), als Lücke gelesen",
    );
    expect(screen.getByLabelText('Lücken (2 Intervalle)')).toBeTruthy();
  });
});

/** Two January days in hours, one column with the given heading and value. */
function simpleExport(heading: string, value: string): File {
  const rows: string[] = [];
  for (const day of ['02.01.2023', '03.01.2023'])
    for (let h = 0; h < 24; h++) rows.push(`${day};${String(h).padStart(2, '0')}:00;${value}`);
  return new File([`Datum;Uhrzeit;${heading}\n${rows.join('\n')}`], 'messung.csv', { type: 'text/csv' });
}

describe('Profiles page preview heading', () => {
  it('takes the unit off a column heading once, and leaves other words in brackets', () => {
    expect(withoutUnit('Wirkleistung [kW]')).toBe('Wirkleistung');
    expect(withoutUnit('Leistung in kW')).toBe('Leistung');
    expect(withoutUnit('Bezug (kWh)')).toBe('Bezug');
    expect(withoutUnit('Temperatur (°C)')).toBe('Temperatur');
    expect(withoutUnit('Außentemperatur °C')).toBe('Außentemperatur');
    expect(withoutUnit('Preis [EUR/MWh]')).toBe('Preis');
    expect(withoutUnit('Leistung (Zähler 2)')).toBe('Leistung (Zähler 2)');
    expect(withoutUnit('[kW]')).toBe('[kW]');
  });

  it('a load column shows kW once', async () => {
    render(<ProfilesPage />);
    const input = await screen.findByLabelText('Lastgang-Datei (CSV, TXT, XLSX)');
    fireEvent.change(input, { target: { files: [simpleExport('Wirkleistung [kW]', '12,5')] } });
    const heading = await screen.findByRole('columnheader', { name: /Wirkleistung/ });
    expect(heading.textContent).toBe('Wirkleistung [kW]');
    expect(screen.getByTestId('import-energy').textContent).toBe('600 kWh');
    expect(screen.getByTestId('import-peak').textContent).toBe('12,5 kW');
  });

  it('a temperature column is shown in °C, never kW, and has no energy', async () => {
    render(<ProfilesPage />);
    fireEvent.change(await screen.findByLabelText('Zeitreihe ist'), { target: { value: 'temperature' } });
    const input = screen.getByLabelText('Lastgang-Datei (CSV, TXT, XLSX)');
    fireEvent.change(input, { target: { files: [simpleExport('Temperatur [kW]', '-2,5')] } });
    const heading = await screen.findByRole('columnheader', { name: /Temperatur/ });
    expect(heading.textContent).toBe('Temperatur [°C]');
    expect(screen.queryByTestId('import-energy')).toBeNull();
    const facts = screen.getByTestId('import-facts').textContent ?? '';
    expect(facts).toContain('Höchstwert-2,5 °C');
    expect(facts).not.toContain('kW');
  });
});

describe('Profiles page: what the import guessed, shown and correctable', () => {
  it('a bare hourly column goes onto the project year; unit and scale are shown as guessed', async () => {
    const year = useProject.getState().doc!.site.year;
    const hours = (Date.UTC(year + 1, 0, 1) - Date.UTC(year, 0, 1)) / 3_600_000;
    const text = 'Wert\r\n' + Array.from({ length: hours }, () => '120500').join('\r\n');
    render(<ProfilesPage />);
    const input = await screen.findByLabelText('Lastgang-Datei (CSV, TXT, XLSX)');
    fireEvent.change(input, { target: { files: [new File([text], 'spalte.csv', { type: 'text/csv' })] } });
    await waitFor(() => expect(screen.getByTestId('import-facts')).toBeTruthy());
    expect(calls.at(-1)).toEqual({ year });
    expect(screen.getByLabelText<HTMLInputElement>('Jahr (nur ohne Zeitstempel)').value).toBe(String(year));
    expect(screen.getByTestId('import-time-basis').textContent).toBe(
      'keine Zeitstempel (auf das Jahr gelegt)',
    );
    expect(screen.getByTestId('import-unit').textContent).toBe('kW (geschätzt)');
    expect(screen.getByRole('option', { name: 'automatisch (W, geschätzt)' })).toBeTruthy();
    const warnings = screen.getByTestId('import-warnings').textContent ?? '';
    expect(warnings).toContain(`ab 1. Januar ${year} 00:00 Normalzeit`);
    expect(warnings).toContain('aus der Größe der Zahlen geschätzt');
    fireEvent.change(screen.getByLabelText('Größenordnung der Zahlen'), { target: { value: 'kW' } });
    await waitFor(() => expect(calls.at(-1)).toEqual({ year, scale: 'kW' }));
    await waitFor(() => expect(screen.getByTestId('import-peak').textContent).toBe('120.500 kW'));
  });
});
