/**
 * What the routing searches share: a binary min-heap for Dijkstra and the street graph's adjacency
 * in compressed form.
 */

import type { StreetGraph } from './types';

/** A binary min-heap of (key, node) pairs with lazy deletion (stale entries are skipped by the caller). */
export class MinHeap {
  private keys = new Float64Array(64);
  private vals = new Int32Array(64);
  size = 0;

  push(key: number, val: number): void {
    if (this.size === this.keys.length) {
      const k = new Float64Array(this.size * 2);
      k.set(this.keys);
      const v = new Int32Array(this.size * 2);
      v.set(this.vals);
      [this.keys, this.vals] = [k, v];
    }
    let i = this.size++;
    while (i > 0) {
      const p = (i - 1) >> 1;
      if (this.keys[p] <= key) break;
      this.keys[i] = this.keys[p];
      this.vals[i] = this.vals[p];
      i = p;
    }
    this.keys[i] = key;
    this.vals[i] = val;
  }

  /** The smallest key (the heap must not be empty). */
  peekKey(): number {
    return this.keys[0];
  }

  /** Removes the entry with the smallest key and returns its value (the heap must not be empty). */
  pop(): number {
    const top = this.vals[0];
    const key = this.keys[--this.size];
    const val = this.vals[this.size];
    let i = 0;
    for (;;) {
      let c = 2 * i + 1;
      if (c >= this.size) break;
      if (c + 1 < this.size && this.keys[c + 1] < this.keys[c]) c++;
      if (this.keys[c] >= key) break;
      this.keys[i] = this.keys[c];
      this.vals[i] = this.vals[c];
      i = c;
    }
    this.keys[i] = key;
    this.vals[i] = val;
    return top;
  }
}

/** Adjacency in compressed form: node n's incident edges (by index) are adj[start[n] .. start[n+1]-1]. */
export interface Adjacency {
  start: Int32Array;
  adj: Int32Array;
}

export function adjacency(graph: StreetGraph): Adjacency {
  const n = graph.nodes.length;
  const start = new Int32Array(n + 1);
  for (const e of graph.edges) {
    start[e.a + 1]++;
    start[e.b + 1]++;
  }
  for (let i = 0; i < n; i++) start[i + 1] += start[i];
  const fill = start.slice();
  const adj = new Int32Array(start[n]);
  graph.edges.forEach((e, i) => {
    adj[fill[e.a]++] = i;
    adj[fill[e.b]++] = i;
  });
  return { start, adj };
}
