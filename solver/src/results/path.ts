import type { Results } from './results';

/**
 * The results of a transformation path (project `periods`, docs/formats/results.md): one entry per
 * period in `Results.periods`, the net present cost in `Results.objective.netPresentCost_EUR` and the
 * investments and retirements in `Results.path`. The top-level figures of such a `Results` are those
 * of the first period (the current state); each period's own single-year results (the annuity view)
 * are in `periods[i].results`.
 */

/** One capacity dimension of a technology in a period, in the technology's capacity unit. */
export interface PathCapacity {
  /** kW (kW el for CHP), kWh (storage), kWp (PV), m2 (solar thermal); battery power is `<id>.power` in kW. */
  unit: 'kW' | 'kWh' | 'kWp' | 'm2';
  /** Capacity from before the horizon still in service in this period. */
  existing: number;
  /** New capacity built at the start of this period. */
  built: number;
  /** Capacity that reached the end of its life since the previous period (existing or built). */
  retired: number;
  /** Capacity available in this period: existing + everything built and not yet retired. */
  total: number;
}

/** Costs of one period, EUR. Annual figures are per year of the period, undiscounted. */
export interface PathCost {
  /** Investment in the capacity built in this period (before grants), once. */
  investment_EUR: number;
  /** Investment grants on it (BEW, subsidy_share), once, negative. */
  investmentGrant_EUR: number;
  /** Operating cost per year: fuel, grid energy and peak, CO2, O&M, minus export revenue and KWKG bonus. */
  operation_EUR_a: number;
  /** BEW operating aid per year (heat pumps, solar thermal), negative. */
  operatingAid_EUR_a: number;
  /** Annuity view: the period's single-year total annual cost (annuities of all capacity in service, O&M, operation) minus operating aid. */
  annualCost_EUR_a: number;
  /** This period's share of the net present cost (investment less residual value, operation over its years), discounted to the base year. */
  presentValue_EUR: number;
}

export interface PeriodResult {
  year: number;
  /** Years the period stands for (its weight): the step to the next period; the last's from `periods.lastPeriodYears`. */
  years: number;
  /** Per technology id (battery power: `<id>.power`). */
  capacities: Record<string, PathCapacity>;
  /** Annual generation per technology in MWh: heat and electricity. */
  generation_MWh: { heat: Record<string, number>; electricity: Record<string, number> };
  /** Renewable or waste-heat share of the heat supplied (0…1), and the target that applied (absent: none). */
  renewableHeatShare: number;
  renewableHeatTarget?: number;
  emissions_tCO2: number;
  co2Cap_t?: number;
  heatDemand_MWh: number;
  electricityDemand_MWh: number;
  /** Levelised cost of heat in the annuity view (EUR per MWh of heat demand). */
  lcoh_EUR_MWh: number;
  /** CO2 price of the period (EUR/t), from the path. */
  co2Price_EUR_t: number;
  cost_EUR: PathCost;
  /** The period's single-year results (annuity view), as a one-year run reports them. */
  results: Results;
}

/** A measure of the path: capacity built or retired in a year. */
export interface PathEvent {
  kind: 'build' | 'retire';
  year: number;
  techId: string;
  /** `value` (main capacity) or `power` (battery power). */
  dimension: 'value' | 'power';
  amount: number;
  unit: PathCapacity['unit'];
  /** Investment before grants (build only), EUR. */
  investment_EUR?: number;
}

export interface PathSummary {
  years: number[];
  baseYear: number;
  /** End of the horizon: the last period's year plus the years it stands for. */
  horizonEnd: number;
  interestRate: number;
  /** Residual value of the capacity still in service at the horizon end (linear), discounted, EUR. */
  residualValue_EUR: number;
  events: PathEvent[];
}
