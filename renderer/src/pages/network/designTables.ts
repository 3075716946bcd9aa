import { siteYear, type DesignedPipe } from '../../../../solver/src';

export interface DnRow {
  dn: number;
  trunk_m: number;
  connection_m: number;
  cost_EUR: number;
}

/** Lengths (trunk and house connections) and costs per DN, smallest DN first. */
export function dnTable(pipes: readonly DesignedPipe[]): DnRow[] {
  const rows = new Map<number, DnRow>();
  for (const p of pipes) {
    const row = rows.get(p.dn) ?? { dn: p.dn, trunk_m: 0, connection_m: 0, cost_EUR: 0 };
    if (p.kind === 'trunk') row.trunk_m += p.length_m;
    else row.connection_m += p.length_m;
    row.cost_EUR += p.cost_EUR;
    rows.set(p.dn, row);
  }
  return [...rows.values()].sort((a, b) => a.dn - b.dn);
}

/**
 * Monthly sums in MWh of an hourly series in kW over the site year (month of each hour from the
 * site-year calendar); a series of another length is cut into twelve equal parts.
 */
export function monthlySums_MWh(hourly_kW: Float64Array, year: number, timeZone: string): number[] {
  const sums = new Array<number>(12).fill(0);
  let month: (h: number) => number;
  try {
    const sy = siteYear(year, timeZone);
    if (sy.hours !== hourly_kW.length) throw new Error('length');
    month = (h) => sy.month[sy.day[h]] - 1;
  } catch {
    month = (h) => Math.min(11, Math.floor((h * 12) / hourly_kW.length));
  }
  hourly_kW.forEach((v, h) => {
    if (Number.isFinite(v)) sums[month(h)] += v / 1000;
  });
  return sums;
}
