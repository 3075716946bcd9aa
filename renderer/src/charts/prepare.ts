import type { CostCategory } from '../../../solver/src/model/context';
import { fieldUnit } from '../../../solver/src/results/capacity';
import type { Dispatch, Results } from '../../../solver/src/results/results';

/**
 * Pure data preparation for the results charts: dispatch columns → stacked series per carrier,
 * load duration curves, day × hour heatmaps, the annual-energy Sankey and the scenario comparison.
 * No echarts or React here, so every figure can be checked against hand-computed cases.
 */

export type Carrier = 'heat' | 'electricity';

/** What the charts need to know about a technology (from the project document, when available). */
export interface TechInfo {
  type: string;
  fuel?: string;
  efficiency?: number;
  efficiencyEl?: number;
}
export type TechInfos = Record<string, TechInfo>;

/** A dispatch column split into technology, flow and unit: "chp.heat_out_kW" → chp / heat_out / kW. */
export interface Column {
  name: string;
  techId: string;
  flow: string;
  unit: 'kW' | 'kWh';
}

export function parseColumn(name: string): Column | null {
  const m = /^(.+)\.([a-z_]+?)_(kW|kWh)$/.exec(name);
  return m ? { name, techId: m[1], flow: m[2], unit: m[3] as 'kW' | 'kWh' } : null;
}

const SUPPLY_FLOWS = new Set(['heat_out', 'el_out', 'discharge', 'import']);
const USE_FLOWS = new Set(['el_in', 'charge', 'export', 'dump']);

/** +1 when the flow feeds its carrier's balance, −1 when it takes from it, 0 for levels (soc). */
export function flowSign(flow: string): 1 | -1 | 0 {
  if (SUPPLY_FLOWS.has(flow)) return 1;
  if (USE_FLOWS.has(flow)) return -1;
  return 0;
}

/**
 * The carrier of a flow column. Storage flows take the storage type from the project
 * (heatStorage → heat, battery → electricity); without it, ids naming heat ("tes", "heat",
 * "waerme", "puffer") count as heat storage.
 */
export function carrierOf(col: Column, techs: TechInfos = {}): Carrier | null {
  switch (col.flow) {
    case 'heat_out':
    case 'dump':
      return 'heat';
    case 'el_out':
    case 'el_in':
    case 'import':
    case 'export':
      return 'electricity';
    case 'charge':
    case 'discharge': {
      const type = techs[col.techId]?.type;
      if (type === 'heatStorage') return 'heat';
      if (type === 'battery') return 'electricity';
      return /tes|heat|w(ae|ä)rme|puffer|speicher_w/i.test(col.techId) ? 'heat' : 'electricity';
    }
    default:
      return null;
  }
}

export interface StackSeries {
  column: string;
  techId: string;
  flow: string;
  /** kW per step; uses are negative so they stack below zero. */
  values: Float64Array;
}

export interface CarrierStacks {
  carrier: Carrier;
  supply: StackSeries[];
  use: StackSeries[];
  /** Demand per step: the balance of all flows (supply − use), which equals the demand. */
  demand: Float64Array;
}

/**
 * A storage's charge and discharge netted per step: discharge − charge when positive, else charge −
 * discharge. Simultaneous charging and discharging (a finding of its own) would otherwise fill the
 * chart with flows that cancel out; the balance per step is unchanged.
 */
export function netStorageSeries(d: Dispatch): Record<string, Float64Array> {
  const out: Record<string, Float64Array> = { ...d.series };
  for (const name of Object.keys(d.series)) {
    const col = parseColumn(name);
    if (col?.flow !== 'charge') continue;
    const dis = d.series[`${col.techId}.discharge_kW`];
    if (!dis) continue;
    const ch = d.series[name];
    const netCh = new Float64Array(ch.length);
    const netDis = new Float64Array(ch.length);
    for (let k = 0; k < ch.length; k++) {
      const net = dis[k] - ch[k];
      if (net > 0) netDis[k] = net;
      else netCh[k] = -net;
    }
    out[name] = netCh;
    out[`${col.techId}.discharge_kW`] = netDis;
  }
  return out;
}

/**
 * Dispatch columns of one carrier as stacked series: supply above zero, use below, and the demand.
 * Storage flows are netted per step (netStorageSeries) unless `netStorage` is false.
 */
