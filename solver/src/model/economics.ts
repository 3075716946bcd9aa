import { EURPerUnit } from '../units';

/**
 * Annuity factor after VDI 2067: a = i·(1+i)^n / ((1+i)^n − 1); for i = 0 it is 1/n.
 * The annualised cost of an investment I over n years at interest i is a·I.
 */
export function annuityFactor(interestRate: number, lifetime_a: number): number {
  if (lifetime_a <= 0) throw new Error(`lifetime must be positive, got ${lifetime_a}`);
  if (interestRate === 0) return 1 / lifetime_a;
  const q = Math.pow(1 + interestRate, lifetime_a);
  return (interestRate * q) / (q - 1);
}

/**
 * Annual cost per unit of capacity (EUR per kW, kWh, kWp or m² and year): the annuity of the
 * investment, the subsidy taken off it (negative) and fixed O&M on the full investment.
 */
export function annualCapacityCost_EUR(
  capex_EUR_per_unit: number,
  lifetime_a: number,
  interestRate: number,
  fixedOm_share: number,
  subsidy_share = 0,
): { annuity: EURPerUnit; fixedOm: EURPerUnit; subsidy: EURPerUnit } {
  const a = annuityFactor(interestRate, lifetime_a);
  return {
    annuity: EURPerUnit(capex_EUR_per_unit * a),
    subsidy: EURPerUnit(-capex_EUR_per_unit * a * subsidy_share),
    fixedOm: EURPerUnit(capex_EUR_per_unit * fixedOm_share),
  };
}
