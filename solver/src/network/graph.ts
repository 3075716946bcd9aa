/**
 * The street graph of a heat network design: nodes at street vertices (merged within 0.5 m, so
 * streets that meet at a shared vertex are joined), one edge per piece of street between nodes,
 * and every building and plant attached to the nearest point of the nearest street segment, which
 * is split there. Forbidden streets are left out; unreachable buildings are reported.
 */

import { NodeMerger, SegmentGrid, distance, type Segment } from './graphSpatial';
import type { GraphEdge, NetworkInput, NetworkIssue, Point_m, StreetGraph } from './types';

/** Street vertices closer than this are one node; a split point this close to a node is that node. */
export const MERGE_TOLERANCE_M = 0.5;

export interface StreetGraphParams {
  maxHouseConnection_m: number;
  houseConnectionExtra_m: number;
  forbiddenStreets: string[];
  excludedBuildings: string[];
}

/** A house connection: the straight line from the building to its node on the street, plus the allowance. */
export interface HouseConnection {
  node: number;
  points: Point_m[];
  length_m: number;
}

export interface BuiltStreetGraph {
  graph: StreetGraph;
  /** Buildings attached to the graph (building id → connection); far and excluded ones are absent. */
  connections: Map<string, HouseConnection>;
  /** The plants' connections to their street (plant id → connection, without the allowance). */
  plantConnections: Map<string, HouseConnection>;
  /** Attached buildings whose node cannot reach any plant's node. */
  unreachable: string[];
  issues: NetworkIssue[];
}

interface StreetSegment extends Segment {
  na: number;
  nb: number;
  streetId: string;
}

interface Snap {
  /** Building or plant id. */
  id: string;
  kind: 'building' | 'plant';
  at: Point_m;
  segment: number;
  t: number;
  d: number;
  node: number;
}

/** Builds the street graph and attaches buildings and plants; see the module comment. */
export function streetGraph(input: NetworkInput, params: StreetGraphParams): BuiltStreetGraph {
  const issues: NetworkIssue[] = [];
  const forbidden = new Set(params.forbiddenStreets);
  const excluded = new Set(params.excludedBuildings);
  const merger = new NodeMerger(MERGE_TOLERANCE_M);
  const segments: StreetSegment[] = [];
  for (const street of input.streets) {
    if (forbidden.has(street.id)) continue;
    let prev = -1;
    for (const p of street.points) {
      const n = merger.nodeAt(p);
      if (prev >= 0 && n !== prev)
        segments.push({ na: prev, nb: n, a: merger.nodes[prev], b: merger.nodes[n], streetId: street.id });
      prev = n;
    }
  }
  const nodes = merger.nodes;
  const graph: StreetGraph = { nodes, edges: [], buildingNode: new Map(), plantNode: new Map() };
  const connections = new Map<string, HouseConnection>();
  const plantConnections = new Map<string, HouseConnection>();
  if (segments.length === 0) {
    if (input.streets.length > 0 || input.buildings.length > 0)
      issues.push({ code: 'noStreets', severity: 'error' });
    return { graph, connections, plantConnections, unreachable: [], issues };
  }

  const snaps = snapAll(input, excluded, new SegmentGrid(segments), params.maxHouseConnection_m, issues);
  splitSegments(segments, snaps, nodes, graph.edges);
  for (const s of snaps) {
    const points = [s.at, nodes[s.node]];
    const line = distance(s.at, nodes[s.node]);
    if (s.kind === 'plant') {
      graph.plantNode.set(s.id, s.node);
      plantConnections.set(s.id, { node: s.node, points, length_m: line });
    } else {
      graph.buildingNode.set(s.id, s.node);
      connections.set(s.id, { node: s.node, points, length_m: line + params.houseConnectionExtra_m });
    }
  }
  const unreachable = unreachableBuildings(graph);
  if (unreachable.length > 0 && graph.plantNode.size > 0)
    issues.push({
      code: 'disconnectedStreets',
      id: unreachable[0],
      values: { count: unreachable.length, buildings: listIds(unreachable, 20) },
      severity: 'error',
    });
  return { graph, connections, plantConnections, unreachable, issues };
}

