import { beforeAll, describe, expect, it } from 'vitest';
import { act, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import singleText from '../../../../assets/examples/single-building.json?raw';
import type { Project } from '../../../../solver/src/project/types';
import { solveProject } from '../../../../solver/src/run/solve';
import { db } from '../../db/schema';
import { saveResult } from '../../db/results';
import { currentInputsHash } from '../../project/assemble';
import { importProject } from '../../project/files';
import { initI18n } from '../../i18n';
import { formatNumber } from '../../i18n/format';
import { useApp } from '../../store/app';
import { useProject } from '../../project/store';
import ResultsPage from './ResultsPage';
import type { Results } from '../../../../solver/src/results/results';

/** The single-building example with a second scenario (dear CO2), both solved for real. */
let base: Results;
let dear: Results;

beforeAll(async () => {
  await initI18n('de');
  const project = JSON.parse(singleText) as Project;
  project.scenarios = [{ id: 'co2', name: 'CO₂ teuer', overrides: { '/economics/co2Price_EUR_t': 250 } }];
  const record = await importProject(db(), project);
  const b = await solveProject(project, { mode: 'aggregated' });
  const d = await solveProject(project, { mode: 'aggregated', scenarioId: 'co2' });
  base = b.results;
  dear = d.results;
  const hash = await currentInputsHash(db(), record.id, 'base');
  await saveResult(db(), record.id, 'base', hash!, {
    results: b.results,
    dispatch: b.dispatch ?? null,
    scenarioName: 'Basis',
    mode: 'aggregated',
  });
  // Stored with other inputs than the current ones: the page must mark it stale.
  await saveResult(db(), record.id, 'co2', 'an-older-hash', {
    results: d.results,
    dispatch: d.dispatch ?? null,
    scenarioName: 'CO₂ teuer',
    mode: 'aggregated',
  });
  // A run without a solution: the page shows its reasons instead of charts.
  await saveResult(db(), record.id, 'zz-infeasible', 'any', {
    results: {
      ...b.results,
      status: 'infeasible',
      warnings: ['the heat demand of 120 kW at 2025-01-08 07:00 exceeds every capacity limit'],
      messages: undefined,
    },
    dispatch: null,
    scenarioName: 'Ohne Kessel',
    mode: 'aggregated',
  });
  useApp.getState().setLanguage('de');
  useApp.getState().setActiveProject(record.id);
}, 120_000);

const de = (v: number, digits: number) => formatNumber(v, 'de', digits);

describe('results page', () => {
  it('shows the stored result: KPIs in German format, capacities, gap and charts', async () => {
    render(<ResultsPage />);
    const total = await screen.findByTestId('kpi-totalCost', undefined, { timeout: 5000 });
    expect(total.textContent).toContain(de(base.objective.totalAnnualCost_EUR, 0));
    expect(total.textContent).toMatch(/\d\.\d{3}/); // thousands dot
    // the solver program by its name, not the stored id
    expect(screen.getByText(/^Gerechnet am/).textContent).toContain(
      `, ${base.solve.solver === 'glpk' ? 'GLPK' : 'HiGHS'}, `,
    );
    expect(screen.getByTestId('kpi-lcoh').textContent).toContain(de(base.kpis.lcoh_EUR_MWh, 1));
    expect(screen.getByTestId('kpi-co2').textContent).toContain(de(base.emissions_tCO2, 1));
    expect(screen.getByTestId('kpi-balance').textContent).toContain('geschlossen');
    expect(screen.getByTestId('aggregation-gap').textContent).toBe(
      `${de((base.solve.aggregationGap ?? 0) * 100, 2)} %`,
    );
    // What the figures rest on, under the key figures.
    expect(screen.getByTestId('results-basis').textContent).toBe(
      'Wetter: Profile des Referenzquartiers, auf ein Einfamilienhaus skaliert, Jahr 2023, ' +
        'Zeitbasis: Ortszeit ohne Sommerzeit (MEZ, UTC+1)',
    );
    const hp = screen.getByTestId('capacity-hp');
    const hpKw = base.capacities.hp.power_kW!;
    expect(hp.textContent).toContain(`${de(hpKw, hpKw < 10 ? 1 : 0)} kW`);
    expect(screen.getByTestId('capacity-tank').textContent).toContain('kWh');
    for (const id of ['chart-costs', 'chart-sankey'])
      expect(screen.getByTestId(id).getAttribute('role')).toBe('img');
    fireEvent.click(screen.getByRole('tab', { name: 'Fahrplan' }));
    expect(screen.getByTestId('chart-dispatch-heat').getAttribute('aria-label')).toBe('Fahrplan Wärme');
    expect(screen.getByTestId('chart-soc')).toBeTruthy();
    // The full year opens on the week of the peak heat demand and says so.
    expect(screen.getByTestId('dispatch-week').textContent).toMatch(
      /^Gezeigt: die Woche um die höchste Wärmelast \(\d\d\.\d\d\. bis \d\d\.\d\d\.\)/,
    );
    fireEvent.click(screen.getByRole('tab', { name: 'Auswertung' }));
    expect(screen.getByTestId('chart-duration')).toBeTruthy();
    fireEvent.change(screen.getByLabelText('Zeitreihe'), { target: { value: 'hp.heat_out_kW' } });
    // The plant's name from the stored project, although no page loaded it into the editing store.
    expect(screen.getByTestId('chart-heatmap').getAttribute('aria-label')).toBe(
      'Tag × Stunde: Luft-Wasser-Wärmepumpe Wärme',
    );
    fireEvent.click(screen.getByRole('tab', { name: 'Übersicht' }));
    // The base result is current; the scenario's was computed from older inputs.
    expect(screen.queryByTestId('stale')).toBeNull();
    await act(async () => {
      fireEvent.change(screen.getByLabelText('Szenario'), { target: { value: 'co2' } });
    });
    await waitFor(() => expect(screen.getByTestId('stale')).toBeTruthy(), { timeout: 15_000 });
    expect(screen.getByTestId('kpi-totalCost').textContent).toContain(
      de(dear.objective.totalAnnualCost_EUR, 0),
    );
  }, 60_000);

  it('compares the scenarios with differences highlighted', async () => {
    render(<ResultsPage />);
    await screen.findByTestId('kpi-totalCost', undefined, { timeout: 5000 });
    fireEvent.click(screen.getByRole('tab', { name: 'Vergleich' }));
    const table = await screen.findByTestId('compare-table');
    const row = within(table).getByTestId('compare-kpi-totalCost');
    const diff = dear.objective.totalAnnualCost_EUR - base.objective.totalAnnualCost_EUR;
    expect(row.textContent).toContain(de(base.objective.totalAnnualCost_EUR, 0));
    expect(row.textContent).toContain(de(dear.objective.totalAnnualCost_EUR, 0));
    expect(row.textContent).toContain(`+${de(diff, 0)}`);
    expect(row.querySelector('td.diff.worse')).toBeTruthy();
    expect(screen.getByTestId('compare-dispatch-base')).toBeTruthy();
    expect(screen.getByTestId('compare-dispatch-co2')).toBeTruthy();
    // Unticking one scenario leaves too few to compare.
    fireEvent.click(screen.getByRole('checkbox', { name: /CO₂ teuer/ }));
    expect(screen.getByText(/mindestens zwei Szenarien/)).toBeTruthy();
  }, 60_000);

  it('shows the reasons of a run without a solution as an error', async () => {
    render(<ResultsPage />);
    await screen.findByTestId('kpi-totalCost', undefined, { timeout: 5000 });
    await act(async () => {
      fireEvent.change(screen.getByLabelText('Szenario'), { target: { value: 'zz-infeasible' } });
    });
    const alert = screen.getByRole('alert');
    expect(alert.textContent).toContain('Keine Lösung (unlösbar)');
    expect(alert.textContent).toContain('exceeds every capacity limit');
    expect(screen.queryByTestId('kpi-totalCost')).toBeNull();
    // The comparison leaves it out and says so.
    fireEvent.click(screen.getByRole('tab', { name: 'Vergleich' }));
    expect(screen.getByText('Ohne Kessel: keine Lösung')).toBeTruthy();
  }, 60_000);

  it('does not show a result as current while a form field holds a typed value not in the document', async () => {
    const id = useApp.getState().activeProjectId!;
    await useProject.getState().load(db(), id);
    const capex = '/technologies/hp/capex_EUR_per_unit';
    act(() =>
      useProject.getState().setDraft(capex, {
        text: '-5',
        label: 'Luft-Wasser-Wärmepumpe: Investition',
        error: 'Investition muss mindestens 0 EUR/kW sein.',
        pointer: capex,
      }),
    );
    render(<ResultsPage />);
    await screen.findByTestId('kpi-totalCost', undefined, { timeout: 5000 });
    // The base result's hash is still current, but the form shows another value than it was computed with.
    expect(screen.queryByTestId('stale')).toBeNull();
    expect(screen.getByTestId('stale-draft').textContent).toBe(
      'Nicht aktuell – ungültige Eingabe (Luft-Wasser-Wärmepumpe: Investition): Dieses Ergebnis gilt für ' +
        'die gespeicherten Werte, nicht für die im Formular angezeigten. Bitte die Eingabe korrigieren und neu rechnen.',
    );
    fireEvent.click(screen.getByRole('tab', { name: 'Vergleich' }));
    expect(screen.getByTestId('stale-draft').textContent).toContain('Nicht aktuell – ungültige Eingabe');
    fireEvent.click(screen.getByRole('tab', { name: 'Ergebnis' }));
    // Typed but not yet applied: also not current, worded as such.
    act(() =>
      useProject.getState().setDraft(capex, {
        text: '90',
        label: 'Luft-Wasser-Wärmepumpe: Investition',
        error: null,
        pointer: capex,
      }),
    );
    expect(screen.getByTestId('stale-draft').textContent).toMatch(
      /^Nicht aktuell – Eingabe nicht übernommen \(Luft-Wasser-Wärmepumpe: Investition\)/,
    );
    // A variant's draft concerns only that variant; a corrected field leaves the result current.
    act(() => {
      useProject.getState().setDraft(capex, null);
      useProject.getState().setDraft(`co2:${capex}`, {
        text: '-5',
        label: 'Luft-Wasser-Wärmepumpe: Investition',
        error: 'Investition muss mindestens 0 EUR/kW sein.',
        pointer: capex,
        variantId: 'co2',
      });
    });
    expect(screen.queryByTestId('stale-draft')).toBeNull();
    act(() => useProject.getState().setDraft(`co2:${capex}`, null));
  }, 60_000);

  it('shows the empty state without a project', () => {
    const id = useApp.getState().activeProjectId;
    useApp.getState().setActiveProject(null);
    render(<ResultsPage />);
    expect(screen.getByText('Kein Projekt ausgewählt')).toBeTruthy();
    useApp.getState().setActiveProject(id);
  });
});
