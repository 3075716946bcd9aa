import { describe, expect, it } from 'vitest';
import type { Dispatch } from '../results';
import { netCharge, netDischarge, netStorageAnnual, netStorageSeries } from './storage';

const f = (...v: number[]) => Float64Array.from(v);

/** Three steps (the last weighs 2 h) of a heat store that charges and discharges at once. */
const dispatch = (): Dispatch => ({
  hours: Int32Array.from([0, 1, 2]),
  weight: f(1, 1, 2),
  year: 2025,
  series: {
    'tes.charge_kW': f(5, 1, 0),
    'tes.discharge_kW': f(2, 4, 3),
    'gb.heat_out_kW': f(7, 8, 9),
  },
});

describe('storage netting (one definition for planner and report)', () => {
  it('nets charge and discharge per step by hand: 5−2 → charge 3; 4−1 → discharge 3; 3 → discharge 3', () => {
    const d = dispatch();
    expect(Array.from(netCharge(d, 'tes')!)).toEqual([3, 0, 0]);
    expect(Array.from(netDischarge(d, 'tes')!)).toEqual([0, 3, 3]);
    const s = netStorageSeries(d);
    expect(Array.from(s['tes.charge_kW'])).toEqual([3, 0, 0]);
    expect(Array.from(s['tes.discharge_kW'])).toEqual([0, 3, 3]);
    expect(s['gb.heat_out_kW']).toBe(d.series['gb.heat_out_kW']);
  });

  it('keeps the balance of every step to 1e-6', () => {
    const d = dispatch();
    const s = netStorageSeries(d);
    for (let k = 0; k < 3; k++) {
      const raw = d.series['tes.discharge_kW'][k] - d.series['tes.charge_kW'][k];
      const net = s['tes.discharge_kW'][k] - s['tes.charge_kW'][k];
      expect(Math.abs(net - raw)).toBeLessThan(1e-6);
    }
  });

  it('sums the netted flows to annual MWh with the step weights', () => {
    // charge 3 kW × 1 h = 0.003 MWh; discharge 3 × 1 + 3 × 2 = 9 kWh = 0.009 MWh
    const a = netStorageAnnual(dispatch()).tes;
    expect(a.charge).toBeCloseTo(0.003, 12);
    expect(a.discharge).toBeCloseTo(0.009, 12);
  });

  it('is null for a technology without storage flows', () => {
    expect(netCharge(dispatch(), 'gb')).toBeNull();
    expect(netDischarge(dispatch(), 'gb')).toBeNull();
  });
});
