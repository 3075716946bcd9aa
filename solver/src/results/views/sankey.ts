import type { Dispatch, Results } from '../results';
import { carrierOf, flowSign, type Carrier, type TechInfos } from './columns';
import { netStorageAnnual } from './storage';

export interface SankeyNode {
  id: string;
  kind: 'source' | 'bus' | 'plant' | 'sink';
  /** Technology id for plants, storage and their sources; carrier for buses; fuel id for fuels. */
  ref: string;
}
export interface SankeyLink {
  source: string;
  target: string;
  value_MWh: number;
}
export interface Sankey {
  nodes: SankeyNode[];
  links: SankeyLink[];
}

const BUS: Record<Carrier, string> = { heat: 'bus:heat', electricity: 'bus:electricity' };
const EPS_MWH = 1e-9;

/**
 * Annual energies as a Sankey: sources (fuels, grid, sun, ambient heat, storage discharge) →
 * plants → heat/electricity buses → demands, storage charge, heat dump, export and losses. Every
 * plant and bus balances: what a plant gives beyond what it takes comes from its source (fuel
 * input from the efficiency when known), what it takes beyond what it gives is a loss, and the
 * demand is what remains on each bus. Storage appears twice (charge as a sink, discharge as a
 * source), so the diagram stays free of cycles.
 */
export function sankeyOf(results: Results, techs: TechInfos = {}, dispatch?: Dispatch): Sankey {
  // With the dispatch, storage flows count netted per step (see netStorageSeries).
  const netAnnual = dispatch ? netStorageAnnual(dispatch) : {};
  const nodes = new Map<string, SankeyNode>();
  const links = new Map<string, SankeyLink>();
  const node = (id: string, kind: SankeyNode['kind'], ref: string) => {
    if (!nodes.has(id)) nodes.set(id, { id, kind, ref });
    return id;
  };
  const link = (source: string, target: string, value: number) => {
    if (!(value > EPS_MWH)) return;
    const key = `${source}→${target}`;
    const l = links.get(key);
    if (l) l.value_MWh += value;
    else links.set(key, { source, target, value_MWh: value });
  };
  const carrierOfFlow = (techId: string, flow: string) =>
    carrierOf({ name: `${techId}.${flow}_kW`, techId, flow, unit: 'kW' }, techs);

  for (const [techId, flows] of Object.entries(results.annual)) {
    const info = techs[techId];
    if (techId === 'grid') {
      link(
        node('source:grid', 'source', 'grid'),
        node(BUS.electricity, 'bus', 'electricity'),
        flows.import_MWh ?? 0,
      );
      link(BUS.electricity, node('sink:export', 'sink', 'grid'), flows.export_MWh ?? 0);
      continue;
    }
    const charge = netAnnual[techId]?.charge ?? flows.charge_MWh ?? 0;
    const discharge = netAnnual[techId]?.discharge ?? flows.discharge_MWh ?? 0;
    if (charge > EPS_MWH || discharge > EPS_MWH) {
      const bus = BUS[carrierOfFlow(techId, 'charge') ?? 'electricity'];
      node(bus, 'bus', bus.slice(4));
      link(bus, node(`sink:charge:${techId}`, 'sink', techId), charge);
      link(node(`source:discharge:${techId}`, 'source', techId), bus, discharge);
    }
    const inputs: [string, number][] = [];
    const outputs: [string, number][] = [];
    for (const [key, v] of Object.entries(flows)) {
      const flow = key.replace(/_MWh$/, '');
      if (flow === 'charge' || flow === 'discharge' || !(v > EPS_MWH)) continue;
      const carrier = carrierOfFlow(techId, flow);
      if (!carrier) continue;
      if (flow === 'dump') {
        link(node(BUS.heat, 'bus', 'heat'), node(`sink:dump:${techId}`, 'sink', techId), v);
        continue;
      }
      const sign = flowSign(flow);
      if (sign === 1) outputs.push([node(BUS[carrier], 'bus', carrier), v]);
      else if (sign === -1) inputs.push([node(BUS[carrier], 'bus', carrier), v]);
    }
    if (!inputs.length && !outputs.length) continue;
    const plant = node(`plant:${techId}`, 'plant', techId);
    let inSum = 0;
    let outSum = 0;
    for (const [bus, v] of inputs) {
      link(bus, plant, v);
      inSum += v;
    }
    for (const [bus, v] of outputs) {
      link(plant, bus, v);
      outSum += v;
    }
    // What the plant gives beyond what it takes comes from its primary source.
    let primary = outSum - inSum;
    if (primary > EPS_MWH) {
      const type = info?.type;
      if (type === 'heatPump') link(node('source:ambient', 'source', 'ambient'), plant, primary);
      else if (type === 'pv' || type === 'solarThermal')
        link(node('source:sun', 'source', 'sun'), plant, primary);
      else {
        const fuel = info?.fuel ?? 'fuel';
        // Fuel input from the efficiency: boilers by heat, CHP by electricity.
        const eff = type === 'chp' ? info?.efficiencyEl : info?.efficiency;
        const base = type === 'chp' ? (flows.el_out_MWh ?? 0) : (flows.heat_out_MWh ?? 0);
        const fuelIn = eff && eff > 0 && base / eff > primary ? base / eff : primary;
        link(node(`source:fuel:${fuel}`, 'source', fuel), plant, fuelIn);
        primary -= fuelIn;
      }
    }
    if (primary < -EPS_MWH) link(plant, node('sink:losses', 'sink', 'losses'), -primary);
  }

  // Demand: what remains on each bus.
  for (const carrier of ['heat', 'electricity'] as const) {
    const bus = BUS[carrier];
    if (!nodes.has(bus)) continue;
    let rest = 0;
    for (const l of links.values()) {
      if (l.target === bus) rest += l.value_MWh;
      if (l.source === bus) rest -= l.value_MWh;
    }
    link(bus, node(`sink:demand:${carrier}`, 'sink', carrier), rest);
  }
  const used = new Set([...links.values()].flatMap((l) => [l.source, l.target]));
  return { nodes: [...nodes.values()].filter((n) => used.has(n.id)), links: [...links.values()] };
}

/** Inflow minus outflow of every node that has both (plants and buses). */
export function sankeyImbalance(s: Sankey): Record<string, number> {
  const inflow: Record<string, number> = {};
  const outflow: Record<string, number> = {};
  for (const l of s.links) {
    inflow[l.target] = (inflow[l.target] ?? 0) + l.value_MWh;
    outflow[l.source] = (outflow[l.source] ?? 0) + l.value_MWh;
  }
  const out: Record<string, number> = {};
  for (const id of Object.keys(inflow)) if (id in outflow) out[id] = inflow[id] - outflow[id];
  return out;
}
