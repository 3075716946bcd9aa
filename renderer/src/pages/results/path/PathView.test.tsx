import { beforeAll, describe, expect, it } from 'vitest';
import { act, fireEvent, render, screen, within } from '@testing-library/react';
import { initI18n } from '../../../i18n';
import { useApp } from '../../../store/app';
import { TechNamesContext } from '../common';
import type { StoredResult } from '../../../db/results';
import { PathView } from './PathView';
import { pathNames, pathStored, pathTechs, visibleText } from './fixture';
import { findLanguageProblems } from '../../../../../solver/src/report/languageCheck';

beforeAll(async () => {
  await initI18n('de');
  useApp.getState().setLanguage('de');
});

/** The period's own result as the year view gets it: its year (heat demand) and whether it has a dispatch. */
const year = (p: StoredResult) => (
  <p data-testid="year-result" data-dispatch={p.payload.dispatch ? 'yes' : 'no'}>
    {p.payload.results.kpis.heatDemand_MWh} MWh
  </p>
);

function show(stored = pathStored(), notes: string[] = []) {
  return render(
    <TechNamesContext.Provider value={pathNames}>
      <PathView stored={stored} techs={pathTechs} notes={notes} renderYear={year} />
    </TechNamesContext.Provider>,
  );
}

const text = (id: string) => screen.getByTestId(id).textContent ?? '';

