import { term } from '../lp/expr';
import type { Pv, SolarThermal } from '../project/types';
import type { Carrier, ModelContext } from './context';

/**
 * Yield-driven producers (PV per kWp, solar thermal per m²). Curtailable: output[t] ≤ yield[t]·cap,
 * with no column at all in hours without yield. Not curtailable: output = yield[t]·cap enters the
 * balance directly through the capacity column, with no dispatch column.
 */
function addYieldProducer(
  ctx: ModelContext,
  t: Pv | SolarThermal,
  carrier: Carrier,
  unit: 'kWp' | 'm2',
): void {
  const cap = ctx.capacity(t, unit);
  const y = ctx.series(t.yieldSeries);
  const name = carrier === 'heat' ? 'heat_out' : 'el_out';
  if (t.curtailable) {
    const out = ctx.dispatch(carrier === 'heat' ? 'heat' : 'el', t.id, (s) =>
      ctx.at(y, s) > 0 ? Infinity : 0,
    );
    for (let s = 0; s < ctx.T; s++) {
      if (out[s] < 0) continue;
      // output[t] ≤ yield[t]·cap
      ctx.b.addConstraint(`yield_${t.id}[${ctx.label(s)}]`, term(out[s]), '<=', term(cap, ctx.at(y, s)));
      ctx.cost('variableOm', t.id, out[s], ctx.grid.weight[s] * (t.varOm_EUR_kWh ?? 0));
      if (carrier === 'heat') ctx.renewableHeat.push({ col: out[s], coef: ctx.grid.weight[s] });
    }
    ctx.flow(t.id, carrier, name, out, new Float64Array(ctx.T).fill(1), true);
  } else {
    const cols = new Int32Array(ctx.T).fill(cap);
    const coefs = new Float64Array(ctx.T);
    let annual = 0;
    for (let s = 0; s < ctx.T; s++) {
      coefs[s] = ctx.at(y, s);
      annual += ctx.grid.weight[s] * coefs[s];
    }
    ctx.cost('variableOm', t.id, cap, annual * (t.varOm_EUR_kWh ?? 0));
    if (carrier === 'heat') ctx.renewableHeat.push({ col: cap, coef: annual });
    ctx.flow(t.id, carrier, name, cols, coefs, true);
  }
}

export const addPv = (ctx: ModelContext, t: Pv) => addYieldProducer(ctx, t, 'electricity', 'kWp');
export const addSolarThermal = (ctx: ModelContext, t: SolarThermal) => addYieldProducer(ctx, t, 'heat', 'm2');
