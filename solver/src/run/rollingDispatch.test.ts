import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHighsBackend } from '../lp/highs';
import type { SolverBackend } from '../lp/backend';
import { buildModel, type BuildOptions } from '../model/build';
import { boiler, chpPlant, heatStorage, testProject } from '../model/testing';
import type { Project } from '../project/types';
import { readResults } from '../results/results';
import { formatSolverMessage, solverMessage } from '../results/messages';
import { LpBuilder } from '../lp/model';
import {
  hoursBelowMinLoad,
  milpPlan,
  rollingDispatch,
  solveWindow,
  type RollingStart,
} from './rollingDispatch';

let highs: SolverBackend;
beforeAll(async () => (highs = await createHighsBackend()));
afterAll(() => highs.dispose());

const H = 96;
/** 25 kW of heat from 00:00 to 06:00, 125 kW otherwise, for four days. */
const heat = Array.from({ length: H }, (_, h) => (h % 24 < 6 ? 25 : 125));

/**
 * A CHP of 100 kW el (125 kW heat, 40 % minimum load: 40 kW el, 50 kW heat) exporting at
 * 0.2 EUR/kWh and a gas boiler (η 0.9); gas 0.1 EUR/kWh. CHP heat costs (0.1/0.4 − 0.2)/1.25 =
 * 0.04 EUR/kWh, boiler heat 0.1/0.9 = 0.1111 EUR/kWh.
 */
function chpProject(extra: Project['technologies'] = []): Project {
  return testProject({
    heat,
    gridExport: { price: 0.2 },
    technologies: [chpPlant({ max: 100, minLoad_share: 0.4 }), boiler('gb', 0.9, 1), ...extra],
  });
}
const fixed = { chp: { value: 100 }, gb: { value: 200 }, tes: { value: 60 } };
const base: BuildOptions = { mode: 'full', horizon_h: H };

/** The full-year LP check with the capacities fixed: the start and lower bound of the rolling plan. */
async function lpCheck(p: Project): Promise<RollingStart> {
  const built = buildModel(p, { ...base, fixedCapacities: fixed });
  const sol = await highs.solve(built.model);
  expect(sol.status).toBe('optimal');
  return { built, x: sol.x, objective: sol.objective };
}

