import type { NetworkResult } from '../results/results';
import type { NetworkDesign } from './types';

const r1 = (v: number) => Math.round(v * 10) / 10;

/**
 * A designed network as results.json carries it: the summary, lengths and costs per DN, monthly
 * losses and the pipes for a map. `monthOfHour` gives the month (0–11) of each hour of the site
 * year; without it, months are cut from a non-leap year of 8,760 hours starting 1 January 00:00.
 */
export function networkResult(design: NetworkDesign, monthOfHour?: (h: number) => number): NetworkResult {
  const byDn = new Map<number, NetworkResult['byDn'][number]>();
  for (const p of design.pipes) {
    const row = byDn.get(p.dn) ?? { dn: p.dn, trunkLength_m: 0, connectionLength_m: 0, cost_EUR: 0 };
    if (p.kind === 'trunk') row.trunkLength_m += p.length_m;
    else row.connectionLength_m += p.length_m;
    row.cost_EUR += p.cost_EUR;
    byDn.set(p.dn, row);
  }
  const days = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
  const ends = days.map((_, m) => days.slice(0, m + 1).reduce((a, b) => a + b, 0) * 24);
  const month =
    monthOfHour ??
    ((h: number) =>
      Math.min(
        11,
        ends.findIndex((e) => h < e),
      ));
  const lossesMonthly_MWh = new Array<number>(12).fill(0);
  design.lossesHourly_kW.forEach((kW, h) => (lossesMonthly_MWh[month(h)] += kW / 1000));
  return {
    summary: design.summary,
    byDn: [...byDn.values()].sort((a, b) => a.dn - b.dn),
    lossesMonthly_MWh,
    epsg: design.epsg,
    pipes: design.pipes.map((p) => ({
      id: p.id,
      kind: p.kind,
      dn: p.dn,
      length_m: p.length_m,
      points_m: p.points.map((q): [number, number] => [r1(q.x_m), r1(q.y_m)]),
    })),
  };
}
