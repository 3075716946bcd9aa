import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SolverBackend } from '../lp/backend';
import { createHighsBackend } from '../lp/highs';
import type { Battery } from '../project/types';
import { readResults } from '../results/results';
import { addBattery } from './battery';
import { buildModel } from './build';
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

describe('battery variable O&M', () => {
  let highs: SolverBackend;
  beforeAll(async () => (highs = await createHighsBackend()));
  afterAll(() => highs.dispose());

  /** Arbitrage over two hours: 100 kW of demand each, grid at 0.1 and 0.3 EUR/kWh. */
  async function arbitrage(varOm_EUR_kWh?: number) {
    const p = testProject({
      electricity: [100, 100],
      gridImport: { price: [0.1, 0.3] },
      technologies: [battery('bat', 0.03, 0.02, { varOm_EUR_kWh })],
    });
    const built = buildModel(p, { mode: 'full', horizon_h: 2 });
    const sol = await highs.solve(built.model);
    expect(sol.status).toBe('optimal');
    return { sol, results: readResults(built, sol).results };
  }

  it('adds varOm per kWh discharged to the objective and to the variable O&M of the breakdown', async () => {
    // Without: 200 kWh at 0.1 + (0.03 + 0.02)·100 = 25 EUR. The spread of 0.2 EUR/kWh still beats
    // 0.05 EUR/kWh of O&M, so the battery again discharges 100 kWh in the dear hour: +0.05·100 = 5 EUR.
    const without = await arbitrage();
    const withOm = await arbitrage(0.05);
    expect(without.sol.objective).toBeCloseTo(25, 6);
    expect(without.results.costs.byCategory_EUR.variableOm).toBe(0);
    expect(withOm.results.annual.bat.discharge_MWh).toBeCloseTo(0.1, 9);
    expect(withOm.sol.objective - without.sol.objective).toBeCloseTo(0.05 * 100, 6);
    expect(withOm.results.costs.byCategory_EUR.variableOm).toBeCloseTo(5, 6);
    expect(withOm.results.objective.totalAnnualCost_EUR).toBeCloseTo(30, 6);
  });
});
