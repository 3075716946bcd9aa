import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHighsBackend } from '../lp/highs';
import type { SolverBackend } from '../lp/backend';
import { LpBuilder } from '../lp/model';
import { airHeatPump, boiler, heatStorage, testProject, yearSeries } from '../model/testing';
import type { Project } from '../project/types';
import { solveProject } from './solve';
import { disposeWarmSizing, warmSizing } from './sizingOnly';

let highs: SolverBackend;
beforeAll(async () => (highs = await createHighsBackend()));
afterAll(() => highs.dispose());

/** A daily and a seasonal heat swing, gas boiler, air heat pump and a tank: a sizing LP with choices. */
function screening(gasPrice: number, hpCapex = 400): Project {
  const heat = Array.from(
    { length: 8760 },
    (_, t) => 60 + 25 * Math.sin((2 * Math.PI * t) / 24) + 40 * Math.cos((2 * Math.PI * t) / 8760),
  );
  const ambient = Array.from({ length: 8760 }, (_, t) => 8 - 10 * Math.cos((2 * Math.PI * t) / 8760));
  const p = testProject({
    heat,
    ambient,
    gasPrice,
    gridImport: { price: 0.25, co2: 0.4 },
    technologies: [
      boiler('gb', 0.95, 60),
      airHeatPump({ capex_EUR_per_unit: hpCapex }),
      heatStorage('tes', 30),
    ],
  });
  p.timeSeries.heat = { unit: 'kW', values: yearSeries(heat) };
  return JSON.parse(JSON.stringify(p)) as Project;
}

describe('a kept HiGHS model updated in place (SolverSession.update)', () => {
  /** min 2x + 3y  s.t.  x + y ≥ b,  x ≤ ux,  a·x + y ≤ 10. */
  function lp(c = [2, 3], b = 4, ux = 3, a = 1) {
    const m = new LpBuilder('t');
    const x = m.addCol('x', 0, ux, c[0]);
    const y = m.addCol('y', 0, Infinity, c[1]);
    m.addRow('cover', [x, y], [1, 1], b, Infinity);
    m.addRow('cap', [x, y], [a, 1], -Infinity, 10);
    m.objectiveOffset = 1;
    return m.build();
  }

  it('changes costs, bounds, row bounds, coefficients and offset, and solves to the fresh optimum', async () => {
    const session = highs.session!(lp());
    expect(session.solve().objective).toBeCloseTo(1 + 2 * 3 + 3 * 1, 9);
    for (const next of [lp([4, 3]), lp([2, 3], 8), lp([2, 3], 4, 1), lp([2, 3], 6, 3, 3), lp([2, 3], 5)]) {
      next.objectiveOffset = 7;
      expect(session.update(next)).toBe(true);
      const warm = session.solve();
      const fresh = await highs.solve(next);
      expect(warm.status).toBe('optimal');
      expect(warm.objective).toBeCloseTo(fresh.objective, 9);
      expect(Array.from(warm.x)).toEqual(Array.from(fresh.x).map((v) => expect.closeTo(v, 9) as number));
    }
    session.dispose();
  });

  it('refuses a model of another structure and keeps the one it has', () => {
    const session = highs.session!(lp());
    const other = new LpBuilder('o');
    other.addCol('x', 0, 1, 1);
    expect(session.update(other.build())).toBe(false);
    expect(session.solve().objective).toBeCloseTo(10, 9);
    session.dispose();
  });
});

describe('sizing-only runs of a sweep (typical days, no full-year check)', () => {
  it("gives each point its sizing LP's optimum, warm from the point before, as a cold run and the sizing step do", async () => {
    const warm = warmSizing();
    for (const gas of [0.06, 0.08, 0.1, 0.12, 0.14]) {
      const quick = await solveProject(screening(gas), { backend: highs, sizingOnly: warm });
      const cold = await solveProject(screening(gas), { backend: highs, sizingOnly: true });
      expect(quick.results.status).toBe('optimal');
      // The same LP: the same optimum as from scratch, and the sizing step of a normal run.
      const cost = quick.results.objective.totalAnnualCost_EUR;
      expect(Math.abs(cost - cold.results.objective.totalAnnualCost_EUR) / cost).toBeLessThan(1e-9);
      // Marked: no full-year check, the message says so in both languages' code.
      expect(quick.results.solve.fullYearCheck).toBeUndefined();
      expect(quick.results.solve.sizing?.typicalPeriods).toBe(24);
      expect(quick.results.messages?.[0]?.code).toBe('sizingOnly');
      expect(quick.results.warnings[0]).toMatch(/typical days only, without the full-year check/);
      expect(quick.dispatch).toBeDefined();
    }
    expect(warm).toMatchObject({ warm: 4, cold: 1 });
    // The sizing step of a normal run (with its full-year check) is the same LP.
    const full = await solveProject(screening(0.14), { backend: highs, refine: false });
    const last = await solveProject(screening(0.14), { backend: highs, sizingOnly: warm });
    const cost = last.results.objective.totalAnnualCost_EUR;
    expect(Math.abs(cost - full.results.solve.sizing!.objective_EUR) / cost).toBeLessThan(1e-9);
    disposeWarmSizing(warm);
  }, 60_000);

  it('solves a point of another structure from scratch, and an infeasible point as a cold run reports it', async () => {
    const warm = warmSizing();
    await solveProject(screening(0.1), { backend: highs, sizingOnly: warm });
    // Other typical days: another LP, solved cold and kept.
    await solveProject(screening(0.1), { backend: highs, sizingOnly: warm, typicalDays: 12 });
    expect(warm).toMatchObject({ warm: 0, cold: 2 });
    // A CO2 cap no plan meets: infeasible, with the located reasons of a cold run.
    const capped = screening(0.1);
    capped.constraints = { co2Cap_t: 0.001 };
    const out = await solveProject(capped, { backend: highs, sizingOnly: warm, typicalDays: 12 });
    const ref = await solveProject(capped, { backend: highs, sizingOnly: true, typicalDays: 12 });
    expect(out.results.status).toBe('infeasible');
    expect(out.reasons).toEqual(ref.reasons);
    // The next point starts from scratch again and is right.
    const next = await solveProject(screening(0.12), { backend: highs, sizingOnly: warm, typicalDays: 12 });
    const cold = await solveProject(screening(0.12), { backend: highs, sizingOnly: true, typicalDays: 12 });
    expect(next.results.objective.totalAnnualCost_EUR).toBeCloseTo(
      cold.results.objective.totalAnnualCost_EUR,
      6,
    );
    disposeWarmSizing(warm);
  }, 60_000);
});
