import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SolverBackend } from '../lp/backend';
import { createHighsBackend } from '../lp/highs';
import type { HeatStorage } from '../project/types';
import { readResults } from '../results/results';
import { buildModel } from './build';
import { addHeatStorage } from './heatStorage';
import { costsOf, electricBoiler, heatStorage, rowsOf, testProject, tinyContext } from './testing';

const zeros = new Float64Array(8760);

describe('heat storage', () => {
  // 0.01 EUR/kWh·a; charge and discharge up to 0.25 kW per kWh; 0.5 %/h loss.
  const t = heatStorage('tes', 0.01, {
    cRate_per_h: 0.25,
    loss_per_h: 0.005,
    efficiencyCharge: 0.98,
  }) as HeatStorage;
  const ctx = tinyContext(testProject({ technologies: [t] }), 3);
  addHeatStorage(ctx, t);
  ctx.addBalances({ heat: zeros, electricity: zeros });
  const m = ctx.b.build();

  it('has one capacity in kWh that also limits power: ch[t] ≤ cRate·E, dis[t] ≤ cRate·E', () => {
    expect(ctx.capacities).toEqual([{ techId: 'tes', unit: 'kWh', col: m.colNames.indexOf('cap_tes') }]);
    expect(rowsOf(m, 'ch_max_tes')[1]).toEqual({
      name: 'ch_max_tes[t=1]',
      lower: -Infinity,
      upper: 0,
      coefs: { 'charge_tes[t=1]': 1, cap_tes: -0.25 },
    });
    expect(rowsOf(m, 'dis_max_tes')[1].coefs).toEqual({ 'discharge_tes[t=1]': 1, cap_tes: -0.25 });
    expect(rowsOf(m, 'soc_max_tes')[1].coefs).toEqual({ 'soc_tes[t=1]': 1, cap_tes: -1 });
  });

  it('balances its content with its loss and efficiencies, in the heat balance', () => {
    expect(rowsOf(m, 'soc_balance_tes')[2].coefs).toEqual({
      'soc_tes[t=2]': 1,
      'soc_tes[t=1]': -(1 - 0.005),
      'charge_tes[t=2]': -0.98,
      'discharge_tes[t=2]': 1,
    });
    expect(rowsOf(m, 'heat_balance')[2].coefs).toEqual({ 'discharge_tes[t=2]': 1, 'charge_tes[t=2]': -1 });
  });

  it('pays its capacity only', () => {
    expect(costsOf(ctx, 'tes')).toEqual([{ category: 'annuity', col: 'cap_tes', coef: 0.01 }]);
  });
});

describe('heat storage variable O&M', () => {
  let highs: SolverBackend;
  beforeAll(async () => (highs = await createHighsBackend()));
  afterAll(() => highs.dispose());

  const eb = electricBoiler();

  /** Heat 0 and 200 kW from an electric boiler; grid 0.1 EUR/kWh and 1 EUR/kW peak charge. */
  async function flattenPeak(varOm_EUR_kWh?: number) {
    const p = testProject({
      heat: [0, 200],
      gridImport: { price: 0.1, peak: 1 },
      technologies: [eb, heatStorage('tes', 0.01, { varOm_EUR_kWh })],
    });
    const built = buildModel(p, { mode: 'full', horizon_h: 2 });
    const sol = await highs.solve(built.model);
    expect(sol.status).toBe('optimal');
    return { sol, results: readResults(built, sol).results };
  }

  it('adds varOm per kWh discharged to the objective and to the variable O&M of the breakdown', async () => {
    // A flat 100 kW import: 100 kWh stored in hour 0 and discharged in hour 1. Without O&M
    // 100·1 + 200·0.1 + 0.01·100 = 121 EUR; 0.02 EUR/kWh on the 100 kWh discharged adds 2 EUR
    // (flattening still saves 100 EUR of peak charge).
    const without = await flattenPeak();
    const withOm = await flattenPeak(0.02);
    expect(without.sol.objective).toBeCloseTo(121, 6);
    expect(withOm.results.annual.tes.discharge_MWh).toBeCloseTo(0.1, 9);
    expect(withOm.sol.objective - without.sol.objective).toBeCloseTo(0.02 * 100, 6);
    expect(withOm.results.costs.byCategory_EUR.variableOm).toBeCloseTo(2, 6);
    expect(withOm.results.costs.byTechnology_EUR.tes).toBeCloseTo(0.01 * 100 + 2, 6);
  });
});