describe('transformation path view', () => {
  it('opens on the path: key figures in German format with units', () => {
    show();
    expect(screen.getByRole('tab', { name: 'Transformationspfad' }).getAttribute('aria-selected')).toBe(
      'true',
    );
    expect(text('path-kpi-npc')).toContain('6.900.000 €');
    expect(text('path-kpi-horizon')).toContain('2025–2050');
    // 1 080 000 + 750 000 + 240 000 = 2 070 000; grants −432 000 − 300 000 − 96 000 = −828 000
    expect(text('path-kpi-investment')).toContain('2.070.000 €');
    expect(text('path-kpi-grants')).toContain('-828.000 €');
    // (850 − 40) / 850 = 95,29 %
    expect(text('path-kpi-co2Reduction')).toBe('CO₂-Minderung bis 204595,3 %');
    expect(text('path-kpi-share')).toBe('Anteil erneuerbarer Wärme 2045100 %');
  });

  it('draws the capacity per unit, the generation mix and the targets as charts', () => {
    show();
    for (const id of ['heat', 'pv', 'storage', 'area'])
      expect(screen.getByTestId(`chart-path-capacity-${id}`).getAttribute('role')).toBe('img');
    expect(screen.queryByTestId('chart-path-capacity-electric')).toBeNull(); // no CHP, no battery
    expect(screen.queryByTestId('chart-path-capacity-battery')).toBeNull();
    expect(screen.getByTestId('chart-path-capacity-storage').getAttribute('aria-label')).toBe(
      'Wärmespeicher (kWh)',
    );
    expect(screen.getByTestId('chart-path-generation')).toBeTruthy();
    expect(screen.getByTestId('chart-path-emissions').getAttribute('aria-label')).toBe(
      'CO₂-Emissionen und CO₂-Deckel (t/a)',
    );
    expect(screen.getByTestId('chart-path-share')).toBeTruthy();
  });

  it('names the missed cap and target', () => {
    show();
    const misses = screen.getByTestId('path-misses');
    expect(misses.textContent).toContain('2035: CO₂-Deckel überschritten (380 t/a statt höchstens 350 t/a)');
    expect(misses.textContent).toContain(
      '2040: Anteil erneuerbarer Wärme unter dem Zielwert (78 % statt mindestens 80 %)',
    );
    expect(within(misses).getAllByRole('listitem')).toHaveLength(2);
  });

  it('lists the measures by plant name with unit and investment, and the Gantt grid', () => {
    show();
    const events = screen.getByTestId('path-events');
    const rows = within(events).getAllByRole('row').slice(1);
    // sorted by year, then plant id: hp before tes in 2030
    expect(rows.map((r) => r.textContent)).toEqual([
      '2030GroßwärmepumpeZubau400 kW480.000 €',
      '2030WärmespeicherZubau20.000 kWh600.000 €',
      '2035Solarthermie FreiflächeZubau1.500 m²750.000 €',
      '2040GroßwärmepumpeZubau200 kW240.000 €',
      '2045Gaskessel BestandStilllegung800 kW–',
    ]);
    const gb = screen.getByTestId('path-gantt-gb');
    expect(gb.textContent).toBe('Gaskessel Bestand [kW]▬▬▬▬−800');
    const hp = within(screen.getByTestId('path-gantt-hp')).getAllByRole('cell');
    expect(hp.map((c) => c.textContent)).toEqual(['', '+400', '▬', '+200', '▬']);
    expect(hp[1].className).toContain('built');
    expect(hp[4].getAttribute('title')).toBe('600 kW');
    expect(screen.getByTestId('path-gantt-st').textContent).toContain('[m²]');
  });

  it('shows a battery apart: its storage in its own chart, its power in kW el by name', () => {
    const stored = pathStored();
    const r = stored.payload.results;
    const techs = { ...pathTechs, bat: { type: 'battery' } };
    for (const p of r.periods!.slice(1)) {
      p.capacities.bat = {
        unit: 'kWh',
        existing: 0,
        built: p.year === 2030 ? 200 : 0,
        retired: 0,
        total: 200,
      };
      p.capacities['bat.power'] = {
        unit: 'kW',
        existing: 0,
        built: p.year === 2030 ? 50 : 0,
        retired: 0,
        total: 50,
      };
    }
    r.path!.events.push({
      kind: 'build',
      year: 2030,
      techId: 'bat',
      dimension: 'power',
      amount: 50,
      unit: 'kW',
    });
    render(
      <TechNamesContext.Provider value={{ ...pathNames, bat: 'Batteriespeicher' }}>
        <PathView stored={stored} techs={techs} renderYear={year} />
      </TechNamesContext.Provider>,
    );
    expect(screen.getByTestId('chart-path-capacity-battery').getAttribute('aria-label')).toBe(
      'Batteriespeicher (kWh)',
    );
    expect(screen.getByTestId('chart-path-capacity-electric')).toBeTruthy();
    expect(text('path-gantt-bat.power')).toBe('Batteriespeicher – Leistung [kW el]+50▬▬▬');
    expect(text('path-gantt-bat')).toBe('Batteriespeicher [kWh]+200▬▬▬');
    // no investment stated for the power dimension: a dash, not NaN
    expect(text('path-event-2030-bat')).toBe('2030Batteriespeicher – LeistungZubau50 kW el–');
  });

  it('names no cap or target in a chart title where no period has one', () => {
    const stored = pathStored();
    for (const p of stored.payload.results.periods!) {
      delete p.co2Cap_t;
      delete p.renewableHeatTarget;
    }
    render(
      <TechNamesContext.Provider value={pathNames}>
        <PathView stored={stored} techs={pathTechs} renderYear={year} />
      </TechNamesContext.Provider>,
    );
    expect(screen.getByTestId('chart-path-emissions').getAttribute('aria-label')).toBe(
      'CO₂-Emissionen je Periode (t/a)',
    );
    expect(screen.getByTestId('chart-path-share').getAttribute('aria-label')).toBe(
      'Anteil erneuerbarer Wärme je Periode',
    );
    expect(screen.queryByTestId('path-misses')).toBeNull();
    expect(screen.queryByTestId('path-misses-none')).toBeNull();
  });

  it('shows the costs per period and the net present cost', () => {
    show();
    const row = within(screen.getByTestId('path-cost-2030')).getAllByRole('cell');
    expect(screen.getByTestId('path-cost-2030').textContent).toMatch(/^2030 \(5 Jahre\)/);
    expect(row.map((c) => c.textContent)).toEqual([
      '1.080.000',
      '-432.000',
      '250.000',
      '-40.000',
      '370.000',
      '1.900.000',
      '94,9', // 370 000 / 3 900 = 94,87
    ]);
    expect(text('path-npc')).toBe('Kapitalwert der Kosten 2025–2050 (Barwert, Zinssatz 4 %)6.900.000 €');
    expect(text('path-residual')).toContain('350.000 €');
    // (soft hyphens let the long German headers break)
    const head = (screen.getByTestId('path-costs').querySelector('thead')?.textContent ?? '').replace(
      /\u00ad/g,
      '',
    );
    expect(head).toContain('Betriebsförderung (BEW)[€/a]');
    expect(head).toContain('Wärmegestehungskosten[€/MWh]');
  });

  it('shows each period by a year selector, saying where the dispatch is not stored', async () => {
    show();
    fireEvent.click(screen.getByRole('tab', { name: 'Einzeljahr' }));
    expect(text('year-result')).toBe('4000 MWh');
    expect(screen.getByTestId('year-result').dataset.dispatch).toBe('yes');
    expect(text('path-year-note')).toContain('mit stündlichem Fahrplan');
    const select = screen.getByLabelText('Jahr');
    expect(
      within(select)
        .getAllByRole('option')
        .map((o) => o.textContent),
    ).toEqual(['2025 (5 Jahre)', '2030 (5 Jahre)', '2035 (5 Jahre)', '2040 (5 Jahre)', '2045 (5 Jahre)']);
    await act(async () => {
      fireEvent.change(select, { target: { value: '2' } });
    });
    expect(text('year-result')).toBe('3800 MWh');
    expect(screen.getByTestId('year-result').dataset.dispatch).toBe('no');
    expect(text('path-year-note')).toContain('Der stündliche Fahrplan dieser Periode wird nicht gespeichert');
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('shows the run’s findings and nothing raw (no NaN, no ids, no pointers)', () => {
    const { container } = show(pathStored(), ['Hinweis: Ziel 2040 knapp']);
    expect(container.textContent).toContain('Hinweis: Ziel 2040 knapp');
    const all = container.textContent ?? '';
    expect(all).not.toMatch(/NaN|undefined|results\.path|\/periods\//);
    // plant ids never shown where the project names the plant
    for (const id of ['gb', 'hp', 'tes', 'st']) expect(all).not.toMatch(new RegExp(`\\b${id}\\b`));
    expect(findLanguageProblems(visibleText(container), 'de')).toEqual([]);
    fireEvent.click(screen.getByRole('tab', { name: 'Einzeljahr' }));
    expect(findLanguageProblems(visibleText(container), 'de')).toEqual([]);
  });

  it('speaks English with English numbers', async () => {
    await act(async () => {
      useApp.getState().setLanguage('en');
      await initI18n('en');
    });
    try {
      show();
      expect(screen.getByRole('tab', { name: 'Transformation path' })).toBeTruthy();
      expect(text('path-kpi-npc')).toContain('6,900,000 €');
      expect(text('path-npc')).toBe('Net present cost 2025–2050 (discounted at 4 %)6,900,000 €');
      expect(screen.getByTestId('path-misses').textContent).toContain('2035: CO₂ cap exceeded');
      expect(screen.getByTestId('path-event-2045-gb').textContent).toBe(
        '2045Gaskessel BestandRetirement800 kW–',
      );
      const view = screen.getByTestId('path-view');
      const allow = Object.values(pathNames);
      expect(findLanguageProblems(visibleText(view), 'en', { allow })).toEqual([]);
      fireEvent.click(screen.getByRole('tab', { name: 'Single year' }));
      expect(findLanguageProblems(visibleText(view), 'en', { allow })).toEqual([]);
    } finally {
      await act(async () => {
        useApp.getState().setLanguage('de');
        await initI18n('de');
      });
    }
  });
});
