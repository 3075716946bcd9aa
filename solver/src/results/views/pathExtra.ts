import type { PathCapacity } from '../path';
import type { Results } from '../results';

/**
 * Further figures of a transformation path for the planner's path view, beside those of ./path.ts
 * (which they do not change): whether each period keeps its CO2 cap, and the Gantt rows of the
 * plant (in service, built, retired per period).
 */

/** Whether each period's emissions keep its CO2 cap (true where there is none). */
export function pathCapMet(r: Results): boolean[] {
  return (r.periods ?? []).map(
    (p) => p.co2Cap_t === undefined || p.emissions_tCO2 <= p.co2Cap_t * (1 + 1e-9) + 1e-6,
  );
}

/** One plant dimension over the periods: in service, capacity built and retired in each. */
export interface PathGanttRow {
  key: string;
  techId: string;
  dimension: 'value' | 'power';
  unit: PathCapacity['unit'];
  cells: { total: number; built: number; retired: number }[];
}

const EPS = 1e-6;
const clean = (v: number) => (Math.abs(v) < EPS ? 0 : v);

/**
 * The Gantt rows of a path: every technology dimension that is in service, built or retired in some
 * period, in the order of first appearance; figures below 1e-6 read as 0.
 */
export function pathGantt(r: Results): { years: number[]; rows: PathGanttRow[] } {
  const periods = r.periods ?? [];
  const keys = [...new Set(periods.flatMap((p) => Object.keys(p.capacities)))];
  const rows = keys
    .map((key): PathGanttRow => {
      const power = key.endsWith('.power');
      const first = periods.find((p) => p.capacities[key])!.capacities[key];
      return {
        key,
        techId: power ? key.slice(0, -'.power'.length) : key,
        dimension: power ? 'power' : 'value',
        unit: power ? 'kW' : first.unit,
        cells: periods.map((p) => {
          const c = p.capacities[key];
          return {
            total: clean(c?.total ?? 0),
            built: clean(c?.built ?? 0),
            retired: clean(c?.retired ?? 0),
          };
        }),
      };
    })
    .filter((row) => row.cells.some((c) => c.total > 0 || c.built > 0 || c.retired > 0));
  return { years: periods.map((p) => p.year), rows };
}

/** Investment and investment grants summed over the path (undiscounted, EUR; grants negative). */
export function pathTotals(r: Results): { investment_EUR: number; investmentGrant_EUR: number } {
  let investment_EUR = 0;
  let investmentGrant_EUR = 0;
  for (const p of r.periods ?? []) {
    investment_EUR += p.cost_EUR.investment_EUR;
    investmentGrant_EUR += p.cost_EUR.investmentGrant_EUR;
  }
  return { investment_EUR, investmentGrant_EUR };
}
