import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHighsBackend } from './highs';
import type { SolverBackend } from './backend';
import { LpBuilder, type LpModel } from './model';
import { structureKey, warmBackend } from './warm';

let highs: SolverBackend;
beforeAll(async () => (highs = await createHighsBackend()));
afterAll(() => highs.dispose());

/**
 * min cx·x + 2·y  s.t.  x + y ≥ demand,  x ≤ xmax,  a·x + y ≤ 10 (a coefficient that changes).
 * By hand, with cx = 1, demand 4, xmax 3, a = 1: x = 3, y = 1, cost 5 (+ offset).
 */
function lp(o: { cx?: number; demand?: number; xmax?: number; a?: number; offset?: number } = {}): LpModel {
  const b = new LpBuilder('warm');
  const x = b.addCol('x', 0, o.xmax ?? 3, o.cx ?? 1);
  const y = b.addCol('y', 0, Infinity, 2);
  b.addRow('demand', [x, y], [1, 1], o.demand ?? 4, Infinity);
  b.addRow('cap', [x, y], [o.a ?? 1, 1], -Infinity, 10);
  b.objectiveOffset = o.offset ?? 0;
  return b.build();
}

describe('warmBackend', () => {
  it('solves the next LP of the same structure from the kept model, with only the changes passed', async () => {
    const warm = warmBackend(highs);
    try {
      expect((await warm.solve(lp())).objective).toBeCloseTo(5, 9);
      // Cost of x 3 > 2: all from y, 4·2 = 8.
      expect((await warm.solve(lp({ cx: 3 }))).objective).toBeCloseTo(8, 9);
      // Demand 6, x ≤ 5 at cost 1: 5 + 2 = 7, plus an offset of 100.
      const s = await warm.solve(lp({ demand: 6, xmax: 5, offset: 100 }));
      expect(s.objective).toBeCloseTo(107, 9);
      expect(Array.from(s.x)).toEqual([expect.closeTo(5, 9), expect.closeTo(1, 9)]);
      // A changed coefficient: 3·x + y ≤ 10 with demand 6 → x ≤ 2: x = 2, y = 4, cost 10.
      expect((await warm.solve(lp({ demand: 6, xmax: 5, a: 3 }))).objective).toBeCloseTo(10, 9);
      expect(warm.warmSolves).toBe(3);
    } finally {
      warm.dispose();
    }
  });

  it('answers an infeasible LP exactly as a cold solve does', async () => {
    const warm = warmBackend(highs);
    try {
      await warm.solve(lp());
      // Demand 20 > 10 (cap row): infeasible.
      const cold = await highs.solve(lp({ demand: 20 }));
      const s = await warm.solve(lp({ demand: 20 }));
      expect(s.status).toBe(cold.status);
      expect(s.status).toBe('infeasible');
      // The next LP is solved correctly again.
      expect((await warm.solve(lp())).objective).toBeCloseTo(5, 9);
    } finally {
      warm.dispose();
    }
  });

  it('keeps one model per structure and hands MILPs to the backend', async () => {
    const warm = warmBackend(highs, { maxModels: 2 });
    try {
      const other = new LpBuilder('other');
      const z = other.addCol('z', 1, 4, 1);
      other.addRow('r', [z], [1], 2, Infinity);
      expect(structureKey(other.build())).not.toBe(structureKey(lp()));
      await warm.solve(lp());
      expect((await warm.solve(other.build())).objective).toBeCloseTo(2, 9);
      expect((await warm.solve(lp({ cx: 3 }))).objective).toBeCloseTo(8, 9);
      expect(warm.warmSolves).toBe(1);
      const milp = other.build();
      milp.colIntegrality = Uint8Array.from([1]);
      milp.rowLower[0] = 2.5;
      expect((await warm.solve(milp)).objective).toBeCloseTo(3, 9);
      expect(warm.warmSolves).toBe(1);
    } finally {
      warm.dispose();
    }
  });

  it('keeps no model larger than its nonzero limit, and disposes the backend it owns', async () => {
    let disposed = 0;
    const inner: SolverBackend = {
      name: 'highs',
      solve: (m, o) => highs.solve(m, o),
      session: (m) => highs.session!(m),
      dispose: () => (disposed += 1),
    };
    const warm = warmBackend(inner, { maxNonzeros: 3, ownsInner: true });
    await warm.solve(lp());
    expect((await warm.solve(lp({ cx: 3 }))).objective).toBeCloseTo(8, 9);
    expect(warm.warmSolves).toBe(0);
    warm.dispose();
    expect(disposed).toBe(1);
  });
});
