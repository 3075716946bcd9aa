import { beforeAll, describe, expect, it } from 'vitest';
import { act, fireEvent, render, screen, within } from '@testing-library/react';
import { db } from '../../../db/schema';
import { saveResult } from '../../../db/results';
import { initI18n } from '../../../i18n';
import { useApp } from '../../../store/app';
import ResultsPage from '../ResultsPage';
import type { Results } from '../../../../../solver/src';
import { pathDispatch, pathDocument, pathNames, pathResults, visibleText } from './fixture';
import { findLanguageProblems } from '../../../../../solver/src/report/languageCheck';

const ALLOW = [...Object.values(pathNames), 'Quartier Nord', 'Wärmenetz schnell'];

/**
 * The results page with two stored transformation paths (the fixture and a variant with 10 t less
 * CO2 and 5 000 €/a more annual cost in every period, 100 000 € more net present cost).
 */
function variant(): Results {
  const r = pathResults();
  return {
    ...r,
    objective: { ...r.objective, netPresentCost_EUR: 7000000 },
    periods: r.periods!.map((p) => ({
      ...p,
      emissions_tCO2: p.emissions_tCO2 - 10,
      cost_EUR: { ...p.cost_EUR, annualCost_EUR_a: p.cost_EUR.annualCost_EUR_a + 5000 },
    })),
  };
}

beforeAll(async () => {
  await initI18n('de');
  const now = Date.now();
  await db().projects.put({
    id: 'path-p',
    name: 'Quartier Nord',
    createdAt: now,
    updatedAt: now,
    document: pathDocument,
  });
  await saveResult(db(), 'path-p', 'base', 'h', {
    results: pathResults(),
    dispatch: pathDispatch(),
    scenarioName: 'Basis',
    mode: 'full',
  });
  // A path stored without any hourly dispatch is still a result.
  await saveResult(db(), 'path-p', 'waerme', 'h', {
    results: variant(),
    dispatch: null,
    scenarioName: 'Wärmenetz schnell',
    mode: 'full',
  });
  useApp.getState().setLanguage('de');
  useApp.getState().setActiveProject('path-p');
});

describe('results page with a transformation path', () => {
  it('shows the path view first, and each year by the single-year views', async () => {
    render(<ResultsPage />);
    const view = await screen.findByTestId('path-view', undefined, { timeout: 5000 });
    expect(within(view).getByRole('tab', { name: 'Transformationspfad' }).getAttribute('aria-selected')).toBe(
      'true',
    );
    expect(screen.getByTestId('path-kpi-npc').textContent).toContain('6.900.000 €');
    expect(screen.getByTestId('path-event-2035-st').textContent).toContain('Solarthermie Freifläche');
    // The single-year views of the first period, with its dispatch.
    fireEvent.click(screen.getByRole('tab', { name: 'Einzeljahr' }));
    expect(screen.getByTestId('kpi-heatDemand').textContent).toContain('4.000');
    expect(screen.getByRole('tab', { name: 'Fahrplan' })).toBeTruthy();
    // A later period: its own figures, the overview only, no error.
    await act(async () => {
      fireEvent.change(screen.getByLabelText('Jahr'), { target: { value: '3' } });
    });
    expect(screen.getByTestId('kpi-heatDemand').textContent).toContain('3.700');
    expect(screen.getByTestId('kpi-totalCost').textContent).toContain('385.000');
    expect(screen.queryByRole('tab', { name: 'Fahrplan' })).toBeNull();
    expect(screen.getByTestId('capacity-st').textContent).toContain('1.500 m²');
    expect(screen.getByTestId('capacity-st').textContent).toContain('Solarthermie Freifläche');
    expect(screen.getByTestId('path-year-note').textContent).toContain('nicht gespeichert');
    expect(screen.queryByRole('alert')).toBeNull();
    expect(findLanguageProblems(visibleText(document.body), 'de', { allow: ALLOW })).toEqual([]);
  }, 60_000);

  it('shows a path stored without a dispatch as a result, not as a failure', async () => {
    render(<ResultsPage />);
    await screen.findByTestId('path-view', undefined, { timeout: 5000 });
    await act(async () => {
      fireEvent.change(screen.getByLabelText('Szenario'), { target: { value: 'waerme' } });
    });
    expect(screen.queryByRole('alert')).toBeNull();
    expect(screen.getByTestId('path-kpi-npc').textContent).toContain('7.000.000 €');
  }, 60_000);

  it('compares the two paths side by side', async () => {
    render(<ResultsPage />);
    await screen.findByTestId('path-view', undefined, { timeout: 5000 });
    fireEvent.click(screen.getByRole('tab', { name: 'Vergleich' }));
    const table = await screen.findByTestId('path-compare-table');
    expect(screen.getByTestId('path-compare').querySelector('h2')!.textContent).toBe(
      'Pfade im Vergleich: Basis und Wärmenetz schnell',
    );
    const cells = (id: string) =>
      within(within(table).getByTestId(id))
        .getAllByRole('cell')
        .map((c) => c.textContent);
    expect(cells('path-compare-emissions-a')).toEqual(['Basis', '850', '560', '380', '210', '40']);
    expect(cells('path-compare-emissions-b')).toEqual([
      'Wärmenetz schnell',
      '840',
      '550',
      '370',
      '200',
      '30',
    ]);
    expect(cells('path-compare-emissions-diff')).toEqual(['Differenz', '-10', '-10', '-10', '-10', '-10']);
    expect(within(table).getByTestId('path-compare-emissions-diff').querySelector('td.better')).toBeTruthy();
    expect(cells('path-compare-annualCost-diff').slice(1)).toEqual(Array(5).fill('+5.000'));
    expect(within(table).getByTestId('path-compare-annualCost-diff').querySelector('td.worse')).toBeTruthy();
    expect(cells('path-compare-renewableHeatShare-a').slice(1)).toEqual(['0', '45', '60', '78', '100']);
    expect(within(table).getByTestId('path-compare-npc').textContent).toBe(
      'Kapitalwert der Kosten (Barwert) [€]Basis: 6.900.000 · Wärmenetz schnell: 7.000.000 · Differenz: +100.000',
    );
    expect(screen.getByTestId('chart-path-compare-emissions')).toBeTruthy();
    expect(table.textContent).not.toMatch(/NaN|EUR/);
    expect(findLanguageProblems(visibleText(document.body), 'de', { allow: ALLOW })).toEqual([]);
  }, 60_000);
});
