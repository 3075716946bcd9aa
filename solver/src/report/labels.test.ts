import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadProject } from '../cli/load';
import type { Project } from '../project/types';
import {
  capacityUnit,
  fuelName,
  overrideText,
  pointerLabel,
  seriesLabel,
  TECH_FIELD_KEYS,
  unitText,
} from './labels';
import { findLanguageProblems } from './languageCheck';

const EXAMPLES = path.resolve(__dirname, '../../../assets/examples');
let hub: Project;
let single: Project;
beforeAll(async () => {
  hub = await loadProject(path.join(EXAMPLES, 'reference-hub.json'));
  single = await loadProject(path.join(EXAMPLES, 'single-building.json'));
});

/** Every pointer a scenario could change: the leaves of the document (technologies by id). */
function leafPointers(doc: Project): string[] {
  const out: string[] = [];
  const walk = (node: unknown, at: string) => {
    if (Array.isArray(node) && at === '/technologies')
      node.forEach((t: { id: string }) => walk(t, `${at}/${t.id}`));
    else if (Array.isArray(node)) out.push(at);
    else if (node && typeof node === 'object')
      for (const [k, v] of Object.entries(node))
        walk(v, `${at}/${k.replace(/~/g, '~0').replace(/\//g, '~1')}`);
    else out.push(at);
  };
  const { scenarios: _s, notes: _n, formatVersion: _f, ...rest } = doc;
  walk(rest, '');
  return out;
}

describe('report labels', () => {
  it('every pointer of both examples gets a German and an English label, never the pointer', () => {
    for (const doc of [hub, single]) {
      const pointers = leafPointers(doc);
      expect(pointers.length).toBeGreaterThan(60);
      for (const p of pointers)
        for (const lang of ['de', 'en'] as const) {
          const l = pointerLabel(doc, p, lang);
          expect(l.label, `${p} (${lang})`).not.toBe(p);
          expect(l.label, p).not.toMatch(/^\//);
          if (lang === 'de') expect(findLanguageProblems(l.label, 'de'), `${p}: ${l.label}`).toEqual([]);
        }
    }
  });

  it('every property a technology can have is labelled, with its capacity unit', () => {
    const tech = hub.technologies.find((t) => t.type === 'pv')!;
    for (const key of TECH_FIELD_KEYS) {
      const l = pointerLabel(hub, `/technologies/${tech.id}/${key}`, 'de');
      expect(l.label).toMatch(/^Photovoltaik: /);
    }
    expect(pointerLabel(hub, '/technologies/pv/capex_EUR_per_unit', 'de')).toEqual({
      label: 'Photovoltaik: Investition',
      unit: 'EUR/kWp',
      scale: 1,
    });
    expect(pointerLabel(hub, '/technologies/tes/max', 'de').unit).toBe('kWh');
    expect(pointerLabel(hub, '/technologies/chp/max', 'en')).toMatchObject({
      label: 'BHKW: Maximum capacity',
      unit: 'kW el',
    });
    // By array index as well as by id; shares are shown in %.
    expect(pointerLabel(hub, '/technologies/0/fixedOm_share', 'de')).toEqual({
      label: 'Gaskessel: Fixe Betriebskosten',
      unit: '%/a',
      scale: 100,
    });
    expect(capacityUnit('solarThermal')).toBe('m²');
  });

  it('fuels, prices and series read as the planner names them', () => {
    expect(fuelName('de', 'gas')).toBe('Erdgas');
    expect(fuelName('en', 'gas')).toBe('Natural gas');
    expect(fuelName('de', 'Klärgas')).toBe('Klärgas');
    expect(pointerLabel(hub, '/fuels/gas/price_EUR_kWh', 'de')).toMatchObject({
      label: 'Preis Erdgas',
      unit: 'EUR/kWh',
    });
    expect(pointerLabel(hub, '/grid/import/price_EUR_kWh/adder', 'de').label).toBe(
      'Arbeitspreis Strombezug: Aufschlag',
    );
    expect(seriesLabel(hub, 'heat', 'de')).toBe('Wärmebedarf');
    expect(seriesLabel(hub, 'ambient', 'de')).toBe('Außentemperatur');
    expect(seriesLabel(hub, 'pv_yield', 'de')).toBe('Ertrag Photovoltaik');
    expect(seriesLabel(hub, 'spot', 'de')).toBe('Strompreis (stündlich)');
    // A series with a name of its own keeps it.
    const named = structuredClone(hub);
    (named.timeSeries.heat as { name?: string }).name = 'Wärmelastgang 2023';
    expect(seriesLabel(named, 'heat', 'de')).toBe('Wärmelastgang 2023');
    // An unused, unnamed series says what it is, never its key.
    const unused = structuredClone(hub);
    unused.timeSeries.solar_yield = { unit: 'kWh/m2', values: [0, 1] };
    expect(seriesLabel(unused, 'solar_yield', 'de')).toBe('Solarthermie-Ertrag (nicht verwendet)');
    expect(seriesLabel(unused, 'solar_yield', 'en')).toBe('Solar thermal yield (not used)');
    expect(unitText('kWh/m2')).toBe('kWh/m²');
  });

  it('a scenario change reads as label, new value with unit and the base value', () => {
    expect(overrideText(hub, '/fuels/gas/price_EUR_kWh', 0.0825, 'de')).toBe(
      'Preis Erdgas: 0,0825 EUR/kWh (Basis: 0,055)',
    );
    expect(overrideText(hub, '/economics/interestRate', 0.04, 'en')).toBe('Interest rate: 4 % (base: 5)');
    expect(overrideText(hub, '/technologies/pv/max', 5000, 'de')).toBe(
      'Photovoltaik: Höchstleistung: 5.000 kWp (Basis: 3.000)',
    );
    expect(overrideText(hub, '/technologies/gb/fuel', 'gas', 'de')).toBe(
      'Gaskessel: Brennstoff: Erdgas (Basis: Erdgas)',
    );
    expect(overrideText(hub, '/grid/import/price_EUR_kWh', 0.3, 'de')).toBe(
      'Arbeitspreis Strombezug: 0,3 EUR/kWh (Basis: zeitvariabel: Strompreis (stündlich) × 0,001 + 0,14)',
    );
  });
});
