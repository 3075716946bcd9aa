/**
 * Sizing of the routed network: the design flow of every pipe from the peak loads of the buildings
 * downstream, reduced by the simultaneity factor, and the smallest catalogue pipe that carries it
 * within the pressure-gradient and velocity limits. One post-order pass over the trunk tree: O(n).
 */
import { chooseDn, designMassFlow_kg_s, pipeFlow } from './hydraulics';
import { simultaneityFactor } from './simultaneity';
import type {
  Building,
  DesignedPipe,
  NetworkIssue,
  NetworkParams,
  PipeType,
  Point_m,
  RoutedNetwork,
  StreetGraph,
} from './types';

export interface SizedNetwork {
  pipes: DesignedPipe[];
  issues: NetworkIssue[];
}

/** A building's peak: its own figure, else heat / full-load hours (MWh/a · 1000 / h = kW). */
export function buildingPeak_kW(building: Building, fullLoadHours_h: number): number {
  return building.peak_kW ?? (building.heat_MWh_a * 1000) / fullLoadHours_h;
}

/**
 * The trunk entries (indices into routed.trunk) ordered so that the entry feeding a node comes before
 * the entries leaving it (pre-order from the plants, iterative: deep trees do not overflow the stack).
 * Entries not reachable from a root (a cycle, which routing must not produce) come last.
 */
export function trunkPreorder(routed: RoutedNetwork): number[] {
  const leaving = new Map<number, number[]>();
  const fed = new Set<number>();
  routed.trunk.forEach((t, i) => {
    const list = leaving.get(t.from);
    if (list) list.push(i);
    else leaving.set(t.from, [i]);
    fed.add(t.to);
  });
  const order: number[] = [];
  const seen = new Uint8Array(routed.trunk.length);
  const stack = [...leaving.keys()].filter((node) => !fed.has(node));
  while (stack.length > 0) {
    const node = stack.pop()!;
    for (const i of leaving.get(node) ?? []) {
      if (seen[i]) continue;
      seen[i] = 1;
      order.push(i);
      stack.push(routed.trunk[i].to);
    }
  }
  for (let i = 0; i < seen.length; i++) if (!seen[i]) order.push(i);
  return order;
}

interface PipeToSize {
  id: string;
  kind: DesignedPipe['kind'];
  points: Point_m[];
  length_m: number;
  buildings: number;
  peakSum_kW: number;
}

/** Design flow, DN and hydraulics of one pipe; the largest pipe and an error when none fits. */
function sizePipe(p: PipeToSize, largest: PipeType | undefined, params: NetworkParams) {
  const mean_C = (params.supplyTemperature_C + params.returnTemperature_C) / 2;
  const load_kW = p.peakSum_kW * simultaneityFactor(p.buildings);
  const flow_kg_s = designMassFlow_kg_s(load_kW, params.supplyTemperature_C, params.returnTemperature_C);
  const chosen = chooseDn(flow_kg_s, mean_C, params);
  const type = chosen ?? largest;
  if (!type) return { pipe: undefined, issue: tooSmall(p, flow_kg_s, load_kW, undefined, undefined) };
  const h = pipeFlow(flow_kg_s, type.innerDiameter_m, mean_C, params.roughness_mm);
  const pipe: DesignedPipe = {
    id: p.id,
    kind: p.kind,
    points: p.points,
    dn: type.dn,
    innerDiameter_m: type.innerDiameter_m,
    length_m: p.length_m,
    designFlow_kg_s: flow_kg_s,
    velocity_m_s: h.velocity_m_s,
    pressureGradient_Pa_m: h.pressureGradient_Pa_m,
    heatLossCoefficient_W_mK: type.heatLossCoefficient_W_mK,
    cost_EUR: type.cost_EUR_m * p.length_m,
    buildingsDownstream: p.buildings,
  };
  return { pipe, issue: chosen ? undefined : tooSmall(p, flow_kg_s, load_kW, type, h) };
}

function tooSmall(
  p: PipeToSize,
  flow_kg_s: number,
  load_kW: number,
  largest: PipeType | undefined,
  h: ReturnType<typeof pipeFlow> | undefined,
): NetworkIssue {
  const round = (v: number, digits: number) => Number(v.toFixed(digits));
  const values: Record<string, number> = { flow_kg_s: round(flow_kg_s, 2), load_kW: round(load_kW, 0) };
  values.buildings = p.buildings;
  if (largest && h) {
    values.dn = largest.dn;
    values.pressureGradient_Pa_m = round(h.pressureGradient_Pa_m, 0);
    values.velocity_m_s = round(h.velocity_m_s, 2);
  }
  return { code: 'noPipeLargeEnough', id: p.id, values, severity: 'error' };
}

/**
 * Sizes trunk and house connections. Trunk pipe `trunk:<edge id>` carries the buildings connected
 * at or below its downstream node; house connection `connection:<building id>` its own building
 * (GLF(1)). Design flow = Σ peak · GLF(n) / (cp · ΔT). Connections naming an unknown building are
 * skipped. The connection length is routed.connections' length_m as given (allowance included there).
 */
export function sizeNetwork(
  graph: StreetGraph,
  routed: RoutedNetwork,
  buildings: Building[],
  params: NetworkParams,
): SizedNetwork {
  const byId = new Map(buildings.map((b) => [b.id, b]));
  const peak = new Map<number, number>();
  const count = new Map<number, number>();
  const connections: PipeToSize[] = [];
  for (const c of routed.connections) {
    const b = byId.get(c.buildingId);
    if (!b) continue;
    const p_kW = buildingPeak_kW(b, params.fullLoadHours_h);
    peak.set(c.node, (peak.get(c.node) ?? 0) + p_kW);
    count.set(c.node, (count.get(c.node) ?? 0) + 1);
    const id = `connection:${c.buildingId}`;
    connections.push({
      id,
      kind: 'connection',
      points: c.points,
      length_m: c.length_m,
      buildings: 1,
      peakSum_kW: p_kW,
    });
  }
  // Post-order: a node's totals are complete once every entry below it has added its own.
  const order = trunkPreorder(routed);
  for (let k = order.length - 1; k >= 0; k--) {
    const t = routed.trunk[order[k]];
    peak.set(t.from, (peak.get(t.from) ?? 0) + (peak.get(t.to) ?? 0));
    count.set(t.from, (count.get(t.from) ?? 0) + (count.get(t.to) ?? 0));
  }
  const edges = new Map(graph.edges.map((e) => [e.id, e]));
  const trunk: PipeToSize[] = [];
  for (const i of order) {
    const t = routed.trunk[i];
    const e = edges.get(t.edge);
    if (!e) throw new RangeError(`trunk edge ${t.edge} is not in the street graph`);
    const points = e.a === t.from ? e.points : [...e.points].reverse();
    const buildingsBelow = count.get(t.to) ?? 0;
    trunk.push({
      id: `trunk:${t.edge}`,
      kind: 'trunk',
      points,
      length_m: e.length_m,
      buildings: buildingsBelow,
      peakSum_kW: peak.get(t.to) ?? 0,
    });
  }
  const largest = params.pipes.reduce<PipeType | undefined>(
    (big, p) => (!big || p.innerDiameter_m > big.innerDiameter_m ? p : big),
    undefined,
  );
  const result: SizedNetwork = { pipes: [], issues: [] };
  for (const p of [...trunk, ...connections]) {
    const { pipe, issue } = sizePipe(p, largest, params);
    if (pipe) result.pipes.push(pipe);
    if (issue) result.issues.push(issue);
  }
  return result;
}
