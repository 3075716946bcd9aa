import { describe, expect, it } from 'vitest';
import { axisValues, sweepGrid, valueGrid } from './sweepGrid';

describe('sweep grid', () => {
  it('spaces values evenly with both ends, without binary round-off', () => {
    // (0.08 − 0.04)/4 = 0.01 per step
    expect(axisValues({ pointer: '/a', from: 0.04, to: 0.08, steps: 5 })).toEqual([
      0.04, 0.05, 0.06, 0.07, 0.08,
    ]);
    expect(axisValues({ pointer: '/a', from: 10, to: 0, steps: 3 })).toEqual([10, 5, 0]);
    expect(() => axisValues({ pointer: '/a', from: 0, to: 1, steps: 1 })).toThrow(/\/a: steps/);
    expect(() => axisValues({ pointer: '/a', from: 0, to: 1, steps: 51 })).toThrow(/2 to 50/);
    expect(() => axisValues({ pointer: '/a', from: 0, to: 1, steps: 2.5 })).toThrow(/whole/);
  });

  it('builds a two-parameter grid, first axis fastest', () => {
    const g = sweepGrid(
      { pointer: '/x', from: 1, to: 3, steps: 3 },
      { pointer: '/y', from: 50, to: 150, steps: 2 },
    );
    expect(g.map((p) => [p.i, p.j, p.overrides['/x'], p.overrides['/y']])).toEqual([
      [0, 0, 1, 50],
      [1, 0, 2, 50],
      [2, 0, 3, 50],
      [0, 1, 1, 150],
      [1, 1, 2, 150],
      [2, 1, 3, 150],
    ]);
    expect(() =>
      sweepGrid({ pointer: '/x', from: 0, to: 1, steps: 2 }, { pointer: '/x', from: 0, to: 1, steps: 2 }),
    ).toThrow(/must differ/);
  });

  it('takes explicit values; one axis gives j = 0 and one override', () => {
    expect(valueGrid({ pointer: '/x', values: [7, 3] })).toEqual([
      { i: 0, j: 0, overrides: { '/x': 7 } },
      { i: 1, j: 0, overrides: { '/x': 3 } },
    ]);
    expect(valueGrid({ pointer: '/x', values: [1] }, { pointer: '/y', values: [2, 4] })).toEqual([
      { i: 0, j: 0, overrides: { '/x': 1, '/y': 2 } },
      { i: 0, j: 1, overrides: { '/x': 1, '/y': 4 } },
    ]);
  });
});
