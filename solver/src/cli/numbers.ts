/**
 * A number as the CLI prints it: `toFixed(digits)`, but never "-0" or "-0.0" (a solver's −1e-9 t
 * of CO2 is 0 t); the planner's formatNumber and the reports' fmt do the same.
 */
export function fixed(v: number, digits: number): string {
  const s = v.toFixed(digits);
  return Number(s) === 0 ? (0).toFixed(digits) : s;
}
