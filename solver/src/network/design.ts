import { defaultPipes } from './catalogue';
import { defaultNetworkParams } from './defaults';
import { streetGraph } from './graph';
import { operate } from './operation';
import { routeTrunkBest } from './routeBest';
import { simultaneityFactor } from './simultaneity';
import { buildingPeak_kW, sizeNetwork } from './sizing';
import type { NetworkDesign, NetworkInput, NetworkIssue, NetworkParams, NetworkSummary } from './types';

/** Input the design cannot start from; `issues` say why (networkIssueText). */
export class NetworkInputError extends Error {
  constructor(readonly issues: NetworkIssue[]) {
    super(issues.map((i) => i.code).join(', '));
  }
}

/**
 * The default parameters with a project's overrides (undefined fields keep the default). Without a
 * catalogue of its own, the default pipes' loss coefficients follow the cover depth and soil
 * conductivity in effect (EN 13941-1, catalogue.ts).
 */
export function networkParams(overrides: Partial<NetworkParams> = {}): NetworkParams {
  const params = defaultNetworkParams();
  for (const [k, v] of Object.entries(overrides) as [keyof NetworkParams, unknown][])
    if (v !== undefined) (params as unknown as Record<string, unknown>)[k] = v;
  if (!overrides.pipes) params.pipes = defaultPipes(params.coverDepth_m, params.soilConductivity_W_mK);
  return params;
}

/**
 * Designs a heat network (docs/network.md): connects every building to its street, routes the
 * trunk as a Steiner tree over the streets from the plant(s), sizes each pipe for its downstream
 * peak with simultaneity, and operates the year: hourly losses, pump electricity and the heat the
 * plant must feed in. `demandShape` is the buildings' hourly demand shape (one value per hour of
 * the site year, any scale; it is normalised to the buildings' annual heat); without it the demand
 * is taken as flat and a warning says so. `hours` defaults to the shape's length or 8,760.
 */
export function designNetwork(
  input: NetworkInput,
  params: NetworkParams,
  opts: {
    demandShape?: Float64Array;
    hours?: number;
    /** Temperatures the pipes are sized for, when they differ from those operated (a path). */
    sizeAt?: { supply_C: number; return_C: number };
  } = {},
): NetworkDesign {
  const t0 = performance.now();
  const issues: NetworkIssue[] = [];
  const [ts, tr] = [params.supplyTemperature_C, params.returnTemperature_C];
  const sizeOk =
    !opts.sizeAt ||
    (opts.sizeAt.supply_C > opts.sizeAt.return_C && opts.sizeAt.return_C >= 0 && opts.sizeAt.supply_C <= 130);
  if (!(ts > tr && tr >= 0 && ts <= 130) || !sizeOk)
    throw new NetworkInputError([
      { code: 'temperatures', severity: 'error', values: { supply_C: ts, return_C: tr } },
    ]);
  const excludedByUser = new Set(params.excludedBuildings);
  const g = streetGraph(input, params);
  // A plant far from every street: its own message (the graph reports it like a building).
  issues.push(
    ...g.issues.map((i) =>
      i.code === 'buildingFarFromStreet' && i.values?.kind === 'plant'
        ? { ...i, code: 'plantFarFromStreet' as const }
        : i,
    ),
  );
  // The plant's own line to its street is the first piece of the trunk: a node at the plant and an edge.
  for (const [id, c] of g.plantConnections)
    if (c.length_m > 0.01) {
      const at = g.graph.nodes.push(c.points[0]) - 1;
      const edge = g.graph.edges.length;
      g.graph.edges.push({
        id: edge,
        a: at,
        b: c.node,
        length_m: c.length_m,
        streetId: `plant:${id}`,
        points: [...c.points],
      });
      g.graph.plantNode.set(id, at);
    }
  const buildings = input.buildings.filter((b) => !excludedByUser.has(b.id) && g.connections.has(b.id));
  const terminals = [...new Set(buildings.map((b) => g.connections.get(b.id)!.node))];
  const plants = [...g.graph.plantNode.values()];
  const routed = routeTrunkBest(g.graph, terminals, plants, params.forcedStreets, g.connections);
  const sizing = opts.sizeAt
    ? { ...params, supplyTemperature_C: opts.sizeAt.supply_C, returnTemperature_C: opts.sizeAt.return_C }
    : params;
  const sized = sizeNetwork(g.graph, routed, buildings, sizing);
  issues.push(...sized.issues);

  const served = new Set(routed.connections.map((c) => c.buildingId));
  const servedBuildings = buildings.filter((b) => served.has(b.id));
  const hours = opts.hours ?? opts.demandShape?.length ?? 8760;
  const heat_MWh_a = servedBuildings.reduce((s, b) => s + b.heat_MWh_a, 0);
  const shape = opts.demandShape ?? new Float64Array(hours).fill(1);
  if (!opts.demandShape) issues.push({ code: 'flatDemandShape', severity: 'warning' });
  let total = 0;
  for (let h = 0; h < hours; h++) total += Math.max(0, shape[h] ?? 0);
  const demand_kW = Float64Array.from({ length: hours }, (_, h) =>
    total > 0 ? (Math.max(0, shape[h] ?? 0) / total) * heat_MWh_a * 1000 : 0,
  );
  // Design load at the plant: Σ peaks · GLF(n) (Winter et al. 2001), as the trunk's first pipe is sized.
  const designPeak_kW =
    servedBuildings.reduce((s, b) => s + buildingPeak_kW(b, params.fullLoadHours_h), 0) *
    simultaneityFactor(servedBuildings.length);
  const op = operate(sized.pipes, designPeak_kW, demand_kW, params, hours, routed);
  let maxLoss_kW = 0;
  for (const l of op.lossesHourly_kW) maxLoss_kW = Math.max(maxLoss_kW, l);

  const length = (kind: 'trunk' | 'connection') =>
    sized.pipes.filter((p) => p.kind === kind).reduce((s, p) => s + p.length_m, 0);
  const trunkLength_m = length('trunk');
  const connectionLength_m = length('connection');
  const delivered = heat_MWh_a;
  const summary: NetworkSummary = {
    buildings: served.size,
    trunkLength_m,
    connectionLength_m,
    investment_EUR: sized.pipes.reduce((s, p) => s + p.cost_EUR, 0),
    heatDelivered_MWh_a: delivered,
    heatLoss_MWh_a: op.heatLoss_MWh_a,
    heatLossShare:
      delivered + op.heatLoss_MWh_a > 0 ? op.heatLoss_MWh_a / (delivered + op.heatLoss_MWh_a) : 0,
    pumpElectricity_MWh_a: op.pumpElectricity_MWh_a,
    // The larger of the design load plus losses and the highest hour of the demand shape.
    plantPeak_kW: Math.max(designPeak_kW + maxLoss_kW, op.plantPeak_kW),
    linearHeatDensity_MWh_m_a:
      trunkLength_m + connectionLength_m > 0 ? delivered / (trunkLength_m + connectionLength_m) : 0,
  };
  return {
    epsg: input.epsg,
    pipes: sized.pipes,
    summary,
    lossesHourly_kW: op.lossesHourly_kW,
    pumpHourly_kW: op.pumpHourly_kW,
    plantHourly_kW: op.plantHourly_kW,
    served: [...served],
    excluded: input.buildings.filter((b) => !served.has(b.id)).map((b) => b.id),
    issues,
    seconds: (performance.now() - t0) / 1000,
  };
}
