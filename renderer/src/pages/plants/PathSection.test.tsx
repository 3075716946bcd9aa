import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { i18next, initI18n } from '../../i18n';
import { db } from '../../db/schema';
import { createBlankProject } from '../../project/files';
import { useProject } from '../../project/store';
import { useApp } from '../../store/app';
import { BaseEditor } from './testing';
import type { Periods } from '../../../../solver/src';
import { namedSource, PathSection, sourceText } from './PathSection';
import { TechnologiesSection } from './sections';
import { defaultPeriods } from './pathDefaults';
import { PATH_ROWS } from './pathRows';

const Section = ({ what }: { what: 'path' | 'tech' }) => (
  <BaseEditor>{what === 'path' ? <PathSection /> : <TechnologiesSection />}</BaseEditor>
);

const periods = () => useProject.getState().doc!.periods;
/** Types a value into a field and leaves it (the field commits on blur). */
function type(testId: string, text: string) {
  const input = screen.getByTestId(testId);
  fireEvent.focus(input);
  fireEvent.change(input, { target: { value: text } });
  fireEvent.blur(input);
}

beforeAll(async () => {
  await initI18n('de');
});
beforeEach(async () => {
  useApp.setState({ language: 'de' });
  await i18next.changeLanguage('de');
  const p = await createBlankProject(db(), 'Pfad');
  await useProject.getState().load(db(), p.id);
});
afterEach(async () => {
  cleanup();
  await useProject.getState().load(db(), null);
});

async function created() {
  render(<Section what="path" />);
  fireEvent.click(screen.getByRole('button', { name: 'Transformationspfad anlegen' }));
  await screen.findByTestId('path-table');
}

