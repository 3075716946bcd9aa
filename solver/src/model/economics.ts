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

/** Annual cost per unit of capacity: annuity of the subsidised investment plus fixed O&M on the full investment. */
export function annualCapacityCost_EUR(
  capex_EUR_per_unit: number,
  lifetime_a: number,
  interestRate: number,
  fixedOm_share: number,
  subsidy_share = 0,
): { annuity: number; fixedOm: number; subsidy: number } {
  const a = annuityFactor(interestRate, lifetime_a);
  return {
    annuity: capex_EUR_per_unit * a,
    subsidy: -capex_EUR_per_unit * a * subsidy_share,
    fixedOm: capex_EUR_per_unit * fixedOm_share,
  };
}
