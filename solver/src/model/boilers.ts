import { term } from '../lp/expr';
import type { Boiler, ElectricBoiler } from '../project/types';
import type { ModelContext } from './context';
import { addFuelCosts } from './fuel';

/** Output limited by capacity, one row per step with a column: q[t] ≤ cap. */
export function capacityLimit(ctx: ModelContext, techId: string, q: Int32Array, cap: number): void {
  for (let s = 0; s < ctx.T; s++)
    if (q[s] >= 0) ctx.b.addConstraint(`cap_${techId}[${ctx.label(s)}]`, term(q[s]), '<=', term(cap));
}

/**
 * Gas or biomass boiler: q[t] ≤ cap, fuel[t] = q[t]/η with its cost and CO2 on q (see fuel.ts),
 * q[t] into the heat balance; all of q is renewable heat when the fuel is.
 */
export function addBoiler(ctx: ModelContext, t: Boiler): void {
  const cap = ctx.capacity(t, 'kW');
  const q = ctx.dispatch('heat', t.id);
  capacityLimit(ctx, t.id, q, cap);
  const renewable = ctx.project.fuels[t.fuel].renewable;
  for (let s = 0; s < ctx.T; s++) {
    addFuelCosts(ctx, t.id, t.fuel, q[s], s, 1 / t.efficiency);
    ctx.cost('variableOm', t.id, q[s], ctx.grid.weight[s] * (t.varOm_EUR_kWh ?? 0));
    if (renewable) ctx.renewableHeat.push({ col: q[s], coef: ctx.grid.weight[s] });
  }
  ctx.flow(t.id, 'heat', 'heat_out', q, new Float64Array(ctx.T).fill(1), true);
}

/** Electric boiler: q[t] ≤ cap, q[t] into the heat balance and q[t]/η out of the electricity balance. */
export function addElectricBoiler(ctx: ModelContext, t: ElectricBoiler): void {
  const cap = ctx.capacity(t, 'kW');
  const q = ctx.dispatch('heat', t.id);
  capacityLimit(ctx, t.id, q, cap);
  const gridRen = ctx.project.grid.import?.renewableShare ?? 0;
  for (let s = 0; s < ctx.T; s++) {
    ctx.cost('variableOm', t.id, q[s], ctx.grid.weight[s] * (t.varOm_EUR_kWh ?? 0));
    if (gridRen > 0) ctx.renewableHeat.push({ col: q[s], coef: ctx.grid.weight[s] * gridRen });
  }
  ctx.flow(t.id, 'heat', 'heat_out', q, new Float64Array(ctx.T).fill(1), true);
  ctx.flow(t.id, 'electricity', 'el_in', q, new Float64Array(ctx.T).fill(-1 / t.efficiency), true);
}
