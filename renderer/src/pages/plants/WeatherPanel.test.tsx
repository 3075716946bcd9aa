import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { i18next, initI18n } from '../../i18n';
import { db } from '../../db/schema';
import { createBlankProject } from '../../project/files';
import { useProject } from '../../project/store';
import { useApp } from '../../store/app';
import { EditorProvider, makeEditor } from './editor';
import { WeatherPanel } from './WeatherPanel';

function Panel() {
  const doc = useProject((s) => s.doc);
  if (!doc) return null;
  return (
    <EditorProvider editor={makeEditor(doc, null)}>
      <WeatherPanel />
    </EditorProvider>
  );
}

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
});
