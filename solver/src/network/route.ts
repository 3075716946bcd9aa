/**
 * The trunk of a heat network: a Steiner tree over the street graph from the plant(s) to every
 * terminal (the buildings' connection nodes), by the shortest-path heuristic of Takahashi &
 * Matsuyama (1980): grow the tree from the plants and repeatedly add the shortest path from the tree
 * to the nearest terminal not yet in it. One Dijkstra from the whole tree runs throughout: after a
 * path is added its nodes are seeded with distance 0 and only nodes whose distance improves are
 * relaxed again, so the cost is close to a few Dijkstra runs instead of one per terminal.
 * Key-path exchange (routeImprove.ts) then shortens the tree locally.
 */

import type { HouseConnection } from './graph';
import { MinHeap, adjacency, type Adjacency } from './routeGraph';
import { improveKeyPaths } from './routeImprove';
import type { RoutedNetwork, StreetGraph } from './types';

/** Edge lengths used as weights: never below this, so that predecessor chains strictly descend. */
const MIN_WEIGHT_M = 1e-6;

/** The routed trunk with the terminals it could not reach (no street path to a plant). */
export interface RoutedTrunk extends RoutedNetwork {
  unreached: number[];
}

/**
 * Routes the trunk: a tree over `graph` from the `plants` nodes to the `terminals` nodes that
 * contains every edge of the `forcedStreets` (those reachable; a forced loop loses one edge).
 * Forced streets are connected first, then the terminals, each time the one nearest to the tree.
 * Leaves that are neither terminals, plants nor forced are pruned; then key-path exchange shortens
 * the tree where a shorter street path can replace a chain of it (`options.improve`, default on,
 * see {@link improveKeyPaths}). Each trunk edge is oriented from the plant side (`from`) to the
 * downstream side (`to`), listed parents first. `connections` (from `streetGraph`) fills the
 * served buildings' house connections: those whose node is in the tree.
 */
export function routeTrunk(
  graph: StreetGraph,
  terminals: number[],
  plants: number[],
  forcedStreets: string[],
  connections?: Map<string, HouseConnection>,
  options: { improve?: boolean } = {},
): RoutedTrunk {
  const n = graph.nodes.length;
  const { start, adj } = adjacency(graph);
  const edges = graph.edges;
  const dist = new Float64Array(n).fill(Infinity);
  const pred = new Int32Array(n).fill(-1);
  const inTree = new Uint8Array(n);
  const treeEdge = new Uint8Array(edges.length);
  const heap = new MinHeap();

  // Forced edges grouped into connected components: reaching one node of a component adds all of it.
  const forcedSet = new Set(forcedStreets);
  const forcedEdge = new Uint8Array(edges.length);
  edges.forEach((e, i) => (forcedEdge[i] = forcedSet.has(e.streetId) ? 1 : 0));
  const forcedNode = new Uint8Array(n);
  let forcedPending = 0;
  edges.forEach((e, i) => {
    if (!forcedEdge[i]) return;
    for (const v of [e.a, e.b]) if (!forcedNode[v]) [forcedNode[v], forcedPending] = [1, forcedPending + 1];
  });

  const other = (e: number, v: number) => (edges[e].a === v ? edges[e].b : edges[e].a);
  /** Puts nodes into the tree (distance 0), with every forced edge reachable through forced edges. */
  const addToTree = (first: number[]) => {
    const stack = first.filter((v) => !inTree[v]);
    for (const v of stack) inTree[v] = 1;
    while (stack.length > 0) {
      const v = stack.pop()!;
      dist[v] = 0;
      heap.push(0, v);
      if (forcedNode[v]) {
        forcedPending--;
        for (let k = start[v]; k < start[v + 1]; k++) {
          const e = adj[k];
          const w = other(e, v);
          if (!forcedEdge[e] || inTree[w]) continue;
          treeEdge[e] = 1;
          inTree[w] = 1;
          stack.push(w);
        }
      }
    }
  };
  /** Adds the shortest path from the tree to `target` (following predecessors back to the tree). */
  const addPath = (target: number) => {
    const path: number[] = [];
    for (let v = target; !inTree[v]; v = other(pred[v], v)) {
      treeEdge[pred[v]] = 1;
      path.push(v);
    }
    addToTree(path);
  };
  /** Runs Dijkstra until it settles a node that `isTarget` accepts (returned) or the heap is empty (-1). */
  const nearest = (isTarget: (v: number) => boolean): number => {
    while (heap.size > 0) {
      const key = heap.peekKey();
      const v = heap.pop();
      if (key > dist[v]) continue;
      if (!inTree[v] && isTarget(v)) return v;
      for (let k = start[v]; k < start[v + 1]; k++) {
        const e = adj[k];
        const w = other(e, v);
        const d = key + Math.max(edges[e].length_m, MIN_WEIGHT_M);
        if (d < dist[w]) {
          dist[w] = d;
          pred[w] = e;
          heap.push(d, w);
        }
      }
    }
    return -1;
  };

  addToTree([...new Set(plants)]);
  // Forced streets first. A settled target is put back so the terminal phase can find it again.
  const settledTerminals: number[] = [];
  const isTerminal = new Uint8Array(n);
  for (const t of terminals) isTerminal[t] = 1;
  while (forcedPending > 0) {
    const v = nearest((u) => {
      if (isTerminal[u]) settledTerminals.push(u);
      return forcedNode[u] === 1;
    });
    if (v < 0) break;
    addPath(v);
  }
  for (const t of settledTerminals) if (!inTree[t]) heap.push(dist[t], t);
  for (;;) {
    const v = nearest((u) => isTerminal[u] === 1);
    if (v < 0) break;
    addPath(v);
  }

  const keep = (v: number) => isTerminal[v] === 1 || plants.includes(v);
  prune(graph, { start, adj }, treeEdge, forcedEdge, keep);
  if (options.improve !== false) {
    improveKeyPaths(graph, { start, adj }, treeEdge, forcedEdge, keep, plants);
    prune(graph, { start, adj }, treeEdge, forcedEdge, keep);
  }
  const trunk = orient(graph, start, adj, treeEdge, plants);
  const reached = new Uint8Array(n);
  for (const p of plants) reached[p] = 1;
  for (const t of trunk) reached[t.to] = 1;
  const served: RoutedNetwork['connections'] = [];
  for (const [buildingId, c] of connections ?? [])
    if (reached[c.node]) served.push({ buildingId, node: c.node, points: c.points, length_m: c.length_m });
  const unreached = [...new Set(terminals)].filter((t) => !reached[t]);
  return { trunk, connections: served, unreached };
}

