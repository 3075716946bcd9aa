import type { Dispatch } from '../results';
import { carrierOf, flowSign, parseColumn, type Carrier, type TechInfos } from './columns';
import { netStorageSeries } from './storage';

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
  const cells = new Array<[number, number, number]>(values.length);
  let min = Infinity;
  let max = -Infinity;
  let days = 0;
  for (let k = 0; k < values.length; k++) {
    const h = d.hours[k];
    // 24-hour blocks of the axis: days of the site's local standard time (ARCHITECTURE.md, Time axis)
    const day = Math.floor(h / 24);
    cells[k] = [h % 24, day, values[k]];
    min = Math.min(min, values[k]);
    max = Math.max(max, values[k]);
    days = Math.max(days, day + 1);
  }
  return { days, cells, min: Number.isFinite(min) ? min : 0, max: Number.isFinite(max) ? max : 0 };
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
