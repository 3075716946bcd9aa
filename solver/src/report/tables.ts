import type { PriceSpec } from '../project/types';
import type { Results } from '../results/results';
import { scenarioOverrides, type ReportModel, type ReportRun } from './model';
import { categoryName, flowName, statusName, techTypeName, text, type ReportLanguage } from './texts';

/** How a column is shown: text, a number with `digits` decimals, or a share shown as percent. */
export interface Column {
  label: string;
  /** Unit shown in the header, e.g. 'kW' or 'EUR/a'. */
  unit?: string;
  kind: 'text' | 'number' | 'percent';
  digits?: number;
  /** Relative width in the PDF. */
  width?: number;
}

export type Cell = string | number | null;

/** One table of the report, the same for the PDF, the workbook and the CSV summary. */
export interface Table {
  id: string;
  title: string;
  columns: Column[];
  rows: Cell[][];
}

export const header = (c: Column): string => (c.unit ? `${c.label} [${c.unit}]` : c.label);

const txt = (label: string, width = 1): Column => ({ label, kind: 'text', width });
const num = (label: string, unit: string, digits = 1, width = 1): Column => ({
  label,
  unit,
  kind: 'number',
  digits,
  width,
});
const share = (label: string, digits = 1): Column => ({ label, unit: '%', kind: 'percent', digits });

const price = (p: PriceSpec, lang: ReportLanguage): Cell =>
  typeof p === 'number'
    ? p
    : `${text(lang, 'timeVarying')}: ${p.series} × ${p.scale ?? 1} ${(p.adder ?? 0) < 0 ? '−' : '+'} ${Math.abs(p.adder ?? 0)}`;

const scenarioLabel = (lang: ReportLanguage, r: ReportRun): string =>
  r.scenarioId === 'base' ? text(lang, 'base') : r.scenarioName || r.scenarioId;

const unitOf = (type: string): string =>
  type === 'pv'
    ? 'kWp'
    : type === 'solarThermal'
      ? 'm²'
      : type === 'heatStorage' || type === 'battery'
        ? 'kWh'
        : 'kW';

/** Display name of a technology (the grid in the report's language). */
const techName = (m: ReportModel, lang: ReportLanguage, id: string): string =>
  id === 'grid' ? techTypeName(lang, 'grid') : (m.techs[id]?.name ?? id);

export function economicsTable(m: ReportModel, lang: ReportLanguage): Table {
  const p = m.project;
  const rows: Cell[][] = [
    [text(lang, 'interestRate'), p.economics.interestRate * 100, '%'],
    [text(lang, 'co2Price'), p.economics.co2Price_EUR_t, 'EUR/t'],
  ];
  const c = p.constraints ?? {};
  if (c.co2Cap_t !== undefined) rows.push(['CO2 cap', c.co2Cap_t, 't/a']);
  if (c.minRenewableHeatShare !== undefined)
    rows.push([text(lang, 'renewableHeatShare') + ' min', c.minRenewableHeatShare * 100, '%']);
  if (c.maxGridImport_kWh !== undefined)
    rows.push([text(lang, 'gridImport') + ' max', c.maxGridImport_kWh, 'kWh/a']);
  return {
    id: 'economics',
    title: text(lang, 'economics'),
    columns: [txt(text(lang, 'parameter'), 2), num(text(lang, 'value'), '', 2), txt(text(lang, 'unit'))],
    rows,
  };
}

export function gridTable(m: ReportModel, lang: ReportLanguage): Table {
  const g = m.project.grid;
  const rows: Cell[][] = [];
  for (const [id, fuel] of Object.entries(m.project.fuels))
    rows.push([
      `${text(lang, 'fuel')} ${id}`,
      price(fuel.price_EUR_kWh, lang),
      'EUR/kWh',
      fuel.co2_kg_kWh,
      fuel.renewable ? text(lang, 'yes') : text(lang, 'no'),
    ]);
  if (g.import) {
    rows.push([
      text(lang, 'importPrice'),
      price(g.import.price_EUR_kWh, lang),
      'EUR/kWh',
      g.import.co2_kg_kWh,
      g.import.renewableShare !== undefined ? `${g.import.renewableShare * 100} %` : '',
    ]);
    if (g.import.peakCharge_EUR_kW_a !== undefined)
      rows.push([text(lang, 'peakCharge'), g.import.peakCharge_EUR_kW_a, 'EUR/(kW·a)', null, '']);
    if (g.import.connectionLimit_kW !== undefined)
      rows.push([text(lang, 'connectionLimit'), g.import.connectionLimit_kW, 'kW', null, '']);
  }
  if (g.export) {
    rows.push([text(lang, 'exportPrice'), price(g.export.price_EUR_kWh, lang), 'EUR/kWh', null, '']);
    if (g.export.limit_kW !== undefined)
      rows.push([text(lang, 'exportLimit'), g.export.limit_kW, 'kW', null, '']);
  }
  return {
    id: 'prices',
    title: `${text(lang, 'fuels')}, ${text(lang, 'gridTariff')}`,
    columns: [
      txt(text(lang, 'parameter'), 2),
      { ...num(text(lang, 'value'), '', 4, 1.6) },
      txt(text(lang, 'unit')),
      num(text(lang, 'emissionFactor'), 'kg/kWh', 3),
      txt(text(lang, 'renewable')),
    ],
    rows,
  };
}

