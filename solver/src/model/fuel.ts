import type { ModelContext } from './context';

/** Fuel supply: price per kWh of fuel at a step, including the CO2 price, and its CO2 factor. */
export function fuelCost(
  ctx: ModelContext,
  fuelId: string,
): { costPerKWhFuel: (step: number) => number; co2_kg_kWh: number; renewable: boolean } {
  const fuel = ctx.project.fuels[fuelId];
  if (!fuel) throw new Error(`fuel '${fuelId}' is not defined`);
  const price = ctx.price(fuel.price_EUR_kWh);
  const co2 = fuel.co2_kg_kWh * ctx.co2Price_EUR_kg();
  return { costPerKWhFuel: (s) => price(s) + co2, co2_kg_kWh: fuel.co2_kg_kWh, renewable: fuel.renewable };
}

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
