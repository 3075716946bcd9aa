import { describe, expect, it } from 'vitest';
import { streetGraph } from './graph';
import { prune, routeTrunk } from './route';
import { adjacency } from './routeGraph';
import { gridDistrict, seededRandom } from './testing';
import type { GraphEdge, Point_m, StreetGraph } from './types';

const pt = (x_m: number, y_m: number) => ({ x_m, y_m });

/** A graph from node positions and edges [a, b, street id] (length: the straight distance). */
function handGraph(nodes: Point_m[], pairs: [number, number, string][]): StreetGraph {
  const edges: GraphEdge[] = pairs.map(([a, b, streetId], id) => ({
    id,
    a,
    b,
    streetId,
    points: [nodes[a], nodes[b]],
    length_m: Math.hypot(nodes[a].x_m - nodes[b].x_m, nodes[a].y_m - nodes[b].y_m),
  }));
  return { nodes, edges, buildingNode: new Map(), plantNode: new Map() };
}

/**
 *  5 (-20,100)        3 (100,100) ---- 4 (200,110)
 *      |                  |                |
 *  0 (0,0) plant ---- 1 (100,0) ------ 2 (200,0)
 * Edge 5–3 is 120 m, so 0–5–3 (222 m) is longer than 0–1–3 (200 m); 3–4 is 100.5 m.
 */
const comb = () =>
  handGraph(
    [pt(0, 0), pt(100, 0), pt(200, 0), pt(100, 100), pt(200, 110), pt(-20, 100)],
    [
      [0, 1, 's01'],
      [1, 2, 's12'],
      [1, 3, 's13'],
      [2, 4, 's24'],
      [3, 4, 's34'],
      [0, 5, 's05'],
      [5, 3, 's53'],
    ],
  );

const treeLength = (g: StreetGraph, trunk: { edge: number }[]) =>
  trunk.reduce((s, t) => s + g.edges[t.edge].length_m, 0);

