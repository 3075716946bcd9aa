import type { Results } from '../results';

/**
 * Figures of a transformation path that the report (Transformationsplan) needs beyond the views of
 * path.ts: the statutory minimum share of the Wärmeplanungsgesetz, the emissions over each period
 * and the totals of the cost table. Computed from `Results.periods` only; empty or zero when the
 * results are not a path.
 */

/**
 * The minimum share of heat from renewable energy or unavoidable waste heat that the
 * Wärmeplanungsgesetz requires of a heat network in `year` (§ 29: 30 % from 2030, 80 % from 2040;
 * § 31: 100 % from 2045); null before 2030. A reference for the reader: the path's own targets are
 * the project's (`PeriodResult.renewableHeatTarget`).
 */
export function wpgMinimumShare(year: number): number | null {
  if (year >= 2045) return 1;
  if (year >= 2040) return 0.8;
  if (year >= 2030) return 0.3;
  return null;
}

/** Per period: whether its renewable heat share reaches the WPG minimum (null where none applies). */
export function pathWpgCheck(r: Results): { year: number; minimum: number | null; met: boolean | null }[] {
  return (r.periods ?? []).map((p) => {
    const minimum = wpgMinimumShare(p.year);
    return { year: p.year, minimum, met: minimum === null ? null : p.renewableHeatShare >= minimum - 1e-6 };
  });
}

/** CO2 emitted over each period (annual emissions × the years it stands for), t, and their sum. */
export function pathPeriodEmissions(r: Results): { perPeriod_t: number[]; total_t: number } {
  const perPeriod_t = (r.periods ?? []).map((p) => p.emissions_tCO2 * p.years);
  return { perPeriod_t, total_t: perPeriod_t.reduce((a, b) => a + b, 0) };
}

/** Sums over the periods of the one-off figures of the cost table: investment, grants, present value. */
export function pathCostTotals(r: Results): {
  investment_EUR: number;
  investmentGrant_EUR: number;
  presentValue_EUR: number;
} {
  const out = { investment_EUR: 0, investmentGrant_EUR: 0, presentValue_EUR: 0 };
  for (const p of r.periods ?? []) {
    out.investment_EUR += p.cost_EUR.investment_EUR;
    out.investmentGrant_EUR += p.cost_EUR.investmentGrant_EUR;
    out.presentValue_EUR += p.cost_EUR.presentValue_EUR;
  }
  return out;
}
