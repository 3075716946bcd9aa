import { beforeAll, describe, expect, it } from 'vitest';
import { render, screen, within, fireEvent } from '@testing-library/react';
import hubText from '../../../../assets/examples/reference-hub.json?raw';
import { i18next, initI18n } from '../../i18n';
import { useApp } from '../../store/app';
import type { StoredProject } from '../../project/document';
import { DiffView, diffRows } from './DiffView';
import { parameterLabel, relativeChange, valueText } from './labels';

const doc = JSON.parse(hubText) as StoredProject;

beforeAll(async () => {
  await initI18n('de');
});

describe('readable parameter labels', () => {
  const t = i18next.t;
  it('names a technology field by the technology and the plants form label, with the unit', () => {
    expect(parameterLabel(doc, '/technologies/gb/capex_EUR_per_unit', i18next.t)).toEqual({
      label: 'Gaskessel: Investition',
      unit: 'EUR/kW',
      scale: 1,
    });
    // by array index too (project files may address technologies so); PV capacity is in kWp
    expect(parameterLabel(doc, '/technologies/4/capex_EUR_per_unit', t).label).toBe(
      'Photovoltaik: Investition',
    );
    expect(parameterLabel(doc, '/technologies/4/capex_EUR_per_unit', t).unit).toBe('EUR/kWp');
    expect(parameterLabel(doc, '/technologies/chp/efficiencyEl', t)).toEqual({
      label: 'BHKW: Elektrischer Wirkungsgrad',
      unit: '%',
      scale: 100,
    });
    expect(parameterLabel(doc, '/technologies/bat/selfDischarge_per_h', t)).toMatchObject({
      unit: '%/h',
      scale: 100,
    });
  });
  it('names prices, economics and constraints as their forms do', () => {
    expect(parameterLabel(doc, '/fuels/gas/price_EUR_kWh', t)).toEqual({
      label: 'Preis Erdgas',
      unit: 'EUR/kWh',
      scale: 1,
    });
    expect(parameterLabel(doc, '/grid/import/price_EUR_kWh/adder', t).label).toBe(
      'Arbeitspreis Strombezug: Aufschlag (Netzentgelte, Umlagen, Steuern)',
    );
    expect(parameterLabel(doc, '/economics/interestRate', t)).toEqual({
      label: 'Kalkulationszins',
      unit: '%',
      scale: 100,
    });
    expect(parameterLabel(doc, '/economics/co2Price_EUR_t', t).unit).toBe('EUR/t');
    expect(parameterLabel(doc, '/constraints/co2Cap_t', t)).toMatchObject({
      label: 'CO₂-Obergrenze',
      unit: 't/a',
    });
  });
  it('keeps the pointer for what no form edits', () => {
    expect(parameterLabel(doc, '/technologies/zz/capex_EUR_per_unit', t)).toEqual({
      label: '/technologies/zz/capex_EUR_per_unit',
      unit: 'EUR/unit',
      scale: 1,
    });
  });
  it('writes values in German, shares in %, and the relative change', () => {
    expect(valueText(0.0825, 1, 'de', t)).toBe('0,0825');
    expect(valueText(0.05, 100, 'de', t)).toBe('5');
    expect(valueText(1234567.5, 1, 'de', t)).toBe('1.234.567,5');
    expect(valueText(true, 1, 'de', t)).toBe('ja');
    expect(valueText(undefined, 1, 'de', t)).toBe('—');
    expect(valueText({ series: 'spot', scale: 0.001, adder: 0.14 }, 1, 'de', t)).toBe(
      'Reihe spot × 0,001 + 0,14',
    );
    // a series the user named on the Profiles page is shown by that name, never by its key
    expect(
      valueText({ series: 'spot', scale: 1, adder: 0 }, 1, 'de', t, (k) =>
        k === 'spot' ? 'Day-Ahead 2023' : k,
      ),
    ).toBe('Reihe Day-Ahead 2023 × 1 + 0');
    // 0.055 → 0.0825 is +50 %
    expect(relativeChange(0.055, 0.0825)).toBeCloseTo(50, 10);
    expect(relativeChange(0, 1)).toBeNull();
  });
});

describe('diff view', () => {
  it('shows labels, old → new in German format, unit, change, and keeps the pointer as title', () => {
    useApp.setState({ language: 'de' });
    const scenario = {
      id: 'v',
      name: 'Teurer',
      overrides: {
        '/fuels/gas/price_EUR_kWh': 0.0825,
        '/technologies/gb/capex_EUR_per_unit': 1200,
        '/economics/interestRate': 0.07,
        '/technologies/gone/max': 5,
      },
    };
    const rows = diffRows(doc, scenario, i18next.t, 'de');
    expect(rows.map((r) => r.label)).toEqual([
      '/technologies/gone/max',
      'Gaskessel: Investition',
      'Kalkulationszins',
      'Preis Erdgas',
    ]);
    const removed: string[] = [];
    render(<DiffView doc={doc} scenario={scenario} onRemove={(p) => removed.push(p)} />);
    const table = screen.getByTestId('diff');
    const row = (name: string | RegExp) => within(table).getByRole('rowheader', { name }).closest('tr')!;
    const gas = row('Preis Erdgas');
    expect(within(gas).getByRole('rowheader')).toHaveProperty(
      'title',
      'JSON-Pointer: /fuels/gas/price_EUR_kWh',
    );
    expect(gas.textContent).toContain('0,055 → 0,0825');
    expect(gas.textContent).toContain('EUR/kWh');
    expect(gas.textContent).toContain('+50 %');
    const rate = row('Kalkulationszins');
    expect(doc.economics.interestRate).toBe(0.05);
    expect(rate.textContent).toContain('5 → 7');
    expect(rate.textContent).toContain('+40 %');
    expect(rate.textContent).toContain('%');
    const gb = row('Gaskessel: Investition');
    expect(gb.textContent).toContain('80 → 1.200');
    expect(gb.textContent).toContain('+1.400 %');
    expect(gb.textContent).toContain('EUR/kW');
    expect(row(/\/technologies\/gone\/max/).textContent).toContain('nicht mehr in der Basis');
    fireEvent.click(within(gas).getByRole('button', { name: /Auf Basis zurücksetzen/ }));
    expect(removed).toEqual(['/fuels/gas/price_EUR_kWh']);
  });
});
