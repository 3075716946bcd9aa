import { describe, expect, it } from 'vitest';
import { validateProject } from '../../solver/src/project/validate';
import { EXTRA_PLANTS, manyPlants, shiftedSeries } from './manyPlants';
import { loadHub } from './examples';

const hub = loadHub;

describe('shiftedSeries', () => {
  it('moves values later (wrapping) and scales them', () => {
    expect(shiftedSeries([1, 2, 3, 4], 1, 0.5)).toEqual([2, 0.5, 1, 1.5]);
  });
  it('moves values earlier with a negative shift', () => {
    expect(shiftedSeries([1, 2, 3, 4], -2, 1)).toEqual([3, 4, 1, 2]);
  });
});

describe('manyPlants', () => {
  const h = hub();

  it('at the hub size returns an equal copy', () => {
    const p = manyPlants(h, 7);
    expect(p).toEqual(h);
    expect(p).not.toBe(h);
  });

  it.each([14, 28])('builds a valid project with %i distinct plants', (n) => {
    const p = manyPlants(h, n);
    expect(p.technologies).toHaveLength(n);
    expect(new Set(p.technologies.map((t) => t.id)).size).toBe(n);
    const r = validateProject(JSON.parse(JSON.stringify(p)));
    expect(r.ok ? [] : r.errors.map((e) => e.message)).toEqual([]);
  });

  it('leaves the hub untouched', () => {
    const before = JSON.stringify(h);
    manyPlants(h, 28);
    expect(JSON.stringify(h)).toBe(before);
  });

  it('14 plants: a second heat pump source, another fuel, CHP, PV field, solar thermal and storages', () => {
    const p = manyPlants(h, 14);
    const added = p.technologies.slice(7);
    expect(added.map((t) => t.type).sort()).toEqual(
      ['battery', 'boiler', 'chp', 'heatPump', 'heatStorage', 'pv', 'solarThermal'].sort(),
    );
    expect(added.find((t) => t.type === 'heatPump')).toMatchObject({ heatSource: 'wastewater' });
    // Biomethane at the hub's gas price +50 %: 1.5 · 0.055 = 0.0825 EUR/kWh; CO2 0.25 · 0.201.
    expect(p.fuels.biomethan.price_EUR_kWh).toBeCloseTo(0.0825, 12);
    expect(p.fuels.biomethan.co2_kg_kWh).toBeCloseTo(0.05025, 12);
    // Only the series the 14 use: east PV and flat-plate solar thermal.
    expect(
      Object.keys(p.timeSeries)
        .filter((k) => !(k in h.timeSeries))
        .sort(),
    ).toEqual(['pv_yield_east', 'st_yield']);
  });

  it('derives prices from the hub: wastewater heat pump 1.3 × 900, solar thermal 0.4 × 750 EUR/m²', () => {
    const p = manyPlants(h, 14);
    expect(p.technologies.find((t) => t.id === 'hp_ww')?.capex_EUR_per_unit).toBeCloseTo(1170, 9);
    expect(p.technologies.find((t) => t.id === 'st')?.capex_EUR_per_unit).toBeCloseTo(300, 9);
  });

  it('derives the east PV series 2 h earlier at 85 % and solar thermal at half the PV yield', () => {
    const p = manyPlants(h, 14);
    const pv = (h.timeSeries.pv_yield as { values: number[] }).values;
    const east = (p.timeSeries.pv_yield_east as { values: number[] }).values;
    const st = (p.timeSeries.st_yield as { values: number[] }).values;
    expect(east[10]).toBeCloseTo(0.85 * pv[12], 12);
    expect(st[12]).toBeCloseTo(0.5 * pv[12], 12);
  });

  it('refuses counts below the hub or beyond the extras', () => {
    expect(() => manyPlants(h, 6)).toThrow();
    expect(() => manyPlants(h, 7 + EXTRA_PLANTS + 1)).toThrow();
    expect(() => manyPlants(h, 10.5)).toThrow();
  });
});