describe('rollingDispatch', () => {
  it('keeps the CHP off below its minimum load, at the boiler price the LP avoided', async () => {
    const p = chpProject();
    const lp = await lpCheck(p);
    expect(hoursBelowMinLoad(lp.built, lp.x)).toEqual({ chp: 24 }); // 6 h a day at 20 kW el
    const r = await rollingDispatch(p, base, fixed, highs, { window_h: 24, overlap_h: 12 }, lp);
    expect(r.solution.status).toBe('optimal');
    expect(r.windows).toBe(4);
    expect(hoursBelowMinLoad(r.built, r.solution.x)).toEqual({ chp: 0 });
    // 24 h at 25 kW heat move from CHP heat (0.04 EUR/kWh) to the boiler (0.1111 EUR/kWh):
    // 24 · 25 · (0.1/0.9 − 0.04) = 42.6667 EUR more than the LP.
    expect(r.upperBound - lp.objective).toBeCloseTo(24 * 25 * (0.1 / 0.9 - 0.04), 6);
    expect(r.solution.objective).toBe(r.upperBound);
    expect(r.lowerBound).toBe(lp.objective);
    expect(r.gap).toBeCloseTo((r.upperBound - lp.objective) / r.upperBound, 12);
    expect(r.solution.mipGap).toBe(r.gap!);
    expect(r.violation.value).toBeLessThan(1e-9);
  });

  it('on quarter hours: windows in hours, the same plan and cost as hourly when the series are hourly', async () => {
    const p = { ...chpProject(), site: { ...chpProject().site, timeStep_min: 15 as const } };
    const lp = await lpCheck(p);
    expect(lp.built.ctx.T).toBe(4 * H);
    const r = await rollingDispatch(p, base, fixed, highs, { window_h: 24, overlap_h: 12 }, lp);
    expect([r.windows, r.window_h, r.overlap_h]).toEqual([4, 24, 12]);
    expect(hoursBelowMinLoad(r.built, r.solution.x)).toEqual({ chp: 0 });
    expect(r.upperBound - lp.objective).toBeCloseTo(24 * 25 * (0.1 / 0.9 - 0.04), 6);
  });

  it('carries the storage level across window boundaries and closes the year cyclically', async () => {
    const tes = heatStorage('tes', 1);
    const p = chpProject([tes]);
    const lp = await lpCheck(p);
    // Windows of 27 h: boundaries at 03:00 of days 2–4, while the CHP fills the storage at minimum load.
    const r = await rollingDispatch(p, base, fixed, highs, { window_h: 27, overlap_h: 12 }, lp);
    expect(r.solution.status).toBe('optimal');
    const x = r.solution.x;
    const st = r.built.ctx.storages[0];
    const names = r.built.model.colNames;
    // Loss-free, η = 1: soc[t] = soc[t−1] + charge[t] − discharge[t], at each window start and cyclic at 0.
    for (const t of [0, 27, 54, 81]) {
      const prev = t === 0 ? H - 1 : t - 1;
      expect(names[st.soc[t]]).toBe(`soc_tes[t=${t}]`);
      expect(x[st.soc[t]]).toBeCloseTo(x[st.soc[prev]] + x[st.charge[t]] - x[st.discharge[t]], 9);
    }
    expect(r.violation.value).toBeLessThan(1e-9);
    expect(hoursBelowMinLoad(r.built, x)).toEqual({ chp: 0 });
    // With 60 kWh of storage the night needs no boiler: the CHP alternates between its minimum
    // (50 kW heat, 25 kW into the storage) and off (25 kW from the storage), all heat at 0.04 EUR/kWh,
    // so the plan reaches the LP bound.
    expect(r.upperBound).toBeCloseTo(lp.objective, 6);
    expect(r.gap!).toBeLessThan(1e-9);
  });

  it('stays within the reported gap of the same MILP solved whole', async () => {
    const tes = heatStorage('tes', 1);
    const p = chpProject([tes]);
    const lp = await lpCheck(p);
    const r = await rollingDispatch(p, base, fixed, highs, { window_h: 24, overlap_h: 12, mipGap: 0 }, lp);
    const whole = buildModel(p, { ...base, milp: true, milpFull: true, fixedCapacities: fixed });
    const exact = await highs.solve(whole.model, { mipGap: 0 });
    expect(exact.status).toBe('optimal');
    expect(exact.objective).toBeGreaterThanOrEqual(lp.objective - 1e-6);
    expect(r.upperBound).toBeGreaterThanOrEqual(exact.objective - 1e-6);
    expect((r.upperBound - exact.objective) / r.upperBound).toBeLessThanOrEqual(r.gap! + 1e-9);
  });

  it('meets an annual CO2 cap: each window gets what the plan so far and the LP later leave', async () => {
    // Gas 0.2 kg/kWh. The LP burns 4·(18·125 + 6·25)/1.25 kWh el / 0.4 = 19 200 kWh gas = 3.84 t;
    // cap it there. The rolling plan burns less (boiler heat needs 1.11 kWh gas per kWh, CHP heat 2).
    const p: Project = { ...chpProject(), constraints: { co2Cap_t: 3.84 } };
    const lp = await lpCheck(p);
    expect(lp.built.model.rowNames).toContain('co2_cap');
    const r = await rollingDispatch(p, base, fixed, highs, { window_h: 24, overlap_h: 12 }, lp);
    expect(r.solution.status).toBe('optimal');
    expect(r.violation.value).toBeLessThan(1e-9);
    const row = r.built.model.rowNames.indexOf('co2_cap');
    const m = r.built.model;
    let kg = 0;
    for (let k = m.rowStart[row]; k < m.rowStart[row + 1]; k++)
      kg += m.values[k] * r.solution.x[m.colIndex[k]];
    // 24 h at 25 kW heat: boiler 25/0.9·0.2 kg instead of CHP 25/1.25/0.4·0.2 kg.
    expect(kg).toBeCloseTo(3840 - 24 * 25 * (2 - 1 / 0.9) * 0.2, 6);
  });

  it('reports no bound without a start, and the storage then starts empty', async () => {
    const p = chpProject();
    const r = await rollingDispatch(p, base, fixed, highs, { window_h: 48, overlap_h: 0 });
    expect(r.windows).toBe(2);
    expect(r.lowerBound).toBeNull();
    expect(r.gap).toBeNull();
    expect(hoursBelowMinLoad(r.built, r.solution.x)).toEqual({ chp: 0 });
  });

  it('reports a window without a solution as the plan failing', async () => {
    // CHP alone: 25 kW of heat lies below its 50 kW minimum heat and nothing else can cover it.
    const p = testProject({
      heat,
      gridExport: { price: 0.2 },
      technologies: [chpPlant({ max: 100, minLoad_share: 0.4 })],
    });
    const r = await rollingDispatch(p, base, { chp: { value: 100 } }, highs, { window_h: 24 });
    expect(r.solution.hasSolution).toBe(false);
    expect(r.solution.status).toBe('infeasible');
  });
});

describe('hoursBelowMinLoad', () => {
  it('counts the hours strictly between 0 and the minimum load', () => {
    const p = chpProject();
    const built = buildModel(p, { ...base, horizon_h: 4, fixedCapacities: fixed });
    const x = new Float64Array(built.model.colNames.length);
    const el = built.ctx.flows.find((f) => f.techId === 'chp' && f.name === 'el_out')!;
    x[built.ctx.capacities.find((c) => c.techId === 'chp')!.col] = 100;
    [0, 39, 40, 100].forEach((v, t) => (x[el.cols[t]] = v));
    expect(hoursBelowMinLoad(built, x)).toEqual({ chp: 1 });
  });
});

