import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LpSolution, SolverBackend } from '../lp/backend';
import { createHighsBackend } from '../lp/highs';
import { buildModel, type BuiltModel } from '../model/build';
import type { Project } from '../project/types';
import { solveFromBlocks } from './blockStart';
import { checkStart, START_BLOCK_DAYS } from './checkStart';
import { solveProject } from './solve';
import { dayNightStorage } from './testing';

let highs: SolverBackend;
beforeAll(async () => (highs = await createHighsBackend()));
afterAll(() => highs.dispose());

/** A year of {@link dayNightStorage}, with a seasonal swing; a CO2 cap (t/a) makes night electricity scarce. */
function year(co2Cap_t?: number): Project {
  const heat = Array.from(
    { length: 8760 },
    (_, h) => 100 + 60 * Math.sin((2 * Math.PI * h) / 24) + 40 * Math.cos((2 * Math.PI * h) / 8760),
  );
  return dayNightStorage(heat, co2Cap_t, 0.001);
}

/** The typical-day sizing, its solution and the full-year check with its capacities. */
async function sized(p: Project): Promise<{ sizing: BuiltModel; sol: LpSolution; check: BuiltModel }> {
  const sizing = buildModel(p, { mode: 'aggregated', typicalDays: 6 });
  const sol = await highs.solve(sizing.model);
  expect(sol.status).toBe('optimal');
  const fixedCapacities: Record<string, { value: number; power?: number }> = {};
  for (const c of sizing.ctx.capacities)
    fixedCapacities[c.techId] = {
      value: sol.x[c.col],
      power: c.powerCol === undefined ? undefined : sol.x[c.powerCol],
    };
  return { sizing, sol, check: buildModel(p, { mode: 'full', fixedCapacities }) };
}

describe('checkStart', () => {
  it('estimates each day-end level from the sizing level at the next day start (time basis)', async () => {
    const { sizing, sol, check } = await sized(year(230));
    const start = checkStart(sizing, sol, check)!;
    expect(start.steps).toBe(8760);
    expect(start.blockSteps).toBe(START_BLOCK_DAYS * 24);
    const inter = sizing.ctx.storages[0].interSoc!;
    const link = sizing.model.rowNames;
    const at = (name: string) => start.cols.indexOf(check.model.colNames.indexOf(name));
    // Step 23 is 1 January 23:00–24:00: the level it ends with is the one 2 January starts with (day 1);
    // step 167 ends 7 January (day 7 starts); step 8759, 31 December 23:00–24:00, ends where the
    // cyclic year starts (day 0).
    for (const [step, day] of [
      [23, 1],
      [167, 7],
      [8759, 0],
    ]) {
      const k = at(`soc_tes[t=${step}]`);
      expect(k).toBeGreaterThanOrEqual(0);
      expect(start.values[k]).toBe(sol.x[inter[day]]);
      const row = link.indexOf(`soc_tes[d=${(day + 364) % 365}]`.replace('soc_', 'soc_link_'));
      expect(start.worth[k]).toBe(-sol.rowDual![row]);
    }
    // The CO2 cap's parts: the typical days' emissions spread over the 52 weeks, all of them.
    const co2 = check.model.rowNames.indexOf('co2_cap');
    expect(Array.from(start.rows)).toEqual([co2]);
    expect(start.shares[0]).toHaveLength(52);
    const s = sizing.model.rowNames.indexOf('co2_cap');
    let emitted = 0;
    for (let k = sizing.model.rowStart[s]; k < sizing.model.rowStart[s + 1]; k++)
      emitted += sizing.model.values[k] * sol.x[sizing.model.colIndex[k]];
    expect(start.shares[0].reduce((a, b) => a + b, 0)).toBeCloseTo(emitted, 6);
    // Its price: what one more kg of cap saves the sizing, a cost per kg for the blocks.
    expect(start.prices[0]).toBe(-sol.rowDual![s]);
    expect(start.prices[0]).toBeGreaterThan(0);
  });

  it('gives no start without a row over the whole year, or for a horizon', async () => {
    const { sizing, sol, check } = await sized(year());
    expect(checkStart(sizing, sol, check)).toBeUndefined();
    const short = buildModel(year(230), { mode: 'full', horizon_h: 96 });
    expect(checkStart(sizing, sol, short)).toBeUndefined();
  });

  it('starts the check of an aggregated run under a CO2 cap, to the optimum of the check', async () => {
    const p = year(230);
    const { sizing, sol, check } = await sized(p);
    const direct = await highs.solve(check.model);
    const fromBlocks = solveFromBlocks(check.model, checkStart(sizing, sol, check)!, highs);
    expect(fromBlocks?.status).toBe('optimal');
    expect(Math.abs(fromBlocks!.objective - direct.objective) / direct.objective).toBeLessThan(1e-9);
    // The run itself (no refinement: the check is the answer) takes the same start: one session per
    // week block and one for the joined blocks, against one for the check alone.
    let sessions = 0;
    const counting: SolverBackend = {
      ...highs,
      name: highs.name,
      solve: (m, o) => highs.solve(m, o),
      session: (m) => (sessions++, highs.session!(m)),
      dispose: () => undefined,
    };
    const run = await solveProject(p, {
      mode: 'aggregated',
      typicalDays: 6,
      refine: false,
      backend: counting,
    });
    expect(sessions).toBe(53);
    // Its sizing has time segments (the run's default), so its capacities, and cost, differ slightly.
    expect(Math.abs(run.results.objective.totalAnnualCost_EUR / direct.objective - 1)).toBeLessThan(1e-6);
  });
});
