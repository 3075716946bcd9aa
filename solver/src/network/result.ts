import type { NetworkResult } from '../results/results';
import type { NetworkDesign } from './types';

const r1 = (v: number) => Math.round(v * 10) / 10;

/**
 * A designed network as results.json carries it: the summary, lengths and costs per DN, monthly
 * losses and the pipes for a map. Hour h of the site year `year` starts h hours after 1 January
 * 00:00 local standard time (ARCHITECTURE.md, time axis), so its month is that of the UTC date
 * Date.UTC(year, 0, 1) + h hours.
 */
export function networkResult(design: NetworkDesign, year: number): NetworkResult {
  const byDn = new Map<number, NetworkResult['byDn'][number]>();
  for (const p of design.pipes) {
    const row = byDn.get(p.dn) ?? { dn: p.dn, trunkLength_m: 0, connectionLength_m: 0, cost_EUR: 0 };
    if (p.kind === 'trunk') row.trunkLength_m += p.length_m;
    else row.connectionLength_m += p.length_m;
    row.cost_EUR += p.cost_EUR;
    byDn.set(p.dn, row);
  }
  const start = Date.UTC(year, 0, 1);
  const month = (h: number) => new Date(start + h * 3_600_000).getUTCMonth();
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
