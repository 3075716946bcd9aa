import { describe, expect, it } from 'vitest';
import { fullGrid } from './timegrid';
import { boiler, colBounds, costsOf, rowsOf, testProject, tinyAggregatedGrid, tinyContext } from './testing';

const heatHead = new Array<number>(50).fill(0);
heatHead[0] = 100;
heatHead[1] = 200;
heatHead[48] = 50;

describe('capacity', () => {
  it('is a column within [max(min, existing), max] with annuity, subsidy and fixed O&M per unit', () => {
    // 100 EUR/kW over 2 years at 0 % (annuity 50), 40 % subsidy (−20), 3 % fixed O&M (3).
    const t = boiler('gb', 0.9, 100, {
      lifetime_a: 2,
      fixedOm_share: 0.03,
      subsidy_share: 0.4,
      min: 5,
      max: 70,
    });
    const ctx = tinyContext(testProject({ technologies: [t] }));
    const col = ctx.capacity(t, 'kW');
    expect(ctx.b.build().colNames[col]).toBe('cap_gb');
    expect(colBounds(ctx.b.build(), 'cap_gb')).toEqual([5, 70]);
    expect(ctx.capacities).toEqual([{ techId: 'gb', unit: 'kW', col }]);
    expect(costsOf(ctx, 'gb')).toEqual([
      { category: 'annuity', col: 'cap_gb', coef: 50 },
      { category: 'subsidy', col: 'cap_gb', coef: -20 },
      { category: 'fixedOm', col: 'cap_gb', coef: 3 },
    ]);
    expect(ctx.constantCosts).toEqual([]);
  });

  it('takes existing capacity as sunk: its annuity and subsidy come off again as constants', () => {
    const t = boiler('gb', 0.9, 100, { subsidy_share: 0.4, existing: 20, min: 5 });
    const ctx = tinyContext(testProject({ technologies: [t] }));
    ctx.capacity(t, 'kW');
    expect(colBounds(ctx.b.build(), 'cap_gb')).toEqual([20, Infinity]);
    expect(ctx.constantCosts).toEqual([
      { category: 'annuity', techId: 'gb', value_EUR: -2000 },
      { category: 'subsidy', techId: 'gb', value_EUR: 800 },
    ]);
    expect(ctx.b.objectiveOffset).toBe(-1200);
  });
});

describe('dispatch and prices', () => {
  const p = testProject({ technologies: [], extraSeries: { spot: [10, 20, 30] } });
  const ctx = tinyContext(p, 3);

  it('adds one column per step named name_tech[t=…], none where the upper bound is 0', () => {
    const cols = ctx.dispatch('heat', 'x', (s) => (s === 1 ? 0 : 10 * s + 5));
    expect(cols[1]).toBe(-1);
    const m = ctx.b.build();
    expect([cols[0], cols[2]].map((c) => m.colNames[c])).toEqual(['heat_x[t=0]', 'heat_x[t=2]']);
    expect(colBounds(m, 'heat_x[t=2]')).toEqual([0, 25]);
  });

  it('reads constant prices and series prices with scale and adder', () => {
    expect(ctx.price(0.3)(2)).toBe(0.3);
    expect(ctx.price({ series: 'spot' })(1)).toBe(20);
    expect(ctx.price({ series: 'spot', scale: 0.001, adder: 0.1 })(2)).toBeCloseTo(0.13, 15);
    expect(() => ctx.series('nope')).toThrow(/'nope' is not defined/);
  });

  it('reads a time segment as the mean of its hours', () => {
    const seg = tinyContext(p, {
      ...tinyAggregatedGrid(),
      hours: Int32Array.from([0, 1, 48, 49]),
      duration_h: Float64Array.from([1, 2, 1, 1]),
    });
    // Step 1 covers hours 1 and 2: (20 + 30) / 2.
    expect(seg.price({ series: 'spot' })(1)).toBe(25);
    expect(seg.price({ series: 'spot' })(0)).toBe(10);
  });

  it('reads hourly and quarter-hourly series on hourly, segment and quarter-hour steps as their mean', () => {
    const hourly = Float64Array.from({ length: 8760 }, (_, h) => (h < 3 ? [10, 20, 30][h] : 0));
    const quarter = Float64Array.from({ length: 4 * 8760 }, (_, q) =>
      q < 8 ? [1, 2, 3, 6, 8, 8, 0, 0][q] : 0,
    );
    // A quarter-hourly grid: an hourly series holds over its hour's quarters, a quarter-hourly one is read as it is.
    const qctx = tinyContext(p, fullGrid(8760, 2, 4));
    expect([0, 3, 4, 7].map((s) => qctx.at(hourly, s))).toEqual([10, 10, 20, 20]);
    expect([0, 3, 4, 7].map((s) => qctx.at(quarter, s))).toEqual([1, 6, 8, 0]);
    // An hourly grid reads a quarter-hourly series as the mean of the hour's four quarters.
    const hctx = tinyContext(p, 2);
    expect([0, 1].map((s) => hctx.at(quarter, s))).toEqual([3, 4]);
    // A segment of hours 0–1 (2 h): the mean of its eight quarters.
    const seg = tinyContext(p, {
      ...tinyAggregatedGrid(),
      duration_h: Float64Array.from([2, 1, 1, 1]),
      hours: Int32Array.from([0, 2, 48, 49]),
    });
    expect(seg.at(quarter, 0)).toBe(3.5);
  });

  it('adds cost terms to the objective and skips zeros', () => {
    const c = tinyContext(p, 3);
    const x = c.b.addCol('x');
    c.cost('fuel', 't', x, 2);
    c.cost('co2', 't', x, 0.5);
    c.cost('variableOm', 't', x, 0);
    expect(c.costs.map((t) => t.category)).toEqual(['fuel', 'co2']);
    expect(c.b.build().colCost[x]).toBe(2.5);
  });
});

