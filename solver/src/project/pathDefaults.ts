import type { Periods } from './types';

/**
 * Defaults of a transformation path (docs/model.md, Transformation path). Every figure names its
 * source and date; what is not taken from a source says "Annahme".
 */

/** WPG § 29 Abs. 1 and § 31 Abs. 1: renewable or unavoidable waste heat in heat networks. */
export const WPG_TARGETS: Record<string, number> = { '2030': 0.3, '2040': 0.8, '2045': 1 };
export const WPG_SOURCE =
  'Wärmeplanungsgesetz (WPG) vom 20.12.2023, § 29 Abs. 1 (ab 2030 mind. 30 %, ab 2040 mind. 80 % erneuerbare Energien oder unvermeidbare Abwärme) und § 31 Abs. 1 (klimaneutral bis 31.12.2044)';

/** CO2 price for heat in Germany: BEHG fixed price, then the EU ETS 2. */
export const CO2_PRICE_EUR_T: Record<string, number> = {
  '2025': 55,
  '2026': 65,
  '2030': 120,
  '2035': 160,
  '2040': 200,
  '2045': 250,
};
export const CO2_PRICE_SOURCE =
  'BEHG § 10 Abs. 2: 55 EUR/t 2025, Preiskorridor 55–65 EUR/t 2026 (Obergrenze angesetzt); ab 2030 EU-ETS 2 (Richtlinie (EU) 2023/959): Annahme Werkplan, Stand 12/2026';

/** BEW Modul 4 operating aid for solar thermal heat and its duration. */
export const BEW_SOLAR_THERMAL_EUR_KWH = 0.01;
export const BEW_OPERATING_AID_YEARS = 10;
export const BEW_SOURCE =
  'Annahme nach Richtlinie BEW (BAnz AT 18.08.2022 B1), Modul 4: Solarthermie 1 ct/kWh, 10 Jahre; Wärmepumpen abhängig von SCOP und Strompreis, daher ohne Vorgabe (vom Nutzer einzutragen)';

/** The default periods: 2025 to 2045 in five-year steps, the WPG targets, the CO2 price path, BEW aid. */
export function defaultPeriods(): Periods {
  return {
    years: [2025, 2030, 2035, 2040, 2045],
    lastPeriodYears: 5,
    prices: { co2Price_EUR_t: { ...CO2_PRICE_EUR_T } },
    targets: { minRenewableHeatShare: { ...WPG_TARGETS } },
    bew: {
      solarThermal_EUR_kWh: { '2025': BEW_SOLAR_THERMAL_EUR_KWH },
      operatingAidYears: BEW_OPERATING_AID_YEARS,
    },
    sources: {
      co2Price_EUR_t: CO2_PRICE_SOURCE,
      minRenewableHeatShare: WPG_SOURCE,
      bew: BEW_SOURCE,
      lastPeriodYears: 'Annahme: die letzte Periode steht wie die anderen für 5 Jahre (2045–2049)',
    },
  };
}