describe('milpPlan', () => {
  it('reports the MILP plan, the LP check as its bound, and the hours below minimum load', async () => {
    const p = chpProject();
    const lp = await lpCheck(p);
    const sol = {
      status: 'optimal' as const,
      hasSolution: true,
      objective: lp.objective,
      x: lp.x,
      seconds: 1,
      solver: 'highs' as const,
    };
    const checked = readResults(lp.built, sol).results;
    checked.solve.seconds = 2;
    checked.solve.sizing = { typicalPeriods: 3, objective_EUR: 500, seconds: 1, gap: 0.01 };
    checked.solve.fullYearCheck = { objective_EUR: lp.objective, seconds: 1, status: 'optimal' };
    // Of the check's findings only the raised capacities carry over to the plan.
    const raised = solverMessage('capacitiesRaised', { periods: 3, items: '[]' });
    checked.messages = [raised, solverMessage('unbounded')];
    checked.warnings = ['raised', 'about the LP'];
    const out = await milpPlan(p, base, { built: lp.built, sol, results: checked }, highs, {
      window_h: 24,
      overlap_h: 12,
    });
    const r = out.results;
    expect(r.status).toBe('optimal');
    expect(r.messages).toEqual([raised]);
    expect(r.warnings).toEqual([formatSolverMessage(raised)]);
    const extra = 24 * 25 * (0.1 / 0.9 - 0.04);
    expect(r.objective.totalAnnualCost_EUR).toBeCloseTo(lp.objective + extra, 6);
    const d = r.solve.dispatchMilp!;
    expect(d).toMatchObject({ status: 'optimal', windows: 4, window_h: 24, overlap_h: 12 });
    expect(d.lowerBound_EUR).toBe(lp.objective);
    expect(d.upperBound_EUR).toBeCloseTo(lp.objective + extra, 6);
    expect(d.gap).toBeCloseTo(extra / (lp.objective + extra), 9);
    expect(d.checkHoursBelowMinLoad).toBe(24);
    expect(d.hoursBelowMinLoad).toBe(0);
    // The sizing and the check stay as they were; the gap to the sizing is the plan's.
    expect(r.solve.sizing!.gap).toBe(0.01);
    expect(r.solve.fullYearCheck!.objective_EUR).toBe(lp.objective);
    expect(r.solve.aggregationGap).toBeCloseTo((lp.objective + extra - 500) / (lp.objective + extra), 9);
    expect(r.solve.seconds).toBeGreaterThan(2);
    expect(r.solve.columns).toBeGreaterThan(checked.solve.columns); // the MILP model's size
    expect(out.dispatch!.hours.length).toBe(H);
  });

  it('gives no figures and the reason when the dispatch finds no plan', async () => {
    const p = testProject({
      heat,
      gridExport: { price: 0.2 },
      technologies: [chpPlant({ max: 100, minLoad_share: 0.4 }), boiler('gb', 0.9, 1)],
    });
    const lp = await lpCheck(p);
    const sol = {
      status: 'optimal' as const,
      hasSolution: true,
      objective: lp.objective,
      x: lp.x,
      seconds: 1,
      solver: 'highs' as const,
    };
    const checked = readResults(lp.built, sol).results;
    // The boiler taken away after the check: the 25 kW nights have no plan.
    const q: Project = { ...p, technologies: [p.technologies[0]] };
    const out = await milpPlan(q, base, { built: lp.built, sol, results: checked }, highs, { window_h: 24 });
    expect(out.results.status).toBe('infeasible');
    expect(out.results.objective.totalAnnualCost_EUR).toBeNull();
    expect(out.results.messages![0].code).toBe('milpDispatchFailed');
    expect(out.reasons[0]).toContain('minimum part loads');
    expect(out.dispatch).toBeUndefined();
    expect(out.results.capacities).toEqual(checked.capacities);
  });
});

describe('solveWindow', () => {
  /** min x + 0.01·y with x ≥ need, x ≤ 10·y, y binary: the relaxation runs y = need/10. */
  function onOff(need: number) {
    const b = new LpBuilder('onOff');
    const y = b.addCol('on[t=0]', 0, 1, 0.01, true);
    const x = b.addCol('el[t=0]', 0, Infinity, 1);
    b.addRow('need[t=0]', [x], [1], need, Infinity);
    b.addRow('on_max[t=0]', [x, y], [1, -10], -Infinity, 0);
    return b.build();
  }
  const spy = () => {
    const calls: boolean[] = [];
    const backend: SolverBackend = {
      name: 'highs',
      dispose() {},
      solve: (m, o) => (calls.push(m.colIntegrality !== undefined), highs.solve(m, o)),
    };
    return { calls, backend };
  };

  it('takes the relaxation when its rounded binaries meet every row', async () => {
    const { calls, backend } = spy();
    const sol = await solveWindow(onOff(0), backend, {});
    expect(calls).toEqual([false]); // no MILP
    expect(sol.x[0]).toBe(0);
    expect(sol.objective).toBe(0);
    expect(sol.mipGap).toBe(0);
  });

  it('solves the MILP when rounding breaks a row', async () => {
    const { calls, backend } = spy();
    const sol = await solveWindow(onOff(3), backend, {}); // relaxation y = 0.3 → 0 breaks x ≤ 10·y
    expect(calls).toEqual([false, true]);
    expect(sol.x[0]).toBe(1);
    expect(sol.objective).toBeCloseTo(3.01, 9);
  });
});