export function carrierStacks(
  d: Dispatch,
  carrier: Carrier,
  techs: TechInfos = {},
  netStorage = true,
): CarrierStacks {
  const n = d.hours.length;
  const supply: StackSeries[] = [];
  const use: StackSeries[] = [];
  const demand = new Float64Array(n);
  const series = netStorage ? netStorageSeries(d) : d.series;
  for (const [name, values] of Object.entries(series)) {
    const col = parseColumn(name);
    if (!col || col.unit !== 'kW' || carrierOf(col, techs) !== carrier) continue;
    const sign = flowSign(col.flow);
    if (sign === 0) continue;
    let any = false;
    for (let k = 0; k < n; k++) {
      demand[k] += sign * values[k];
      if (Math.abs(values[k]) > 1e-9) any = true;
    }
    if (!any) continue;
    const signed = sign === 1 ? values : values.map((v) => (v === 0 ? 0 : -v));
    (sign === 1 ? supply : use).push({ column: name, techId: col.techId, flow: col.flow, values: signed });
  }
  return { carrier, supply, use, demand };
}

/** Storage state-of-charge columns (kWh). */
export const socColumns = (d: Dispatch): string[] =>
  Object.keys(d.series).filter((n) => parseColumn(n)?.flow === 'soc');

export interface DurationCurve {
  /** Cumulative hours at the end of each sorted step. */
  hours: Float64Array;
  /** Values sorted from largest to smallest. */
  values: Float64Array;
}

/**
 * Load duration curve: the values sorted from largest to smallest against the cumulative weight
 * (hours) of the steps, so typical days count with their weight.
 */
export function durationCurve(values: ArrayLike<number>, weights: ArrayLike<number>): DurationCurve {
  if (values.length !== weights.length)
    throw new Error(`duration curve: ${values.length} values but ${weights.length} weights`);
  const order = Array.from({ length: values.length }, (_, k) => k).sort((a, b) => values[b] - values[a]);
  const hours = new Float64Array(order.length);
  const sorted = new Float64Array(order.length);
  let h = 0;
  order.forEach((k, i) => {
    h += weights[k];
    hours[i] = h;
    sorted[i] = values[k];
  });
  return { hours, values: sorted };
}

export interface Heatmap {
  days: number;
  /** [hour of day, day of year, value] per step. */
  cells: [number, number, number][];
  min: number;
  max: number;
}

/** Day × hour matrix of a series: one cell per step at (hour of day, day of year). */
export function heatmapCells(d: Dispatch, column: string): Heatmap {
  const values = d.series[column];
  if (!values) throw new Error(`heatmap: no dispatch column '${column}'`);
  const cells: [number, number, number][] = new Array(values.length);
  let min = Infinity;
  let max = -Infinity;
  let days = 0;
  for (let k = 0; k < values.length; k++) {
    const h = d.hours[k];
    const day = Math.floor(h / 24);
    cells[k] = [h % 24, day, values[k]];
    min = Math.min(min, values[k]);
    max = Math.max(max, values[k]);
    days = Math.max(days, day + 1);
  }
  return { days, cells, min: Number.isFinite(min) ? min : 0, max: Number.isFinite(max) ? max : 0 };
}

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
  const netAnnual: Record<string, { charge: number; discharge: number }> = {};
  if (dispatch) {
    const net = netStorageSeries(dispatch);
    for (const [name, values] of Object.entries(net)) {
      const col = parseColumn(name);
      if (col?.flow !== 'charge' && col?.flow !== 'discharge') continue;
      let e = 0;
      for (let k = 0; k < values.length; k++) e += dispatch.weight[k] * values[k];
      (netAnnual[col.techId] ??= { charge: 0, discharge: 0 })[col.flow] = e / 1000;
    }
  }
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

export const COST_CATEGORIES: readonly CostCategory[] = [
  'annuity',
  'subsidy',
  'fixedOm',
  'variableOm',
  'fuel',
  'gridEnergy',
  'gridPeak',
  'co2',
  'exportRevenue',
  'bonus',
];

export type CostCategoryKey = CostCategory;

/** Cost categories with a value in any of the results, in the documented order. */
export function usedCostCategories(results: Results[]): CostCategoryKey[] {
  return COST_CATEGORIES.filter((c) => results.some((r) => Math.abs(r.costs.byCategory_EUR[c] ?? 0) > 1e-6));
}

/** A common "nice" axis maximum (1, 2, 2.5, 5 × 10^n) over all values, for charts on the same axes. */
export function niceMax(values: Iterable<number>): number {
  let max = 0;
  for (const v of values) if (v > max) max = v;
  if (max <= 0) return 1;
  const p = 10 ** Math.floor(Math.log10(max));
  for (const m of [1, 2, 2.5, 5, 10]) if (m * p >= max) return m * p;
  return 10 * p;
}

/** Largest stacked supply of a carrier over all steps (the y maximum of its dispatch chart). */
export function stackedMax(stacks: CarrierStacks): number {
  const n = stacks.demand.length;
  let max = 0;
  for (let k = 0; k < n; k++) {
    let s = 0;
    for (const x of stacks.supply) s += x.values[k];
    max = Math.max(max, s, stacks.demand[k]);
  }
  return max;
}

