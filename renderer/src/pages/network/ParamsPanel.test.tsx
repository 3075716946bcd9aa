import { act, cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { i18next, initI18n } from '../../i18n';
import { db } from '../../db/schema';
import { createBlankProject } from '../../project/files';
import { useProject } from '../../project/store';
import { useApp } from '../../store/app';
import { useNetworkDesign } from './designStore';
import NetworkPage from './NetworkPage';

// The page is tested against a fixed reader (testFixture.ts), not the solver's.
vi.mock('../../../../solver/src', async (importOriginal) => {
  const orig = await importOriginal<typeof import('../../../../solver/src')>();
  const f = await import('./testFixture');
  return {
    ...orig,
    readNetworkGeoJson: f.fakeRead,
    readNetworkCollection: f.fakeCollection,
    designNetwork: f.fakeDesign,
  };
});
vi.mock('../../platform/files', () => ({ files: () => ({ kind: 'web' }) }));

const GEOJSON = { type: 'FeatureCollection', features: [] };

beforeAll(async () => {
  await initI18n('de');
});
beforeEach(async () => {
  await setLanguage('de');
  const p = await createBlankProject(db(), 'Netz');
  act(() => useApp.getState().setActiveProject(p.id));
  await useProject.getState().load(db(), p.id);
  await useProject.getState().edit((d) => {
    d.network = { geojson: GEOJSON, params: { forcedStreets: ['s1'] } };
  });
  useNetworkDesign.setState({ projectId: null, design: null, key: null, busy: false, failed: false });
});
afterEach(async () => {
  cleanup();
  await useProject.getState().load(db(), null);
});

async function setLanguage(language: 'de' | 'en') {
  useApp.setState({ language });
  await i18next.changeLanguage(language);
}

const params = () => useProject.getState().doc!.network?.params;
const row = (field: string) => within(screen.getByTestId(`param-${field}`));
const input = (field: string) => screen.getByTestId<HTMLInputElement>(`param-input-${field}`);

/** Types a value into a parameter field and leaves it (the field commits on blur). */
function type(field: string, text: string) {
  fireEvent.focus(input(field));
  fireEvent.change(input(field), { target: { value: text } });
  fireEvent.blur(input(field));
}

describe('the network parameters panel', () => {
  it('shows every parameter with unit, value in effect, default and source, in German and English', async () => {
    render(<NetworkPage />);
    const panel = screen.getByTestId('network-params');
    expect(within(panel).getByRole('heading', { level: 2 }).textContent).toBe('Netzparameter');
    expect(row('supplyTemperature_C').getByText('Vorlauftemperatur')).toBeTruthy();
    expect(row('supplyTemperature_C').getByText('[°C]')).toBeTruthy();
    expect(input('supplyTemperature_C').value).toBe('75');
    expect(row('supplyTemperature_C').getByText('Standard: 75 °C')).toBeTruthy();
    expect(panel.querySelector('[data-testid="param-supplyTemperature_C"] p.source')!.textContent).toMatch(
      /^Annahme: 75 °C Vorlauf/,
    );
    expect(input('roughness_mm').value).toBe('0,05');
    expect(row('pumpEfficiency').getByText('[%]')).toBeTruthy();
    expect(input('pumpEfficiency').value).toBe('70');
    expect(input('fullLoadHours_h').value).toBe('1.800');
    expect(row('fullLoadHours_h').getByText('Standard: 1.800 h/a')).toBeTruthy();
    expect(row('soilConductivity_W_mK').getByText('[W/(m·K)]')).toBeTruthy();
    expect(panel.querySelectorAll('.network-param')).toHaveLength(13);
    expect(panel.querySelectorAll('p.source').length).toBeGreaterThanOrEqual(13);
    // the button comes after the panel
    const button = screen.getByRole('button', { name: 'Entwurf berechnen' });
    expect(panel.compareDocumentPosition(button) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();
    // the pipe catalogue, read-only and collapsed: DN 100 has 114.3 − 2 × 3.6 = 107.1 mm inside
    const catalogue = screen.getByTestId<HTMLDetailsElement>('network-pipe-catalogue');
    expect(catalogue.open).toBe(false);
    expect(within(catalogue).getByRole('row', { name: /DN 100/ }).textContent).toMatch(/^DN 100107,1/);
    expect(catalogue.querySelector('p.source')!.textContent).toMatch(/EN 253/);
    expect(document.body.textContent).not.toMatch(/NaN|Infinity|undefined|network\.params/);

    await act(() => setLanguage('en'));
    expect(within(panel).getByRole('heading', { level: 2 }).textContent).toBe('Network parameters');
    expect(row('supplyTemperature_C').getByText('Supply temperature')).toBeTruthy();
    expect(input('roughness_mm').value).toBe('0.05');
    expect(input('fullLoadHours_h').value).toBe('1,800');
    expect(row('fullLoadHours_h').getByText('Default: 1,800 h/a')).toBeTruthy();
    expect(within(catalogue).getByRole('row', { name: /DN 100/ }).textContent).toMatch(/^DN 100107\.1/);
    expect(screen.getByRole('button', { name: 'Reset to defaults' })).toHaveProperty('disabled', true);
    expect(document.body.textContent).not.toMatch(/NaN|Infinity|undefined|network\.params/);
  });

  it('stores an edit as an override in one undo step; an empty field goes back to the default', async () => {
    render(<NetworkPage />);
    type('supplyTemperature_C', '70,5');
    expect(params()).toEqual({ forcedStreets: ['s1'], supplyTemperature_C: 70.5 });
    expect(input('supplyTemperature_C').value).toBe('70,5');
    type('pumpEfficiency', '80');
    expect(params()).toEqual({ forcedStreets: ['s1'], supplyTemperature_C: 70.5, pumpEfficiency: 0.8 });
    await act(() => useProject.getState().undo());
    expect(params()).toEqual({ forcedStreets: ['s1'], supplyTemperature_C: 70.5 });
    expect(input('pumpEfficiency').value).toBe('70');
    type('supplyTemperature_C', '');
    expect(params()).toEqual({ forcedStreets: ['s1'] });
    expect(input('supplyTemperature_C').value).toBe('75');
    expect(document.body.textContent).not.toMatch(/NaN/);
  });

  it('refuses bad input with a message beside the field and leaves the project unchanged', async () => {
    render(<NetworkPage />);
    const before = structuredClone(useProject.getState().doc);
    type('coverDepth_m', 'tief');
    expect(row('coverDepth_m').getByRole('alert').textContent).toBe('Bitte eine Zahl eingeben, z. B. 0,055.');
    type('fullLoadHours_h', '9000');
    expect(row('fullLoadHours_h').getByRole('alert').textContent).toBe('Höchstens 8.784.');
    type('supplyTemperature_C', '40');
    expect(screen.getByTestId('param-error-supplyTemperature_C').textContent).toBe(
      'Vorlauftemperatur: muss höher sein als die Rücklauftemperatur (45 °C).',
    );
    type('returnTemperature_C', '75');
    expect(screen.getByTestId('param-error-returnTemperature_C').textContent).toBe(
      'Rücklauftemperatur: muss niedriger sein als die Vorlauftemperatur (75 °C).',
    );
    expect(useProject.getState().doc).toEqual(before);
    await act(() => setLanguage('en'));
    expect(screen.getByTestId('param-error-returnTemperature_C').textContent).toBe(
      'Return temperature: must be lower than the supply temperature (75 °C).',
    );
    expect(row('coverDepth_m').getByRole('alert').textContent).toMatch(/number/);
  });

  it('resets every numeric override and keeps the street and building lists', async () => {
    await useProject.getState().edit((d) => {
      d.network!.params = {
        forcedStreets: ['s1'],
        excludedBuildings: ['b2'],
        coverDepth_m: 1.2,
        maxVelocity_m_s: 2,
      };
    });
    render(<NetworkPage />);
    expect(input('coverDepth_m').value).toBe('1,2');
    fireEvent.click(screen.getByRole('button', { name: 'Auf Standardwerte zurücksetzen' }));
    expect(params()).toEqual({ forcedStreets: ['s1'], excludedBuildings: ['b2'] });
    expect(input('coverDepth_m').value).toBe('0,8');
    expect(screen.getByRole('button', { name: 'Auf Standardwerte zurücksetzen' })).toHaveProperty(
      'disabled',
      true,
    );
  });
});
