import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHighsBackend } from '../lp/highs';
import type { SolverBackend } from '../lp/backend';
import { buildModel, type BuildOptions } from './build';
import { readResults } from '../results/results';
import {
  airHeatPump,
  battery,
  boiler,
  chpPlant,
  electricBoiler,
  heatStorage,
  testProject,
  near,
} from './testing';
import type { Project } from '../project/types';
import { copSeries } from './heatPump';

let highs: SolverBackend;
beforeAll(async () => (highs = await createHighsBackend()));
afterAll(() => highs.dispose());

async function solve(p: Project, horizon_h: number, extra: Partial<BuildOptions> = {}) {
  const built = buildModel(p, { mode: 'full', horizon_h, ...extra });
  const sol = await highs.solve(built.model);
  expect(sol.status).toBe('optimal');
  const { results, dispatch } = readResults(built, sol);
  expect(results.balance.ok).toBe(true);
  expect(results.balance.maxResidual_kW).toBeLessThan(1e-6);
  expect(results.objective.totalAnnualCost_EUR).toBeCloseTo(sol.objective, 6);
  return { built, sol, results, dispatch };
}

describe('single boiler', () => {
  it('is sized to the peak and costs what a hand calculation gives', async () => {
    // Demand 300, 800, 500 kW; efficiency 0.9; gas 0.06 EUR/kWh + CO2 0.2 kg/kWh at 100 EUR/t;
    // capex 80 EUR/kW, 2 % fixed O&M, 20 years at 5 %.
    const p = testProject({
      heat: [300, 800, 500],
      gasPrice: 0.06,
      co2Price_EUR_t: 100,
      technologies: [boiler('gb', 0.9, 80, { lifetime_a: 20, fixedOm_share: 0.02 })],
    });
    p.economics.interestRate = 0.05;
    const { results } = await solve(p, 3);
    expect(results.capacities.gb.power_kW).toBeCloseTo(800, 6);
    const annuity = 0.0802425872 * 80 * 800;
    const om = 0.02 * 80 * 800;
    const fuel_kWh = 1600 / 0.9;
    const expected = annuity + om + fuel_kWh * 0.06 + fuel_kWh * 0.2 * 0.1;
    expect(results.objective.totalAnnualCost_EUR).toBeCloseTo(expected, 4);
    expect(results.costs.byCategory_EUR.fuel).toBeCloseTo(fuel_kWh * 0.06, 6);
    expect(results.costs.byCategory_EUR.co2).toBeCloseTo(fuel_kWh * 0.02, 6);
    expect(results.emissions_tCO2).toBeCloseTo((fuel_kWh * 0.2) / 1000, 9);
    expect(results.annual.gb.heat_out_MWh).toBeCloseTo(1.6, 9);
    expect(results.kpis.fullLoadHours_h.gb).toBeCloseTo(2, 9);
    expect(results.kpis.lcoh_EUR_MWh).toBeCloseTo(expected / 1.6, 4);
  });
});

describe('screening curve', () => {
  it('splits base and peak load where the load duration curve crosses the break-even hours', async () => {
    // Base: 0.45 EUR/kW fixed, 0.1 EUR/kWh; peak: 0.1 EUR/kW, 0.2 EUR/kWh → break-even 3.5 h.
    // Demand 100..1000 kW over 10 h: levels served ≥ 4 h (≤ 700 kW) go to base load.
    const heat = [500, 100, 900, 300, 1000, 700, 200, 800, 400, 600];
    const p = testProject({
      heat,
      gasPrice: 0.1,
      technologies: [boiler('base', 1, 0.45), boiler('peak', 0.5, 0.1)],
    });
    const { results } = await solve(p, 10);
    expect(results.capacities.base.power_kW).toBeCloseTo(700, 5);
    expect(results.capacities.peak.power_kW).toBeCloseTo(300, 5);
    // 0.45·700 + 0.1·300 + 0.1·4900 + 0.2·600 = 955
    expect(results.objective.totalAnnualCost_EUR).toBeCloseTo(955, 6);
  });
});

describe('storage arbitrage', () => {
  it('shifts the whole evening demand to the cheap hour when storage costs less than the spread', async () => {
    const p = testProject({
      electricity: [100, 100],
      gridImport: { price: [0.1, 0.3] },
      technologies: [battery('bat', 0.03, 0.02)],
    });
    const { results, dispatch } = await solve(p, 2);
    expect(results.capacities.bat.energy_kWh).toBeCloseTo(100, 6);
    expect(results.capacities.bat.power_kW).toBeCloseTo(100, 6);
    // 200 kWh at 0.1 + (0.03 + 0.02)·100
    expect(results.objective.totalAnnualCost_EUR).toBeCloseTo(25, 6);
    expect(Array.from(dispatch.series['grid.import_kW'])).toEqual([200, 0].map((v) => near(v, 6) as unknown));
  });

  it('accounts for round-trip losses', async () => {
    const p = testProject({
      electricity: [100, 100],
      gridImport: { price: [0.1, 0.3] },
      technologies: [battery('bat', 0.03, 0.02, { efficiencyCharge: 0.9, efficiencyDischarge: 0.9 })],
    });
    const { results } = await solve(p, 2);
    // Deliver 100 kWh: store 100/0.9 = 111.11 kWh, charge 123.46 kWh from the grid.
    const charge = 100 / 0.81;
    expect(results.capacities.bat.energy_kWh).toBeCloseTo(100 / 0.9, 5);
    expect(results.capacities.bat.power_kW).toBeCloseTo(charge, 5);
    expect(results.objective.totalAnnualCost_EUR).toBeCloseTo(
      (100 + charge) * 0.1 + 0.03 * (100 / 0.9) + 0.02 * charge,
      6,
    );
  });
});

