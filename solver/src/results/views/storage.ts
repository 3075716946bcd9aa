import type { Dispatch } from '../results';
import { parseColumn } from './columns';

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
 * Net storage discharge per row: discharge minus charge where positive. A storage that charges and
 * discharges in the same hour (an LP can do that when heat has nowhere else to go) delivers only the
 * difference, so charts and the choice of weeks use this net value (the same as netStorageSeries).
 */
export function netDischarge(d: Dispatch, techId: string): Float64Array | null {
  const dis = d.series[`${techId}.discharge_kW`];
  if (!dis) return null;
  const ch = d.series[`${techId}.charge_kW`];
  return dis.map((v, k) => Math.max(0, v - (ch ? ch[k] : 0)));
}

/** Net charging of a storage per dispatch row (charge minus discharge where positive). */
export function netCharge(d: Dispatch, techId: string): Float64Array | null {
  const ch = d.series[`${techId}.charge_kW`];
  if (!ch) return null;
  const dis = d.series[`${techId}.discharge_kW`];
  return ch.map((v, k) => Math.max(0, v - (dis ? dis[k] : 0)));
}

/** Annual net charge and discharge (MWh) per storage from the dispatch, weighted by the steps' hours. */
export function netStorageAnnual(d: Dispatch): Record<string, { charge: number; discharge: number }> {
  const out: Record<string, { charge: number; discharge: number }> = {};
  for (const [name, values] of Object.entries(netStorageSeries(d))) {
    const col = parseColumn(name);
    if (col?.flow !== 'charge' && col?.flow !== 'discharge') continue;
    let e = 0;
    for (let k = 0; k < values.length; k++) e += d.weight[k] * values[k];
    (out[col.techId] ??= { charge: 0, discharge: 0 })[col.flow] = e / 1000;
  }
  return out;
}
