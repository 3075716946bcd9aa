import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SolverBackend } from './backend';
import { createHighsBackend } from './highs';
import { LpBuilder } from './model';
import { reduceFixed } from './reduce';

let highs: SolverBackend;
beforeAll(async () => (highs = await createHighsBackend()));
afterAll(() => highs.dispose());

/**
 * A dispatch hour with a fixed capacity:  min 2·q + 5·r + 10·cap
 *   q − 0.8·cap ≤ 0      (capacity row: with cap fixed at 50, the bound q ≤ 40)
 *   −2·r ≥ −60           (a singleton with a negative coefficient: r ≤ 30)
 *   q + r = 55           (demand)
 *   2·cap ≤ 120          (the fixed column alone: 100 ≤ 120, dropped)
 * By hand: cap = 50, q = 40 (the cheaper plant at its limit), r = 15; objective 2·40 + 5·15 + 10·50 = 655.
 */
function hour() {
  const b = new LpBuilder('hour');
  const q = b.addCol('q', 0, Infinity, 2);
  const r = b.addCol('r', 0, Infinity, 5);
  const cap = b.addCol('cap', 50, 50, 10);
  b.addRow('cap_q', [q, cap], [1, -0.8], -Infinity, 0);
  b.addRow('r_max', [r], [-2], -60, Infinity);
  b.addRow('demand', [q, r], [1, 1], 55, 55);
  b.addRow('cap_alone', [cap], [2], -Infinity, 120);
  return b.build();
}

describe('reduceFixed', () => {
  it('moves fixed columns into row bounds and singleton rows into column bounds', () => {
    const red = reduceFixed(hour())!;
    expect(red.model.rowNames).toEqual(['demand']);
    expect(Array.from(red.rowOf)).toEqual([2]);
    expect(Array.from(red.model.colLower)).toEqual([0, 0, 50]);
    expect(Array.from(red.model.colUpper)).toEqual([40, 30, 50]);
    expect(red.model.objectiveOffset).toBe(500); // 10 EUR × 50 of the fixed column
    expect(red.model.colCost[2]).toBe(0);
    expect(red.model.colNames).toEqual(['q', 'r', 'cap']); // same columns, same numbers
  });

  it('keeps the optimum and the optimal columns (hand-computed: 655)', async () => {
    const m = hour();
    const red = reduceFixed(m)!;
    const [a, b] = [await highs.solve(m), await highs.solve(red.model)];
    expect(a.objective).toBeCloseTo(655, 9);
    expect(b.objective).toBeCloseTo(655, 9);
    b.x.forEach((v, j) => expect(v).toBeCloseTo(a.x[j], 9));
  });

  it('gives up on a row or bound the fixed columns make infeasible, leaving it to the solver', () => {
    const m = hour();
    m.rowUpper[3] = 99; // 2·cap = 100 > 99
    expect(reduceFixed(m)).toBeNull();
    const n = hour();
    n.rowLower[1] = 10; // −2·r ≥ 10: r ≤ −5 below its lower bound 0
    expect(reduceFixed(n)).toBeNull();
  });
});
