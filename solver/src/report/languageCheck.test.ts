import { describe, expect, it } from 'vitest';
import { findLanguageProblems } from './languageCheck';

const de = (s: string) => findLanguageProblems(s, 'de');
const en = (s: string) => findLanguageProblems(s, 'en');

describe('findLanguageProblems', () => {
  it('passes clean German text with units, dates, thousands and proper names', () => {
    const clean = [
      'Werkplan rechnet mit HiGHS; Lastprofile nach BDEW und SigLinDe, Wetter aus PVGIS-TMY.',
      'Gesamtjahreskosten 2.312.504 €/a, CO2-Emissionen 1.234,5 t/a, Wärmegestehungskosten 81,3 EUR/MWh.',
      'Luft-Wasser-Wärmepumpe 4,8 kW; Photovoltaik 10 kWp; Pufferspeicher 23,9 kWh; Solarthermie 40 m².',
      'Betrieb in einer Winterwoche (04.01.–10.01.2023), Seite 2 / 6, Stand 4. Dezember 2026.',
      'Power-to-Heat mit Elektrodenkessel, Day-Ahead-Preis, Simplex-Verfahren, Gas, Tank, Boiler.',
      'Profile des Referenzquartiers; Emission und Profil; Lastprofile.',
      'Preis Erdgas [EUR/kWh], Investition 1.500 EUR/kW, Leistungspreis 110 EUR/(kW·a), 0,38 kg/kWh.',
      'Jan Feb Apr Jun Jul Aug Sep Nov Mär Mai Okt Dez; Export und Import; Status optimal; Min–Max.',
      'Bilanzprüfung: größte Abweichung 0,0 kW (eingehalten). Not- und Ersatzstrom. Null Emissionen.',
      'Quelle: https://www.bdew.de/energie/standardlastprofile-strom/ (abgerufen 2025).',
    ];
    for (const s of clean) expect(de(s), s).toEqual([]);
  });

  it('finds English words in German text, one finding per word', () => {
    const cases: [string, string][] = [
      ['Preis gas 0,09 EUR/kWh', 'gas'],
      ['Brennstoff gas', 'gas'],
      ['Fortschritt: simplex', 'simplex'],
      ['Fortschritt: full-year check', 'full-year'],
      ['building full-year model', 'building'],
      ['Heat pump 5 kW', 'Heat'],
      ['Storage 10 kWh', 'Storage'],
      ['Gas boiler', 'boiler'],
      ['Total annual cost', 'Total'],
      ['Heat demand', 'demand'],
      ['erneuerbar: yes', 'yes'],
      ['erneuerbar: no', 'no'],
      ['Jan Feb Mar Apr May', 'Mar'],
      ['Oct Nov Dec', 'Oct'],
      ['Zeitstempel: german', 'german'],
      ['Price 5 EUR', 'Price'],
      ['Fuel costs', 'Fuel'],
      ['Kennung: tes', 'tes'],
    ];
    for (const [s, word] of cases) expect(de(s).join('\n'), s).toContain(`English word "${word}"`);
    expect(de('price, price and price')).toHaveLength(2); // "price" once, "and" once
  });

  it('finds raw JSON pointers, internal keys and ids', () => {
    expect(de('/fuels/gas/price_EUR_kWh = 0,09').join('\n')).toMatch(
      /JSON pointer "\/fuels\/gas\/price_EUR_kWh"/,
    );
    expect(de('Reihe pv_yield').join('\n')).toMatch(/internal key "pv_yield"/);
    expect(de('heatPumpAi r 10 kW').join('\n')).toMatch(/internal id "heatPumpAi"/);
    expect(en('gasBoiler 505.8 kW').join('\n')).toMatch(/internal id "gasBoiler"/);
    // units, URLs and a ratio of units are not pointers or ids
    expect(de('EUR/kWh/a, kWh/kWp, MWh, kWel, tCO2, https://x.de/a/b')).toEqual([]);
  });

  it('finds unit placeholders in both languages', () => {
    expect(de('Investition [EUR/unit]').join('\n')).toMatch(/unit placeholder "\[EUR\/unit\]"/);
    expect(en('Sum [unit·h]').join('\n')).toMatch(/unit placeholder/);
    expect(en('Max [unit]').join('\n')).toMatch(/unit placeholder "\[unit\]"/);
    expect(en('Unit: kW')).toEqual([]);
  });

  it('finds exponent notation, NaN, undefined, [object Object] and ISO timestamps', () => {
    expect(de('Abweichung 5.7e-14 kW').join('\n')).toMatch(/exponent notation "5.7e-14"/);
    expect(de('Abweichung 1e-5').join('\n')).toMatch(/exponent notation "1e-5"/);
    expect(en('gap 2,5E+3')).toEqual(expect.arrayContaining([expect.stringMatching(/exponent/)]));
    expect(de('Kosten NaN EUR/a').join('\n')).toMatch(/not a number "NaN"/);
    expect(de('Kosten Infinity').join('\n')).toMatch(/not a number/);
    expect(de('Name: undefined').join('\n')).toMatch(/raw value "undefined"/);
    expect(en('Name: [object Object]').join('\n')).toMatch(/raw value "\[object Object\]"/);
    expect(de('gerechnet 2026-12-04T10:16:58.123Z').join('\n')).toMatch(/ISO timestamp/);
    expect(de('gerechnet 2026-12-04T10:16')).toHaveLength(1);
    // a date alone, a hash-like token and a plain word with e are fine
    expect(de('Stand 2026-12-04, Kennung 5e3abc, Wärme')).toEqual([]);
  });

  it('finds numbers in the other language’s format', () => {
    expect(de('Preis 0.09 EUR/kWh').join('\n')).toMatch(/English number format "0.09"/);
    expect(de('1.234 kW und 12.345.678 EUR')).toEqual([]);
    expect(en('price 0,09 EUR/kWh').join('\n')).toMatch(/German number format "0,09"/);
    expect(en('1,234 kW and 12,345,678 EUR, 0.09 EUR/kWh')).toEqual([]);
  });

  it('finds German function words in English text, and passes clean English', () => {
    expect(en('Heat pump und boiler').join('\n')).toMatch(/German word "und"/);
    expect(en('Total annual cost 2,312,504 EUR/a; heat pump 4.8 kW; Gaskessel; Werkplan; HiGHS')).toEqual([]);
  });

  it('accepts words the caller allows (an English project name)', () => {
    expect(de('Projekt Solar Park Heat')).not.toEqual([]);
    expect(findLanguageProblems('Projekt Solar Park Heat', 'de', { allow: ['Solar Park Heat'] })).toEqual([]);
  });
});
