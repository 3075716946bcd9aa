import type { HeatDump } from '../project/types';
import type { ModelContext } from './context';

/**
 * Heat dump (cooler), only where the user adds one: surplus heat may be discarded,
 * heat balance … − dump[t] = demand[t], 0 ≤ dump[t] ≤ max, at w[t]·varOm per kW.
 */
export function addHeatDump(ctx: ModelContext, t: HeatDump): void {
  const dump = ctx.dispatch('dump', t.id, () => t.max ?? Infinity);
  for (let s = 0; s < ctx.T; s++)
    ctx.cost('variableOm', t.id, dump[s], ctx.grid.weight[s] * (t.varOm_EUR_kWh ?? 0));
  ctx.flow(t.id, 'heat', 'dump', dump, new Float64Array(ctx.T).fill(-1), true);
}
