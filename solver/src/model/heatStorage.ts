import type { HeatStorage } from '../project/types';
import type { ModelContext } from './context';
import { addStorage } from './storage';

/**
 * Hot-water storage: capacity in kWh; charge and discharge each limited to cRate · capacity;
 * variable O&M per kWh discharged.
 */
export function addHeatStorage(ctx: ModelContext, t: HeatStorage): void {
  const E = ctx.capacity(t, 'kWh');
  addStorage(ctx, {
    techId: t.id,
    carrier: 'heat',
    energyCap: E,
    powerCap: E,
    powerFactor: t.cRate_per_h,
    effCharge: t.efficiencyCharge,
    effDischarge: t.efficiencyDischarge,
    loss_per_h: t.loss_per_h,
    varOm_EUR_kWh: t.varOm_EUR_kWh,
  });
}
