import type { PathCapacity, PathEvent, PeriodResult } from '../path';
import type { Results } from '../results';

/**
 * The data behind the transformation-path charts and tables (planner, report, CLI), computed once
 * from `Results.periods` and `Results.path` (solver/src/results/path.ts). Empty when the results
 * are not a path.
 */

export const isPathResult = (r: Results): boolean => (r.periods?.length ?? 0) > 0;

/**
 * The path's horizon as every view writes it ("2025–2050"): from the first period's year to the end
 * of the horizon, the last period's year plus the years it stands for. For 2025 … 2045 in five-year
 * steps that is 2025–2050: the years 2025 to 2049 are costed, the residual value counts at 2050.
 * Without `Results.path`, the first and last period years.
 */
export function pathHorizon(r: Results): { from: number; to: number } | undefined {
  const years = r.path?.years ?? (r.periods ?? []).map((p) => p.year);
  if (!years.length) return undefined;
  return { from: years[0], to: r.path?.horizonEnd ?? years[years.length - 1] };
}

/** One stacked series per technology dimension over the period years (values in the dimension's unit). */
export interface PathSeries {
  key: string;
  techId: string;
  unit: PathCapacity['unit'];
  values: number[];
}

const years = (r: Results): number[] => (r.periods ?? []).map((p) => p.year);

/** Available capacity per technology and period (stacked bars), heat and power units kept apart by `unit`. */
export function pathCapacitySeries(r: Results): { years: number[]; series: PathSeries[] } {
  const periods = r.periods ?? [];
  const keys = [...new Set(periods.flatMap((p) => Object.keys(p.capacities)))];
  const series = keys
    .map((key) => {
      const first = periods.find((p) => p.capacities[key])!.capacities[key];
      return {
        key,
        techId: key.replace(/\.power$/, ''),
        unit: key.endsWith('.power') ? ('kW' as const) : first.unit,
        values: periods.map((p) => p.capacities[key]?.total ?? 0),
      };
    })
    .filter((s) => s.values.some((v) => v > 1e-6));
  return { years: years(r), series };
}

/** Annual generation per technology and period, MWh (heat or electricity). */
export function pathGenerationMix(
  r: Results,
  carrier: 'heat' | 'electricity' = 'heat',
): { years: number[]; series: { techId: string; values_MWh: number[] }[] } {
  const periods = r.periods ?? [];
  const ids = [...new Set(periods.flatMap((p) => Object.keys(p.generation_MWh[carrier])))];
  const series = ids
    .map((techId) => ({ techId, values_MWh: periods.map((p) => p.generation_MWh[carrier][techId] ?? 0) }))
    .filter((s) => s.values_MWh.some((v) => v > 1e-6));
  return { years: years(r), series };
}

/** Emissions against the CO2 cap and the renewable heat share against its target, per period. */
export function pathTargets(r: Results): {
  years: number[];
  emissions_tCO2: number[];
  co2Cap_t: (number | null)[];
  renewableHeatShare: number[];
  renewableHeatTarget: (number | null)[];
  /** Whether each period meets its renewable-heat target (true where there is none). */
  targetMet: boolean[];
} {
  const periods = r.periods ?? [];
  return {
    years: years(r),
    emissions_tCO2: periods.map((p) => p.emissions_tCO2),
    co2Cap_t: periods.map((p) => p.co2Cap_t ?? null),
    renewableHeatShare: periods.map((p) => p.renewableHeatShare),
    renewableHeatTarget: periods.map((p) => p.renewableHeatTarget ?? null),
    targetMet: periods.map(
      (p) => p.renewableHeatTarget === undefined || p.renewableHeatShare >= p.renewableHeatTarget - 1e-6,
    ),
  };
}

/** The Gantt-style list of measures: builds and retirements by year, then technology. */
export function pathEvents(r: Results): PathEvent[] {
  return [...(r.path?.events ?? [])].sort(
    (a, b) => a.year - b.year || a.techId.localeCompare(b.techId) || a.kind.localeCompare(b.kind),
  );
}

/** The cost table per period (EUR; annual figures per year). */
export function pathCostRows(
  r: Results,
): { year: number; years: number; cost: PeriodResult['cost_EUR']; lcoh_EUR_MWh: number }[] {
  return (r.periods ?? []).map((p) => ({
    year: p.year,
    years: p.years,
    cost: p.cost_EUR,
    lcoh_EUR_MWh: p.lcoh_EUR_MWh,
  }));
}

/**
 * Milestones of a WPG roadmap / BEW study: the first period (current state), the periods of the
 * given years (default 2030, 2035, 2040) and the last (target picture), each once, in year order.
 */
export function pathMilestones(r: Results, milestoneYears = [2030, 2035, 2040]): PeriodResult[] {
  const periods = r.periods ?? [];
  if (!periods.length) return [];
  const picked = new Set<PeriodResult>([periods[0], periods[periods.length - 1]]);
  for (const y of milestoneYears) {
    const p = periods.find((q) => q.year === y);
    if (p) picked.add(p);
  }
  return periods.filter((p) => picked.has(p));
}

/** CO2 reduction of each period against the first, as a share (0.6 = −60 %). */
export function pathCo2Reduction(r: Results): number[] {
  const periods = r.periods ?? [];
  const first = periods[0]?.emissions_tCO2 ?? 0;
  return periods.map((p) => (first > 1e-9 ? (first - p.emissions_tCO2) / first : 0));
}

/** Two paths side by side: per year present in either, the figures of each (null where a path lacks the year). */
export function comparePaths(
  a: Results,
  b: Results,
): {
  years: number[];
  rows: {
    key: 'emissions' | 'renewableHeatShare' | 'annualCost' | 'investment';
    unit: string;
    a: (number | null)[];
    b: (number | null)[];
  }[];
  netPresentCost_EUR: [number | null, number | null];
} {
  const all = [...new Set([...years(a), ...years(b)])].sort((x, y) => x - y);
  const pick = (r: Results, f: (p: PeriodResult) => number) =>
    all.map((y) => {
      const p = r.periods?.find((q) => q.year === y);
      return p ? f(p) : null;
    });
  const row = (
    key: 'emissions' | 'renewableHeatShare' | 'annualCost' | 'investment',
    unit: string,
    f: (p: PeriodResult) => number,
  ) => ({
    key,
    unit,
    a: pick(a, f),
    b: pick(b, f),
  });
  return {
    years: all,
    rows: [
      row('emissions', 't/a', (p) => p.emissions_tCO2),
      row('renewableHeatShare', '%', (p) => p.renewableHeatShare * 100),
      row('annualCost', 'EUR/a', (p) => p.cost_EUR.annualCost_EUR_a),
      row('investment', 'EUR', (p) => p.cost_EUR.investment_EUR),
    ],
    netPresentCost_EUR: [a.objective.netPresentCost_EUR ?? null, b.objective.netPresentCost_EUR ?? null],
  };
}
