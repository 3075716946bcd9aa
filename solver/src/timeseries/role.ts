/** What a series is, from its unit alone: the one rule behind selectors, summaries and report labels. */
export type SeriesRole = 'load' | 'temperature' | 'yield' | 'price' | 'other';

/** °C → temperature, kWh/kWp or kWh/m² → yield, EUR/… → price, kW → load, anything else → other. */
export function seriesRoleOfUnit(unit: string): SeriesRole {
  if (unit === '°C' || unit === 'degC') return 'temperature';
  if (/^kWh\/(kWp|m2|m²)$/.test(unit)) return 'yield';
  if (/^EUR\//.test(unit)) return 'price';
  if (unit === 'kW') return 'load';
  return 'other';
}
