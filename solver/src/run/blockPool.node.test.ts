import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHighsBackend } from '../lp/highs';
import type { SolverBackend } from '../lp/backend';
import { buildModel } from '../model/build';
import { fourDays } from './testing';
import { evenBlocks, splitByTime } from './blocks';
import { localEvaluator } from './blockEval';
import { blockTasks, solveFullByBlocks } from './fullByBlocks';
import { defaultNodeBlockWorkers, nodeBlockEvaluator, nodeLpPool } from './blockPool.node.js';

let highs: SolverBackend;
beforeAll(async () => (highs = await createHighsBackend()));
afterAll(() => highs.dispose());

/** The four-day case of run/testing.ts with a CO2 cap of 3 t, as a full model with priced slack. */
function fourDaysModel() {
  return buildModel(fourDays(3), { mode: 'full', horizon_h: 96, slackPenalty_EUR_kWh: 1e3 });
}

describe('nodeBlockEvaluator', () => {
  it('gives exactly the evaluations of the local evaluator, over two worker threads', async () => {
    const full = fourDaysModel();
    const split = splitByTime(full.model, evenBlocks(96, 24), 96, 1e3);
    const tasks = blockTasks(split);
    // Linking values: capacities 300 kW (boilers) and 500 kWh (storage), levels 100 kWh, allocations 0.75 t.
    const values = split.blocks.map((b) =>
      Float64Array.from(b.linkIndex, (i) => (i >= split.linkCols.length ? 0.75 : i < 3 ? 300 : 100)),
    );
    const local = localEvaluator(tasks, highs);
    const pool = await nodeBlockEvaluator(tasks, 2);
    try {
      expect(pool.workers).toBe(2);
      for (const opts of [{ wantX: true }, { free: true }, {}]) {
        const a = await local.evaluate(values, opts);
        const b = await pool.evaluate(values, opts);
        expect(b.map((e) => e.ok)).toEqual([true, true, true, true]);
        expect(b.map((e) => e.objective)).toEqual(a.map((e) => e.objective));
        expect(b.map((e) => Array.from(e.grad))).toEqual(a.map((e) => Array.from(e.grad)));
        expect(b.map((e) => e.x && Array.from(e.x))).toEqual(a.map((e) => e.x && Array.from(e.x)));
      }
      // A set signal stops every block.
      const stopped = await pool.evaluate(values, { signal: { aborted: true } });
      expect(stopped.every((e) => !e.ok)).toBe(true);
    } finally {
      local.dispose();
      pool.dispose();
    }
  }, 60_000);

  it('lets solveFullByBlocks reach the local run’s objective to 1e-9', async () => {
    const full = fourDaysModel();
    const local = await solveFullByBlocks(full, null, highs, { blockDays: 1, tolerance: 1e-7 });
    const pooled = await solveFullByBlocks(full, null, highs, {
      blockDays: 1,
      tolerance: 1e-7,
      evaluator: (t) => nodeBlockEvaluator(t, 2),
    });
    expect(pooled!.workers).toBe(2);
    expect(local!.workers).toBe(1);
    expect(Math.abs(pooled!.objective - local!.objective) / local!.objective).toBeLessThan(1e-9);
    expect(pooled!.converged).toBe(true);
  }, 60_000);

  it('uses every core, at most one worker per block', () => {
    expect(defaultNodeBlockWorkers(1)).toBe(1);
    expect(defaultNodeBlockWorkers(1000)).toBeGreaterThanOrEqual(1);
  });
});

describe('nodeLpPool', () => {
  it('solves independent LPs over two worker threads exactly as this thread does', async () => {
    const models = [3, 4, 5].map((cap) => buildModel(fourDays(cap), { mode: 'full', horizon_h: 96 }).model);
    const pool = await nodeLpPool(models.length, 2);
    try {
      expect(pool?.workers).toBe(2);
      const pooled = await Promise.all(models.map((m) => pool!.solve(m)));
      for (const [k, m] of models.entries()) {
        const direct = await highs.solve(m);
        expect(pooled[k].status).toBe('optimal');
        expect(pooled[k].objective).toBe(direct.objective);
        expect(Array.from(pooled[k].x)).toEqual(Array.from(direct.x));
      }
    } finally {
      pool?.dispose();
    }
  }, 60_000);

  it('is nothing for a single LP or a single core', async () => {
    expect(await nodeLpPool(1, 4)).toBeUndefined();
    expect(await nodeLpPool(5, 1)).toBeUndefined();
  });
});
