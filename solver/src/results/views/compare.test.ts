import { describe, expect, it } from 'vitest';
import { compareRows, diffClass, isNotable, niceMax, usedCostCategories } from './index';
import { smallResults } from './testing';

describe('comparison', () => {
  it('lists KPIs, capacities and costs with absolute and relative differences to the first', () => {
    const a = smallResults();
    const b = smallResults({
      objective: { totalAnnualCost_EUR: 1100, co2_tCO2: 2 },
      capacities: { gb: { power_kW: 0 }, hp: { power_kW: 60 } },
    });
    const rows = compareRows([a, b]);
    const total = rows.find((r) => r.key === 'totalCost')!;
    expect(total.values).toEqual([1000, 1100]);
    expect(total.diffs[1].abs).toBe(100);
    expect(total.diffs[1].rel).toBeCloseTo(0.1, 12);
    expect(isNotable(total.diffs[1])).toBe(true);
    expect(diffClass(total, total.diffs[1])).toBe('worse');
    const share = rows.find((r) => r.key === 'renewableHeatShare')!;
    expect(diffClass(share, { abs: 5, rel: 0.1 })).toBe('better');
    expect(diffClass(share, { abs: 0, rel: 0 })).toBeNull();
    const hp = rows.find((r) => r.kind === 'capacity' && r.key === 'hp')!;
    expect(hp.diffs[1]).toEqual({ abs: 20, rel: 0.5 });
    expect(diffClass(hp, hp.diffs[1])).toBe('changed');
    const tesEnergy = rows.find((r) => r.key === 'tes' && r.unit === 'kWh')!;
    expect(tesEnergy.values).toEqual([50, null]);
    expect(tesEnergy.diffs[1]).toEqual({ abs: null, rel: null });
    expect(rows.filter((r) => r.kind === 'cost').map((r) => r.key)).toEqual(usedCostCategories([a, b]));
    expect(usedCostCategories([a])).toEqual(['annuity', 'subsidy', 'fuel', 'gridEnergy']);
    expect(rows.find((r) => r.key === 'gridImport')).toBeUndefined();
    expect(isNotable({ abs: 0.001, rel: 0.00001 })).toBe(false);
    expect(isNotable({ abs: 3, rel: null })).toBe(true);
  });

  it('gives each capacity the unit of its technology (PV kWp, CHP kW el)', () => {
    const a = smallResults({ capacities: { pv: { power_kW: 150 }, chp: { power_kW: 80 } } });
    const rows = compareRows([a, a], { pv: { type: 'pv' }, chp: { type: 'chp' } });
    expect(rows.find((r) => r.key === 'pv')!.unit).toBe('kWp');
    expect(rows.find((r) => r.key === 'chp')!.unit).toBe('kW el');
  });

  it('rounds a common axis maximum up to 1, 2, 2.5 or 5 × 10^n', () => {
    expect(niceMax([0.3, 870])).toBe(1000);
    expect(niceMax([1800])).toBe(2000);
    expect(niceMax([2100])).toBe(2500);
    expect(niceMax([4000])).toBe(5000);
    expect(niceMax([])).toBe(1);
  });
});