describe('balance rows', () => {
  const demand = () => ({ heat: Float64Array.from(heatHead), electricity: new Float64Array(8760) });

  it('per carrier and step: Σ supply − Σ use = demand[t]', () => {
    const ctx = tinyContext(testProject({ technologies: [] }), tinyAggregatedGrid());
    const q = ctx.dispatch('heat', 'a');
    const e = ctx.dispatch('el', 'a');
    ctx.flow('a', 'heat', 'heat_out', q, new Float64Array(4).fill(1), true);
    ctx.flow('a', 'electricity', 'el_in', q, Float64Array.from([-0.5, -0.25, 0, -0.5]), true);
    ctx.flow('a', 'electricity', 'el_out', e, new Float64Array(4).fill(1), false); // results only
    const rows = ctx.addBalances(demand());
    const m = ctx.b.build();
    expect(rowsOf(m, 'heat_balance').map((r) => [r.name, r.lower, r.upper])).toEqual([
      ['heat_balance[p=0,h=0]', 100, 100],
      ['heat_balance[p=0,h=1]', 200, 200],
      ['heat_balance[p=1,h=0]', 50, 50],
      ['heat_balance[p=1,h=1]', 0, 0],
    ]);
    expect(rowsOf(m, 'heat_balance')[1].coefs).toEqual({ 'heat_a[p=0,h=1]': 1 });
    expect(rowsOf(m, 'el_balance').map((r) => r.coefs)).toEqual([
      { 'heat_a[p=0,h=0]': -0.5 },
      { 'heat_a[p=0,h=1]': -0.25 },
      {},
      { 'heat_a[p=1,h=1]': -0.5 },
    ]);
    expect(Array.from(rows.heat)).toEqual([0, 1, 2, 3]);
    expect(Array.from(rows.electricity)).toEqual([4, 5, 6, 7]);
    expect(ctx.flows.map((f) => f.name)).toEqual(['heat_out', 'el_in', 'el_out']);
  });

  it('with diagnosis slack: … + unmet[t] − surplus[t] = demand[t], both at the penalty price', () => {
    const ctx = tinyContext(testProject({ technologies: [] }), 3);
    const q = ctx.dispatch('heat', 'a');
    ctx.flow('a', 'heat', 'heat_out', q, new Float64Array(3).fill(1), true);
    ctx.addBalances(demand(), 1000);
    const m = ctx.b.build();
    expect(rowsOf(m, 'heat_balance')[0]).toEqual({
      name: 'heat_balance[t=0]',
      lower: 100,
      upper: 100,
      coefs: { 'heat_a[t=0]': 1, 'unmet_heat[t=0]': 1, 'surplus_heat[t=0]': -1 },
    });
    expect(rowsOf(m, 'el_balance')[2].coefs).toEqual({ 'unmet_el[t=2]': 1, 'surplus_el[t=2]': -1 });
    expect(m.colCost[m.colNames.indexOf('surplus_el[t=2]')]).toBe(1000);
    expect(ctx.slacks).toHaveLength(6);
  });
});
