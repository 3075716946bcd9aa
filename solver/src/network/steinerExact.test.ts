import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SolverBackend } from '../lp/backend';
import { createHighsBackend } from '../lp/highs';
import { streetGraph } from './graph';
import { routeTrunk } from './route';
import { routeTrunkBest } from './routeBest';
import { steinerExact, steinerModel } from './steinerExact';
import { gridDistrict, seededRandom } from './testing';
import type { GraphEdge, NetworkInput, Point_m, StreetGraph } from './types';

let highs: SolverBackend;
beforeAll(async () => (highs = await createHighsBackend()));
afterAll(() => highs.dispose());

const pt = (x_m: number, y_m: number) => ({ x_m, y_m });

function handGraph(nodes: Point_m[], pairs: [number, number, number][]): StreetGraph {
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

/** The street graph of a district's streets only (no buildings); the plant is node `root`. */
function streetsOnly(input: NetworkInput): { graph: StreetGraph; root: number } {
  const built = streetGraph(
    { ...input, buildings: [] },
    { maxHouseConnection_m: 50, houseConnectionExtra_m: 0, forbiddenStreets: [], excludedBuildings: [] },
  );
  return { graph: built.graph, root: built.graph.plantNode.get('plant')! };
}

/** nx × ny blocks of about 100 m with every street vertex moved up to ±20 m (seeded). */
function jitteredDistrict(nx: number, ny: number, seed: number): NetworkInput {
  const input = gridDistrict(nx, ny, 100, 0, seed);
  const rand = seededRandom(seed * 31 + 7);
  const moved = new Map<string, Point_m>();
  const move = (p: Point_m) => {
    const key = `${p.x_m},${p.y_m}`;
    if (!moved.has(key)) moved.set(key, pt(p.x_m + 40 * (rand() - 0.5), p.y_m + 40 * (rand() - 0.5)));
    return moved.get(key)!;
  };
  return { ...input, streets: input.streets.map((s) => ({ ...s, points: s.points.map(move) })) };
}

/** `count` distinct seeded nodes other than the root. */
function pickTerminals(n: number, root: number, count: number, seed: number): number[] {
  const rand = seededRandom(seed);
  const out = new Set<number>();
  while (out.size < count) {
    const v = Math.floor(rand() * n);
    if (v !== root) out.add(v);
  }
  return [...out];
}

const heuristicLength = (g: StreetGraph, terminals: number[], root: number) =>
  routeTrunk(g, terminals, [root], []).trunk.reduce((s, t) => s + g.edges[t.edge].length_m, 0);
/** What the design uses: the heuristic from several starts (routeBest.ts). */
const bestLength = (g: StreetGraph, terminals: number[], root: number) =>
  routeTrunkBest(g, terminals, [root], []).trunk.reduce((s, t) => s + g.edges[t.edge].length_m, 0);

describe('steinerExact', () => {
  it('builds one binary and two flows per edge, one balance row per node', () => {
    const g = handGraph(
      [pt(0, 0), pt(1, 0), pt(2, 0)],
      [
        [0, 1, 1],
        [1, 2, 1],
      ],
    );
    const m = steinerModel(g, [2], 0);
    expect(m.colNames).toEqual(['x[e=0]', 'f[e=0,0>1]', 'f[e=0,1>0]', 'x[e=1]', 'f[e=1,1>2]', 'f[e=1,2>1]']);
    expect([...m.colIntegrality!]).toEqual([1, 0, 0, 1, 0, 0]);
    expect(m.rowNames.filter((r) => r.startsWith('balance'))).toHaveLength(3);
  });

  it('finds the star that the heuristic misses (exact 6 m, heuristic 7 m: gap 16.7 %)', async () => {
    // Terminals 0, 1, 2 pairwise 3.5 m apart; a Steiner node 3 is 2 m from each. From root 0 the
    // heuristic takes 0–1 (3.5 < 4) and then 0–2 or 1–2 (3.5): 7 m. The star costs 6 m.
    const g = handGraph(
      [pt(0, 0), pt(3.5, 0), pt(1.75, 3), pt(1.75, 1)],
      [
        [0, 1, 3.5],
        [1, 2, 3.5],
        [0, 2, 3.5],
        [0, 3, 2],
        [1, 3, 2],
        [2, 3, 2],
      ],
    );
    const exact = await steinerExact(g, [1, 2], 0, highs);
    expect(exact).toEqual({ length_m: 6, edges: [3, 4, 5] });
    expect(heuristicLength(g, [1, 2], 0)).toBe(7);
  });

  it('is 0 m without terminals other than the root', async () => {
    const g = handGraph([pt(0, 0), pt(1, 0)], [[0, 1, 1]]);
    expect(await steinerExact(g, [0], 0, highs)).toEqual({ length_m: 0, edges: [] });
  });

  it('throws for a terminal the root cannot reach', async () => {
    const g = handGraph([pt(0, 0), pt(1, 0), pt(5, 0)], [[0, 1, 1]]);
    await expect(steinerExact(g, [2], 0, highs)).rejects.toThrow(/infeasible/);
  });

  // Measured (HiGHS, mipGap 1e-9). One start (routeTrunk with key-path exchange): 0 % on all six
  // regular 4x4 grids; on jittered 4x4 grids 0, 0, 0, 0, 5.42 and 4.20 %; on jittered 5x5 grids 0 %.
  // From every node as a start (routeTrunkBest, what the design uses on small graphs): 0 % on all 16.
  it('routing within 5 % of the exact tree on small street grids (measured: 0 %; one start 5.42 %)', async () => {
    const gaps: string[] = [];
    const cases: { name: string; input: NetworkInput; seed: number; count: number }[] = [];
    for (let seed = 1; seed <= 6; seed++)
      cases.push({
        name: `grid 4x4 #${seed}`,
        input: gridDistrict(3, 3, 100, 0, seed),
        seed,
        count: 4 + seed,
      });
    for (let seed = 1; seed <= 6; seed++)
      cases.push({
        name: `jittered 4x4 #${seed}`,
        input: jitteredDistrict(3, 3, seed),
        seed,
        count: 4 + seed,
      });
    for (let seed = 1; seed <= 4; seed++)
      cases.push({
        name: `jittered 5x5 #${seed}`,
        input: jitteredDistrict(4, 4, seed),
        seed,
        count: 5 + seed,
      });
    let worst = 0;
    for (const c of cases) {
      const { graph, root } = streetsOnly(c.input);
      const terminals = pickTerminals(graph.nodes.length, root, c.count, c.seed);
      const exact = await steinerExact(graph, terminals, root, highs);
      const single = heuristicLength(graph, terminals, root) / exact.length_m - 1;
      const gap = bestLength(graph, terminals, root) / exact.length_m - 1;
      worst = Math.max(worst, gap);
      gaps.push(
        `${c.name} (${graph.edges.length} edges, ${terminals.length} terminals): ${exact.length_m.toFixed(1)} m exact, gap ${(100 * gap).toFixed(2)} % (one start: ${(100 * single).toFixed(2)} %)`,
      );
      expect(gap).toBeGreaterThanOrEqual(-1e-9);
    }
    process.stdout.write(`${gaps.join('\n')}\nworst gap ${(100 * worst).toFixed(2)} %\n`);
    expect(worst).toBeLessThanOrEqual(0.05);
  });
});
