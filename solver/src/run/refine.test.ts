import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHighsBackend } from '../lp/highs';
import type { SolverBackend } from '../lp/backend';
import { boiler, heatStorage, testProject } from '../model/testing';
import { solveProject } from './solve';

let highs: SolverBackend;
beforeAll(async () => (highs = await createHighsBackend()));
afterAll(() => highs.dispose());

/** A year with a seasonal and a morning peak, a gas boiler and a heat store (as in solve.test.ts). */
function yearProject() {
  const heat = Array.from({ length: 8760 }, (_, h) => {
    const day = Math.floor(h / 24);
    const season = 1 + 0.8 * Math.cos((2 * Math.PI * (day - 15)) / 365);
    const hourly = h % 24 >= 6 && h % 24 < 9 ? 1.6 : 0.8;
    return Math.round(300 * season * hourly * 1000) / 1000;
  });
  return testProject({
    heat,
    gasPrice: 0.05,
    technologies: [boiler('gb', 0.95, 20), heatStorage('tes', 0.5, { cRate_per_h: 0.25 })],
  });
}

describe('full-year refinement of the default mode', () => {
  it('moves the typical-day capacities to the proven full-year optimum', async () => {
    const p = yearProject();
    const direct = await solveProject(p, { mode: 'full', fullMethod: 'direct', backend: highs });
    const quick = await solveProject(p, { typicalDays: 4, refine: false, backend: highs });
    const out = await solveProject(p, { typicalDays: 4, backend: highs });
    const opt = direct.results.objective.totalAnnualCost_EUR;
    const r = out.results.solve.refinement!;
    expect(r.proven).toBe(true);
    expect(r.gap).toBe(0);
    expect(r.steps).toBeGreaterThanOrEqual(1);
    expect(out.results.objective.totalAnnualCost_EUR).toBeCloseTo(r.objective_EUR, 6);
    expect(Math.abs(r.objective_EUR - opt)).toBeLessThanOrEqual(1e-7 * opt);
    // The check and the typical-day sizing stay reported as they were.
    expect(out.results.solve.fullYearCheck).toEqual({
      ...quick.results.solve.fullYearCheck,
      seconds: out.results.solve.fullYearCheck!.seconds,
    });
    expect(out.results.solve.sizing!.objective_EUR).toBeCloseTo(quick.results.solve.sizing!.objective_EUR, 6);
    // Four typical days size the heat store off the full year's optimum; the refinement lands on it.
    const tes = (o: typeof out) => o.results.capacities.tes.energy_kWh!;
    expect(Math.abs(tes(quick) - tes(direct))).toBeGreaterThan(1);
    expect(tes(out)).toBeCloseTo(tes(direct), 3);
    expect(out.results.solve.columns).toBe(direct.results.solve.columns);
    // Four typical days miss the real peak: the check raised capacities first, and says so still.
    const codes = (o: typeof out) => (o.results.messages ?? []).map((m) => m.code);
    expect(codes(quick)).toContain('capacitiesRaised');
    expect(codes(out)).toContain('capacitiesRaised');
    expect(out.results.balance.ok).toBe(true);
  });

  it('with refine: false answers with the checked typical-day capacities, without a refinement', async () => {
    const out = await solveProject(yearProject(), { typicalDays: 4, refine: false, backend: highs });
    expect(out.results.solve.refinement).toBeUndefined();
    expect(out.results.objective.totalAnnualCost_EUR).toBe(out.results.solve.fullYearCheck!.objective_EUR);
  });
});
