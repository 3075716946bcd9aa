/**
 * Local improvement of a routed trunk by key-path exchange: a key path is a chain of tree edges
 * whose inner nodes are neither terminals, plants nor branch points. Removing one splits a tree in
 * two; if a shorter street path joins the two parts again, it replaces the key path. Each try is a
 * Dijkstra seeded from the smaller part and bounded by the key path's length, so it stays local.
 */

import { MinHeap, type Adjacency } from './routeGraph';
import type { StreetGraph } from './types';

/** Gains below this (m) are ignored, so rounding cannot make the exchange cycle. */
const MIN_GAIN_M = 1e-6;

interface Rooted {
  parentEdge: Int32Array;
  degree: Int32Array;
  tin: Int32Array;
  size: Int32Array;
  /** Tree nodes, parents before children. */
  order: number[];
}

/** Roots the forest of `treeEdge` at the plants: parent edges, degrees, preorder numbers and subtree sizes. */
function root(graph: StreetGraph, { start, adj }: Adjacency, treeEdge: Uint8Array, plants: number[]): Rooted {
  const n = graph.nodes.length;
  const parentEdge = new Int32Array(n).fill(-1);
  const degree = new Int32Array(n);
  const tin = new Int32Array(n).fill(-1);
  const size = new Int32Array(n);
  graph.edges.forEach((e, i) => {
    if (treeEdge[i]) [degree[e.a], degree[e.b]] = [degree[e.a] + 1, degree[e.b] + 1];
  });
  const order: number[] = [];
  const stack = [...new Set(plants)].reverse();
  for (const p of stack) tin[p] = -2; // queued
  while (stack.length > 0) {
    const v = stack.pop()!;
    tin[v] = order.length;
    order.push(v);
    for (let k = start[v]; k < start[v + 1]; k++) {
      const e = adj[k];
      if (!treeEdge[e]) continue;
      const w = graph.edges[e].a === v ? graph.edges[e].b : graph.edges[e].a;
      if (tin[w] !== -1) continue;
      tin[w] = -2;
      parentEdge[w] = e;
      stack.push(w);
    }
  }
  for (let i = order.length - 1; i >= 0; i--) {
    const v = order[i];
    size[v] += 1;
    if (parentEdge[v] >= 0) {
      const e = graph.edges[parentEdge[v]];
      size[e.a === v ? e.b : e.a] += size[v];
    }
  }
  return { parentEdge, degree, tin, size, order };
}

/**
 * Improves the tree in `treeEdge` in place by key-path exchanges until none shortens it (at most
 * `maxPasses` passes over all key paths). `key(v)` marks terminals and plants; key paths with a
 * forced edge stay. Returns the metres saved.
 */
export function improveKeyPaths(
  graph: StreetGraph,
  adjacency: Adjacency,
  treeEdge: Uint8Array,
  forcedEdge: Uint8Array,
  key: (v: number) => boolean,
  plants: number[],
  maxPasses = 5,
): number {
  const n = graph.nodes.length;
  const { start, adj } = adjacency;
  const edges = graph.edges;
  const dist = new Float64Array(n).fill(Infinity);
  const pred = new Int32Array(n).fill(-1);
  const inner = new Int32Array(n).fill(-1);
  const heap = new MinHeap();
  let saved = 0;
  let tryId = 0;
  for (let pass = 0; pass < maxPasses; pass++) {
    let improved = false;
    let t = root(graph, adjacency, treeEdge, plants);
    for (const c of [...t.order].reverse()) {
      if (t.parentEdge[c] < 0 || !(key(c) || t.degree[c] !== 2)) continue;
      if (t.tin[c] < 0) continue; // rooted before an exchange moved it: next pass
      // The key path from c up to the next key node.
      const path: number[] = [];
      let length = 0;
      let forced = false;
      let v = c;
      const id = tryId++;
      for (;;) {
        const e = t.parentEdge[v];
        path.push(e);
        length += edges[e].length_m;
        forced ||= forcedEdge[e] === 1;
        v = edges[e].a === v ? edges[e].b : edges[e].a;
        if (key(v) || t.degree[v] !== 2 || t.parentEdge[v] < 0) break;
        inner[v] = id;
      }
      if (forced) continue;
      // Seed the smaller part: the subtree of c (S) or the rest of the tree (R).
      const lo = t.tin[c];
      const hi = lo + t.size[c];
      const tin = t.tin;
      const inS = (u: number) => tin[u] >= lo && tin[u] < hi;
      const seedS = 2 * t.size[c] <= t.order.length;
      const isSeed = (u: number) => tin[u] >= 0 && inner[u] !== id && inS(u) === seedS;
      const touched: number[] = [];
      const [from, to] = seedS ? [lo, hi] : [0, t.order.length];
      for (let i = from; i < to; i++) {
        const u = t.order[i];
        if (!isSeed(u)) continue;
        dist[u] = 0;
        touched.push(u);
      }
      // The seeds themselves stay out of the heap: their neighbours are relaxed directly.
      const relax = (u: number, d: number) => {
        for (let k = start[u]; k < start[u + 1]; k++) {
          const e = adj[k];
          const w = edges[e].a === u ? edges[e].b : edges[e].a;
          const dw = d + edges[e].length_m;
          if (dw < dist[w]) {
            if (dist[w] === Infinity) touched.push(w);
            dist[w] = dw;
            pred[w] = e;
            heap.push(dw, w);
          }
        }
      };
      for (let i = 0, seeds = touched.length; i < seeds; i++) relax(touched[i], 0);
      let target = -1;
      while (heap.size > 0) {
        const d = heap.peekKey();
        const u = heap.pop();
        if (d > dist[u]) continue;
        if (d >= length - MIN_GAIN_M) break;
        if (tin[u] >= 0 && inner[u] !== id && !isSeed(u)) {
          target = u;
          break;
        }
        relax(u, d);
      }
      if (target >= 0) {
        saved += length - dist[target];
        for (const e of path) treeEdge[e] = 0;
        for (let u = target; pred[u] >= 0; u = edges[pred[u]].a === u ? edges[pred[u]].b : edges[pred[u]].a)
          treeEdge[pred[u]] = 1;
        improved = true;
      }
      heap.size = 0;
      for (const u of touched) {
        dist[u] = Infinity;
        pred[u] = -1;
      }
      if (target >= 0) t = root(graph, adjacency, treeEdge, plants);
    }
    if (!improved) break;
  }
  return saved;
}
