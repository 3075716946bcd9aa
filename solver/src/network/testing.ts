/**
 * Networks for tests and the benchmark: hand-built ones for sizing and operation (no routing
 * involved), and synthetic grid districts for routing (a street grid with buildings along the
 * streets, deterministic for a seed).
 */
import type { Building, GraphEdge, NetworkInput, Point_m, RoutedNetwork, Street, StreetGraph } from './types';

/**
 * plant (node 0) — 100 m — B1 (node 1) — 100 m — B2 (node 2) — 100 m — B3 (node 3), house connections
 * of 10 m each. Edge 1 is stored from node 2 to node 1 (routing may orient edges either way).
 * B1 and B2 give 50 kW, B3 gives 90 MWh/a and no peak: 90 · 1000 / 1800 h = 50 kW.
 */
export function threeBuildingLine(): { graph: StreetGraph; routed: RoutedNetwork; buildings: Building[] } {
  const nodes = [0, 100, 200, 300].map((x_m) => ({ x_m, y_m: 0 }));
  const edge = (id: number, a: number, b: number): GraphEdge => ({
    id,
    a,
    b,
    length_m: 100,
    streetId: 'main',
    points: [nodes[a], nodes[b]],
  });
  const graph: StreetGraph = {
    nodes,
    edges: [edge(0, 0, 1), edge(1, 2, 1), edge(2, 2, 3)],
    buildingNode: new Map([
      ['B1', 1],
      ['B2', 2],
      ['B3', 3],
    ]),
    plantNode: new Map([['P', 0]]),
  };
  const connection = (i: number) => ({
    buildingId: `B${i}`,
    node: i,
    points: [nodes[i], { x_m: nodes[i].x_m, y_m: 10 }],
    length_m: 10,
  });
  const routed: RoutedNetwork = {
    trunk: [
      { edge: 0, from: 0, to: 1 },
      { edge: 1, from: 1, to: 2 },
      { edge: 2, from: 2, to: 3 },
    ],
    connections: [connection(1), connection(2), connection(3)],
  };
  const buildings: Building[] = [
    { id: 'B1', at: { x_m: 100, y_m: 10 }, heat_MWh_a: 80, peak_kW: 50 },
    { id: 'B2', at: { x_m: 200, y_m: 10 }, heat_MWh_a: 80, peak_kW: 50 },
    { id: 'B3', at: { x_m: 300, y_m: 10 }, heat_MWh_a: 90 },
  ];
  return { graph, routed, buildings };
}

/** plant (node 0) — 50 m — node 1, where `count` buildings of `peak_kW` each connect with 5 m. */
export function starAtOneNode(count: number, peak_kW: number) {
  const nodes = [
    { x_m: 0, y_m: 0 },
    { x_m: 50, y_m: 0 },
  ];
  const ids = Array.from({ length: count }, (_, i) => `S${i}`);
  const graph: StreetGraph = {
    nodes,
    edges: [{ id: 0, a: 0, b: 1, length_m: 50, streetId: 's', points: nodes }],
    buildingNode: new Map(ids.map((id) => [id, 1])),
    plantNode: new Map([['P', 0]]),
  };
  const routed: RoutedNetwork = {
    trunk: [{ edge: 0, from: 0, to: 1 }],
    connections: ids.map((buildingId) => ({
      buildingId,
      node: 1,
      points: [nodes[1], nodes[1]],
      length_m: 5,
    })),
  };
  const buildings: Building[] = ids.map((id) => ({ id, at: nodes[1], heat_MWh_a: 0, peak_kW }));
  return { graph, routed, buildings };
}

/** A line of n nodes after the plant (node 0), one building per node: the deepest possible tree. */
export function longLine(n: number, peak_kW: number) {
  const nodes = Array.from({ length: n + 1 }, (_, i) => ({ x_m: 20 * i, y_m: 0 }));
  const edges: GraphEdge[] = nodes.slice(1).map((p, i) => ({
    id: i,
    a: i,
    b: i + 1,
    length_m: 20,
    streetId: 'long',
    points: [nodes[i], p],
  }));
  const graph: StreetGraph = { nodes, edges, buildingNode: new Map(), plantNode: new Map([['P', 0]]) };
  const routed: RoutedNetwork = {
    trunk: edges.map((e) => ({ edge: e.id, from: e.a, to: e.b })).reverse(),
    connections: edges.map((e) => ({ buildingId: `L${e.b}`, node: e.b, points: [nodes[e.b]], length_m: 8 })),
  };
  const buildings: Building[] = edges.map((e) => ({ id: `L${e.b}`, at: nodes[e.b], heat_MWh_a: 0, peak_kW }));
  return { graph, routed, buildings };
}

/** A small seeded pseudo-random generator (mulberry32): numbers in [0, 1). */
export function seededRandom(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * A district of nx × ny blocks of `spacing_m` on a side: every block side is its own street
 * (`h<i>_<j>` runs east from grid vertex (i, j), `v<i>_<j>` north), so streets meet at shared
 * vertices. Each block has `buildingsPerBlock` buildings, each 6–15 m inside the block from a
 * randomly chosen side (at most a quarter of the spacing), with 10–60 MWh/a. One plant `plant` sits
 * 5 m south-west of the corner (0, 0). Block (bx, by) spans [bx·s, (bx+1)·s] × [by·s, (by+1)·s].
 */
export function gridDistrict(
  nx: number,
  ny: number,
  spacing_m: number,
  buildingsPerBlock: number,
  seed: number,
): NetworkInput {
  const rand = seededRandom(seed);
  const p = (i: number, j: number): Point_m => ({ x_m: i * spacing_m, y_m: j * spacing_m });
  const streets: Street[] = [];
  for (let j = 0; j <= ny; j++)
    for (let i = 0; i < nx; i++) streets.push({ id: `h${i}_${j}`, points: [p(i, j), p(i + 1, j)] });
  for (let i = 0; i <= nx; i++)
    for (let j = 0; j < ny; j++) streets.push({ id: `v${i}_${j}`, points: [p(i, j), p(i, j + 1)] });
  const buildings: Building[] = [];
  const maxInset = Math.min(15, spacing_m / 4);
  for (let by = 0; by < ny; by++)
    for (let bx = 0; bx < nx; bx++)
      for (let k = 0; k < buildingsPerBlock; k++) {
        const side = Math.floor(rand() * 4);
        const along = (0.1 + 0.8 * rand()) * spacing_m;
        const inset = Math.min(6 + 9 * rand(), maxInset);
        const x0 = bx * spacing_m;
        const y0 = by * spacing_m;
        const at: Point_m =
          side === 0
            ? { x_m: x0 + along, y_m: y0 + inset }
            : side === 1
              ? { x_m: x0 + spacing_m - inset, y_m: y0 + along }
              : side === 2
                ? { x_m: x0 + along, y_m: y0 + spacing_m - inset }
                : { x_m: x0 + inset, y_m: y0 + along };
        const heat_MWh_a = Math.round((10 + 50 * rand()) * 10) / 10;
        buildings.push({ id: `b${bx}_${by}_${k}`, at, heat_MWh_a });
      }
  return { epsg: 25832, buildings, streets, plants: [{ id: 'plant', at: { x_m: -5, y_m: -5 } }] };
}
