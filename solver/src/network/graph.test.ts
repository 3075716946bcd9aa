import { describe, expect, it } from 'vitest';
import { UnionFind, streetGraph, type StreetGraphParams } from './graph';
import { gridDistrict } from './testing';
import type { NetworkInput, StreetGraph } from './types';

const pt = (x_m: number, y_m: number) => ({ x_m, y_m });
const params: StreetGraphParams = {
  maxHouseConnection_m: 40,
  houseConnectionExtra_m: 5,
  forbiddenStreets: [],
  excludedBuildings: [],
};

/** An L of two streets meeting at (100, 0) (the second starts 0.3 m off), a plant at the origin. */
function lInput(): NetworkInput {
  return {
    epsg: 25832,
    streets: [
      { id: 's1', points: [pt(0, 0), pt(100, 0)] },
      { id: 's2', points: [pt(100, 0.3), pt(100, 100)] },
    ],
    buildings: [
      { id: 'B', at: pt(70, -5), heat_MWh_a: 20 },
      { id: 'A', at: pt(30, 10), heat_MWh_a: 20 },
      { id: 'C', at: pt(120, 50), heat_MWh_a: 20 },
    ],
    plants: [{ id: 'P', at: pt(0, -3) }],
  };
}

const edgeSet = (g: StreetGraph) =>
  g.edges
    .map((e) => {
      const [p, q] = [g.nodes[e.a], g.nodes[e.b]];
      return `${e.streetId}:${p.x_m},${p.y_m}-${q.x_m},${q.y_m}:${e.length_m.toFixed(2)}`;
    })
    .sort();

