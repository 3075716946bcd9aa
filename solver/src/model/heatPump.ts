import type { HeatPump } from '../project/types';
import type { ModelContext } from './context';
import { capacityLimit } from './boilers';

/**
 * Coefficient of performance per hour: COP = η · T_supply,K / (T_supply − (T_source − ΔT)), clipped to
 * [copMin, copMax]. ΔT is the temperature drop across the evaporator.
 */
export function copSeries(t: HeatPump, sourceTemp_C: Float64Array | number, hours: number): Float64Array {
  const cop = new Float64Array(hours);
  for (let h = 0; h < hours; h++) {
    const src = typeof sourceTemp_C === 'number' ? sourceTemp_C : sourceTemp_C[h];
    const lift = t.supplyTemp_C - (src - t.sourceDelta_K);
    const raw = lift <= 0 ? t.copMax : (t.carnotEfficiency * (273.15 + t.supplyTemp_C)) / lift;
    cop[h] = Math.min(t.copMax, Math.max(t.copMin, raw));
  }
  return cop;
}

/** Heat pump (capacity thermal): electricity = heat / COP[t], taken straight into the balance. */
export function addHeatPump(ctx: ModelContext, t: HeatPump): Float64Array {
  const cap = ctx.capacity(t, 'kW');
  const q = ctx.dispatch('heat', t.id);
  capacityLimit(ctx, t.id, q, cap);
  const source = t.heatSource === 'air' ? ctx.series(ctx.project.site.ambientTemperature!) : t.groundTemp_C!;
  const cop = copSeries(t, source, ctx.grid.yearHours);
  const elCoef = new Float64Array(ctx.T);
  const gridRen = ctx.project.grid.import?.renewableShare ?? 0;
  for (let s = 0; s < ctx.T; s++) {
    const c = ctx.at(cop, s);
    elCoef[s] = -1 / c;
    const w = ctx.grid.weight[s];
    ctx.cost('variableOm', t.id, q[s], w * (t.varOm_EUR_kWh ?? 0));
    // Ambient heat counts as renewable (EU RED), the electric part by the grid's renewable share.
    ctx.renewableHeat.push({ col: q[s], coef: w * (1 - 1 / c + gridRen / c) });
  }
  ctx.flow(t.id, 'heat', 'heat_out', q, new Float64Array(ctx.T).fill(1), true);
  ctx.flow(t.id, 'electricity', 'el_in', q, elCoef, true);
  return cop;
}
