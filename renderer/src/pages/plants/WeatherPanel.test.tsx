import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { i18next, initI18n } from '../../i18n';
import { db } from '../../db/schema';
import { createBlankProject } from '../../project/files';
import { useProject } from '../../project/store';
import { useApp } from '../../store/app';
import { BaseEditor } from './testing';
import { WeatherPanel } from './WeatherPanel';
import pvgis from '../../../../assets/weather/tmy_45.000_8.000_2005_2023.csv?raw';

const Panel = () => (
  <BaseEditor>
    <WeatherPanel />
  </BaseEditor>
);

beforeAll(async () => {
  await initI18n('de');
});
beforeEach(async () => {
  const p = await createBlankProject(db(), 'Wetter');
  await useProject.getState().load(db(), p.id);
  await useProject.getState().edit((d) => {
    d.site.latitude_deg = 52.52;
    d.site.longitude_deg = 13.4;
  });
});
afterEach(async () => {
  cleanup();
  await useProject.getState().load(db(), null);
});

async function show(language: 'de' | 'en') {
  useApp.setState({ language });
  await i18next.changeLanguage(language);
  render(<Panel />);
  await screen.findByTestId('weather-months');
  return screen.getByTestId('site-weather');
}

describe('the weather of the site in the planner', () => {
  it('names the DWD TRY of the nearest region, its months, position, time basis and source (German)', async () => {
    const panel = await show('de');
    expect(screen.getByTestId('weather-which').textContent).toBe(
      'DWD-Testreferenzjahr 2015, Region 4 Potsdam (Nordostdeutsches Tiefland), 27 km vom Standort',
    );
    const table = screen.getByTestId('weather-months');
    expect(table.textContent).toContain('Jan');
    expect(table.textContent).toContain('9,9'); // annual mean 9.939 °C
    expect(panel.textContent).toContain('MEZ (UTC+1)');
    expect(panel.textContent).toContain('Lage der Daten: 52,');
    expect(screen.getByTestId('weather-source').textContent).toBe('Quelle: Deutscher Wetterdienst');
    expect(panel.textContent).not.toMatch(/NaN|undefined|planner\.weather/);
  });

  it('in English, and the 2045 projection or another region can be chosen', async () => {
    const panel = await show('en');
    expect(screen.getByTestId('weather-which').textContent).toBe(
      'DWD test reference year 2015, region 4 Potsdam (North-east German lowlands), 27 km from the site',
    );
    expect(panel.textContent).toContain('Global horizontal irradiation');
    expect(screen.getByTestId('weather-source').textContent).toBe('Quelle: Deutscher Wetterdienst');
    fireEvent.change(screen.getByLabelText('Year'), { target: { value: '2045' } });
    await waitFor(() =>
      expect(useProject.getState().doc?.site.weather).toEqual({ kind: 'dwd-try', year: 2045 }),
    );
    await waitFor(() => expect(screen.getByTestId('weather-which').textContent).toContain('year 2045'));
    fireEvent.change(screen.getByLabelText('TRY region'), { target: { value: '2' } });
    await waitFor(() =>
      expect(useProject.getState().doc?.site.weather).toEqual({ kind: 'dwd-try', year: 2045, region: 2 }),
    );
    await waitFor(() => expect(screen.getByTestId('weather-which').textContent).toContain('Rostock'));
    expect(panel.textContent).not.toMatch(/NaN|undefined|planner\.weather/);
  });

  it('imports a PVGIS weather file: source, position, time basis and months of the file (German)', async () => {
    const panel = await show('de');
    const input = screen.getByLabelText('Wetterdatei importieren (PVGIS, EPW, DWD-TRY)');
    fireEvent.change(input, { target: { files: [new File([pvgis], 'tmy_45_8.csv')] } });
    await waitFor(() =>
      expect(useProject.getState().doc?.site.weather).toMatchObject({
        kind: 'file',
        name: 'tmy_45_8.csv',
        format: 'pvgis-csv',
        latitude_deg: 45,
        longitude_deg: 8,
      }),
    );
    await waitFor(() =>
      expect(screen.getByTestId('weather-which').textContent).toBe(
        'Wetterdatei tmy_45_8.csv (PVGIS TMY, CSV)',
      ),
    );
    await waitFor(() => expect(panel.textContent).toContain('Lage der Daten: 45° N, 8° O, 250 m ü. NN'));
    expect(panel.textContent).toContain('Zeitbasis: UTC, Einstrahlung je Zeile bei Stundenbeginn + 0,18 h');
    expect(screen.getByTestId('weather-months').textContent).toContain('1.436'); // kWh/m² a year
    expect(screen.getByTestId('weather-source').textContent).toContain('PVGIS');
    const stored = await db().weatherFiles.get(useProject.getState().projectId!);
    expect(stored?.weather.temperature_C).toHaveLength(8760);
    expect(panel.textContent).not.toMatch(/NaN|undefined|planner\.weather/);
  });

  it('a bad file gives a located message in the user’s language and changes nothing', async () => {
    await show('en');
    const before = structuredClone(useProject.getState().doc);
    const bad = pvgis.replace('20180101:0100,1.98,', '20180101:0100,warm,'); // line 20
    fireEvent.change(screen.getByLabelText('Import weather file (PVGIS, EPW, DWD TRY)'), {
      target: { files: [new File([bad], 'bad.csv')] },
    });
    const msg = await screen.findByTestId('weather-import-error');
    expect(msg.textContent).toMatch(/^The file bad\.csv could not be read as a weather file/);
    expect(msg.textContent).toContain('Nothing was changed.');
    expect(useProject.getState().doc).toEqual(before);
    expect(msg.textContent).toContain('weather file, line 20: ');
    expect(msg.textContent).toContain('column T2m holds “warm” where a number is expected');
    expect(await db().weatherFiles.get(useProject.getState().projectId!)).toBeUndefined();
  });

  it('says the fault in German too, with its line', async () => {
    await show('de');
    const bad = pvgis.replace('20180101:0100,1.98,', '20180101:0100,warm,');
    fireEvent.change(screen.getByLabelText('Wetterdatei importieren (PVGIS, EPW, DWD-TRY)'), {
      target: { files: [new File([bad], 'bad.csv')] },
    });
    const msg = await screen.findByTestId('weather-import-error');
    expect(msg.textContent).toContain('Zeile 20: in Spalte T2m steht „warm“, erwartet ist eine Zahl');
    expect(msg.textContent).not.toMatch(/expected|found/);
  });
});
