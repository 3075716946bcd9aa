import { describe, expect, it } from 'vitest';
import { LpBuilder } from './model';

/** The row's entries as column → coefficient. */
function rowOf(b: LpBuilder, r: number): Map<number, number> {
  const m = b.build();
  const out = new Map<number, number>();
  for (let k = m.rowStart[r]; k < m.rowStart[r + 1]; k++) out.set(m.colIndex[k], m.values[k]);
  return out;
}

describe('LpBuilder.addRow', () => {
  it('sums a column listed twice and drops zero coefficients, in a short row', () => {
    const b = new LpBuilder('t');
    const x = b.addCol('x');
    const y = b.addCol('y');
    const r = b.addRow('r', [x, y, x, y], [1, 0, 2, 0], 0, 1);
    expect([...rowOf(b, r)]).toEqual([[x, 3]]);
  });

  it('sums repeated columns in a long (annual) row the same way, in first-seen order', () => {
    const b = new LpBuilder('t');
    const cols = Array.from({ length: 100 }, (_, i) => b.addCol(`x${i}`));
    // Every column twice, the second time with coefficient i, plus one zero term.
    const idx = [...cols, ...cols, cols[5]];
    const coefs = [...cols.map(() => 1), ...cols.map((_, i) => i), 0];
    const r = b.addRow('share', idx, coefs, 0, Infinity);
    const row = rowOf(b, r);
    expect(row.size).toBe(100);
    for (const [i, c] of cols.entries()) expect(row.get(c)).toBe(1 + i);
    const m = b.build();
    expect(Array.from(m.colIndex.subarray(m.rowStart[r], m.rowStart[r + 1]))).toEqual(cols);
  });

  it('rejects a column out of range and a coefficient that is not finite', () => {
    const b = new LpBuilder('t');
    const x = b.addCol('x');
    expect(() => b.addRow('r', [x, 7], [1, 1], 0, 1)).toThrow(/column index 7 out of range/);
    expect(() => b.addRow('r', [x], [NaN], 0, 1)).toThrow(/not finite/);
  });
});
