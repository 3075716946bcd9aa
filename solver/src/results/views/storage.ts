import type { Dispatch } from '../results';
import { parseColumn } from './columns';

/**
 * A storage's charge and discharge netted per step: discharge − charge when positive, else charge −
 * discharge (a missing column counts as zero). The one netting rule of every chart, table and report.
 */
function netFlows(
  ch: Float64Array | undefined,
  dis: Float64Array | undefined,
): { charge: Float64Array; discharge: Float64Array } {
  const n = (ch ?? dis)?.length ?? 0;
  const charge = new Float64Array(n);
  const discharge = new Float64Array(n);
  for (let k = 0; k < n; k++) {
    const net = (dis ? dis[k] : 0) - (ch ? ch[k] : 0);
    if (net > 0) discharge[k] = net;
    else if (net < 0) charge[k] = -net;
  }
  return { charge, discharge };
}

/**
 * Every storage's charge and discharge columns netted per step (netFlows). Simultaneous charging and
 * discharging (a finding of its own) would otherwise fill the chart with flows that cancel out; the
 * balance per step is unchanged.
 */
export function netStorageSeries(d: Dispatch): Record<string, Float64Array> {
  const out: Record<string, Float64Array> = { ...d.series };
  for (const name of Object.keys(d.series)) {
    const col = parseColumn(name);
    if (col?.flow !== 'charge') continue;
    const dis = d.series[`${col.techId}.discharge_kW`];
    if (!dis) continue;
    const net = netFlows(d.series[name], dis);
    out[name] = net.charge;
    out[`${col.techId}.discharge_kW`] = net.discharge;
  }
  return out;
}

/**
 * Net storage discharge per row: discharge minus charge where positive. A storage that charges and
 * discharges in the same hour (an LP can do that when heat has nowhere else to go) delivers only the
 * difference, so charts and the choice of weeks use this net value.
 */
export function netDischarge(d: Dispatch, techId: string): Float64Array | null {
  const dis = d.series[`${techId}.discharge_kW`];
  return dis ? netFlows(d.series[`${techId}.charge_kW`], dis).discharge : null;
}

/** Net charging of a storage per dispatch row (charge minus discharge where positive). */
export function netCharge(d: Dispatch, techId: string): Float64Array | null {
  const ch = d.series[`${techId}.charge_kW`];
  return ch ? netFlows(ch, d.series[`${techId}.discharge_kW`]).charge : null;
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
