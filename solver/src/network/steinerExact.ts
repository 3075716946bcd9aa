/**
 * An exact Steiner tree for small graphs (a few dozen edges), to measure the routing heuristic
 * against: a MILP in the single-commodity flow formulation. Binary x_e per edge (cost: its
 * length); a flow on each direction of each edge, at most K·x_e, where K is the number of
 * terminals; the root supplies K units and every terminal consumes one.
 */

import type { SolveOptions, SolverBackend } from '../lp/backend';
import { LpBuilder, type LpModel } from '../lp/model';
import type { StreetGraph } from './types';

export interface ExactSteinerTree {
  length_m: number;
  /** Edge ids of the optimal tree, ascending. */
  edges: number[];
}

/** The MILP of the Steiner tree connecting `root` to `terminals` over `graph` (see the module comment). */
export function steinerModel(graph: StreetGraph, terminals: number[], root: number): LpModel {
  const demand = new Map<number, number>();
  for (const t of terminals) if (t !== root) demand.set(t, 1);
  const k = demand.size;
  demand.set(root, -k);
  const b = new LpBuilder('steiner');
  const inflow: { cols: number[]; coefs: number[] }[] = graph.nodes.map(() => ({ cols: [], coefs: [] }));
  graph.edges.forEach((e, i) => {
    const x = b.addCol(`x[e=${i}]`, 0, 1, e.length_m, true);
    const ab = b.addCol(`f[e=${i},${e.a}>${e.b}]`, 0, k);
    const ba = b.addCol(`f[e=${i},${e.b}>${e.a}]`, 0, k);
    b.addRow(`cap[e=${i},${e.a}>${e.b}]`, [ab, x], [1, -k], -Infinity, 0);
    b.addRow(`cap[e=${i},${e.b}>${e.a}]`, [ba, x], [1, -k], -Infinity, 0);
    inflow[e.b].cols.push(ab, ba);
    inflow[e.b].coefs.push(1, -1);
    inflow[e.a].cols.push(ba, ab);
    inflow[e.a].coefs.push(1, -1);
  });
  inflow.forEach((f, v) => {
    const d = demand.get(v) ?? 0;
    if (f.cols.length > 0 || d !== 0) b.addRow(`balance[n=${v}]`, f.cols, f.coefs, d, d);
  });
  return b.build();
}

/**
 * Solves the Steiner tree exactly with `backend`; the tree's edges are those with x_e = 1. Throws
 * when the solver finds no solution (a terminal the root cannot reach).
 */
export async function steinerExact(
  graph: StreetGraph,
  terminals: number[],
  root: number,
  backend: SolverBackend,
  options: SolveOptions = { mipGap: 1e-9 },
): Promise<ExactSteinerTree> {
  const model = steinerModel(graph, terminals, root);
  const s = await backend.solve(model, options);
  if (!s.hasSolution) throw new Error(`Steiner tree: ${s.status}${s.message ? ` (${s.message})` : ''}`);
  const edges: number[] = [];
  let length_m = 0;
  graph.edges.forEach((e, i) => {
    if (s.x[3 * i] > 0.5) {
      edges.push(e.id);
      length_m += e.length_m;
    }
  });
  return { length_m, edges: edges.sort((x, y) => x - y) };
}
