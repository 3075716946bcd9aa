import { describe, expect, it } from 'vitest';
import { routeTrunk } from './route';
import { adjacency } from './routeGraph';
import { improveKeyPaths } from './routeImprove';
import type { GraphEdge, StreetGraph } from './types';

/** A graph with given edge lengths (positions do not matter here). */
function lengthGraph(n: number, pairs: [number, number, number][]): StreetGraph {
  const nodes = Array.from({ length: n }, (_, i) => ({ x_m: i, y_m: 0 }));
  const edges: GraphEdge[] = pairs.map(([a, b, length_m], id) => ({
    id,
    a,
    b,
    length_m,
    streetId: `s${id}`,
    points: [nodes[a], nodes[b]],
  }));
  return { nodes, edges, buildingNode: new Map(), plantNode: new Map() };
}

/**
 * Plant 0, terminals 1 and 2, Steiner node 3. Edges: 0–1 100 m, 0–3 60 m, 3–1 45 m, 3–2 50 m.
 * The heuristic first takes 0–1 (100 < 105 via 3), then 2 from 1 via 3 (95 < 110 from 0): 195 m.
 * Exchanging the key path 0–1 for 0–3 (60 m) gives 155 m.
 */
const trap = () =>
  lengthGraph(4, [
    [0, 1, 100],
    [0, 3, 60],
    [3, 1, 45],
    [3, 2, 50],
  ]);

describe('improveKeyPaths', () => {
  it('replaces a key path by a shorter street path between the two parts', () => {
    const g = trap();
    const tree = Uint8Array.from([1, 0, 1, 1]);
    const key = (v: number) => v <= 2;
    const saved = improveKeyPaths(g, adjacency(g), tree, new Uint8Array(4), key, [0]);
    expect(saved).toBe(40);
    expect([...tree]).toEqual([0, 1, 1, 1]);
  });

  it('leaves a key path with a forced edge alone', () => {
    const g = trap();
    const tree = Uint8Array.from([1, 0, 1, 1]);
    const saved = improveKeyPaths(g, adjacency(g), tree, Uint8Array.from([1, 0, 0, 0]), (v) => v <= 2, [0]);
    expect(saved).toBe(0);
    expect([...tree]).toEqual([1, 0, 1, 1]);
  });

  it('is what routeTrunk does after the heuristic, unless told not to', () => {
    const g = trap();
    const edgesOf = (improve: boolean) =>
      routeTrunk(g, [1, 2], [0], [], undefined, { improve })
        .trunk.map((t) => t.edge)
        .sort();
    expect(edgesOf(false)).toEqual([0, 2, 3]); // 195 m
    expect(edgesOf(true)).toEqual([1, 2, 3]); // 155 m
    expect(routeTrunk(g, [1, 2], [0], []).trunk).toEqual([
      { edge: 1, from: 0, to: 3 },
      { edge: 2, from: 3, to: 1 },
      { edge: 3, from: 3, to: 2 },
    ]);
  });
});