describe('streetGraph', () => {
  it('merges the shared vertex, splits a segment once at all its buildings in order', () => {
    const { graph, connections, plantConnections, issues } = streetGraph(lInput(), params);
    expect(issues).toEqual([]);
    // s1 is split at x = 30 (A) and x = 70 (B); s2 at y = 50 (C); s2 starts at the merged node (100, 0).
    expect(edgeSet(graph)).toEqual([
      's1:0,0-30,0:30.00',
      's1:30,0-70,0:40.00',
      's1:70,0-100,0:30.00',
      's2:100,0-100,50:50.00',
      's2:100,50-100,100:50.00',
    ]);
    expect(graph.nodes).toHaveLength(6);
    expect(graph.edges.map((e) => e.id)).toEqual([0, 1, 2, 3, 4]);
    const a = connections.get('A')!;
    expect(graph.nodes[a.node]).toEqual(pt(30, 0));
    expect(a.points).toEqual([pt(30, 10), pt(30, 0)]);
    expect(a.length_m).toBe(15); // 10 m straight + 5 m allowance
    expect(connections.get('B')!.length_m).toBe(10); // 5 + 5
    expect(connections.get('C')!.length_m).toBe(25); // 20 + 5
    expect(graph.buildingNode.get('C')).toBe(connections.get('C')!.node);
    // The plant snaps onto the street's end node (0, 0), 3 m away, without the allowance.
    expect(graph.nodes[graph.plantNode.get('P')!]).toEqual(pt(0, 0));
    expect(plantConnections.get('P')!.length_m).toBe(3);
  });

  it('gives buildings at the same point of a street, or at its end, one node', () => {
    const input = lInput();
    input.buildings.push(
      { id: 'A2', at: pt(30.2, -8), heat_MWh_a: 10 }, // 0.2 m from A's point (30, 0)
      { id: 'end', at: pt(-10, 0.1), heat_MWh_a: 10 }, // beyond the end (0, 0) of s1
    );
    const { graph, connections } = streetGraph(input, params);
    expect(connections.get('A2')!.node).toBe(connections.get('A')!.node);
    expect(connections.get('A2')!.points).toEqual([pt(30.2, -8), pt(30, 0)]);
    expect(connections.get('end')!.node).toBe(graph.plantNode.get('P'));
    expect(graph.edges).toHaveLength(5); // no new split points
  });

  it('joins streets that cross at a shared vertex, not those that only cross', () => {
    const input: NetworkInput = {
      epsg: 25832,
      streets: [
        { id: 'ew', points: [pt(0, 0), pt(50, 0), pt(100, 0)] },
        { id: 'ns', points: [pt(50, -50), pt(50, 0), pt(50, 50)] },
        { id: 'bridge', points: [pt(75, -50), pt(75, 50)] },
      ],
      buildings: [{ id: 'X', at: pt(60, 45), heat_MWh_a: 10 }],
      plants: [{ id: 'P', at: pt(0, 0) }],
    };
    const { graph, unreachable, issues } = streetGraph(input, params);
    expect(graph.nodes).toHaveLength(8); // 3 + 2 new + 2 of the bridge + X's split point
    const centre = graph.nodes.findIndex((p) => p.x_m === 50 && p.y_m === 0);
    expect(graph.edges.filter((e) => e.a === centre || e.b === centre)).toHaveLength(4);
    const bridgeNodes = graph.edges.filter((e) => e.streetId === 'bridge').flatMap((e) => [e.a, e.b]);
    expect(graph.edges.filter((e) => e.streetId !== 'bridge' && bridgeNodes.includes(e.a))).toEqual([]);
    expect(unreachable).toEqual([]); // X snaps to 'ns' at (50, 45), 10 m away
    expect(issues).toEqual([]);
  });

  it('leaves out a building far from every street with a located error and its distance', () => {
    const input = lInput();
    input.buildings.push({ id: 'far', at: pt(50, 80), heat_MWh_a: 10 }); // 50 m from s2, 80 m from s1
    const { connections, graph, issues } = streetGraph(input, params);
    expect(issues).toEqual([
      {
        code: 'buildingFarFromStreet',
        feature: 3,
        id: 'far',
        values: { distance_m: 50, max_m: 40, kind: 'building' },
        severity: 'error',
      },
    ]);
    expect(connections.has('far')).toBe(false);
    expect(graph.buildingNode.has('far')).toBe(false);
  });

  it('reports a plant far from the streets the same way', () => {
    const input = lInput();
    input.plants = [{ id: 'P', at: pt(-60, 0) }];
    const { issues, graph } = streetGraph(input, params);
    expect(issues.map((i) => [i.code, i.id, i.values?.distance_m, i.values?.kind])).toEqual([
      ['buildingFarFromStreet', 'P', 60, 'plant'],
    ]);
    expect(graph.plantNode.size).toBe(0);
  });

  it('lists buildings on streets not connected to a plant', () => {
    const input = lInput();
    input.streets.push({ id: 'island', points: [pt(300, 0), pt(400, 0)] });
    input.buildings.push(
      { id: 'E', at: pt(350, 5), heat_MWh_a: 10 },
      { id: 'D', at: pt(320, -5), heat_MWh_a: 10 },
    );
    const { issues, unreachable, connections } = streetGraph(input, params);
    expect(unreachable).toEqual(['D', 'E']);
    expect(issues).toEqual([
      { code: 'disconnectedStreets', id: 'D', values: { count: 2, buildings: 'D, E' }, severity: 'error' },
    ]);
    expect(connections.has('E')).toBe(true); // attached, only not reachable
  });

  it('leaves forbidden streets and excluded buildings out', () => {
    const { graph, connections, issues } = streetGraph(lInput(), {
      ...params,
      forbiddenStreets: ['s2'],
      excludedBuildings: ['B'],
    });
    expect(graph.edges.every((e) => e.streetId === 's1')).toBe(true);
    expect(connections.has('B')).toBe(false);
    // C is 20 m from s2 but, s2 forbidden, 53.9 m from the end of s1 at (100, 0): too far.
    expect(issues.map((i) => [i.code, i.id, i.values?.distance_m])).toEqual([
      ['buildingFarFromStreet', 'C', 54],
    ]);
  });

  it('reports missing streets', () => {
    const input = lInput();
    input.streets = [];
    expect(streetGraph(input, params).issues).toEqual([{ code: 'noStreets', severity: 'error' }]);
  });

  it('attaches every building of a grid district and keeps the plant reachable', () => {
    const input = gridDistrict(4, 3, 80, 3, 1);
    const { graph, connections, unreachable, issues } = streetGraph(input, params);
    expect(issues).toEqual([]);
    expect(connections.size).toBe(36);
    expect(unreachable).toEqual([]);
    expect(graph.plantNode.size).toBe(1);
    // Street length is kept by splitting: 4·4 + 3·5 block sides of 80 m.
    expect(graph.edges.reduce((s, e) => s + e.length_m, 0)).toBeCloseTo(31 * 80, 6);
  });
});

describe('UnionFind', () => {
  it('joins sets', () => {
    const uf = new UnionFind(4);
    uf.union(0, 1);
    uf.union(2, 3);
    expect(uf.find(0)).toBe(uf.find(1));
    expect(uf.find(1)).not.toBe(uf.find(2));
    uf.union(1, 3);
    expect(uf.find(0)).toBe(uf.find(2));
  });
});