describe('the transformation path on the plants page', () => {
  it('without a path: one year, and a button that creates the default path', async () => {
    render(<Section what="path" />);
    expect(screen.getByTestId('path-section').textContent).toContain('Das Projekt rechnet ein Jahr');
    expect(screen.queryByTestId('path-table')).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: 'Transformationspfad anlegen' }));
    await screen.findByTestId('path-table');
    expect(periods()).toEqual(defaultPeriods());
  });

  it('shows the WPG targets in % per period year, German numbers, and where each figure comes from', async () => {
    await created();
    const years = within(screen.getByTestId('path-table')).getAllByRole('columnheader');
    expect(years.map((h) => h.textContent)).toEqual([
      'Größe',
      '2025',
      '2030',
      '2035',
      '2040',
      '2045',
      'Quelle',
    ]);
    expect(screen.getByTestId<HTMLInputElement>('path-minRenewableHeat-2030').value).toBe('30');
    expect(screen.getByTestId<HTMLInputElement>('path-minRenewableHeat-2040').value).toBe('80');
    // 2035 names no target: the 30 % of 2030 holds
    const row = screen.getByTestId('path-row-minRenewableHeat');
    expect(row.textContent).toContain('sonst 30 % (aus 2030)');
    // none before the first target year
    expect(row.textContent).toContain('keine Vorgabe');
    // every row names its source, "Annahme", or that there is no figure
    for (const r of PATH_ROWS) {
      const cell = screen.getByTestId(`path-row-${r.key}`).lastElementChild!;
      expect(cell.textContent).toBe(
        sourceText(i18next.getFixedT('de'), defaultPeriods(), defaultPeriods(), r),
      );
      expect(cell.textContent).not.toBe('');
    }
    expect(screen.getByTestId('path-section').textContent).not.toMatch(/planner\.path|NaN|undefined/);
  });

  it('a typed figure goes into that year of its path (ct/kWh stored as EUR/kWh) and becomes the own entry', async () => {
    await created();
    type('path-bewHeatPump-2030', '9,2');
    await waitFor(() => expect(periods()?.bew?.heatPump_EUR_kWh).toEqual({ '2030': 0.092 }));
    type('path-co2Price-2030', '1.000');
    await waitFor(() => expect(periods()?.prices?.co2Price_EUR_t?.['2030']).toBe(1000));
    expect(screen.getByTestId('path-row-co2Price').lastElementChild!.textContent).toBe('Eigene Eingabe');
    // an emptied year between two given ones: 1.000 + (200 − 1.000) · 5/10 = 600 (defaults: 200 EUR/t in 2040)
    type('path-co2Price-2035', '');
    await waitFor(() => expect(periods()?.prices?.co2Price_EUR_t?.['2035']).toBeUndefined());
    expect(periods()?.prices?.co2Price_EUR_t?.['2040']).toBe(200);
    expect(screen.getByTestId('path-row-co2Price').textContent).toContain('sonst 600 EUR/t (interpoliert)');
    // clearing the only year of a path removes the path
    type('path-bewHeatPump-2030', '');
    await waitFor(() => expect(periods()?.bew?.heatPump_EUR_kWh).toBeUndefined());
    // the rest of the BEW figures stay
    expect(periods()?.bew).toEqual(defaultPeriods().bew);
  });

  it('interpolates an empty year between two given ones', async () => {
    await created();
    await useProject.getState().edit((d) => {
      d.periods!.prices = { co2Price_EUR_t: { '2025': 55, '2035': 155 } };
    });
    // 55 + (155 − 55) · 5/10 = 105
    await waitFor(() =>
      expect(screen.getByTestId('path-row-co2Price').textContent).toContain('sonst 105 EUR/t (interpoliert)'),
    );
  });

  it('without a path of its own a row says what holds: the project value, an unchanged demand, nothing', async () => {
    await created();
    await useProject.getState().edit((d) => {
      delete d.periods!.prices;
      d.economics.co2Price_EUR_t = 45;
    });
    await waitFor(() =>
      expect(screen.getByTestId('path-row-co2Price').textContent).toContain(
        'sonst 45 EUR/t (wie im Projekt)',
      ),
    );
    expect(screen.getByTestId('path-row-heatDemandFactor').textContent).toContain(
      'sonst 1 (Bedarf wie im Profil)',
    );
    // a blank project has no grid import: no emission factor to fall back on
    expect(screen.getByTestId('path-row-gridCo2').textContent).toContain('keine Vorgabe');
    expect(screen.getByTestId('path-row-bewHeatPump').textContent).toContain('keine Vorgabe');
    // before the first target year the project's constraint holds
    expect(screen.getByTestId('path-row-minRenewableHeat').textContent).toContain('keine Vorgabe');
    await useProject.getState().edit((d) => {
      d.constraints = { minRenewableHeatShare: 0.2 };
    });
    await waitFor(() =>
      expect(screen.getByTestId('path-row-minRenewableHeat').textContent).toContain(
        'sonst 20 % (wie im Projekt)',
      ),
    );
  });

  it('names the source that the document’s path carries for its figures', async () => {
    await created();
    await useProject.getState().edit((d) => {
      Object.assign(d.periods!, { sources: { co2Price_EUR_t: 'Quelle CO₂' } });
    });
    await waitFor(() =>
      expect(screen.getByTestId('path-row-co2Price').lastElementChild!.textContent).toBe('Quelle CO₂'),
    );
  });

  it('adds a year in its place, refuses one twice, removes one, and removes the whole path', async () => {
    await created();
    type('path-year-new', '2028');
    fireEvent.click(screen.getByTestId('path-year-add'));
    await waitFor(() => expect(periods()?.years).toEqual([2025, 2028, 2030, 2035, 2040, 2045]));
    expect(screen.getByTestId<HTMLInputElement>('path-year-1').value).toBe('2028');
    fireEvent.change(screen.getByTestId('path-year-new'), { target: { value: '2030' } });
    fireEvent.click(screen.getByTestId('path-year-add'));
    expect(screen.getByRole('alert').textContent).toBe('2030 ist schon ein Periodenjahr.');
    fireEvent.click(screen.getByRole('button', { name: '2035 entfernen' }));
    await waitFor(() => expect(periods()?.years).toEqual([2025, 2028, 2030, 2040, 2045]));
    fireEvent.click(screen.getByTestId('path-remove'));
    await waitFor(() => expect(periods()).toBeUndefined());
    expect(screen.getByRole('button', { name: 'Transformationspfad anlegen' })).toBeTruthy();
  });

  it('renovation rate in %/a and BEW aid duration in years', async () => {
    await created();
    type('path-renovation', '1,5');
    await waitFor(() => expect(periods()?.demand?.heat?.renovationRate_per_a).toBe(0.015));
    type('path-aid-years', '10');
    await waitFor(() => expect(periods()?.bew?.operatingAidYears).toBe(10));
  });

  it('in English', async () => {
    useApp.setState({ language: 'en' });
    await i18next.changeLanguage('en');
    render(<Section what="path" />);
    fireEvent.click(screen.getByRole('button', { name: 'Create transformation path' }));
    await screen.findByTestId('path-table');
    const text = screen.getByTestId('path-section').textContent;
    expect(text).toContain('Minimum renewable heat share (WPG)');
    expect(text).toContain('Remove transformation path (back to one year)');
    expect(text).not.toMatch(/planner\.path|NaN|undefined/);
  });
});

