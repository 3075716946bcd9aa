import { describe, expect, it } from 'vitest';
import { constant, LinExpr, nextCyclic, previousStep, sum, term, toRow, weightedSum } from './expr';
import { LpBuilder, type LpModel } from './model';

/** Row `i` of a model as { name: coefficient } with its bounds. */
function row(m: LpModel, i: number) {
  const coefs: Record<string, number> = {};
  for (let k = m.rowStart[i]; k < m.rowStart[i + 1]; k++) coefs[m.colNames[m.colIndex[k]]] = m.values[k];
  return { name: m.rowNames[i], coefs, lower: m.rowLower[i], upper: m.rowUpper[i] };
}

describe('LinExpr', () => {
  it('keeps terms in the order written, with plus, minus and a constant', () => {
    const e = term(3, 2).plus(1).minus(4, 0.5).plusConstant(7);
    expect(e.cols).toEqual([3, 1, 4]);
    expect(e.coefs).toEqual([2, 1, -0.5]);
    expect(e.constant).toBe(7);
    expect(e.size).toBe(3);
  });

  it('scales into a new expression and adds expressions with a factor', () => {
    const e = term(0, 2).plusConstant(1);
    const s = e.scale(3);
    expect(s.coefs).toEqual([6]);
    expect(s.constant).toBe(3);
    expect(e.coefs).toEqual([2]); // unchanged
    const f = term(1).add(e, -1);
    expect(f.cols).toEqual([1, 0]);
    expect(f.coefs).toEqual([1, -2]);
    expect(f.constant).toBe(-1);
    // Adding an expression to itself doubles it once (no endless loop).
    const g = term(5, 1.5);
    g.add(g);
    expect(g.coefs).toEqual([1.5, 1.5]);
  });

  it('writes 1 − on as a constant minus a column, and scales it', () => {
    const off = constant(1).minus(7);
    expect(off.constant).toBe(1);
    const e = term(2, 0.4).add(off, -0.4 * 3000); // 0.4·cap − 0.4·M·(1 − on)
    expect(e.cols).toEqual([2, 7]);
    expect(e.coefs).toEqual([0.4, 0.4 * 3000]);
    expect(e.constant).toBe(-0.4 * 3000);
  });

  it('copies without sharing the term lists', () => {
    const e = term(0);
    const c = e.copy().plus(1);
    expect(e.cols).toEqual([0]);
    expect(c.cols).toEqual([0, 1]);
  });

  it('sums expressions and bare columns, and weighted column lists', () => {
    const e = sum(2, term(0, 3), 1);
    expect(e.cols).toEqual([2, 0, 1]);
    expect(e.coefs).toEqual([1, 3, 1]);
    const w = weightedSum([4, 5], Float64Array.from([0.5, 2]));
    expect(w.cols).toEqual([4, 5]);
    expect(w.coefs).toEqual([0.5, 2]);
    expect(() => weightedSum([1], [])).toThrow(/1 columns but 0/);
    expect(new LinExpr().size).toBe(0);
  });
});

describe('toRow', () => {
  it('moves the right-hand side over: its terms negated, constants into the bound', () => {
    // 2x + 1 <= 3y + 10  →  2x − 3y <= 9
    const r = toRow(term(0, 2).plusConstant(1), '<=', term(1, 3).plusConstant(10));
    expect(r).toEqual({ cols: [0, 1], coefs: [2, -3], lower: -Infinity, upper: 9 });
  });

  it('turns >= and == into the matching bounds, with plain numbers on either side', () => {
    expect(toRow(term(0), '>=', 5)).toEqual({ cols: [0], coefs: [1], lower: 5, upper: Infinity });
    expect(toRow(term(0), '==', 5)).toEqual({ cols: [0], coefs: [1], lower: 5, upper: 5 });
    // 4 <= x  ↔  −x <= −4
    expect(toRow(4, '<=', term(0))).toEqual({ cols: [0], coefs: [-1], lower: -Infinity, upper: -4 });
  });
});

describe('LpBuilder.addConstraint', () => {
  it('takes sums longer than a call can spread (a year of hourly terms several times over)', () => {
    const b = new LpBuilder('t');
    const x = b.addCol('x');
    const n = 300_000;
    const long = weightedSum(new Int32Array(n).fill(x), new Float64Array(n).fill(1));
    expect(toRow(long, '<=', long).cols).toHaveLength(2 * n);
  });

  it('writes the same row as addRow with the terms moved by hand', () => {
    const b = new LpBuilder('t');
    const soc0 = b.addCol('soc[t=0]');
    const soc1 = b.addCol('soc[t=1]');
    const ch = b.addCol('ch[t=1]');
    const dis = b.addCol('dis[t=1]');
    // soc[1] = 0.99·soc[0] + 0.9·ch − dis/0.8
    const i = b.addConstraint(
      'soc_balance[t=1]',
      term(soc1),
      '==',
      term(soc0, 0.99)
        .plus(ch, 0.9)
        .minus(dis, 1 / 0.8),
    );
    b.addRow('by_hand[t=1]', [soc1, soc0, ch, dis], [1, -0.99, -0.9, 1 / 0.8], 0, 0);
    const m = b.build();
    expect(i).toBe(0);
    expect(row(m, 0)).toEqual({ ...row(m, 1), name: 'soc_balance[t=1]' });
    expect(Array.from(m.colIndex.slice(0, 4))).toEqual([soc1, soc0, ch, dis]);
    expect(row(m, 0).coefs).toEqual({
      'soc[t=0]': -0.99,
      'soc[t=1]': 1,
      'ch[t=1]': -0.9,
      'dis[t=1]': 1.25,
    });
  });

  it('sums a column written twice and drops zero coefficients, as addRow does', () => {
    const b = new LpBuilder('t');
    const x = b.addCol('x');
    const y = b.addCol('y');
    b.addConstraint('r', sum(x, y), '<=', term(x, 0.25).plus(y, 0));
    expect(row(b.build(), 0)).toEqual({ name: 'r', coefs: { x: 0.75, y: 1 }, lower: -Infinity, upper: 0 });
  });
});

describe('time steps', () => {
  it('wraps the first step of a cyclic horizon to its last', () => {
    expect([0, 1, 2, 3].map((s) => previousStep(s, 4, true))).toEqual([3, 0, 1, 2]);
  });

  it('gives the first step of each non-cyclic period no predecessor', () => {
    // Two periods of three steps: 0 1 2 | 3 4 5
    expect([0, 1, 2, 3, 4, 5].map((s) => previousStep(s, 3, false))).toEqual([-1, 0, 1, -1, 3, 4]);
    expect([0, 1, 2, 3, 4, 5].map((s) => previousStep(s, 3, true))).toEqual([2, 0, 1, 5, 3, 4]);
  });

  it('follows the last index by the first', () => {
    expect([0, 1, 2].map((d) => nextCyclic(d, 3))).toEqual([1, 2, 0]);
  });
});
