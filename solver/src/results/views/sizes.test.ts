import { describe, expect, it } from 'vitest';
import { cleanCapacities, sizesList, sizesText } from './sizes';

describe('plant sizes as text', () => {
  it('writes energy, area and power in that order, each only where present, with the power unit', () => {
    const one = (v: number) => v.toFixed(1);
    expect(sizesText({ energy_kWh: 23.94, power_kW: 12 }, one)).toBe('23.9 kWh / 12.0 kW');
    expect(sizesText({ power_kW: 10 }, one, 'kWp')).toBe('10.0 kWp');
    expect(sizesText({ area_m2: 500 }, one)).toBe('500.0 m²');
    expect(sizesText({}, one)).toBe('');
  });

  it('lists the plants with their names, number format and units', () => {
    const de = (v: number) => v.toLocaleString('de-DE', { maximumFractionDigits: 0 });
    const items = sizesList(
      { hp: { power_kW: 2280.4 }, pv: { power_kW: 3000 }, tes: { energy_kWh: 34151, power_kW: 1200 } },
      (id) => ({ hp: 'Wärmepumpe', pv: 'Photovoltaik', tes: 'Wärmespeicher' })[id] ?? id,
      de,
      (id) => (id === 'pv' ? 'kWp' : 'kW'),
    );
    expect(items).toEqual([
      'Wärmepumpe 2.280 kW',
      'Photovoltaik 3.000 kWp',
      'Wärmespeicher 34.151 kWh / 1.200 kW',
    ]);
  });

  it('cleans capacities of solver round-off and absent quantities', () => {
    expect(cleanCapacities({ a: { power_kW: -1e-9, energy_kWh: 3, area_m2: undefined } })).toEqual({
      a: { power_kW: 0, energy_kWh: 3 },
    });
  });
});
