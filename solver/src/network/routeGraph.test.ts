import { describe, expect, it } from 'vitest';
import { MinHeap, adjacency } from './routeGraph';

describe('MinHeap', () => {
  it('pops in key order', () => {
    const h = new MinHeap();
    const keys = [5, 1, 9, 3, 3, 0, 7, 2, 8, 6, 4];
    for (let i = 0; i < 200; i++) h.push(keys[i % keys.length] + i / 1000, i);
    const out: number[] = [];
    while (h.size > 0) out.push(h.peekKey() + 0 * h.pop());
    expect(out).toEqual([...out].sort((a, b) => a - b));
    expect(out).toHaveLength(200);
  });
});

describe('adjacency', () => {
  it("lists each node's incident edges", () => {
    const nodes = [0, 1, 2].map((i) => ({ x_m: i, y_m: 0 }));
    const edge = (id: number, a: number, b: number) => ({ id, a, b, length_m: 1, streetId: 's', points: [] });
    const { start, adj } = adjacency({
      nodes,
      edges: [edge(0, 0, 1), edge(1, 1, 2)],
      buildingNode: new Map(),
      plantNode: new Map(),
    });
    expect([...start]).toEqual([0, 1, 3, 4]);
    expect([...adj]).toEqual([0, 0, 1, 1]);
  });
});