/** Finds each building's and plant's nearest segment; far ones get an error and are left out. */
function snapAll(
  input: NetworkInput,
  excluded: Set<string>,
  grid: SegmentGrid,
  maxDistance_m: number,
  issues: NetworkIssue[],
): Snap[] {
  const snaps: Snap[] = [];
  const attach = (id: string, kind: Snap['kind'], at: Point_m, feature: number) => {
    const hit = grid.nearest(at);
    if (!hit) return;
    if (hit.d > maxDistance_m) {
      issues.push({
        code: 'buildingFarFromStreet',
        feature,
        id,
        values: { distance_m: Math.round(hit.d), max_m: maxDistance_m, kind },
        severity: 'error',
      });
      return;
    }
    snaps.push({ id, kind, at, segment: hit.segment, t: hit.t, d: hit.d, node: -1 });
  };
  input.buildings.forEach((b, i) => {
    if (!excluded.has(b.id)) attach(b.id, 'building', b.at, i);
  });
  input.plants.forEach((p, i) => attach(p.id, 'plant', p.at, i));
  return snaps;
}

/**
 * Splits every segment once at all the points attached to it (sorted along the segment; points
 * within the tolerance of a node or of each other share it) and appends the resulting edges.
 * Sets each snap's node.
 */
function splitSegments(segments: StreetSegment[], snaps: Snap[], nodes: Point_m[], edges: GraphEdge[]): void {
  const bySegment = new Map<number, Snap[]>();
  for (const s of snaps) {
    const list = bySegment.get(s.segment);
    if (list) list.push(s);
    else bySegment.set(s.segment, [s]);
  }
  segments.forEach((seg, i) => {
    const chain = [seg.na];
    const onSeg = (bySegment.get(i) ?? []).sort((x, y) => x.t - y.t);
    for (const s of onSeg) {
      const p = {
        x_m: seg.a.x_m + s.t * (seg.b.x_m - seg.a.x_m),
        y_m: seg.a.y_m + s.t * (seg.b.y_m - seg.a.y_m),
      };
      const last = chain[chain.length - 1];
      if (distance(p, nodes[last]) <= MERGE_TOLERANCE_M) s.node = last;
      else if (distance(p, nodes[seg.nb]) <= MERGE_TOLERANCE_M) s.node = seg.nb;
      else {
        nodes.push(p);
        s.node = nodes.length - 1;
        chain.push(s.node);
      }
    }
    chain.push(seg.nb);
    for (let k = 1; k < chain.length; k++) {
      const [u, v] = [chain[k - 1], chain[k]];
      if (u === v) continue;
      const points = [nodes[u], nodes[v]];
      edges.push({
        id: edges.length,
        a: u,
        b: v,
        length_m: distance(points[0], points[1]),
        streetId: seg.streetId,
        points,
      });
    }
  });
}

/** Union–find with path halving. */
export class UnionFind {
  private readonly parent: Int32Array;
  constructor(n: number) {
    this.parent = Int32Array.from({ length: n }, (_, i) => i);
  }
  find(x: number): number {
    while (this.parent[x] !== x) {
      this.parent[x] = this.parent[this.parent[x]];
      x = this.parent[x];
    }
    return x;
  }
  union(x: number, y: number): void {
    this.parent[this.find(x)] = this.find(y);
  }
}

/** Buildings whose node lies in a connected component without a plant (sorted by id). */
function unreachableBuildings(graph: StreetGraph): string[] {
  const uf = new UnionFind(graph.nodes.length);
  for (const e of graph.edges) uf.union(e.a, e.b);
  const withPlant = new Set([...graph.plantNode.values()].map((n) => uf.find(n)));
  const out: string[] = [];
  for (const [id, n] of graph.buildingNode) if (!withPlant.has(uf.find(n))) out.push(id);
  return out.sort();
}

/** At most `max` ids, comma separated, with "…" when there are more. */
function listIds(ids: string[], max: number): string {
  return ids.slice(0, max).join(', ') + (ids.length > max ? ', …' : '');
}
