import { describe, expect, it } from 'vitest';
import type { Pv, SolarThermal } from '../project/types';
import { addPv, addSolarThermal } from './pv';
import { colBounds, costsOf, rowsOf, testProject, tinyAggregatedGrid, tinyContext, near } from './testing';

const zeros = new Float64Array(8760);

// Yield 0.5 and 0 kWh per unit in hours 0 and 1 (typical day 0, weight 2), 0.2 and 0 in hours 48
// and 49 (typical day 1, weight 1).
const yieldHead = new Array<number>(50).fill(0);
yieldHead[0] = 0.5;
yieldHead[48] = 0.2;

const base = {
  yieldSeries: 'y',
  capex_EUR_per_unit: 7,
  lifetime_a: 1,
  fixedOm_share: 0,
  varOm_EUR_kWh: 0.01,
};

function build(add: (ctx: ReturnType<typeof tinyContext>) => void) {
  const ctx = tinyContext(
    testProject({ technologies: [], extraSeries: { y: yieldHead } }),
    tinyAggregatedGrid(),
  );
  add(ctx);
  ctx.addBalances({ heat: zeros, electricity: zeros });
  return { ctx, m: ctx.b.build() };
}

describe('curtailable PV', () => {
  const pv: Pv = { id: 'pv', type: 'pv', curtailable: true, ...base };
  const { ctx, m } = build((c) => addPv(c, pv));

  it('has output columns only in hours with yield, each limited by output[t] ≤ yield[t]·cap', () => {
    expect(m.colNames.filter((n) => n.startsWith('el_pv'))).toEqual(['el_pv[p=0,h=0]', 'el_pv[p=1,h=0]']);
    expect(rowsOf(m, 'yield_pv')).toEqual([
      { name: 'yield_pv[p=0,h=0]', lower: -Infinity, upper: 0, coefs: { 'el_pv[p=0,h=0]': 1, cap_pv: -0.5 } },
      { name: 'yield_pv[p=1,h=0]', lower: -Infinity, upper: 0, coefs: { 'el_pv[p=1,h=0]': 1, cap_pv: -0.2 } },
    ]);
    expect(ctx.capacities).toEqual([{ techId: 'pv', unit: 'kWp', col: m.colNames.indexOf('cap_pv') }]);
  });

  it('feeds the electricity balance and pays variable O&M on what it delivers', () => {
    expect(rowsOf(m, 'el_balance').map((r) => r.coefs)).toEqual([
      { 'el_pv[p=0,h=0]': 1 },
      {},
      { 'el_pv[p=1,h=0]': 1 },
      {},
    ]);
    expect(costsOf(ctx, 'pv')).toEqual([
      { category: 'annuity', col: 'cap_pv', coef: 7 },
      { category: 'variableOm', col: 'el_pv[p=0,h=0]', coef: 0.02 },
      { category: 'variableOm', col: 'el_pv[p=1,h=0]', coef: 0.01 },
    ]);
    expect(ctx.renewableHeat).toEqual([]);
  });
});

describe('PV that cannot be curtailed', () => {
  const pv: Pv = { id: 'pv', type: 'pv', curtailable: false, ...base };
  const { ctx, m } = build((c) => addPv(c, pv));

  it('puts yield[t]·cap straight into the balance, with no output column and no row', () => {
    expect(m.colNames).not.toContain('el_pv[p=0,h=0]');
    expect(rowsOf(m, 'yield_pv')).toEqual([]);
    expect(rowsOf(m, 'el_balance').map((r) => r.coefs)).toEqual([{ cap_pv: 0.5 }, {}, { cap_pv: 0.2 }, {}]);
  });

  it('pays variable O&M on the annual yield per unit, Σ w·yield = 2·0.5 + 1·0.2', () => {
    expect(costsOf(ctx, 'pv')).toEqual([
      { category: 'annuity', col: 'cap_pv', coef: 7 },
      { category: 'variableOm', col: 'cap_pv', coef: near(1.2 * 0.01, 14) },
    ]);
  });
});

describe('solar thermal', () => {
  it('curtailable: heat output columns, counted as renewable heat with their weights', () => {
    const st: SolarThermal = { id: 'st', type: 'solarThermal', curtailable: true, ...base };
    const { ctx, m } = build((c) => addSolarThermal(c, st));
    expect(rowsOf(m, 'yield_st')[1].coefs).toEqual({ 'heat_st[p=1,h=0]': 1, cap_st: -0.2 });
    expect(rowsOf(m, 'heat_balance')[0].coefs).toEqual({ 'heat_st[p=0,h=0]': 1 });
    expect(ctx.renewableHeat.map((r) => [m.colNames[r.col], r.coef])).toEqual([
      ['heat_st[p=0,h=0]', 2],
      ['heat_st[p=1,h=0]', 1],
    ]);
    expect(ctx.capacities[0].unit).toBe('m2');
  });

  it('not curtailable: the annual yield per m² counts as renewable heat on the capacity', () => {
    const st: SolarThermal = { id: 'st', type: 'solarThermal', curtailable: false, ...base, max: 30 };
    const { ctx, m } = build((c) => addSolarThermal(c, st));
    expect(colBounds(m, 'cap_st')).toEqual([0, 30]);
    expect(rowsOf(m, 'heat_balance')[2].coefs).toEqual({ cap_st: 0.2 });
    expect(ctx.renewableHeat).toEqual([{ col: m.colNames.indexOf('cap_st'), coef: near(1.2, 14) }]);
  });
});
