import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SolverBackend } from './backend';
import { createGlpkBackend, glpkMipGap, statusOf } from './glpk';
import { LpBuilder } from './model';

let glpk: SolverBackend;
beforeAll(async () => (glpk = await createGlpkBackend()));
afterAll(() => glpk.dispose());

/**
 * A 0/1 knapsack, as a minimum: max 18a + 7b + 11c + 5d with 15a + 3b + 12c + 10d ≤ 20, plus an
 * objective offset of 100. By hand: the best packing is a + b (weight 18, value 25); the LP
 * relaxation packs by value per weight, b (7/3), a (1.2), then 2 of c's 12 (11/12 each):
 * 25 + 11/6 = 26.8333. Objective 100 − 25 = 75, bound 100 − 26.8333 = 73.1667, relative gap
 * (11/6) / 75 = 11/450.
 */
function knapsack() {
  const b = new LpBuilder('knapsack');
  const values = [18, 7, 11, 5];
  const weights = [15, 3, 12, 10];
  const cols = values.map((v, i) => b.addCol(`x${i}`, 0, 1, -v, true));
  b.addRow('weight', cols, weights, -Infinity, 20);
  b.objectiveOffset = 100;
  return b.build();
}

describe('glpk MIP gap', () => {
  it('is 0 when the search ends: the optimum is proven', async () => {
    const s = await glpk.solve(knapsack(), { mipGap: 1e-4 });
    expect(s.status).toBe('optimal');
    expect(s.objective).toBeCloseTo(75, 9);
    expect(Array.from(s.x)).toEqual([1, 1, 0, 0]);
    expect(s.mipGap).toBe(0);
  });

  it('is the gap to the LP relaxation when the gap tolerance stops the search early', async () => {
    // With a tolerance of 0.1 glpk stops at its first packing (status 2, not proven), well within
    // the time limit: an optimum as HiGHS reports it, not a time limit.
    const s = await glpk.solve(knapsack(), { mipGap: 0.1 });
    expect(s.status).toBe('optimal');
    expect(s.hasSolution).toBe(true);
    expect(s.objective).toBeCloseTo(75, 9);
    expect(s.mipGap).toBeCloseTo(11 / 450, 12);
  });

  it('is 0 for an LP', async () => {
    const b = new LpBuilder('lp');
    const x = b.addCol('x', 0, 4, -1);
    b.addRow('r', [x], [2], -Infinity, 5);
    const s = await glpk.solve(b.build());
    expect(s.objective).toBeCloseTo(-2.5, 9);
    expect(s.mipGap).toBe(0);
  });

  it('computes (objective − bound) / |objective|, capped by a tolerance that was reached', () => {
    expect(glpkMipGap(75, 100, 100 - 26 - 5 / 6)).toBeCloseTo(11 / 450, 12);
    expect(glpkMipGap(-20, 0, -25)).toBeCloseTo(0.25, 12);
    // The tolerance 0.1 on glpk's objective −20 allows a difference of at most 2.
    expect(glpkMipGap(-20, 0, -25, 0.1)).toBeCloseTo(0.1, 12);
    expect(glpkMipGap(-20, 0, -20.5, 0.1)).toBeCloseTo(0.025, 12);
    // With an offset of 30, glpk saw −50: a difference of at most 5 on an objective of −20.
    expect(glpkMipGap(-20, 30, undefined, 0.1)).toBeCloseTo(0.25, 12);
    expect(glpkMipGap(10, 0, 10 + 1e-12)).toBe(0);
    expect(glpkMipGap(0, 0, -1)).toBeUndefined();
    expect(glpkMipGap(5, 0)).toBeUndefined();
  });

  it("maps glpk's statuses: a MILP's status 2 is an optimum within the time limit, else the limit", () => {
    expect(statusOf(5, true, true)).toEqual({ status: 'optimal', has: true });
    expect(statusOf(2, true, true)).toEqual({ status: 'optimal', has: true });
    expect(statusOf(2, true, false)).toEqual({ status: 'time_limit', has: true });
    expect(statusOf(2, false, true)).toEqual({ status: 'time_limit', has: false });
    expect(statusOf(4, true, true)).toEqual({ status: 'infeasible', has: false });
    expect(statusOf(3, false, true)).toEqual({ status: 'infeasible', has: false });
    expect(statusOf(6, false, true)).toEqual({ status: 'unbounded', has: false });
    expect(statusOf(1, false, false)).toEqual({ status: 'time_limit', has: false });
  });
});
