import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHighsBackend } from '../lp/highs';
import type { SolverBackend } from '../lp/backend';
import { readResults } from '../results/results';
import { crossCheck } from '../project/crossCheck';
import type { Project } from '../project/types';
import { fourDays } from '../run/testing';
import { buildModel, type BuildOptions } from './build';
import { hourlyMeans } from '../timeseries/resample';
import { boiler, electricBoiler, heatStorage, testProject, yearSeries } from './testing';

/**
 * The model's time step (site.timeStep_min): a quarter-hourly full year, hand-computed. Heat in the
 * first two hours as quarter hours 0, 0, 0, 400 | 100, 100, 100, 100 kW: both hours average 100 kW
 * (100 kWh each), but the third quarter hour of hour 0 peaks at 400 kW.
 */
const quarters = [0, 0, 0, 400, 100, 100, 100, 100];

/** An electric boiler, efficiency 1, free to build. */
const eb = electricBoiler();

let highs: SolverBackend;
beforeAll(async () => (highs = await createHighsBackend()));
afterAll(() => highs.dispose());

function project(step: 15 | 60, p: Project): Project {
  p.timeSeries.heat = { unit: 'kW', values: yearSeries(quarters, 0, 4 * 8760) };
  p.site.timeStep_min = step;
  return p;
}

async function solve(p: Project, horizon_h: number, extra: Partial<BuildOptions> = {}) {
  const built = buildModel(p, { mode: 'full', horizon_h, ...extra });
  const sol = await highs.solve(built.model);
  expect(sol.status).toBe('optimal');
  const out = readResults(built, sol);
  expect(out.results.balance.ok).toBe(true);
  expect(out.results.objective.totalAnnualCost_EUR).toBeCloseTo(sol.objective, 6);
  return { built, ...out };
}

