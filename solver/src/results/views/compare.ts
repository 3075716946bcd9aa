import { fieldUnit } from '../capacity';
import type { Results } from '../results';
import type { TechInfos } from './columns';
import { usedCostCategories } from './costs';

export type RowKind = 'kpi' | 'capacity' | 'cost';
export interface CompareRow {
  kind: RowKind;
  /** i18n key (KPIs, cost categories) or technology id with unit (capacities). */
  key: string;
  unit: string;
  values: (number | null)[];
  /** Against the first scenario: absolute and relative difference (null when not comparable). */
  diffs: { abs: number | null; rel: number | null }[];
  /** Which direction is an improvement (costs, CO2: lower; renewable share: higher), if any. */
  better: 'lower' | 'higher' | null;
}

const KPI_ROWS: [string, string, (r: Results) => number | undefined, CompareRow['better']?][] = [
  ['totalCost', 'EUR/a', (r) => r.objective.totalAnnualCost_EUR, 'lower'],
  ['co2', 't/a', (r) => r.emissions_tCO2, 'lower'],
  ['lcoh', 'EUR/MWh', (r) => r.kpis.lcoh_EUR_MWh, 'lower'],
  ['lcoe', 'EUR/MWh', (r) => r.kpis.lcoe_EUR_MWh, 'lower'],
  ['renewableHeatShare', '%', (r) => r.kpis.renewableHeatShare * 100, 'higher'],
  ['heatDemand', 'MWh/a', (r) => r.kpis.heatDemand_MWh],
  ['electricityDemand', 'MWh/a', (r) => r.kpis.electricityDemand_MWh],
  ['gridImport', 'MWh/a', (r) => r.kpis.gridImport_MWh],
  ['gridExport', 'MWh/a', (r) => r.kpis.gridExport_MWh],
  ['peakGridImport', 'kW', (r) => r.kpis.peakGridImport_kW],
];

function diffsOf(values: (number | null)[]): CompareRow['diffs'] {
  const base = values[0];
  return values.map((v) => {
    if (v === null || base === null) return { abs: null, rel: null };
    const abs = v - base;
    return { abs, rel: Math.abs(base) > 1e-9 ? abs / Math.abs(base) : null };
  });
}

/**
 * One table over the scenarios: KPIs, capacities and costs, with differences to the first one.
 * Capacities carry their technology's unit (`techs` from the project: PV kWp, storage kWh).
 */
export function compareRows(results: Results[], techs: TechInfos = {}): CompareRow[] {
  const rows: CompareRow[] = [];
  const push = (
    kind: RowKind,
    key: string,
    unit: string,
    raw: (number | null)[],
    better: CompareRow['better'] = null,
  ) => {
    if (raw.every((v) => v === null)) return;
    // Solver round-off (−1e-12 kW) reads as 0, not "−0".
    const values = raw.map((v) => (v !== null && Math.abs(v) < 1e-9 ? 0 : v));
    rows.push({ kind, key, unit, values, diffs: diffsOf(values), better });
  };
  for (const [key, unit, get, better] of KPI_ROWS)
    push(
      'kpi',
      key,
      unit,
      results.map((r) => get(r) ?? null),
      better,
    );
  const capacityTechs = [...new Set(results.flatMap((r) => Object.keys(r.capacities)))];
  for (const tech of capacityTechs)
    for (const field of ['power_kW', 'energy_kWh', 'area_m2'] as const)
      push(
        'capacity',
        tech,
        fieldUnit(techs[tech]?.type, field),
        results.map((r) => r.capacities[tech]?.[field] ?? null),
      );
  for (const c of usedCostCategories(results))
    push(
      'cost',
      c,
      'EUR/a',
      results.map((r) => r.costs.byCategory_EUR[c] ?? 0),
      'lower',
    );
  return rows;
}

/** How a difference reads: better, worse, or a notable change without a direction; null when small. */
export function diffClass(
  row: CompareRow,
  d: CompareRow['diffs'][number],
): 'better' | 'worse' | 'changed' | null {
  if (!isNotable(d) || d.abs === null) return null;
  if (!row.better) return 'changed';
  return d.abs < 0 === (row.better === 'lower') ? 'better' : 'worse';
}

/** A difference worth highlighting: more than 1 % (or any change when the base is zero). */
export function isNotable(d: { abs: number | null; rel: number | null }): boolean {
  if (d.abs === null) return false;
  if (d.rel === null) return Math.abs(d.abs) > 1e-6;
  return Math.abs(d.rel) > 0.01;
}
