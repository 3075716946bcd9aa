import type { ModelContext } from './context';

/**
 * Costs of the fuel a column burns, `fuelPerUnit` kWh of fuel per unit of the column at step t:
 *   fuel cost = w[t]·fuelPerUnit·price[t],  CO2 cost = w[t]·fuelPerUnit·co2·CO2 price,
 *   emission = w[t]·fuelPerUnit·co2 (kg), split into the fuel and CO2 categories of the breakdown.
 */
export function addFuelCosts(
  ctx: ModelContext,
  techId: string,
  fuelId: string,
  col: number,
  step: number,
  fuelPerUnit: number,
): void {
  const fuel = ctx.project.fuels[fuelId];
  const w = ctx.grid.weight[step];
  ctx.cost('fuel', techId, col, w * fuelPerUnit * ctx.price(fuel.price_EUR_kWh)(step));
  ctx.cost('co2', techId, col, w * fuelPerUnit * fuel.co2_kg_kWh * ctx.co2Price_EUR_kg());
  ctx.emission(col, w * fuelPerUnit * fuel.co2_kg_kWh);
}
