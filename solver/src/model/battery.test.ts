import { describe, expect, it } from 'vitest';
import type { Battery } from '../project/types';
import { addBattery } from './battery';
import { battery, colBounds, costsOf, rowsOf, testProject, tinyContext, near } from './testing';

const zeros = new Float64Array(8760);

describe('battery', () => {
  // 0.03 EUR/kWh·a energy, 0.02 EUR/kW·a power, 10 % fixed O&M, power 5–50 kW, 0.1 %/h self-discharge.
  const t = battery('bat', 0.03, 0.02, {
    fixedOm_share: 0.1,
    minPower_kW: 5,
    maxPower_kW: 50,
    selfDischarge_per_h: 0.001,
    efficiencyCharge: 0.95,
    efficiencyDischarge: 0.96,
  }) as Battery;
  const ctx = tinyContext(testProject({ technologies: [t] }), 3);
  addBattery(ctx, t);
  ctx.addBalances({ heat: zeros, electricity: zeros });
  const m = ctx.b.build();

  it('sizes energy (kWh) and power (kW) separately, reported as one capacity', () => {
    expect(ctx.capacities).toEqual([
      {
        techId: 'bat',
        unit: 'kWh',
        col: m.colNames.indexOf('cap_bat'),
        powerCol: m.colNames.indexOf('cap_power_bat'),
      },
    ]);
    expect(colBounds(m, 'cap_bat')).toEqual([0, Infinity]);
    expect(colBounds(m, 'cap_power_bat')).toEqual([5, 50]);
  });

  it('limits charge and discharge by the power: ch[t] ≤ P, dis[t] ≤ P; the content by the energy: soc[t] ≤ E', () => {
    expect(rowsOf(m, 'ch_max_bat')[0].coefs).toEqual({ 'charge_bat[t=0]': 1, cap_power_bat: -1 });
    expect(rowsOf(m, 'dis_max_bat')[2].coefs).toEqual({ 'discharge_bat[t=2]': 1, cap_power_bat: -1 });
    expect(rowsOf(m, 'soc_max_bat')[1].coefs).toEqual({ 'soc_bat[t=1]': 1, cap_bat: -1 });
  });

  it('loses 0.1 % per hour and charges and discharges with its efficiencies', () => {
    expect(rowsOf(m, 'soc_balance_bat')[0].coefs).toEqual({
      'soc_bat[t=0]': 1,
      'soc_bat[t=2]': -(1 - 0.001),
      'charge_bat[t=0]': -0.95,
      'discharge_bat[t=0]': 1 / 0.96,
    });
  });

  it('trades in the electricity balance', () => {
    expect(rowsOf(m, 'el_balance')[0].coefs).toEqual({ 'discharge_bat[t=0]': 1, 'charge_bat[t=0]': -1 });
  });

  it('pays annuity and fixed O&M on both capacities', () => {
    expect(costsOf(ctx, 'bat')).toEqual([
      { category: 'annuity', col: 'cap_bat', coef: 0.03 },
      { category: 'fixedOm', col: 'cap_bat', coef: near(0.003, 15) },
      { category: 'annuity', col: 'cap_power_bat', coef: 0.02 },
      { category: 'fixedOm', col: 'cap_power_bat', coef: near(0.002, 15) },
    ]);
  });
});
