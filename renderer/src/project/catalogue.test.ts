import { describe, expect, it } from 'vitest';
import { technologySchemas } from '../../../solver/src/project/schema';
import { validateProject } from '../../../solver/src/project/validate';
import { addFromCatalogue, catalogue, catalogueSourceIn, freeId, sourceText } from './catalogue';
import { findLanguageProblems } from '../../../solver/src/report/languageCheck';
import { blankDocument } from './document';
import type { Project } from '../../../solver/src/project/types';

const ranges: Record<string, [number, number]> = {
  capex_EUR_per_unit: [1, 5000],
  capexPower_EUR_kW: [0, 2000],
  lifetime_a: [5, 60],
  fixedOm_share: [0, 0.1],
  varOm_EUR_kWh: [0, 0.1],
  efficiency: [0.5, 1],
  efficiencyEl: [0.2, 0.5],
  efficiencyTh: [0.3, 0.7],
  efficiencyCharge: [0.7, 1],
  efficiencyDischarge: [0.7, 1],
  carnotEfficiency: [0.3, 0.7],
  bonus_EUR_kWhEl: [0, 0.2],
};

describe('technology catalogue', () => {
  it('every entry, subsidy and fuel names a source with a year', () => {
    for (const e of [...catalogue.entries, ...catalogue.subsidies, ...catalogue.fuels]) {
      expect(e.source.document.length, e.key).toBeGreaterThan(5);
      expect(e.source.publisher.length, e.key).toBeGreaterThan(2);
      expect(e.source.year, e.key).toBeGreaterThanOrEqual(2012);
      expect(e.source.year, e.key).toBeLessThanOrEqual(2026);
      expect(typeof e.source.assumption, e.key).toBe('boolean');
      if (e.source.assumption) expect(e.source.note?.length, e.key).toBeGreaterThan(20);
    }
  });

  it('defaults lie in plausible ranges', () => {
    for (const e of catalogue.entries)
      for (const [k, [lo, hi]] of Object.entries(ranges)) {
        const v = e.defaults[k];
        if (v === undefined) continue;
        expect(typeof v, `${e.key}.${k}`).toBe('number');
        expect(v as number, `${e.key}.${k}`).toBeGreaterThanOrEqual(lo);
        expect(v as number, `${e.key}.${k}`).toBeLessThanOrEqual(hi);
      }
    for (const e of catalogue.entries)
      if (e.type === 'chp') {
        const d = e.defaults as { efficiencyEl: number; efficiencyTh: number };
        expect(d.efficiencyEl + d.efficiencyTh).toBeLessThan(1);
      }
    for (const s of catalogue.subsidies) expect(s.share).toBeGreaterThan(0);
  });

  it('a project with every catalogue technology validates against format v1', () => {
    const doc = blankDocument('Katalog', 2023);
    for (const e of catalogue.entries) addFromCatalogue(doc, e, 'de', e.needsSeries ? 'yield' : undefined);
    const hours = 8760;
    const zeros = Array<number>(hours).fill(0);
    const project = {
      ...doc,
      timeSeries: {
        heat: { unit: 'kW', values: zeros },
        el: { unit: 'kW', values: zeros },
        yield: { unit: 'kWh/kWp', values: zeros },
        ambient: { unit: '°C', values: zeros },
      },
      site: { ...doc.site, ambientTemperature: 'ambient' },
      demands: { heat: 'heat', electricity: 'el' },
      grid: { import: { price_EUR_kWh: 0.3, co2_kg_kWh: 0.38 } },
    } as Project;
    const v = validateProject(project);
    expect(v.ok ? [] : v.errors).toEqual([]);
    expect(doc.fuels.gas.co2_kg_kWh).toBeCloseTo(0.201);
    expect(new Set(doc.technologies.map((t) => t.id)).size).toBe(catalogue.entries.length);
    expect(technologySchemas.map((s) => s.properties.type.const)).toEqual(
      expect.arrayContaining([...new Set(catalogue.entries.map((e) => e.type))]),
    );
  });

  it('refuses PV without a yield series and finds free ids', () => {
    const doc = blankDocument('x', 2023);
    const pv = catalogue.entries.find((e) => e.key === 'pv')!;
    expect(() => addFromCatalogue(doc, pv, 'en')).toThrow(/yield series/);
    expect(freeId('hp', ['hp', 'hp-2'])).toBe('hp-3');
  });

  it('every source note has a German text; a technology keeps the note in the planner’s language', () => {
    const sources = [...catalogue.entries, ...catalogue.fuels, ...catalogue.subsidies].map((e) => e.source);
    for (const s of sources) {
      if (s.note !== undefined) expect(s.noteDe, s.note).toBeTruthy();
      expect(findLanguageProblems(sourceText(s, 'de'), 'de')).toEqual([]);
    }
    const boiler = catalogue.entries.find((e) => e.key === 'gasBoiler')!;
    const de = addFromCatalogue(blankDocument('x', 2023), boiler, 'de');
    expect(de.source).toMatch(/^Werkplan-Annahme 2026: Investition für Kessel/);
    const en = addFromCatalogue(blankDocument('x', 2023), boiler, 'en');
    expect(en.source).toMatch(/^Werkplan assumption 2026: Capex for boilers/);
  });

  it('shows a catalogue source line in the reader’s language, old lines included; the user’s own text as typed', () => {
    const boiler = catalogue.entries.find((e) => e.key === 'gasBoiler')!.source;
    const de = sourceText(boiler, 'de');
    const en = sourceText(boiler, 'en');
    const old = `Werkplan-Annahme 2026 (Werkplan assumption): ${boiler.note}`;
    for (const stored of [de, en, old]) {
      expect(catalogueSourceIn(stored, 'de')).toBe(de);
      expect(catalogueSourceIn(stored, 'en')).toBe(en);
    }
    expect(de).toMatch(/^Werkplan-Annahme 2026: Investition für Kessel/);
    // every entry's line finds its own entry (no two entries share a line)
    for (const e of [...catalogue.entries, ...catalogue.subsidies, ...catalogue.fuels]) {
      expect(catalogueSourceIn(sourceText(e.source, 'en'), 'de'), e.key).toBe(sourceText(e.source, 'de'));
      expect(catalogueSourceIn(sourceText(e.source, 'de'), 'en'), e.key).toBe(sourceText(e.source, 'en'));
    }
    // a cited document reads the same in both languages
    const cited = [...catalogue.entries, ...catalogue.subsidies].find((e) => !e.source.assumption)!.source;
    expect(catalogueSourceIn(sourceText(cited, 'en'), 'de')).toBe(sourceText(cited, 'de'));
    // edited by the user: kept, even when it only starts like a catalogue line
    expect(catalogueSourceIn(`${old} Angebot Fa. Müller 2025`, 'de')).toBe(`${old} Angebot Fa. Müller 2025`);
    expect(catalogueSourceIn('Angebot Fa. Müller 2025', 'en')).toBe('Angebot Fa. Müller 2025');
    expect(catalogueSourceIn('', 'de')).toBe('');
  });
});
