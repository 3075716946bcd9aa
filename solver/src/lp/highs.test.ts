import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHighsBackend } from './highs';
import { LpBuilder } from './model';
import type { SolverBackend } from './backend';

let highs: SolverBackend;
beforeAll(async () => (highs = await createHighsBackend()));
afterAll(() => highs.dispose());

/** min −x − 2y, x + y ≤ 4, x + 3y ≤ 7: x = 2.5, y = 1.5, objective −5.5. */
function twoRows() {
  const b = new LpBuilder('two rows');
  const x = b.addCol('x', 0, Infinity, -1);
  const y = b.addCol('y', 0, Infinity, -2);
  b.addRow('r1', [x, y], [1, 1], -Infinity, 4);
  b.addRow('r2', [x, y], [1, 3], -Infinity, 7);
  return { model: b.build(), x, y };
}

describe('HiGHS backend', () => {
  it('solves a two-variable LP to its hand-computed optimum with duals', async () => {
    // min -3x - 2y  s.t. x + y <= 4, x + 3y <= 7, x <= 3  → x = 3, y = 1, objective -11; only r1 binds
    const b = new LpBuilder('two');
    const x = b.addCol('x', 0, 3, -3);
    const y = b.addCol('y', 0, Infinity, -2);
    b.addRow('r1', [x, y], [1, 1], -Infinity, 4);
    b.addRow('r2', [x, y], [1, 3], -Infinity, 7);
    b.objectiveOffset = 10;
    const s = await highs.solve(b.build());
    expect(s.status).toBe('optimal');
    expect(s.objective).toBeCloseTo(-1, 9); // -11 + offset 10
    expect(s.x[x]).toBeCloseTo(3, 9);
    expect(s.x[y]).toBeCloseTo(1, 9);
    expect(s.rowDual![0]).toBeCloseTo(-2, 9); // shadow price of r1
    expect(s.rowDual![1]).toBeCloseTo(0, 9);
    const devex = await highs.solve(b.build(), { pricing: 'devex' });
    expect(devex.objective).toBeCloseTo(-1, 9);
    expect(Array.from(devex.x)).toEqual(Array.from(s.x));
  });

  it('reports infeasible and unbounded models without a solution', async () => {
    const inf = new LpBuilder('inf');
    const a = inf.addCol('a', 0, 1, 1);
    inf.addRow('need2', [a], [1], 2, Infinity);
    const s1 = await highs.solve(inf.build());
    expect(s1.status).toBe('infeasible');
    expect(s1.hasSolution).toBe(false);

    const unb = new LpBuilder('unb');
    const u = unb.addCol('u', 0, Infinity, -1);
    unb.addRow('r', [u], [1], 1, Infinity);
    const s2 = await highs.solve(unb.build());
    expect(s2.status).toBe('unbounded');
    expect(s2.hasSolution).toBe(false);
  });

  it('solves a small knapsack MILP exactly', async () => {
    // max 10a + 13b + 7c  s.t. 4a + 6b + 3c <= 9, binaries → b + c (weight 9, value 20; a + c: 17)
    const b = new LpBuilder('knap');
    const cols = [
      b.addCol('a', 0, 1, -10, true),
      b.addCol('b', 0, 1, -13, true),
      b.addCol('c', 0, 1, -7, true),
    ];
    b.addRow('weight', cols, [4, 6, 3], -Infinity, 9);
    const s = await highs.solve(b.build(), { mipGap: 0 });
    expect(s.status).toBe('optimal');
    expect(s.objective).toBeCloseTo(-20, 9);
    expect(Array.from(s.x).map(Math.round)).toEqual([0, 1, 1]);
  });

  it('solves a session with devex pricing, then with the choice of HiGHS, to the same optimum', () => {
    // With x fixed at 1: y = 2, −5.
    const { model, x, y } = twoRows();
    const session = highs.session!(model);
    try {
      const devex = session.solve({ pricing: 'devex' });
      expect(devex.objective).toBeCloseTo(-5.5, 9);
      expect(devex.x[x]).toBeCloseTo(2.5, 9);
      session.fixColumns(Int32Array.of(x), Float64Array.of(1));
      const own = session.solve();
      expect(own.objective).toBeCloseTo(-5, 9);
      expect(own.x[y]).toBeCloseTo(2, 9);
    } finally {
      session.dispose();
    }
  });

  it("gives a session's basis and starts another session from it", () => {
    // The optimal basis has x and y basic (both rows binding), statuses 1 and rows at upper (2).
    const { model, y } = twoRows();
    const first = highs.session!(model);
    expect(first.basis!()).toBeUndefined(); // nothing solved yet
    first.solve();
    const basis = first.basis!()!;
    first.dispose();
    expect(Array.from(basis.colStatus)).toEqual([1, 1]);
    expect(Array.from(basis.rowStatus)).toEqual([2, 2]);
    const second = highs.session!(model);
    try {
      expect(second.setBasis!({ colStatus: Int8Array.of(1), rowStatus: Int8Array.of(2, 2) })).toBe(false);
      expect(second.setBasis!(basis)).toBe(true);
      const s = second.solve();
      expect(s.objective).toBeCloseTo(-5.5, 9);
      expect(s.x[y]).toBeCloseTo(1.5, 9);
    } finally {
      second.dispose();
    }
  });

  it('reuses one instance across many solves', async () => {
    for (let k = 1; k <= 20; k++) {
      const b = new LpBuilder(`k${k}`);
      const x = b.addCol('x', 0, Infinity, 1);
      b.addRow('r', [x], [1], k, Infinity);
      expect((await highs.solve(b.build())).objective).toBeCloseTo(k, 12);
    }
  });

  it('reports the capacity of its WebAssembly memory, which a larger model only grows', async () => {
    const before = highs.memory_bytes!();
    expect(before).toBeGreaterThan(0);
    expect(before % 65536).toBe(0); // whole WASM pages
    const b = new LpBuilder('big');
    const xs = Array.from({ length: 20000 }, (_, i) => b.addCol(`x${i}`, 0, Infinity, 1));
    xs.forEach((x, i) => b.addRow(`r${i}`, [x], [1], 1, Infinity));
    await highs.solve(b.build());
    expect(highs.memory_bytes!()).toBeGreaterThanOrEqual(before);
  });

  it('honours a cancel signal given before the start', async () => {
    const b = new LpBuilder('c');
    b.addCol('x', 0, 1, 1);
    const ctrl = new AbortController();
    ctrl.abort();
    expect((await highs.solve(b.build(), { signal: ctrl.signal })).status).toBe('cancelled');
  });
});
