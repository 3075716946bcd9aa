import { describe, expect, it } from 'vitest';
import { LpBuilder } from '../lp/model';
import { columnSteps, evenBlocks, splitByTime } from './blocks';

/**
 * Six hours, a storage s with a cyclic balance s[t] = s[t−1] + c[t] − d[t], a capacity E with
 * s[t] ≤ E, and an annual row Σ c[t] ≤ 10, split into three blocks of two hours.
 */
function chain() {
  const b = new LpBuilder('chain');
  const E = b.addCol('cap_s', 0, Infinity, 1);
  const s = Array.from({ length: 6 }, (_, t) => b.addCol(`soc_s[t=${t}]`, 0, Infinity));
  const c = Array.from({ length: 6 }, (_, t) => b.addCol(`c_s[t=${t}]`, 0, Infinity, 0.1 * (t + 1)));
  const d = Array.from({ length: 6 }, (_, t) => b.addCol(`d_s[t=${t}]`, 0, 5));
  for (let t = 0; t < 6; t++) {
    b.addRow(`bal[t=${t}]`, [s[t], s[(t + 5) % 6], c[t], d[t]], [1, -1, -1, 1], 0, 0);
    b.addRow(`max[t=${t}]`, [s[t], E], [1, -1], -Infinity, 0);
  }
  b.addRow(
    'annual',
    c,
    c.map(() => 1),
    -Infinity,
    10,
  );
  return { model: b.build(), E, s, c, d };
}

describe('splitByTime', () => {
  it('reads the time step of a column from its name', () => {
    const { model } = chain();
    expect(Array.from(columnSteps(model)).slice(0, 4)).toEqual([-1, 0, 1, 2]);
  });

  it('joins a remainder shorter than half a block to the last block', () => {
    expect(Array.from(evenBlocks(8760, 168))).toHaveLength(52);
    expect(Array.from(evenBlocks(8760, 168)).at(-1)).toBe(51 * 168);
    expect(Array.from(evenBlocks(10, 4))).toEqual([0, 4, 8]);
  });

  it('makes the capacity and the levels at block ends linking, and allocates the annual row', () => {
    const { model, E, s } = chain();
    const split = splitByTime(model, Int32Array.from([0, 2, 4]), 6);
    expect(Array.from(split.linkCols)).toEqual([E, s[1], s[3], s[5]]);
    expect(split.allocations).toEqual([
      { row: 12, block: 0 },
      { row: 12, block: 1 },
      { row: 12, block: 2 },
    ]);
    // Block 1 (hours 2, 3) holds its balances and level limits; its first balance uses the level of
    // hour 1 and its last the level of hour 3, both linking; it also has its share of the annual row.
    const b1 = split.blocks[1];
    expect(b1.model.rowNames).toEqual(['bal[t=2]', 'max[t=2]', 'bal[t=3]', 'annual']);
    expect(Array.from(b1.ownCols, (j) => model.colNames[j])).toEqual([
      'soc_s[t=2]',
      'c_s[t=2]',
      'c_s[t=3]',
      'd_s[t=2]',
      'd_s[t=3]',
    ]);
    expect(Array.from(b1.linkIndex)).toEqual([1, 0, 2, 5]);
    // The master: the level limits at the block ends (s[1] ≤ E …) and Σ_b y_b ≤ 10.
    expect(split.masterRows.map((r) => r.name)).toEqual(['max[t=1]', 'max[t=3]', 'max[t=5]', 'annual']);
    const annual = split.masterRows[3];
    expect(Array.from(annual.index)).toEqual([4, 5, 6]);
    expect(annual.upper).toBe(10);
    // In the block, part_1(x) − y_1 ≤ 0.
    const row = b1.model.rowNames.indexOf('annual');
    expect(b1.model.rowUpper[row]).toBe(0);
    expect(b1.model.rowLower[row]).toBe(-Infinity);
  });

  it('keeps every entry of the model exactly once across blocks and master', () => {
    const { model } = chain();
    const split = splitByTime(model, Int32Array.from([0, 2, 4]), 6);
    const entries = split.blocks.reduce((n, b) => n + b.model.values.length, 0);
    // One −y_b and one elastic slack per block row of the annual row.
    const allocationEntries = 2 * split.allocations.length;
    const masterLinkEntries = split.masterRows.reduce(
      (n, r) => n + r.index.length - (r.name === 'annual' ? split.allocations.length : 0),
      0,
    );
    expect(entries - allocationEntries + masterLinkEntries).toBe(model.values.length);
  });
});
