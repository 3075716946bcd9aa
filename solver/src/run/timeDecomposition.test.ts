import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHighsBackend } from '../lp/highs';
import type { SolverBackend } from '../lp/backend';
import { buildModel } from '../model/build';
import { fourDays, maxViolation } from './testing';
import { solveFullByBlocks } from './fullByBlocks';

let highs: SolverBackend;
beforeAll(async () => (highs = await createHighsBackend()));
afterAll(() => highs.dispose());

describe('solveFullByBlocks', () => {
  for (const cap of [undefined, 3.0]) {
    it(`reaches the direct optimum to 1e-6 with a proven bound${cap ? ', CO2 cap shared across blocks' : ''}`, async () => {
      const full = buildModel(fourDays(cap), { mode: 'full', horizon_h: 96, slackPenalty_EUR_kWh: 1e3 });
      const direct = await highs.solve(full.model);
      expect(direct.status).toBe('optimal');
      const r = await solveFullByBlocks(full, null, highs, { blockDays: 1, tolerance: 1e-7 });
      expect(r).not.toBeNull();
      expect(r!.split.blocks).toHaveLength(4);
      expect(r!.converged).toBe(true);
      expect(Math.abs(r!.objective - direct.objective) / direct.objective).toBeLessThan(1e-6);
      expect(r!.lowerBound).toBeLessThanOrEqual(direct.objective * (1 + 1e-9));
      // The assembled plan satisfies every row of the undivided model, and its cost is the objective.
      expect(maxViolation(full.model, r!.x)).toBeLessThan(1e-6);
      let cost = full.model.objectiveOffset;
      r!.x.forEach((v, j) => (cost += v * full.model.colCost[j]));
      expect(cost).toBeCloseTo(r!.objective, 6);
      if (cap) expect(r!.split.allocations.length).toBe(4);
    });
  }

  it('splits a quarter-hourly year into blocks of whole days and reaches the direct optimum', async () => {
    const p = fourDays();
    p.site.timeStep_min = 15;
    const full = buildModel(p, { mode: 'full', horizon_h: 96, slackPenalty_EUR_kWh: 1e3 });
    expect(full.ctx.T).toBe(384);
    const direct = await highs.solve(full.model);
    const r = await solveFullByBlocks(full, null, highs, { blockDays: 1, tolerance: 1e-7 });
    expect(r!.split.blocks).toHaveLength(4); // 96 quarter hours a day
    expect(r!.converged).toBe(true);
    expect(Math.abs(r!.objective - direct.objective) / direct.objective).toBeLessThan(1e-6);
  });
});
