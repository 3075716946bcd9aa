import type { Battery } from '../project/types';
import type { ModelContext } from './context';
import { addStorage } from './storage';

/**
 * Battery: energy (kWh) and power (kW, one rating for charge and discharge) sized separately;
 * variable O&M per kWh discharged.
 */
export function addBattery(ctx: ModelContext, t: Battery): void {
  const E = ctx.capacity(t, 'kWh');
  const P = ctx.capacity(t, 'kW', {
    capex: t.capexPower_EUR_kW,
    min: t.minPower_kW,
    max: t.maxPower_kW,
    name: 'cap_power',
  });
  ctx.capacities.splice(-2, 2, { techId: t.id, unit: 'kWh', col: E, powerCol: P });
  addStorage(ctx, {
    techId: t.id,
    carrier: 'electricity',
    energyCap: E,
    powerCap: P,
    powerFactor: 1,
    effCharge: t.efficiencyCharge,
    effDischarge: t.efficiencyDischarge,
    loss_per_h: t.selfDischarge_per_h,
    varOm_EUR_kWh: t.varOm_EUR_kWh,
  });
}
