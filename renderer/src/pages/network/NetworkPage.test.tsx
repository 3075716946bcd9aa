import { act, cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { i18next, initI18n } from '../../i18n';
import { db } from '../../db/schema';
import { createBlankProject } from '../../project/files';
import { useProject } from '../../project/store';
import type { StoredProject } from '../../project/document';
import { useApp } from '../../store/app';
import { useNetworkDesign } from './designStore';
import { dnColours } from './mapGeometry';
import { mapFit } from './NetworkMap';
import { FIXTURE_INPUT, fixtureDesign, VALID_FILE } from './testFixture';
import NetworkPage from './NetworkPage';

// The page is tested against a fixed reader and design (testFixture.ts), not the solver's.
vi.mock('../../../../solver/src', async (importOriginal) => {
  const orig = await importOriginal<typeof import('../../../../solver/src')>();
  const f = await import('./testFixture');
  return {
    ...orig,
    readNetworkGeoJson: f.fakeRead,
    readNetworkCollection: f.fakeCollection,
    designNetwork: f.fakeDesign,
    networkIssueText: f.fakeIssueText,
  };
});
vi.mock('../../platform/files', () => ({ files: () => ({ kind: 'web' }) }));

beforeAll(async () => {
  await initI18n('de');
});
beforeEach(async () => {
  await setLanguage('de');
  const p = await createBlankProject(db(), 'Netz');
  act(() => useApp.getState().setActiveProject(p.id));
  await useProject.getState().load(db(), p.id);
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

const network = () => useProject.getState().doc!.network;

function pick(text: string, name: string) {
  fireEvent.change(screen.getByTestId('network-file'), { target: { files: [new File([text], name)] } });
}

/** Imports the valid file and designs the network. */
async function designed() {
  render(<NetworkPage />);
  pick(VALID_FILE, 'Quartier.geojson');
  await screen.findByText(/„Quartier.geojson“ übernommen: 3 Gebäude, 3 Straßenabschnitte, 1 Heizzentrale/);
  fireEvent.click(screen.getByRole('button', { name: 'Entwurf berechnen' }));
  await screen.findByTestId('network-summary');
}

/** Where a planar point is drawn (happy-dom lays nothing out: client = drawing units). */
const at = (x_m: number, y_m: number) => {
  const fit = mapFit(FIXTURE_INPUT, fixtureDesign());
  return { clientX: fit.x(x_m), clientY: fit.y(y_m) };
};

describe('the heat network page', () => {
  it('stores a valid GeoJSON file as the project network', async () => {
    render(<NetworkPage />);
    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe('Wärmenetz');
    expect(screen.getByTestId('network-current').textContent).toBe('Das Projekt hat noch keine Netzdaten.');
    pick(VALID_FILE, 'Quartier.geojson');
    await screen.findByText(/übernommen: 3 Gebäude/);
    expect(network()).toEqual({ geojson: { type: 'FeatureCollection', features: [] } });
    expect(screen.getByTestId('network-current').textContent).toBe(
      'Im Projekt: 3 Gebäude, 3 Straßenabschnitte, 1 Heizzentrale(n).',
    );
    // the streets and buildings are drawn before any design
    expect(screen.getByTestId('map-buildings').getAttribute('d')).toMatch(/^M.*h0M.*h0M.*h0$/);
  });

  it('refuses a file with errors, lists them as text and leaves the project as it was', async () => {
    render(<NetworkPage />);
    pick(JSON.stringify({ type: 'FeatureCollection', bad: true }), 'kaputt.geojson');
    const outcome = await screen.findByText(/„kaputt.geojson“ wurde nicht übernommen/);
    expect(outcome).toBeTruthy();
    expect(screen.getByText('Gebäude b9 (Objekt 4): Wärmebedarf fehlt.')).toBeTruthy();
    pick('{"type": "Feature"', 'halb.json');
    await screen.findByText('Die Datei ist keine GeoJSON-FeatureCollection.');
    expect(network()).toBeUndefined();
    const text = screen.getByTestId('network-import').textContent ?? '';
    expect(text).not.toMatch(/missingHeat|notFeatureCollection|\/features/);
  });

  it('draws the pipes in the colour of their DN, as the legend says, thicker for larger DN', async () => {
    await designed();
    const colours = dnColours([25, 50, 80]);
    const paths = [...document.querySelectorAll('path.network-pipes')];
    expect(paths.map((p) => p.getAttribute('data-dn'))).toEqual(['25', '50', '80']);
    for (const path of paths) {
      const dn = Number(path.getAttribute('data-dn'));
      expect(path.getAttribute('stroke')).toBe(colours.get(dn));
      const legend = screen.getByTestId('map-legend').querySelector(`li[data-dn="${dn}"]`)!;
      expect(legend.textContent).toContain(`DN ${dn}`);
      expect(legend.querySelector('line')!.getAttribute('stroke')).toBe(colours.get(dn));
    }
    const width = (dn: number) =>
      Number(paths.find((p) => p.getAttribute('data-dn') === String(dn))!.getAttribute('stroke-width'));
    expect(width(80)).toBeGreaterThan(width(50));
    expect(width(50)).toBeGreaterThan(width(25));
    // DN 25: two house connections in one path
    expect(paths[0].getAttribute('d')!.match(/M/g)).toHaveLength(2);
    expect(screen.getAllByTestId('map-plant')).toHaveLength(1);
    // b3 is not served by the design: drawn apart from the two served buildings
    expect(screen.getByTestId('map-buildings').getAttribute('d')!.match(/h0/g)).toHaveLength(2);
    expect(screen.getByTestId('map-unserved').getAttribute('d')).toMatch(/^M[\d.]+ [\d.]+h0$/);
    expect(screen.getByTestId('map-scale').textContent).toBe('50 m');
  });

  it('shows the figures of the pipe under the pointer, in German and English', async () => {
    await designed();
    const svg = screen.getByTestId('network-map');
    fireEvent.mouseMove(svg, at(50, 0));
    const details = () => screen.getByTestId('pipe-details').textContent;
    expect(details()).toContain('Verteilleitung t1');
    for (const s of ['DN 80', '200 m', '2,5 kg/s', '0,85 m/s', '95 Pa/m', '150.000 EUR'])
      expect(details()).toContain(s);
    expect(screen.getByTestId('street-state').textContent).toBe('Straße s1: frei');
    await act(() => setLanguage('en'));
    fireEvent.mouseMove(svg, at(100, 15));
    expect(details()).toContain('House connection c1');
    for (const s of ['DN 25', '30 m', '1 kg/s', '0.5 m/s', '50 Pa/m', '9,000 EUR'])
      expect(details()).toContain(s);
    fireEvent.mouseLeave(svg);
    expect(details()).toContain('Point at a pipe');
  });

  it('cycles a clicked street force → forbid → free and excludes a clicked building', async () => {
    await designed();
    const svg = screen.getByTestId('network-map');
    fireEvent.click(svg, at(200, 100));
    expect(network()?.params).toEqual({ forcedStreets: ['s3'] });
    expect(screen.getByTestId('map-forced').getAttribute('d')).not.toBe('');
    expect(screen.getByTestId('network-design-status').textContent).toBe(
      'Die Eingaben haben sich seit dem Entwurf geändert. Bitte neu berechnen.',
    );
    fireEvent.click(svg, at(200, 100));
    expect(network()?.params).toEqual({ forbiddenStreets: ['s3'] });
    fireEvent.click(svg, at(200, 100));
    expect(network()?.params).toBeUndefined();
    fireEvent.click(svg, at(100, 30));
    expect(network()?.params).toEqual({ excludedBuildings: ['b1'] });
    expect(screen.getByTestId('map-excluded').getAttribute('d')).toMatch(/^M[\d.]+ [\d.]+h0$/);
    // released again from the list below the map
    fireEvent.click(
      within(screen.getByTestId('network-choices')).getByRole('button', { name: 'b1 freigeben' }),
    );
    expect(network()?.params).toBeUndefined();
    await useProject.getState().saved;
    const stored = await db().projects.get(useProject.getState().projectId!);
    expect((stored?.document as StoredProject).network).toEqual(network());
  });

  it('forces, forbids and frees a street and excludes a building from the keyboard too', async () => {
    await designed();
    const form = within(screen.getByTestId('network-choice-form'));
    expect(form.getByRole('button', { name: 'Erzwingen' })).toHaveProperty('disabled', true);
    fireEvent.change(form.getByLabelText('Straße (Kennung)'), { target: { value: 's2' } });
    fireEvent.click(form.getByRole('button', { name: 'Sperren' }));
    expect(network()?.params).toEqual({ forbiddenStreets: ['s2'] });
    fireEvent.click(form.getByRole('button', { name: 'Erzwingen' }));
    expect(network()?.params).toEqual({ forcedStreets: ['s2'] });
    fireEvent.click(form.getByRole('button', { name: 'Freigeben' }));
    expect(network()?.params).toBeUndefined();
    fireEvent.change(form.getByLabelText('Gebäude (Kennung)'), { target: { value: 'b2' } });
    fireEvent.click(form.getByRole('button', { name: 'Ausschließen' }));
    expect(network()?.params).toEqual({ excludedBuildings: ['b2'] });
    fireEvent.click(form.getByRole('button', { name: 'Einbeziehen' }));
    expect(network()?.params).toBeUndefined();
    // an id the input does not have changes nothing
    fireEvent.change(form.getByLabelText('Gebäude (Kennung)'), { target: { value: 'b99' } });
    expect(form.getByRole('button', { name: 'Ausschließen' })).toHaveProperty('disabled', true);
  });

  it('shows every summary figure with its unit in German and English, never NaN', async () => {
    await designed();
    const figure = (field: string) => screen.getByTestId(`figure-${field}`).textContent;
    expect(figure('buildings')).toBe('Angeschlossene Gebäude2');
    expect(figure('investment_EUR')).toBe('Investition Netz228.000 EUR');
    expect(figure('heatLossShare')).toBe('Anteil der Verluste49,3 %');
    expect(figure('linearHeatDensity_MWh_m_a')).toBe('Wärmeliniendichte0,3 MWh/(m·a)');
    const table = within(screen.getByTestId('network-dn-table'));
    expect(table.getByRole('row', { name: /DN 25/ }).textContent).toBe('DN 2506018.000');
    expect(table.getByRole('row', { name: /Summe/ }).textContent).toBe('Summe30060228.000');
    expect(screen.getByText('Gebäude b3 liegt zu weit von jeder Straße.')).toBeTruthy();
    expect(document.body.textContent).not.toMatch(/NaN|Infinity|undefined|buildingFarFromStreet/);
    await act(() => setLanguage('en'));
    expect(figure('heatLoss_MWh_a')).toBe('Heat losses87.6 MWh/a');
    expect(figure('pumpElectricity_MWh_a')).toBe('Pump electricity1.3 MWh/a');
    expect(figure('plantPeak_kW')).toBe('Peak load of the heating plant50 kW');
    expect(table.getByRole('row', { name: /Total/ }).textContent).toBe('Total30060228,000');
    expect(screen.getByText('Building b3 is too far from every street.')).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Design network' })).toBeTruthy();
    expect(document.body.textContent).not.toMatch(/NaN|Infinity|undefined/);
    expect(screen.getByRole('img', { name: 'Heat losses per month in MWh' })).toBeTruthy();
  });

  it('shows the busy state while designing', async () => {
    render(<NetworkPage />);
    pick(VALID_FILE, 'Quartier.geojson');
    await screen.findByText(/übernommen/);
    fireEvent.click(screen.getByRole('button', { name: 'Entwurf berechnen' }));
    expect(screen.getByRole('button', { name: 'Entwurf wird berechnet …' })).toHaveProperty('disabled', true);
    await waitFor(() =>
      expect(screen.getByTestId('network-design-status').textContent).toBe('Berechnet in 0,2 s.'),
    );
  });
});