describe('routeTrunk', () => {
  it('finds the obvious tree and orients it away from the plant', () => {
    const g = comb();
    const r = routeTrunk(g, [2, 3], [0], []);
    expect(r.trunk).toEqual([
      { edge: 0, from: 0, to: 1 },
      { edge: 1, from: 1, to: 2 },
      { edge: 2, from: 1, to: 3 },
    ]);
    expect(treeLength(g, r.trunk)).toBe(300);
    expect(r.unreached).toEqual([]);
  });

  it('keeps a forced street even when no terminal needs it', () => {
    const g = comb();
    const r = routeTrunk(g, [2, 3], [0], ['s24']);
    expect(r.trunk.map((t) => t.edge).sort()).toEqual([0, 1, 2, 3]);
    expect(r.trunk.find((t) => t.edge === 3)).toEqual({ edge: 3, from: 2, to: 4 });
    expect(treeLength(g, r.trunk)).toBeCloseTo(410, 9);
  });

  it('connects a forced street far away by the shortest path to it', () => {
    const g = comb();
    // Forcing 5–3 pulls it in through 0–5 (102 m) rather than 0–1–3; terminal 2 then comes via 1.
    const r = routeTrunk(g, [2], [0], ['s53']);
    expect(r.trunk.map((t) => t.edge).sort()).toEqual([0, 1, 5, 6]);
  });

  it('reports terminals it cannot reach and serves only the reached buildings', () => {
    const g = comb();
    g.nodes.push(pt(500, 0), pt(600, 0));
    g.edges.push({ id: 7, a: 6, b: 7, length_m: 100, streetId: 'island', points: [pt(500, 0), pt(600, 0)] });
    const connections = new Map([
      ['near', { node: 2, points: [pt(200, -10), pt(200, 0)], length_m: 15 }],
      ['island', { node: 7, points: [pt(600, 10), pt(600, 0)], length_m: 15 }],
    ]);
    const r = routeTrunk(g, [2, 7], [0], [], connections);
    expect(r.unreached).toEqual([7]);
    expect(r.connections).toEqual([
      { buildingId: 'near', node: 2, points: [pt(200, -10), pt(200, 0)], length_m: 15 },
    ]);
  });

  it('routes nothing without a plant', () => {
    const r = routeTrunk(comb(), [2, 3], [], ['s24']);
    expect(r).toEqual({ trunk: [], connections: [], unreached: [2, 3] });
  });

  it('grows one tree per plant, each edge oriented from its own plant', () => {
    // A line 0 – 1 – 2 – 3 – 4 with plants at both ends and terminals at 1 and 3.
    const g = handGraph(
      [0, 1, 2, 3, 4].map((i) => pt(100 * i, 0)),
      [0, 1, 2, 3].map((i): [number, number, string] => [i, i + 1, `s${i}`]),
    );
    const r = routeTrunk(g, [1, 3], [0, 4], []);
    expect(r.trunk).toEqual([
      { edge: 0, from: 0, to: 1 },
      { edge: 3, from: 4, to: 3 },
    ]);
  });

  it('needs no trunk for a terminal at the plant; keeps a forced dead end', () => {
    const g = comb();
    expect(routeTrunk(g, [0], [0], []).trunk).toEqual([]);
    const r = routeTrunk(g, [], [0], ['s34']);
    // 3–4 is connected by 0–1–3 (200 m): its dead end 4 stays, being forced.
    expect(r.trunk.map((t) => t.edge).sort()).toEqual([0, 2, 4]);
  });

  it('prunes branches that end in neither a terminal nor a forced street', () => {
    // Tree 0–1, 1–2, 1–3, 2–4 with terminal 3: 2–4 goes, then 1–2 (2 became a leaf).
    const g = comb();
    const tree = () => Uint8Array.from([1, 1, 1, 1, 0, 0, 0]);
    const keep = (v: number) => v === 0 || v === 3;
    const t1 = tree();
    prune(g, adjacency(g), t1, new Uint8Array(7), keep);
    expect([...t1]).toEqual([1, 0, 1, 0, 0, 0, 0]);
    // With 2–4 forced nothing goes.
    const t2 = tree();
    prune(g, adjacency(g), t2, Uint8Array.from([0, 0, 0, 1, 0, 0, 0]), keep);
    expect([...t2]).toEqual([1, 1, 1, 1, 0, 0, 0]);
  });

  it('matches the plain shortest-path heuristic (a full Dijkstra per step) on random grids', () => {
    for (const seed of [1, 2, 3, 4, 5]) {
      const g = jitteredGrid(8, 8, seed);
      const rand = seededRandom(seed + 100);
      const terminals = Array.from({ length: 15 }, () => Math.floor(rand() * g.nodes.length));
      const fast = treeLength(g, routeTrunk(g, terminals, [0], [], undefined, { improve: false }).trunk);
      expect(fast).toBeCloseTo(plainHeuristic(g, terminals, 0), 6);
      // Key-path exchange never lengthens the tree and keeps every terminal.
      const improved = routeTrunk(g, terminals, [0], []);
      expect(treeLength(g, improved.trunk)).toBeLessThanOrEqual(fast + 1e-9);
      expect(improved.unreached).toEqual([]);
      const reached = new Set([0, ...improved.trunk.map((t) => t.to)]);
      expect(terminals.every((t) => reached.has(t))).toBe(true);
    }
  });

  it('gives a tree with every terminal and forced street on random grids with two plants', () => {
    for (const seed of [11, 12, 13, 14, 15, 16]) {
      const g = jitteredGrid(9, 7, seed);
      const rand = seededRandom(seed);
      const terminals = Array.from({ length: 20 }, () => Math.floor(rand() * g.nodes.length));
      const forced = Array.from({ length: 4 }, () => g.edges[Math.floor(rand() * g.edges.length)].streetId);
      const plants = [0, g.nodes.length - 1];
      const r = routeTrunk(g, terminals, plants, forced);
      // Parents first: every edge starts at a plant or at a node reached before; each node once.
      const reached = new Set(plants);
      for (const t of r.trunk) {
        expect(reached.has(t.from)).toBe(true);
        expect(reached.has(t.to)).toBe(false);
        reached.add(t.to);
        const e = g.edges[t.edge];
        expect([e.a, e.b].sort()).toEqual([t.from, t.to].sort());
      }
      expect(terminals.every((t) => reached.has(t))).toBe(true);
      const used = new Set(r.trunk.map((t) => g.edges[t.edge].streetId));
      expect(forced.every((f) => used.has(f))).toBe(true);
      // Every leaf is a terminal, a plant or the end of a forced street.
      const degree = new Map<number, number>();
      for (const t of r.trunk) for (const v of [t.from, t.to]) degree.set(v, (degree.get(v) ?? 0) + 1);
      for (const t of r.trunk) {
        const leafOk =
          degree.get(t.to) !== 1 || terminals.includes(t.to) || forced.includes(g.edges[t.edge].streetId);
        expect(leafOk).toBe(true);
      }
    }
  });

  it('routes 5,000 buildings on a street grid and serves every one', () => {
    const input = gridDistrict(50, 50, 80, 2, 42);
    const t0 = performance.now();
    const built = streetGraph(input, {
      maxHouseConnection_m: 40,
      houseConnectionExtra_m: 5,
      forbiddenStreets: [],
      excludedBuildings: [],
    });
    const t1 = performance.now();
    const terminals = [...built.connections.values()].map((c) => c.node);
    const r = routeTrunk(built.graph, terminals, [...built.graph.plantNode.values()], [], built.connections);
    const t2 = performance.now();
    process.stdout.write(
      `5,000 buildings, ${built.graph.edges.length} edges: graph ${(t1 - t0).toFixed(0)} ms, route ${(t2 - t1).toFixed(0)} ms\n`,
    );
    expect(built.issues).toEqual([]);
    expect(r.connections).toHaveLength(5000);
    expect(r.unreached).toEqual([]);
    expect(new Set(r.trunk.map((t) => t.to)).size).toBe(r.trunk.length); // a tree: one parent each
  });
});

