import { describe, expect, it } from 'vitest';
import type { ElectricBoiler } from '../project/types';
import { addBoiler, addElectricBoiler } from './boilers';
import {
  boiler,
  colBounds,
  costsOf,
  rowsOf,
  testProject,
  tinyAggregatedGrid,
  tinyContext,
  near,
} from './testing';

const zeros = new Float64Array(8760);
const steps = ['p=0,h=0', 'p=0,h=1', 'p=1,h=0', 'p=1,h=1'];
const weight = [2, 2, 1, 1];

describe('gas boiler', () => {
  // Efficiency 0.9, 80 EUR/kW (interest 0, 1 year: annuity = capex), 2 % fixed O&M, 0.003 EUR/kWh
  // variable O&M; gas 0.06 EUR/kWh and 0.2 kg/kWh at 100 EUR/t.
  const p = testProject({
    gasPrice: 0.06,
    co2Price_EUR_t: 100,
    technologies: [boiler('gb', 0.9, 80, { fixedOm_share: 0.02, varOm_EUR_kWh: 0.003, max: 500 })],
  });
  const ctx = tinyContext(p, tinyAggregatedGrid());
  addBoiler(ctx, p.technologies[0] as never);
  ctx.addBalances({ heat: zeros, electricity: zeros });
  const m = ctx.b.build();

  it('has a capacity column and limits heat by it: q[t] ≤ cap', () => {
    expect(colBounds(m, 'cap_gb')).toEqual([0, 500]);
    expect(rowsOf(m, 'cap_gb')).toEqual(
      steps.map((s) => ({
        name: `cap_gb[${s}]`,
        lower: -Infinity,
        upper: 0,
        coefs: { [`heat_gb[${s}]`]: 1, cap_gb: -1 },
      })),
    );
  });

  it('supplies the heat balance', () => {
    expect(rowsOf(m, 'heat_balance')[1].coefs).toEqual({ 'heat_gb[p=0,h=1]': 1 });
    expect(rowsOf(m, 'el_balance')[1].coefs).toEqual({});
  });

  it('pays capacity, fuel = w·q/η·price, CO2 = w·q/η·0.2 kg·0.1 EUR/kg and variable O&M per step', () => {
    const perStep = steps.flatMap((s, i) => [
      { category: 'fuel', col: `heat_gb[${s}]`, coef: near((weight[i] / 0.9) * 0.06, 14) },
      { category: 'co2', col: `heat_gb[${s}]`, coef: near((weight[i] / 0.9) * 0.02, 14) },
      { category: 'variableOm', col: `heat_gb[${s}]`, coef: near(weight[i] * 0.003, 14) },
    ]);
    expect(costsOf(ctx, 'gb')).toEqual([
      { category: 'annuity', col: 'cap_gb', coef: 80 },
      { category: 'fixedOm', col: 'cap_gb', coef: 1.6 },
      ...perStep,
    ]);
    expect(m.colCost[m.colNames.indexOf('heat_gb[p=1,h=0]')]).toBeCloseTo(
      0.06 / 0.9 + 0.02 / 0.9 + 0.003,
      14,
    );
  });

  it('emits w·q/η·0.2 kg and counts no renewable heat', () => {
    expect(ctx.emissions.map((e) => e.kg)).toEqual(weight.map((w) => near((w / 0.9) * 0.2, 14)));
    expect(ctx.renewableHeat).toEqual([]);
  });

  it('counts the heat of a renewable fuel as renewable, and existing capacity as sunk', () => {
    const q = testProject({ technologies: [boiler('bio', 0.8, 100, { fuel: 'wood', existing: 40 })] });
    q.fuels.wood = { price_EUR_kWh: 0.04, co2_kg_kWh: 0, renewable: true };
    const c = tinyContext(q, tinyAggregatedGrid());
    addBoiler(c, q.technologies[0] as never);
    expect(colBounds(c.b.build(), 'cap_bio')).toEqual([40, Infinity]);
    expect(c.renewableHeat.map((r) => r.coef)).toEqual(weight);
    expect(c.constantCosts).toEqual([{ category: 'annuity', techId: 'bio', value_EUR: -4000 }]);
    expect(c.emissions).toEqual([]); // no CO2, no entry
  });
});

describe('electric boiler', () => {
  const eb: ElectricBoiler = {
    id: 'eb',
    type: 'electricBoiler',
    efficiency: 0.98,
    capex_EUR_per_unit: 5,
    lifetime_a: 1,
    fixedOm_share: 0,
    varOm_EUR_kWh: 0.001,
  };
  const p = testProject({ gridImport: { price: 0.2 }, technologies: [eb] });
  p.grid.import!.renewableShare = 0.4;
  const ctx = tinyContext(p, tinyAggregatedGrid());
  addElectricBoiler(ctx, eb);
  ctx.addBalances({ heat: zeros, electricity: zeros });
  const m = ctx.b.build();

  it('turns electricity into heat: heat[t] into the heat balance, heat[t]/η out of the electricity balance', () => {
    expect(rowsOf(m, 'heat_balance')[0].coefs).toEqual({ 'heat_eb[p=0,h=0]': 1 });
    expect(rowsOf(m, 'el_balance')[0].coefs).toEqual({ 'heat_eb[p=0,h=0]': -1 / 0.98 });
    expect(rowsOf(m, 'cap_eb')[3].coefs).toEqual({ 'heat_eb[p=1,h=1]': 1, cap_eb: -1 });
  });

  it('pays capacity and variable O&M; the grid pays for the electricity', () => {
    expect(costsOf(ctx, 'eb')).toEqual([
      { category: 'annuity', col: 'cap_eb', coef: 5 },
      ...steps.map((s, i) => ({ category: 'variableOm', col: `heat_eb[${s}]`, coef: weight[i] * 0.001 })),
    ]);
    expect(ctx.emissions).toEqual([]);
  });

  it("counts the grid's renewable share of its heat as renewable", () => {
    expect(ctx.renewableHeat.map((r) => r.coef)).toEqual(weight.map((w) => w * 0.4));
  });
});
