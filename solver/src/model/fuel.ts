import type { ModelContext } from './context';

/** Splits a fuel cost into the fuel and CO2 categories for the cost breakdown. */
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