/** An nx × ny grid of nodes, about 100 m apart, each moved up to ±20 m (seeded); node 0 is a corner. */
function jitteredGrid(nx: number, ny: number, seed: number): StreetGraph {
  const rand = seededRandom(seed);
  const nodes: Point_m[] = [];
  for (let j = 0; j < ny; j++)
    for (let i = 0; i < nx; i++) nodes.push(pt(100 * i + 40 * (rand() - 0.5), 100 * j + 40 * (rand() - 0.5)));
  const pairs: [number, number, string][] = [];
  for (let j = 0; j < ny; j++)
    for (let i = 0; i < nx; i++) {
      if (i + 1 < nx) pairs.push([j * nx + i, j * nx + i + 1, `h${i}_${j}`]);
      if (j + 1 < ny) pairs.push([j * nx + i, (j + 1) * nx + i, `v${i}_${j}`]);
    }
  return handGraph(nodes, pairs);
}

/** The textbook shortest-path heuristic: a fresh O(n²) Dijkstra from the tree for every terminal. */
function plainHeuristic(g: StreetGraph, terminals: number[], root: number): number {
  const n = g.nodes.length;
  const inTree = new Set([root]);
  const left = new Set(terminals.filter((t) => t !== root));
  let total = 0;
  while (left.size > 0) {
    const dist = new Array<number>(n).fill(Infinity);
    const pred = new Array<number>(n).fill(-1);
    const done = new Array<boolean>(n).fill(false);
    for (const v of inTree) dist[v] = 0;
    for (;;) {
      let v = -1;
      for (let u = 0; u < n; u++) if (!done[u] && (v < 0 || dist[u] < dist[v])) v = u;
      if (v < 0 || dist[v] === Infinity) break;
      done[v] = true;
      for (const e of g.edges) {
        const w = e.a === v ? e.b : e.b === v ? e.a : -1;
        if (w >= 0 && dist[v] + e.length_m < dist[w]) [dist[w], pred[w]] = [dist[v] + e.length_m, e.id];
      }
    }
    const t = [...left].reduce((a, b) => (dist[b] < dist[a] ? b : a));
    total += dist[t];
    for (let v = t; !inTree.has(v);) {
      inTree.add(v);
      const e = g.edges[pred[v]];
      v = e.a === v ? e.b : e.a;
    }
    for (const v of inTree) left.delete(v);
  }
  return total;
}