/** Removes tree leaves (degree-1 nodes) that are not kept and whose edge is not forced, repeatedly. */
export function prune(
  graph: StreetGraph,
  { start, adj }: Adjacency,
  treeEdge: Uint8Array,
  forcedEdge: Uint8Array,
  keep: (v: number) => boolean,
): void {
  const degree = new Int32Array(graph.nodes.length);
  graph.edges.forEach((e, i) => {
    if (treeEdge[i]) [degree[e.a], degree[e.b]] = [degree[e.a] + 1, degree[e.b] + 1];
  });
  const leaves: number[] = [];
  degree.forEach((d, v) => d === 1 && !keep(v) && leaves.push(v));
  while (leaves.length > 0) {
    const v = leaves.pop()!;
    if (degree[v] !== 1) continue;
    let e = -1;
    for (let k = start[v]; k < start[v + 1]; k++) if (treeEdge[adj[k]]) e = adj[k];
    if (forcedEdge[e]) continue;
    treeEdge[e] = 0;
    const w = graph.edges[e].a === v ? graph.edges[e].b : graph.edges[e].a;
    degree[v] = 0;
    if (--degree[w] === 1 && !keep(w)) leaves.push(w);
  }
}

/** The tree's edges oriented away from the plants, breadth first (parents before children). */
function orient(
  graph: StreetGraph,
  start: Int32Array,
  adj: Int32Array,
  treeEdge: Uint8Array,
  plants: number[],
): RoutedNetwork['trunk'] {
  const seen = new Uint8Array(graph.nodes.length);
  const used = new Uint8Array(graph.edges.length);
  const queue = [...new Set(plants)];
  for (const p of queue) seen[p] = 1;
  const trunk: RoutedNetwork['trunk'] = [];
  for (let q = 0; q < queue.length; q++) {
    const v = queue[q];
    for (let k = start[v]; k < start[v + 1]; k++) {
      const e = adj[k];
      if (!treeEdge[e] || used[e]) continue;
      used[e] = 1;
      const w = graph.edges[e].a === v ? graph.edges[e].b : graph.edges[e].a;
      if (seen[w]) continue;
      seen[w] = 1;
      trunk.push({ edge: graph.edges[e].id, from: v, to: w });
      queue.push(w);
    }
  }
  return trunk;
}
