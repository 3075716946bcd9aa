import { constant, term } from '../lp/expr';
import type { Chp } from '../project/types';
import type { ModelContext } from './context';
import { capacityLimit } from './boilers';
import { addFuelCosts } from './fuel';

/**
 * CHP with fixed power-to-heat ratio; capacity is electric. Heat = el · ηth/ηel, fuel = el/ηel.
 * With `milp`, a minimum part load applies through an on/off binary per step (big-M on the maximum
 * capacity): minLoad·cap − minLoad·M·(1 − on) ≤ el ≤ M·on.
 */
export function addChp(ctx: ModelContext, t: Chp, milp: boolean): void {
  const cap = ctx.capacity(t, 'kW');
  const el = ctx.dispatch('el', t.id);
  capacityLimit(ctx, t.id, el, cap);
  const renewable = ctx.project.fuels[t.fuel].renewable;
  const heatPerEl = t.efficiencyTh / t.efficiencyEl;
  for (let s = 0; s < ctx.T; s++) {
    const w = ctx.grid.weight[s];
    addFuelCosts(ctx, t.id, t.fuel, el[s], s, 1 / t.efficiencyEl);
    ctx.cost('variableOm', t.id, el[s], w * (t.varOm_EUR_kWh ?? 0));
    ctx.cost('bonus', t.id, el[s], -w * (t.bonus_EUR_kWhEl ?? 0));
    if (renewable) ctx.renewableHeat.push({ col: el[s], coef: w * heatPerEl });
  }
  if (milp && (t.minLoad_share ?? 0) > 0) {
    const M = t.max;
    if (M === undefined || !Number.isFinite(M))
      throw new Error(`CHP '${t.id}': a minimum part load needs a finite max capacity`);
    const m = t.minLoad_share!;
    for (let s = 0; s < ctx.T; s++) {
      const at = `${t.id}[${ctx.label(s)}]`;
      const on = ctx.b.addCol(`on_${at}`, 0, 1, 0, true);
      const off = constant(1).minus(on); // 1 − on
      // el ≤ M·on
      ctx.b.addConstraint(`on_max_${at}`, term(el[s]), '<=', term(on, M));
      // el ≥ minLoad·cap − minLoad·M·(1 − on)
      ctx.b.addConstraint(`min_load_${at}`, term(el[s]), '>=', term(cap, m).add(off, -m * M));
    }
  }
  ctx.flow(t.id, 'electricity', 'el_out', el, new Float64Array(ctx.T).fill(1), true);
  ctx.flow(t.id, 'heat', 'heat_out', el, new Float64Array(ctx.T).fill(heatPerEl), true);
}
