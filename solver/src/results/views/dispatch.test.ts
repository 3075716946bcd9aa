import { describe, expect, it } from 'vitest';
import { carrierStacks, durationCurve, heatmapCells, peakWeek, socColumns, stackedMax } from './index';
import { f, smallDispatch, techs } from './testing';

describe('carrier stacks', () => {
  it('stacks supply above and use below zero, and the demand is the balance', () => {
    const s = carrierStacks(smallDispatch(), 'heat', techs);
    expect(s.supply.map((x) => x.column)).toEqual(['gb.heat_out_kW', 'hp.heat_out_kW', 'tes.discharge_kW']);
    expect(s.use.map((x) => x.column)).toEqual(['tes.charge_kW']);
    expect(Array.from(s.use[0].values)).toEqual([-5, 0, 0]);
    // 10 + 30 − 5, 0 + 40 + 4, 5 + 20
    expect(Array.from(s.demand)).toEqual([35, 44, 25]);
    expect(stackedMax(s)).toBe(44);
  });

  it('nets simultaneous charge and discharge of a storage per step', () => {
    const d = smallDispatch();
    d.series['tes.charge_kW'] = f(5, 1, 2);
    d.series['tes.discharge_kW'] = f(3, 4, 2);
    const s = carrierStacks(d, 'heat', techs);
    expect(Array.from(s.use[0].values)).toEqual([-2, 0, 0]);
    expect(Array.from(s.supply[2].values)).toEqual([0, 3, 0]);
    // The demand (balance) is the same netted or not.
    expect(Array.from(s.demand)).toEqual(Array.from(carrierStacks(d, 'heat', techs, false).demand));
  });

  it('leaves out columns that are zero throughout', () => {
    const s = carrierStacks(smallDispatch(), 'electricity', techs);
    expect(s.supply.map((x) => x.column)).toEqual(['grid.import_kW']);
    expect(s.use.map((x) => x.column)).toEqual(['hp.el_in_kW']);
    expect(Array.from(s.demand)).toEqual([10, 10, 10]);
  });

  it('finds the storage levels', () => {
    expect(socColumns(smallDispatch())).toEqual(['tes.soc_kWh']);
  });
});

describe('duration curve', () => {
  it('is the series sorted from largest to smallest against the cumulative weight', () => {
    const c = durationCurve([1, 3, 2], [1, 2, 1]);
    expect(Array.from(c.values)).toEqual([3, 2, 1]);
    expect(Array.from(c.hours)).toEqual([2, 3, 4]);
  });

  it('refuses weights of another length', () => {
    expect(() => durationCurve([1, 2], [1])).toThrow('2 values but 1 weights');
  });
});

describe('heatmap', () => {
  it('puts each step at its hour of day and day of year', () => {
    const h = heatmapCells(smallDispatch(), 'hp.heat_out_kW');
    expect(h.cells).toEqual([
      [0, 0, 30],
      [1, 0, 40],
      [1, 1, 20],
    ]);
    expect(h.days).toBe(2);
    expect([h.min, h.max]).toEqual([20, 40]);
  });

  it('names a missing column', () => {
    expect(() => heatmapCells(smallDispatch(), 'x.y_kW')).toThrow("no dispatch column 'x.y_kW'");
  });
});

describe('default week of a full-year dispatch', () => {
  it('is the 168 hours around the peak heat demand, clamped to the year', () => {
    const year = new Float64Array(8760).fill(10);
    year[1000] = 99;
    expect(peakWeek(year)).toEqual({ start: 916, end: 1083, peak: 1000 });
    year[1000] = 10;
    year[8750] = 99; // late December: the last week of the year
    expect(peakWeek(year)).toEqual({ start: 8592, end: 8759, peak: 8750 });
    year[8750] = 10;
    year[3] = 99;
    expect(peakWeek(year)).toEqual({ start: 0, end: 167, peak: 3 });
  });

  it('is none for typical days (a short dispatch shows whole)', () => {
    expect(peakWeek(new Float64Array(24 * 10))).toBeNull();
  });
});
