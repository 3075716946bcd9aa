import { describe, expect, it } from 'vitest';
import type { HeatStorage } from '../project/types';
import { addHeatStorage } from './heatStorage';
import { costsOf, heatStorage, rowsOf, testProject, tinyContext } from './testing';

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