export function technologiesTable(m: ReportModel, lang: ReportLanguage): Table {
  return {
    id: 'technologies',
    title: text(lang, 'technologies'),
    columns: [
      txt(text(lang, 'id'), 0.9),
      txt(text(lang, 'name'), 1.5),
      txt(text(lang, 'type'), 1.4),
      num(text(lang, 'capex'), 'EUR/unit', 0, 1.1),
      txt(text(lang, 'unit'), 0.7),
      num(text(lang, 'lifetime'), 'a', 0, 1.45),
      { ...share(text(lang, 'fixedOm')), width: 1.5 },
      { ...share(text(lang, 'subsidyShare'), 0), width: 1.2 },
      num('Min', 'unit', 0, 0.55),
      num('Max', 'unit', 0, 0.65),
      txt(text(lang, 'source'), 1.15),
    ],
    rows: m.project.technologies.map((t) => [
      t.id,
      t.name ?? t.id,
      techTypeName(lang, t.type),
      t.capex_EUR_per_unit,
      unitOf(t.type),
      t.lifetime_a,
      t.fixedOm_share,
      t.subsidy_share ?? 0,
      t.min ?? 0,
      t.max ?? null,
      t.source ?? '',
    ]),
  };
}

export function seriesTable(m: ReportModel, lang: ReportLanguage): Table {
  const rows: Cell[][] = [];
  for (const [id, spec] of Object.entries(m.project.timeSeries)) {
    const values = 'values' in spec ? spec.values : null;
    let sum: number | null = null;
    let max: number | null = null;
    if (values && values.length) {
      sum = 0;
      max = -Infinity;
      for (const v of values) {
        sum += v;
        max = Math.max(max, v);
      }
    }
    rows.push([
      id,
      spec.unit,
      values ? values.length : null,
      sum,
      max,
      spec.source ?? ('file' in spec ? spec.file : ''),
    ]);
  }
  return {
    id: 'series',
    title: text(lang, 'timeSeries'),
    columns: [
      txt(text(lang, 'series')),
      txt(text(lang, 'unit'), 0.8),
      num('n', 'h', 0, 0.6),
      num(text(lang, 'sum'), 'unit·h', 0),
      num(text(lang, 'max'), 'unit', 2),
      txt(text(lang, 'source'), 3),
    ],
    rows,
  };
}

export function demandTable(m: ReportModel, lang: ReportLanguage): Table {
  const rows: Cell[][] = [];
  for (const key of ['heat', 'electricity'] as const) {
    const d = m.demands[key];
    const kpi =
      key === 'heat' ? m.base.results.kpis.heatDemand_MWh : m.base.results.kpis.electricityDemand_MWh;
    rows.push([
      text(lang, key === 'heat' ? 'heatDemand' : 'electricityDemand'),
      d ? d.annual_MWh : kpi,
      d ? d.peak_kW : null,
      d && d.peak_kW > 0 ? (d.annual_MWh * 1000) / d.peak_kW : null,
    ]);
  }
  return {
    id: 'demands',
    title: text(lang, 'secDemands').replace(/^\d+ /, ''),
    columns: [
      txt(text(lang, 'parameter'), 1.5),
      num(text(lang, 'annualEnergy'), 'MWh/a', 1),
      num(text(lang, 'peakLoad'), 'kW', 1),
      num(text(lang, 'fullLoadHoursDemand'), 'h/a', 0),
    ],
    rows,
  };
}

const mainOutput = (r: Results, techId: string): number | null => {
  const a = r.annual[techId];
  if (!a) return null;
  return a.heat_out_MWh ?? a.el_out_MWh ?? a.discharge_MWh ?? null;
};

