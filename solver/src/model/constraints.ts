import { LinExpr, weightedSum } from '../lp/expr';
import type { ModelContext } from './context';

export type Objective = 'cost' | 'co2';

/**
 * Project-wide constraints: CO2 cap (and the epsilon constraint of the Pareto front), minimum
 * renewable share of heat, maximum annual grid import; and the objective switch to minimum CO2.
 */
export function addConstraints(
  ctx: ModelContext,
  heatDemand: Float64Array,
  opts: { objective?: Objective; co2Limit_t?: number },
): void {
  const c = ctx.project.constraints ?? {};
  const caps = [c.co2Cap_t, opts.co2Limit_t].filter((v): v is number => v !== undefined);
  if (caps.length && ctx.emissions.length) {
    // Σ kg CO2 ≤ min(cap, epsilon limit)
    const co2_kg = weightedSum(
      ctx.emissions.map((e) => e.col),
      ctx.emissions.map((e) => e.kg),
    );
    ctx.b.addConstraint('co2_cap', co2_kg, '<=', Math.min(...caps) * 1000);
  }
  if (c.minRenewableHeatShare !== undefined && c.minRenewableHeatShare > 0) {
    // Share of the heat fed in (WPG § 29), not of the demand, so heat burnt in storage losses or a
    // dump cannot make room for fossil heat:  Σ renewable heat ≥ share · Σ_t w[t]·heat_out[t]
    const row = weightedSum(
      ctx.renewableHeat.map((r) => r.col),
      ctx.renewableHeat.map((r) => r.coef),
    );
    for (const f of ctx.flows)
      if (f.carrier === 'heat' && f.name === 'heat_out')
        for (let s = 0; s < ctx.T; s++)
          if (f.cols[s] >= 0) row.plus(f.cols[s], -c.minRenewableHeatShare * ctx.grid.weight[s] * f.coefs[s]);
    ctx.b.addConstraint('renewable_heat_share', row, '>=', 0);
  }
  if (c.maxGridImport_kWh !== undefined) {
    const imp = ctx.flows.find((f) => f.techId === 'grid' && f.name === 'import');
    if (imp) {
      // Σ_t w[t]·import[t] ≤ max
      const import_kWh = new LinExpr();
      for (let s = 0; s < ctx.T; s++) if (imp.cols[s] >= 0) import_kWh.plus(imp.cols[s], ctx.grid.weight[s]);
      ctx.b.addConstraint('max_grid_import', import_kWh, '<=', c.maxGridImport_kWh);
    }
  }
  if (opts.objective === 'co2') {
    // Minimum CO2: the cost terms stay recorded for the breakdown, but the objective becomes kg CO2.
    // A tiny cost weight (1e-6 per EUR) picks the cheapest among the minimum-CO2 solutions.
    const n = ctx.b.numCols;
    const weights = new Float64Array(n);
    for (const e of ctx.emissions) weights[e.col] += e.kg;
    for (const t of ctx.costs) weights[t.col] += 1e-6 * t.coef;
    for (let j = 0; j < n; j++) ctx.b.setCost(j, weights[j]);
    ctx.b.objectiveOffset *= 1e-6;
  }
}