export type RowKind = 'kpi' | 'capacity' | 'cost';
export interface CompareRow {
  kind: RowKind;
  /** i18n key (KPIs, cost categories) or technology id with unit (capacities). */
  key: string;
  unit: string;
  values: (number | null)[];
  /** Against the first scenario: absolute and relative difference (null when not comparable). */
  diffs: { abs: number | null; rel: number | null }[];
  /** Which direction is an improvement (costs, CO2: lower; renewable share: higher), if any. */
  better: 'lower' | 'higher' | null;
}

const KPI_ROWS: [string, string, (r: Results) => number | undefined, CompareRow['better']?][] = [
  ['totalCost', 'EUR/a', (r) => r.objective.totalAnnualCost_EUR, 'lower'],
  ['co2', 't/a', (r) => r.emissions_tCO2, 'lower'],
  ['lcoh', 'EUR/MWh', (r) => r.kpis.lcoh_EUR_MWh, 'lower'],
  ['lcoe', 'EUR/MWh', (r) => r.kpis.lcoe_EUR_MWh, 'lower'],
  ['renewableHeatShare', '%', (r) => r.kpis.renewableHeatShare * 100, 'higher'],
  ['heatDemand', 'MWh/a', (r) => r.kpis.heatDemand_MWh],
  ['electricityDemand', 'MWh/a', (r) => r.kpis.electricityDemand_MWh],
  ['gridImport', 'MWh/a', (r) => r.kpis.gridImport_MWh],
  ['gridExport', 'MWh/a', (r) => r.kpis.gridExport_MWh],
  ['peakGridImport', 'kW', (r) => r.kpis.peakGridImport_kW],
];

function diffsOf(values: (number | null)[]): CompareRow['diffs'] {
  const base = values[0];
  return values.map((v) => {
    if (v === null || base === null) return { abs: null, rel: null };
    const abs = v - base;
    return { abs, rel: Math.abs(base) > 1e-9 ? abs / Math.abs(base) : null };
  });
}

/**
 * One table over the scenarios: KPIs, capacities and costs, with differences to the first one.
 * Capacities carry their technology's unit (`techs` from the project: PV kWp, storage kWh).
 */
export function compareRows(results: Results[], techs: TechInfos = {}): CompareRow[] {
  const rows: CompareRow[] = [];
  const push = (
    kind: RowKind,
    key: string,
    unit: string,
    raw: (number | null)[],
    better: CompareRow['better'] = null,
  ) => {
    if (raw.every((v) => v === null)) return;
    // Solver round-off (−1e-12 kW) reads as 0, not "−0".
    const values = raw.map((v) => (v !== null && Math.abs(v) < 1e-9 ? 0 : v));
    rows.push({ kind, key, unit, values, diffs: diffsOf(values), better });
  };
  for (const [key, unit, get, better] of KPI_ROWS)
    push(
      'kpi',
      key,
      unit,
      results.map((r) => get(r) ?? null),
      better,
    );
  const capacityTechs = [...new Set(results.flatMap((r) => Object.keys(r.capacities)))];
  for (const tech of capacityTechs)
    for (const field of ['power_kW', 'energy_kWh', 'area_m2'] as const)
      push(
        'capacity',
        tech,
        fieldUnit(techs[tech]?.type, field),
        results.map((r) => r.capacities[tech]?.[field] ?? null),
      );
  for (const c of usedCostCategories(results))
    push(
      'cost',
      c,
      'EUR/a',
      results.map((r) => r.costs.byCategory_EUR[c] ?? 0),
      'lower',
    );
  return rows;
}

/** How a difference reads: better, worse, or a notable change without a direction; null when small. */
export function diffClass(
  row: CompareRow,
  d: CompareRow['diffs'][number],
): 'better' | 'worse' | 'changed' | null {
  if (!isNotable(d) || d.abs === null) return null;
  if (!row.better) return 'changed';
  return d.abs < 0 === (row.better === 'lower') ? 'better' : 'worse';
}

/** A difference worth highlighting: more than 1 % (or any change when the base is zero). */
export function isNotable(d: { abs: number | null; rel: number | null }): boolean {
  if (d.abs === null) return false;
  if (d.rel === null) return Math.abs(d.abs) > 1e-6;
  return Math.abs(d.rel) > 0.01;
}

/**
 * The week shown first in a full-year dispatch chart: 168 rows centred on the hour of the peak
 * heat demand (clamped to the year). Null for short dispatches (typical days), which show whole.
 */
export function peakWeek(demand: ArrayLike<number>): { start: number; end: number; peak: number } | null {
  const n = demand.length;
  if (n < 24 * 14) return null;
  let peak = 0;
  for (let k = 1; k < n; k++) if (demand[k] > demand[peak]) peak = k;
  const start = Math.min(Math.max(0, peak - 84), n - 168);
  return { start, end: start + 167, peak };
}
