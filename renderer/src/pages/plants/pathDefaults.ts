import type { Periods } from '../../../../solver/src';

/**
 * Stand-in for the solver's `defaultPeriods()` (solver/src/project/pathDefaults.ts, written by the
 * lead of issue 16) until that lands on branch `path`: then this file only re-exports it. Only the
 * figures that are law are given here (WPG targets, BEHG price 2025); everything else is left to
 * the user, and the path table shows "Annahme" for any figure without a source.
 */
export function defaultPeriods(): Periods {
  return {
    years: [2025, 2030, 2035, 2040, 2045],
    lastPeriodYears: 5,
    prices: { co2Price_EUR_t: { '2025': 55 } },
    targets: { minRenewableHeatShare: { '2030': 0.3, '2040': 0.8, '2045': 1 } },
  };
}

/** Source of the default figures of a path (row key of pathRows.ts → text); absent: an assumption. */
export const PATH_SOURCES: Partial<Record<string, string>> = {
  co2Price: 'BEHG § 10 Abs. 2 (2025: 55 EUR/t)',
  minRenewableHeat: 'WPG § 29 Abs. 1, § 31 (2024)',
};
