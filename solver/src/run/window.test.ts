import { describe, expect, it } from 'vitest';
import { LpBuilder, type LpModel } from '../lp/model';
import { maxViolation, stepIndex, windowModel, withTargets } from './window';

/**
 * Three steps: a source x[t] ≤ cap, a store s[t] = s[t−1] + x[t] − d[t] (cyclic: s[−1] = s[2]),
 * d = (1, 2, 3), and an annual row x0 + x1 + x2 ≤ 10.
 */
function tiny(): LpModel {
  const b = new LpBuilder('tiny');
  const cap = b.addCol('cap', 0, 5, 1);
  const x = [0, 1, 2].map((t) => b.addCol(`x[t=${t}]`, 0, Infinity, t + 1, t === 1));
  const s = [0, 1, 2].map((t) => b.addCol(`s[t=${t}]`, 0, Infinity));
  for (let t = 0; t < 3; t++) {
    b.addRow(`lim[t=${t}]`, [x[t], cap], [1, -1], -Infinity, 0);
    const prev = s[(t + 2) % 3];
    b.addRow(`bal[t=${t}]`, [s[t], prev, x[t]], [1, -1, -1], -(t + 1), -(t + 1));
  }
  b.addRow('annual', x, [1, 1, 1], -Infinity, 10);
  return b.build();
}

describe('stepIndex', () => {
  it('groups rows by step and finds the cyclic balance of step 0 and the annual row', () => {
    const idx = stepIndex(tiny());
    expect(idx.T).toBe(3);
    expect(Array.from(idx.colStep)).toEqual([-1, 0, 1, 2, 0, 1, 2]);
    expect(Array.from(idx.rowStart)).toEqual([0, 2, 4, 6]);
    expect(Array.from(idx.rowOrder)).toEqual([0, 1, 2, 3, 4, 5]);
    expect(Array.from(idx.globalRows)).toEqual([6]);
    expect(Array.from(idx.wrapRows)).toEqual([1]); // bal[t=0] reads s[t=2]
  });
});

describe('windowModel', () => {
  // Values of the fixed columns: x = (3, ·, 2), s = (4, ·, 7).
  const x = Float64Array.from([0, 3, 9, 2, 4, 9, 7]);

  it('keeps the window step and the global columns free and moves the others into the bounds', () => {
    const m = tiny();
    const w = windowModel(m, stepIndex(m), 1, 2, x);
    expect(w.model.colNames).toEqual(['cap', 'x[t=1]', 's[t=1]']);
    expect(Array.from(w.cols)).toEqual([0, 2, 5]);
    expect(Array.from(w.model.colCost)).toEqual([1, 2, 0]);
    expect(Array.from(w.model.colIntegrality!)).toEqual([0, 1, 0]);
    expect(w.model.rowNames).toEqual(['lim[t=1]', 'bal[t=1]', 'annual']);
    // bal[t=1]: s1 − s0 − x1 = −2 with s0 = 4 → s1 − x1 = 2
    expect(w.model.rowLower[1]).toBe(2);
    expect(w.model.rowUpper[1]).toBe(2);
    // annual: x1 ≤ 10 − 3 − 2 = 5
    expect(w.model.rowUpper[2]).toBe(5);
    expect(w.model.rowLower[2]).toBe(-Infinity);
    expect(Array.from(w.model.values)).toEqual([1, -1, 1, -1, 1]);
    expect(Array.from(w.model.colIndex)).toEqual([1, 0, 2, 1, 1]);
  });

  it('fixes a column with equal bounds at its bound, whatever x says', () => {
    const m = tiny();
    m.colLower[0] = 4; // cap = 4
    m.colUpper[0] = 4;
    const w = windowModel(m, stepIndex(m), 1, 2, x);
    expect(w.model.colNames).toEqual(['x[t=1]', 's[t=1]']);
    // lim[t=1]: x1 − cap ≤ 0 with cap = 4 (x says 0) → x1 ≤ 4
    expect(w.model.rowUpper[0]).toBe(4);
  });

  it('takes the cyclic balance of step 0 into the window that ends the year', () => {
    const m = tiny();
    const w = windowModel(m, stepIndex(m), 2, 3, x);
    expect(w.model.rowNames).toEqual(['lim[t=2]', 'bal[t=2]', 'annual', 'bal[t=0]']);
    // bal[t=0]: s0 − s2 − x0 = −1 with s0 = 4, x0 = 3 → −s2 = −1 − 4 + 3 = −2
    expect(w.model.rowLower[3]).toBe(-2);
    expect(w.model.colNames[w.model.colIndex[w.model.rowStart[3]]]).toBe('s[t=2]');
  });

  it('leaves the cyclic balance of step 0 to the first window (s[t=2] fixed there)', () => {
    const m = tiny();
    const w = windowModel(m, stepIndex(m), 0, 2, x);
    expect(w.model.rowNames).toEqual(['lim[t=0]', 'bal[t=0]', 'lim[t=1]', 'bal[t=1]', 'annual']);
    // bal[t=0]: s0 − s2 − x0 = −1 with s2 = 7 → s0 − x0 = 6
    expect(w.model.rowLower[1]).toBe(6);
  });
});

describe('maxViolation', () => {
  it('finds the worst bound or row, relative to the bound', () => {
    const m = tiny();
    // A feasible point: x = (1, 2, 3), s = (0, 0, 0), cap = 3.
    const feasible = Float64Array.from([3, 1, 2, 3, 0, 0, 0]);
    expect(maxViolation(m, feasible)).toEqual({ value: 0, name: '' });
    // x2 = 4 over cap 3: lim[t=2] violated by 1 (bound 0 → relative to 1); bal[t=2] by 1 (bound −3 → 1/3).
    const over = Float64Array.from([3, 1, 2, 4, 0, 0, 0]);
    expect(maxViolation(m, over)).toEqual({ value: 1, name: 'lim[t=2]' });
  });
});

describe('withTargets', () => {
  it('adds a priced shortfall column and the row x + s ≥ level per target', () => {
    const m = tiny();
    const x = Float64Array.from([0, 3, 9, 2, 4, 9, 7]);
    const w = windowModel(m, stepIndex(m), 1, 2, x);
    const t = withTargets(w, [{ col: 5, level: 6, penalty: 10 }]); // s[t=1] ≥ 6, short 10 per unit
    expect(t.model.colNames).toEqual(['cap', 'x[t=1]', 's[t=1]', 'short_s[t=1]']);
    expect(Array.from(t.model.colCost)).toEqual([1, 2, 0, 10]);
    expect(Array.from(t.model.colIntegrality!)).toEqual([0, 1, 0, 0]);
    expect(t.model.rowNames.at(-1)).toBe('target_s[t=1]');
    expect(t.model.rowLower.at(-1)).toBe(6);
    expect(t.model.rowUpper.at(-1)).toBe(Infinity);
    const r = t.model.rowNames.length - 1;
    const s = t.model.rowStart;
    expect(Array.from(t.model.colIndex.slice(s[r], s[r + 1]))).toEqual([2, 3]);
    expect(Array.from(t.model.values.slice(s[r], s[r + 1]))).toEqual([1, 1]);
    expect(t.cols).toBe(w.cols); // the shortfall columns belong to no column of the full model
    expect(withTargets(w, [])).toBe(w);
  });
});
