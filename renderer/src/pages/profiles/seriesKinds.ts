import type { TimeSeriesKind } from '../../db/schema';

/** What a saved series is: a load profile (kW), a temperature, a yield or a price in one of two units. */
export type SeriesKind = 'demand' | 'temperature' | 'pvYield' | 'solarYield' | 'EUR/MWh' | 'EUR/kWh';

/** The stored unit and kind of each choice; everything but a load is read as it is (no kWh → kW). */
export const SERIES_KINDS: Record<SeriesKind, { unit: string; kind: TimeSeriesKind }> = {
  demand: { unit: 'kW', kind: 'demand' },
  temperature: { unit: '°C', kind: 'weather' },
  pvYield: { unit: 'kWh/kWp', kind: 'yield' },
  solarYield: { unit: 'kWh/m2', kind: 'yield' },
  'EUR/MWh': { unit: 'EUR/MWh', kind: 'price' },
  'EUR/kWh': { unit: 'EUR/kWh', kind: 'price' },
};

/**
 * The unit the preview shows a column in: a load in kW (an energy column is converted), anything
 * else in its kind's unit, as it is read (a temperature is never kW).
 */
export const previewUnit = (kind: SeriesKind) => SERIES_KINDS[kind].unit.replace('m2', 'm²');

/** Units a column heading may end with: power and energy, temperature, yields, prices, shares. */
const UNIT = String.raw`(?:[kMG]?Wh?(?:\s?\/\s?(?:kWp|m2|m²|a|h))?|°\s?C|(?:EUR|€|ct)(?:\s?\/\s?[kM]?Wh)?|%)`;
const TRAILING_UNIT = new RegExp(
  String.raw`(?:\s*[[(]\s*(?:in\s+)?${UNIT}\s*[\])]|\s+in\s+${UNIT}|\s+${UNIT})\s*$`,
  'i',
);

/**
 * A column heading without the unit it brought ("Wirkleistung [kW]", "Leistung in kW", "Temperatur
 * (°C)" → the words before it): the preview adds the unit the series is read in, once. Anything
 * else in brackets ("Leistung (Zähler 2)") is the user's and stays.
 */
export const withoutUnit = (name: string) => name.replace(TRAILING_UNIT, '').trim() || name;