export function capacitiesTable(m: ReportModel, lang: ReportLanguage, run: ReportRun): Table {
  const r = run.results;
  return {
    id: `capacities:${run.scenarioId}`,
    title: `${text(lang, 'capacities')} – ${scenarioLabel(lang, run)}`,
    columns: [
      txt(text(lang, 'technology'), 1.8),
      txt(text(lang, 'type'), 1.2),
      num(text(lang, 'power'), 'kW', 1),
      num(text(lang, 'energyCapacity'), 'kWh', 1),
      num(text(lang, 'area'), 'm²', 1, 0.8),
      num(text(lang, 'output'), 'MWh/a', 1),
      num(text(lang, 'fullLoadHours'), 'h/a', 0),
      num(text(lang, 'annualCost'), 'EUR/a', 0),
    ],
    rows: Object.entries(r.capacities).map(([id, c]) => [
      techName(m, lang, id),
      techTypeName(lang, m.techs[id]?.type ?? ''),
      c.power_kW ?? null,
      c.energy_kWh ?? null,
      c.area_m2 ?? null,
      mainOutput(r, id),
      r.kpis.fullLoadHours_h[id] ?? null,
      r.costs.byTechnology_EUR[id] ?? 0,
    ]),
  };
}

const scenarioColumns = (m: ReportModel, lang: ReportLanguage, unit: string, digits: number): Column[] =>
  m.runs.map((r) => num(scenarioLabel(lang, r), unit, digits));

export function costsTable(m: ReportModel, lang: ReportLanguage, runs = m.runs): Table {
  const cats = Object.keys(runs[0].results.costs.byCategory_EUR);
  const rows: Cell[][] = cats.map((c) => [
    categoryName(lang, c),
    ...runs.map((r) => r.results.costs.byCategory_EUR[c as keyof Results['costs']['byCategory_EUR']] ?? 0),
  ]);
  rows.push([text(lang, 'totalAnnualCost'), ...runs.map((r) => r.results.objective.totalAnnualCost_EUR)]);
  return {
    id: runs === m.runs ? 'costs' : 'costs:base',
    title: text(lang, 'costBreakdown'),
    columns: [txt(text(lang, 'category'), 2), ...runs.map((r) => num(scenarioLabel(lang, r), 'EUR/a', 0))],
    rows,
  };
}

export function costsByTechnologyTable(m: ReportModel, lang: ReportLanguage): Table {
  const ids = [...new Set(m.runs.flatMap((r) => Object.keys(r.results.costs.byTechnology_EUR)))];
  return {
    id: 'costsByTechnology',
    title: text(lang, 'costsByTechnology'),
    columns: [txt(text(lang, 'technology'), 2), ...scenarioColumns(m, lang, 'EUR/a', 0)],
    rows: ids.map((id) => [
      techName(m, lang, id),
      ...m.runs.map((r) => r.results.costs.byTechnology_EUR[id] ?? 0),
    ]),
  };
}

/** Key figures, one column per scenario (the base alone for the plant section). */
export function kpiTable(m: ReportModel, lang: ReportLanguage, runs = m.runs): Table {
  type Row = [string, string, (r: Results) => number | undefined, 'number' | 'percent', number];
  const defs: Row[] = [
    [text(lang, 'totalAnnualCost'), 'EUR/a', (r) => r.objective.totalAnnualCost_EUR, 'number', 0],
    [text(lang, 'emissions'), 't/a', (r) => r.emissions_tCO2, 'number', 1],
    [text(lang, 'lcoh'), 'EUR/MWh', (r) => r.kpis.lcoh_EUR_MWh, 'number', 1],
    [text(lang, 'lcoe'), 'EUR/MWh', (r) => r.kpis.lcoe_EUR_MWh, 'number', 1],
    [text(lang, 'renewableHeatShare'), '%', (r) => r.kpis.renewableHeatShare, 'percent', 1],
    [text(lang, 'heatDemand'), 'MWh/a', (r) => r.kpis.heatDemand_MWh, 'number', 1],
    [text(lang, 'electricityDemand'), 'MWh/a', (r) => r.kpis.electricityDemand_MWh, 'number', 1],
    [text(lang, 'gridImport'), 'MWh/a', (r) => r.kpis.gridImport_MWh, 'number', 1],
    [text(lang, 'gridExport'), 'MWh/a', (r) => r.kpis.gridExport_MWh, 'number', 1],
    [text(lang, 'peakGridImport'), 'kW', (r) => r.kpis.peakGridImport_kW, 'number', 1],
    [text(lang, 'pvSelfConsumption'), '%', (r) => r.kpis.pvSelfConsumption, 'percent', 1],
  ];
  return {
    id: runs === m.runs ? 'kpis' : 'kpis:base',
    title: text(lang, 'kpis'),
    columns: [
      txt(text(lang, 'parameter'), 2),
      txt(text(lang, 'unit'), 0.8),
      ...runs.map((r) => num(scenarioLabel(lang, r), '', 1)),
    ],
    rows: defs
      .filter(([, , get]) => runs.some((r) => get(r.results) !== undefined))
      .map(([label, unit, get, kind, digits]) => [
        label,
        unit,
        ...runs.map((r) => {
          const v = get(r.results);
          return v === undefined
            ? null
            : kind === 'percent'
              ? v * 100
              : Number(v.toFixed(Math.max(digits, 6)));
        }),
      ]),
  };
}