describe('the source of a row', () => {
  const t = (k: string) => k;
  const row = PATH_ROWS.find((r) => r.key === 'minRenewableHeat')!;
  it('is found by the path’s name, else its group (bew), in the document before the stand-in', () => {
    const bew = PATH_ROWS.find((r) => r.key === 'bewSolarThermal')!;
    const p = {
      years: [2025],
      bew: { solarThermal_EUR_kWh: { '2025': 0.01 } },
      sources: { bew: 'Quelle BEW' },
    } as Periods;
    expect(sourceText(t, p, p, bew)).toBe('Quelle BEW');
    expect(namedSource(p, ['solarThermal_EUR_kWh', 'bew'])).toBe('Quelle BEW');
    expect(
      namedSource({ ...p, sources: { solarThermal_EUR_kWh: 'genauer' } }, ['solarThermal_EUR_kWh', 'bew']),
    ).toBe('genauer');
    expect(namedSource({ years: [2025] }, ['nothing'])).toBeUndefined();
  });

  it('the default figures name their source or "assumption"; changed ones are the user’s own', () => {
    const d = defaultPeriods();
    expect(sourceText(t, d, d, row)).toBe(d.sources?.minRenewableHeatShare);
    expect(sourceText(t, d, d, row)).toContain('WPG');
    const unsourced = { ...d, sources: {} };
    expect(sourceText(t, unsourced, unsourced, row)).toBe('planner.path.assumption');
    const mine = { ...d, targets: { minRenewableHeatShare: { '2030': 0.5 } } };
    expect(sourceText(t, mine, d, row)).toBe('planner.path.own');
    expect(sourceText(t, { years: [2025] }, d, row)).toBe('–');
  });
});

describe('existing plants on the path', () => {
  it('the commissioning year follows the existing capacity, unformatted, with when the plant retires', async () => {
    await useProject.getState().edit((d) => {
      d.technologies.push({
        id: 'gb',
        type: 'boiler',
        name: 'Gaskessel',
        fuel: 'gas',
        efficiency: 0.95,
        capex_EUR_per_unit: 100,
        lifetime_a: 20,
        fixedOm_share: 0.02,
        existing: 500,
        commissioned_year: 2005,
      });
    });
    render(<Section what="tech" />);
    const tech = await screen.findByTestId('tech-gb');
    const labels = [...tech.querySelectorAll('label')].map((l) => l.textContent);
    const existing = labels.findIndex((l) => l?.startsWith('Bestand'));
    expect(labels[existing + 1]).toBe('Inbetriebnahme des Bestands (Jahr)');
    expect(screen.getByTestId<HTMLInputElement>('gb-commissioned').value).toBe('2005');
    // 2005 + 20 a: in service in the years before 2025
    expect(tech.textContent).toContain('in Betrieb bis einschließlich 2024');
  });

  it('without a commissioning year: that it would retire after its lifetime', async () => {
    await useProject.getState().edit((d) => {
      d.technologies.push({
        id: 'gb',
        type: 'boiler',
        fuel: 'gas',
        efficiency: 0.95,
        capex_EUR_per_unit: 100,
        lifetime_a: 20,
        fixedOm_share: 0.02,
      });
    });
    render(<Section what="tech" />);
    const tech = await screen.findByTestId('tech-gb');
    expect(tech.textContent).toContain(
      'Geht nach der Nutzungsdauer außer Betrieb; leer = bleibt über den ganzen Pfad.',
    );
  });
});