describe('PV and battery', () => {
  it('supply a night load off-grid: PV sized for the stored energy, the battery for the night', async () => {
    const pv = {
      id: 'pv',
      type: 'pv',
      yieldSeries: 'pv_yield',
      curtailable: true,
      capex_EUR_per_unit: 1,
      lifetime_a: 1,
      fixedOm_share: 0,
    } as const;
    const bat = {
      id: 'bat',
      type: 'battery',
      capex_EUR_per_unit: 0.5,
      capexPower_EUR_kW: 0.1,
      lifetime_a: 1,
      fixedOm_share: 0,
      efficiencyCharge: 0.95,
      efficiencyDischarge: 0.95,
      selfDischarge_per_h: 0,
    } as const;
    // Hour 0: 0.5 kWh/kWp, no load; hour 1: dark, 100 kW load.
    const p = testProject({
      electricity: [0, 100],
      extraSeries: { pv_yield: [0.5, 0] },
      technologies: [pv, bat],
    });
    const { results } = await solve(p, 2);
    const charge = 100 / (0.95 * 0.95);
    expect(results.capacities.pv.power_kW).toBeCloseTo(charge / 0.5, 5);
    expect(results.capacities.bat.energy_kWh).toBeCloseTo(100 / 0.95, 5);
    expect(results.capacities.bat.power_kW).toBeCloseTo(charge, 5);
    expect(results.objective.totalAnnualCost_EUR).toBeCloseTo(
      charge / 0.5 + 0.5 * (100 / 0.95) + 0.1 * charge,
      5,
    );
  });
});

describe('heat pump', () => {
  it('computes the COP with a Carnot efficiency factor, clipped', () => {
    const hp = {
      supplyTemp_C: 55,
      sourceDelta_K: 5,
      carnotEfficiency: 0.5,
      copMin: 1.5,
      copMax: 5.5,
    } as never;
    const cop = copSeries(hp, Float64Array.from([0, -20, 40, 60]), 4);
    expect(cop[0]).toBeCloseTo((0.5 * 328.15) / 60, 12); // 2.7346
    expect(cop[1]).toBeCloseTo((0.5 * 328.15) / 80, 12); // 2.0509
    expect(cop[2]).toBe(5.5); // 0.5·328.15/20 = 8.2 → capped
    expect(cop[3]).toBe(5.5); // no lift
  });

  it('draws heat / COP from the grid', async () => {
    const hp = airHeatPump();
    const p = testProject({
      heat: [600, 300],
      ambient: [0, -20],
      gridImport: { price: 0.2 },
      technologies: [hp],
    });
    const { results } = await solve(p, 2);
    const el = 600 / ((0.5 * 328.15) / 60) + 300 / ((0.5 * 328.15) / 80);
    expect(results.annual.grid.import_MWh).toBeCloseTo(el / 1000, 9);
    expect(results.objective.totalAnnualCost_EUR).toBeCloseTo(6000 + 0.2 * el, 6);
  });
});

describe('CHP', () => {
  it('produces heat and electricity in its fixed ratio and is paid for exports and bonus', async () => {
    const chp = chpPlant({ varOm_EUR_kWh: 0.01, bonus_EUR_kWhEl: 0.02 });
    // 500 kW heat needs 400 kW el; exported at 0.15 EUR/kWh.
    const p = testProject({ heat: [500], gasPrice: 0.05, gridExport: { price: 0.15 }, technologies: [chp] });
    const { results } = await solve(p, 1);
    expect(results.capacities.chp.power_kW).toBeCloseTo(400, 6);
    expect(results.annual.grid.export_MWh).toBeCloseTo(0.4, 9);
    // capex 400 + fuel 1000·0.05 + vom 4 − bonus 8 − export 60
    expect(results.objective.totalAnnualCost_EUR).toBeCloseTo(400 + 50 + 4 - 8 - 60, 6);
    expect(results.costs.byCategory_EUR.exportRevenue).toBeCloseTo(-60, 6);
    expect(results.costs.byCategory_EUR.bonus).toBeCloseTo(-8, 6);
  });
});

describe('grid peak charge and heat storage', () => {
  it('uses a heat storage with an electric boiler to flatten the grid peak when the Leistungspreis is high', async () => {
    const eb = electricBoiler();
    const tes = heatStorage('tes', 0.01);
    // Heat 0 and 200 kW; peak charge 1 EUR/kW: a flat 100 kW import is best. Storage 100 kWh.
    const p = testProject({ heat: [0, 200], gridImport: { price: 0.1, peak: 1 }, technologies: [eb, tes] });
    const { results } = await solve(p, 2);
    expect(results.kpis.peakGridImport_kW).toBeCloseTo(100, 6);
    expect(results.capacities.tes.energy_kWh).toBeCloseTo(100, 6);
    expect(results.objective.totalAnnualCost_EUR).toBeCloseTo(100 * 1 + 200 * 0.1 + 0.01 * 100, 6);
  });
});
