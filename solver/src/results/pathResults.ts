import type { PathDimension } from '../model/path';
import type { PathCalendar } from '../project/periods';
import type { PathCapacity, PathEvent, PathSummary, PeriodResult } from './path';
import type { Results } from './results';

/** What a solved path hands to its results: the per-period single-year results and the builds. */
export interface SolvedPath {
  calendar: PathCalendar;
  dims: PathDimension[];
  /** builds[d][p]: capacity of dimension d built in period p. */
  builds: number[][];
  periods: Results[];
  /** BEW operating aid per period, EUR per year (positive: money received). */
  aid_EUR_a: number[];
  /** Targets and prices that applied per period. */
  renewableHeatTarget: (number | undefined)[];
  co2Cap_t: (number | undefined)[];
  co2Price_EUR_t: number[];
}

const key = (d: PathDimension) => (d.dimension === 'power' ? `${d.techId}.power` : d.techId);

/** Capacity in service in period q: existing[q] + Σ_{p in service at q} builds[p]. */
export function capacityInPeriod(d: PathDimension, builds: number[], q: number): number {
  let total = d.existing[q];
  for (let p = 0; p <= q; p++) if (d.inService[p][q]) total += builds[p];
  return total;
}

/**
 * The builds that give each period at least the capacities `totals[q]` (e.g. after a full-year
 * check raised some): sweep the periods and build only what is missing.
 */
export function buildsForTotals(d: PathDimension, totals: number[]): number[] {
  const builds = totals.map(() => 0);
  totals.forEach((target, q) => {
    const have = capacityInPeriod(d, builds, q);
    if (target > have + 1e-9) builds[q] = target - have;
  });
  return builds;
}

/** Operating cost of a single-year result: everything but annuities and investment subsidies. */
export function operationOf(r: Results): number {
  const c = r.costs.byCategory_EUR;
  return r.objective.totalAnnualCost_EUR - (c.annuity ?? 0) - (c.subsidy ?? 0);
}

/** The per-period results, the path summary and the net present cost of a solved path. */
export function pathResults(s: SolvedPath): {
  periods: PeriodResult[];
  path: PathSummary;
  netPresentCost_EUR: number;
} {
  const { calendar: cal, dims, builds } = s;
  const endDiscount = Math.pow(1 + cal.interestRate, -(cal.horizonEnd - cal.baseYear));
  const events: PathEvent[] = [];
  let residual = 0;
  let npc = 0;
  const periods = cal.periods.map((info, q): PeriodResult => {
    const r = s.periods[q];
    const capacities: Record<string, PathCapacity> = {};
    let investment = 0;
    let grant = 0;
    let invested_PV = 0;
    for (const [i, d] of dims.entries()) {
      const b = builds[i];
      const total = capacityInPeriod(d, b, q);
      const before = q > 0 ? capacityInPeriod(d, b, q - 1) : d.existing[0];
      const retired = q > 0 ? Math.max(0, before + b[q] - total) : 0;
      capacities[key(d)] = { unit: d.unit, existing: d.existing[q], built: b[q], retired, total };
      const inv = b[q] * d.capex_EUR_per_unit;
      investment += inv;
      grant -= inv * d.grantShare[q];
      invested_PV += b[q] * d.investCoef[q];
      residual += b[q] * d.capex_EUR_per_unit * (1 - d.grantShare[q]) * d.residualShare[q] * endDiscount;
      if (b[q] > 1e-6)
        events.push({
          kind: 'build',
          year: info.year,
          techId: d.techId,
          dimension: d.dimension,
          amount: b[q],
          unit: d.unit,
          investment_EUR: inv,
        });
      if (retired > 1e-6)
        events.push({
          kind: 'retire',
          year: info.year,
          techId: d.techId,
          dimension: d.dimension,
          amount: retired,
          unit: d.unit,
        });
    }
    const operation = operationOf(r);
    const aid = s.aid_EUR_a[q];
    const presentValue = invested_PV + info.operationDiscount * (operation - aid);
    npc += presentValue;
    const heat: Record<string, number> = {};
    const electricity: Record<string, number> = {};
    for (const [techId, flows] of Object.entries(r.annual)) {
      if (flows.heat_out_MWh) heat[techId] = flows.heat_out_MWh;
      if (flows.el_out_MWh) electricity[techId] = flows.el_out_MWh;
    }
    const annualCost = r.objective.totalAnnualCost_EUR - aid;
    return {
      year: info.year,
      years: info.years,
      capacities,
      generation_MWh: { heat, electricity },
      renewableHeatShare: r.kpis.renewableHeatShare,
      ...(s.renewableHeatTarget[q] !== undefined ? { renewableHeatTarget: s.renewableHeatTarget[q] } : {}),
      emissions_tCO2: r.emissions_tCO2,
      ...(s.co2Cap_t[q] !== undefined ? { co2Cap_t: s.co2Cap_t[q] } : {}),
      heatDemand_MWh: r.kpis.heatDemand_MWh,
      electricityDemand_MWh: r.kpis.electricityDemand_MWh,
      lcoh_EUR_MWh: r.kpis.heatDemand_MWh > 0 ? r.kpis.lcoh_EUR_MWh - aid / r.kpis.heatDemand_MWh : 0,
      co2Price_EUR_t: s.co2Price_EUR_t[q],
      cost_EUR: {
        investment_EUR: investment,
        investmentGrant_EUR: grant,
        operation_EUR_a: operation,
        operatingAid_EUR_a: -aid,
        annualCost_EUR_a: annualCost,
        presentValue_EUR: presentValue,
      },
      results: r,
    };
  });
  return {
    periods,
    path: {
      years: cal.periods.map((p) => p.year),
      baseYear: cal.baseYear,
      horizonEnd: cal.horizonEnd,
      interestRate: cal.interestRate,
      residualValue_EUR: residual,
      events,
    },
    netPresentCost_EUR: npc,
  };
}
