import { term } from '../lp/expr';
import type { ModelContext } from './context';

export const GRID_ID = 'grid';

/**
 * Grid import (energy price series + CO2, Leistungspreis on the annual peak, connection limit) and
 * export (feed-in price, export limit). Returns the import columns and the peak column.
 */
export function addGrid(ctx: ModelContext): { imp?: Int32Array; exp?: Int32Array; peak?: number } {
  const g = ctx.project.grid;
  const out: { imp?: Int32Array; exp?: Int32Array; peak?: number } = {};
  if (g.import) {
    const imp = ctx.dispatch('import', GRID_ID, () => g.import!.connectionLimit_kW ?? Infinity);
    const price = ctx.price(g.import.price_EUR_kWh);
    const co2 = g.import.co2_kg_kWh;
    for (let s = 0; s < ctx.T; s++) {
      const w = ctx.grid.weight[s];
      ctx.cost('gridEnergy', GRID_ID, imp[s], w * price(s));
      ctx.cost('co2', GRID_ID, imp[s], w * co2 * ctx.co2Price_EUR_kg());
      ctx.emission(imp[s], w * co2);
    }
    if ((g.import.peakCharge_EUR_kW_a ?? 0) > 0) {
      const peak = ctx.b.addCol('import_peak_grid', 0, g.import.connectionLimit_kW ?? Infinity);
      ctx.cost('gridPeak', GRID_ID, peak, g.import.peakCharge_EUR_kW_a!);
      // import[t] ≤ peak
      for (let s = 0; s < ctx.T; s++)
        ctx.b.addConstraint(`peak_grid[${ctx.label(s)}]`, term(imp[s]), '<=', term(peak));
      out.peak = peak;
    }
    ctx.flow(GRID_ID, 'electricity', 'import', imp, new Float64Array(ctx.T).fill(1), true);
    out.imp = imp;
  }
  if (g.export) {
    const exp = ctx.dispatch('export', GRID_ID, () => g.export!.limit_kW ?? Infinity);
    const price = ctx.price(g.export.price_EUR_kWh);
    for (let s = 0; s < ctx.T; s++)
      ctx.cost('exportRevenue', GRID_ID, exp[s], -ctx.grid.weight[s] * price(s));
    ctx.flow(GRID_ID, 'electricity', 'export', exp, new Float64Array(ctx.T).fill(-1), true);
    out.exp = exp;
  }
  return out;
}