export function balancesTable(m: ReportModel, lang: ReportLanguage): Table {
  return {
    id: 'balances',
    title: text(lang, 'annualBalances'),
    columns: [
      txt(text(lang, 'technology'), 1.6),
      txt(text(lang, 'flow'), 1.4),
      ...scenarioColumns(m, lang, 'MWh/a', 1),
    ],
    rows: m.flows.map(({ techId, flow }) => [
      techName(m, lang, techId),
      flowName(lang, flow),
      ...m.runs.map((r) => r.results.annual[techId]?.[`${flow}_MWh`] ?? null),
    ]),
  };
}

/** Capacities of every scenario side by side. */
export function capacityComparisonTable(m: ReportModel, lang: ReportLanguage): Table {
  const ids = [...new Set(m.runs.flatMap((r) => Object.keys(r.results.capacities)))];
  const rows: Cell[][] = [];
  for (const id of ids) {
    const anyEnergy = m.runs.some((r) => r.results.capacities[id]?.energy_kWh !== undefined);
    const anyArea = m.runs.some((r) => r.results.capacities[id]?.area_m2 !== undefined);
    const anyPower = m.runs.some((r) => r.results.capacities[id]?.power_kW !== undefined);
    const name = techName(m, lang, id);
    if (anyPower) rows.push([name, 'kW', ...m.runs.map((r) => r.results.capacities[id]?.power_kW ?? null)]);
    if (anyEnergy)
      rows.push([name, 'kWh', ...m.runs.map((r) => r.results.capacities[id]?.energy_kWh ?? null)]);
    if (anyArea) rows.push([name, 'm²', ...m.runs.map((r) => r.results.capacities[id]?.area_m2 ?? null)]);
  }
  return {
    id: 'capacityComparison',
    title: text(lang, 'capacities'),
    columns: [
      txt(text(lang, 'technology'), 2),
      txt(text(lang, 'unit'), 0.6),
      ...m.runs.map((r) => num(scenarioLabel(lang, r), '', 1)),
    ],
    rows,
  };
}

/** Scenarios with their changes to the base. */
export function scenariosTable(m: ReportModel, lang: ReportLanguage): Table {
  return {
    id: 'scenarios',
    title: text(lang, 'scenarios'),
    columns: [
      txt(text(lang, 'id')),
      txt(text(lang, 'name'), 1.5),
      txt(text(lang, 'status'), 1.2),
      txt(text(lang, 'overrides'), 3.5),
    ],
    rows: m.runs.map((r) => [
      r.scenarioId,
      scenarioLabel(lang, r),
      statusName(lang, r.results.status),
      Object.entries(scenarioOverrides(m.project, r.scenarioId))
        .map(([k, v]) => `${k} = ${JSON.stringify(v)}`)
        .join('; '),
    ]),
  };
}

export { scenarioLabel };

/** Every table of the report, in report order (used by the CSV summary and the workbook). */
export function summaryTables(m: ReportModel, lang: ReportLanguage): Table[] {
  return [
    economicsTable(m, lang),
    gridTable(m, lang),
    technologiesTable(m, lang),
    seriesTable(m, lang),
    demandTable(m, lang),
    ...m.runs.map((r) => capacitiesTable(m, lang, r)),
    costsTable(m, lang),
    costsByTechnologyTable(m, lang),
    kpiTable(m, lang),
    balancesTable(m, lang),
    scenariosTable(m, lang),
  ];
}