describe('time step of the model', () => {
  // Gas boiler, efficiency 1, 1 EUR/kW·a, gas 0.1 EUR/kWh; 200 kWh of heat either way (20 EUR).
  const gasOnly = () => testProject({ gasPrice: 0.1, technologies: [boiler('gb', 1, 1)] });

  it('15 min: the boiler is sized to the quarter-hour peak, 400 kW + 20 EUR = 420 EUR/a', async () => {
    const { results, dispatch, built } = await solve(project(15, gasOnly()), 2);
    expect(built.ctx.T).toBe(8);
    expect(results.capacities.gb.power_kW).toBeCloseTo(400, 6);
    expect(results.objective.totalAnnualCost_EUR).toBeCloseTo(420, 6);
    expect(results.annual.gb.heat_out_MWh).toBeCloseTo(0.2, 9);
    expect(results.kpis.heatDemand_MWh).toBeCloseTo(0.2, 9);
    expect(results.solve.timeStep_min).toBe(15);
    // The dispatch every view reads is hourly: each hour the mean of its quarters (same energy).
    expect(Array.from(dispatch.hours)).toEqual([0, 1]);
    expect(Array.from(dispatch.weight)).toEqual([1, 1]);
    expect(Array.from(dispatch.series['gb.heat_out_kW']).map((v) => +v.toFixed(6))).toEqual([100, 100]);
  });

  it('60 min on the same quarter-hourly series: hourly means, 100 kW + 20 EUR = 120 EUR/a', async () => {
    const { results, built } = await solve(project(60, gasOnly()), 2);
    expect(built.ctx.T).toBe(2);
    expect(results.capacities.gb.power_kW).toBeCloseTo(100, 6);
    expect(results.objective.totalAnnualCost_EUR).toBeCloseTo(120, 6);
    expect(results.solve.timeStep_min).toBeUndefined();
  });

  it('15 min: storage levels move by Δt = 0.25 h and the Leistungspreis sees the quarter-hour peak', async () => {
    // Electric boiler (0 EUR/kW), grid 0.1 EUR/kWh and 1 EUR/kW·a on the import peak, a heat store at
    // 0.01 EUR/kWh with c-rate 4/h. Flat import of 100 kW: quarters 0–2 store 3 · 25 = 75 kWh, quarter
    // 3 draws 400 kW, 100 from the grid and 300 (75 kWh) from the store, which needs 75 kWh and
    // 300 kW = 4/h · 75 kWh. Cost 100 + 200 · 0.1 + 75 · 0.01 = 120.75 EUR/a.
    const base = () =>
      testProject({
        gridImport: { price: 0.1, peak: 1 },
        technologies: [eb, heatStorage('tes', 0.01, { cRate_per_h: 4 })],
      });
    const q = await solve(project(15, base()), 2);
    expect(q.results.kpis.peakGridImport_kW).toBeCloseTo(100, 6);
    expect(q.results.capacities.tes.energy_kWh).toBeCloseTo(75, 6);
    expect(q.results.objective.totalAnnualCost_EUR).toBeCloseTo(120.75, 6);
    // Hourly, the same energy needs no store: 100 + 20 = 120 EUR/a.
    const h = await solve(project(60, base()), 2);
    expect(h.results.capacities.tes.energy_kWh).toBeCloseTo(0, 6);
    expect(h.results.objective.totalAnnualCost_EUR).toBeCloseTo(120, 6);
  });

  it('counts a storage that charges and discharges within a quarter hour in whole hours', async () => {
    // A heat store free of cost and an electric boiler on a flat price: nothing forces both at once,
    // so read the finding on a hand-made solution instead: one quarter hour charging and discharging.
    const p = project(
      15,
      testProject({ gridImport: { price: 0.1 }, technologies: [eb, heatStorage('tes', 0.01)] }),
    );
    const built = buildModel(p, { mode: 'full', horizon_h: 2 });
    const sol = await highs.solve(built.model);
    const st = built.ctx.storages[0];
    for (const k of [1, 2]) {
      sol.x[st.charge[k]] = 1;
      sol.x[st.discharge[k]] = 1;
    }
    const { results } = readResults(built, sol);
    expect(results.messages?.find((m) => m.code === 'simultaneousStorage')?.params).toMatchObject({
      hours: 1,
    });
  });

  it('with hourly series only, quarter hours give the hourly optimum (every hour held over its quarters)', async () => {
    const p = fourDays();
    for (const t of p.technologies) if (t.type === 'heatStorage') t.loss_per_h = 0;
    const hourly = await solve(p, 96);
    const quarterly = await solve({ ...p, site: { ...p.site, timeStep_min: 15 } }, 96);
    expect(quarterly.built.ctx.T).toBe(384);
    const a = hourly.results.objective.totalAnnualCost_EUR;
    expect(Math.abs(quarterly.results.objective.totalAnnualCost_EUR - a) / a).toBeLessThan(1e-6);
  });

  it('sizes on typical days from the hourly means of a quarter-hourly series', () => {
    const p = project(15, gasOnly());
    const built = buildModel(p, { mode: 'aggregated', typicalDays: 4, segments: 24 });
    expect(built.grid.stepsPerHour).toBeUndefined();
    const hourly = hourlyMeans(built.demand.heat, 8760);
    expect(hourly.slice(0, 3)).toEqual(Float64Array.from([100, 100, 0]));
    // Every step of an hourly typical day reads its hour's mean of the four quarters.
    for (let s = 0; s < built.ctx.T; s++)
      expect(built.ctx.at(built.demand.heat, s)).toBe(hourly[built.grid.hours[s]]);
  });

  it('validates hourly and quarter-hourly series, and names the quarter hour of a gap', () => {
    const p = project(15, gasOnly());
    expect(crossCheck(p)).toEqual([]);
    (p.timeSeries.heat as { values: number[] }).values[5] = Number.NaN;
    expect(crossCheck(p)).toContainEqual({
      pointer: '/timeSeries/heat/values/5',
      message: 'quarter hour 5 has no value (gap in the profile)',
    });
    p.timeSeries.heat = { unit: 'kW', values: [1, 2, 3] };
    expect(crossCheck(p)).toContainEqual({
      pointer: '/timeSeries/heat/values',
      message: 'has 3 values; the year 2023 has 8760 hours (35040 quarter hours)',
    });
  });
});
