import { COST_CATEGORIES } from '../results/views/costs';
import type { PriceSpec, Project } from '../project/types';
import type { Results } from '../results/results';
import { capacityUnit, fuelName, overrideText, priceText, seriesLabel, unitText } from './labels';
import { scenarioOverrides, type ReportModel, type ReportRun } from './model';
import { pct } from './format';
import { networkTables } from './network';
import { pathTables } from './transformation';
import { sourceNoteIn } from '../profiles/sourceNotes';
import { categoryName, flowName, statusName, techTypeName, text, type ReportLanguage } from './texts';

/**
 * How a column is shown: text, a number with `digits` decimals, a share shown as percent, or a
 * calendar year (a number written without grouping: 2045, never 2.045).
 */
export interface Column {
  label: string;
  /** Unit shown in the header, e.g. 'kW' or 'EUR/a'. */
  unit?: string;
  kind: 'text' | 'number' | 'percent' | 'year';
  digits?: number;
  /** Relative width in the PDF. */
  width?: number;
  /**
   * Unit of each row when it differs by row (e.g. EUR/kW, EUR/kWp, EUR/m² of the technologies):
   * shown with the number in the PDF, in the number format of the workbook and in the CSV's unit.
   */
  rowUnits?: (string | undefined)[];
  /** Decimals of each row when they differ by row (a price with 4, a power limit with 0). */
  rowDigits?: (number | undefined)[];
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

/** A price cell: the number, or the time-varying price in words (its unit is in the unit column). */
const price = (project: Project, p: PriceSpec, lang: ReportLanguage): Cell =>
  typeof p === 'number' ? p : priceText(project, p, lang).replace(/ EUR\/kWh$/, '');

const scenarioLabel = (lang: ReportLanguage, r: ReportRun): string =>
  r.scenarioId === 'base' ? text(lang, 'base') : r.scenarioName || r.scenarioId;

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
  const digits = [2, 0];
  if (c.co2Cap_t !== undefined) {
    rows.push([text(lang, 'co2Cap'), c.co2Cap_t, 't/a']);
    digits.push(1);
  }
  if (c.minRenewableHeatShare !== undefined) {
    rows.push([text(lang, 'minRenewableHeatShare'), c.minRenewableHeatShare * 100, '%']);
    digits.push(1);
  }
  if (c.maxGridImport_kWh !== undefined) {
    rows.push([text(lang, 'maxGridImport'), c.maxGridImport_kWh, 'kWh/a']);
    digits.push(0);
  }
  return {
    id: 'economics',
    title: text(lang, 'economics'),
    columns: [
      txt(text(lang, 'parameter'), 2),
      { ...num(text(lang, 'value'), '', 2), rowDigits: digits },
      txt(text(lang, 'unit')),
    ],
    rows,
  };
}

export function gridTable(m: ReportModel, lang: ReportLanguage): Table {
  const g = m.project.grid;
  const p = m.project;
  const rows: Cell[][] = [];
  const digits: number[] = [];
  for (const [id, fuel] of Object.entries(p.fuels)) {
    rows.push([
      text(lang, 'fuelPrice', { fuel: fuelName(lang, id) }),
      price(p, fuel.price_EUR_kWh, lang),
      'EUR/kWh',
      fuel.co2_kg_kWh,
      fuel.renewable ? text(lang, 'yes') : text(lang, 'no'),
    ]);
    digits.push(4);
  }
  if (g.import) {
    rows.push([
      text(lang, 'importPrice'),
      price(p, g.import.price_EUR_kWh, lang),
      'EUR/kWh',
      g.import.co2_kg_kWh,
      g.import.renewableShare !== undefined ? pct(lang, g.import.renewableShare, 0) : '',
    ]);
    digits.push(4);
    if (g.import.peakCharge_EUR_kW_a !== undefined) {
      rows.push([text(lang, 'peakCharge'), g.import.peakCharge_EUR_kW_a, 'EUR/(kW·a)', null, '']);
      digits.push(2);
    }
    if (g.import.connectionLimit_kW !== undefined) {
      rows.push([text(lang, 'connectionLimit'), g.import.connectionLimit_kW, 'kW', null, '']);
      digits.push(0);
    }
  }
  if (g.export) {
    rows.push([text(lang, 'exportPrice'), price(p, g.export.price_EUR_kWh, lang), 'EUR/kWh', null, '']);
    digits.push(4);
    if (g.export.limit_kW !== undefined) {
      rows.push([text(lang, 'exportLimit'), g.export.limit_kW, 'kW', null, '']);
      digits.push(0);
    }
  }
  return {
    id: 'prices',
    title: `${text(lang, 'fuels')}, ${text(lang, 'gridTariff')}`,
    columns: [
      txt(text(lang, 'parameter'), 2),
      { ...num(text(lang, 'value'), '', 4, 2.2), rowDigits: digits },
      txt(text(lang, 'unit')),
      num(text(lang, 'emissionFactor'), 'kg/kWh', 3),
      txt(text(lang, 'renewable')),
    ],
    rows,
  };
}

export function technologiesTable(m: ReportModel, lang: ReportLanguage): Table {
  const techs = m.project.technologies;
  const cap = techs.map((t) => capacityUnit(t.type));
  return {
    id: 'technologies',
    title: text(lang, 'technologies'),
    columns: [
      txt(text(lang, 'name'), 1.6),
      txt(text(lang, 'type'), 1.1),
      { ...num(text(lang, 'capex'), '', 0, 1.3), rowUnits: cap.map((u) => `EUR/${u}`) },
      num(text(lang, 'lifetime'), 'a', 0, 1.05),
      { ...share(text(lang, 'fixedOm')), unit: '%/a', width: 1.45 },
      { ...share(text(lang, 'subsidyShare'), 0), width: 1 },
      { ...num(text(lang, 'minCapacity'), '', 0, 1.1), rowUnits: cap },
      { ...num(text(lang, 'maxCapacity'), '', 0, 1.1), rowUnits: cap },
      txt(text(lang, 'source'), 1.15),
    ],
    rows: techs.map((t) => [
      t.name ?? t.id,
      techTypeName(lang, t.type),
      t.capex_EUR_per_unit,
      t.lifetime_a,
      t.fixedOm_share,
      t.subsidy_share ?? 0,
      t.min ?? 0,
      t.max ?? null,
      t.source ?? '',
    ]),
  };
}

/** What a series' annual total means: energy of a power series, the yield of a yield series; none else. */
function annualTotal(unit: string, sum: number): { value: number; unit: string } | null {
  if (unit === 'kW' || unit === 'kWh') return { value: sum / 1000, unit: 'MWh/a' };
  if (unit === 'MW' || unit === 'MWh') return { value: sum, unit: 'MWh/a' };
  const perArea = /^kWh\/(kWp|m²|m2)$/.exec(unit);
  if (perArea) return { value: sum, unit: `kWh/(${perArea[1]}·a)` };
  return null;
}

/** Decimals that suit a magnitude: 0,91 and 9,89 with two, 986,5 with one, 5.000 with none. */
const digitsFor = (v: number | null): number => {
  const a = Math.abs(v ?? 0);
  return a < 10 ? 2 : a < 1000 ? 1 : 0;
};

export function seriesTable(m: ReportModel, lang: ReportLanguage): Table {
  const rows: Cell[][] = [];
  const valueUnits: string[] = [];
  const totalUnits: (string | undefined)[] = [];
  const valueDigits: number[] = [];
  const totalDigits: number[] = [];
  for (const [id, spec] of Object.entries(m.project.timeSeries)) {
    const values = 'values' in spec ? spec.values : null;
    let mean: number | null = null;
    let max: number | null = null;
    let total: ReturnType<typeof annualTotal> = null;
    if (values && values.length) {
      let sum = 0;
      let top = -Infinity;
      for (const v of values) {
        sum += v;
        top = Math.max(top, v);
      }
      mean = sum / values.length;
      max = top;
      total = annualTotal(spec.unit, sum);
    }
    valueUnits.push(unitText(spec.unit));
    totalUnits.push(total ? unitText(total.unit) : undefined);
    valueDigits.push(digitsFor(max));
    totalDigits.push(digitsFor(total?.value ?? null));
    rows.push([
      seriesLabel(m.project, id, lang),
      values ? values.length : null,
      mean,
      max,
      total?.value ?? null,
      spec.source !== undefined ? sourceNoteIn(spec.source, lang) : 'file' in spec ? spec.file : '',
    ]);
  }
  return {
    id: 'series',
    title: text(lang, 'timeSeries'),
    columns: [
      txt(text(lang, 'series'), 1.6),
      num(text(lang, 'hours'), 'h', 0, 0.7),
      { ...num(text(lang, 'seriesMean'), '', 2, 1.2), rowUnits: valueUnits, rowDigits: valueDigits },
      { ...num(text(lang, 'max'), '', 2, 1.2), rowUnits: valueUnits, rowDigits: valueDigits },
      { ...num(text(lang, 'annualSum'), '', 1, 1.3), rowUnits: totalUnits, rowDigits: totalDigits },
      txt(text(lang, 'source'), 2.3),
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
  const cats = COST_CATEGORIES;
  const rows: Cell[][] = cats.map((c) => [
    categoryName(lang, c),
    ...runs.map((r) => r.results.costs.byCategory_EUR[c] ?? 0),
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
    const type = m.techs[id]?.type ?? '';
    const powerUnit = type === 'pv' || type === 'chp' ? capacityUnit(type) : 'kW';
    if (anyPower)
      rows.push([name, powerUnit, ...m.runs.map((r) => r.results.capacities[id]?.power_kW ?? null)]);
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

/** Scenarios with their changes to the base, in the words of the planner's forms. */
export function scenariosTable(m: ReportModel, lang: ReportLanguage): Table {
  return {
    id: 'scenarios',
    title: text(lang, 'scenarios'),
    columns: [
      txt(text(lang, 'name'), 1.5),
      txt(text(lang, 'status'), 1.2),
      txt(text(lang, 'overrides'), 4.5),
    ],
    rows: m.runs.map((r) => {
      const changes = Object.entries(scenarioOverrides(m.project, r.scenarioId)).map(([k, v]) =>
        overrideText(m.project, k, v, lang),
      );
      return [
        scenarioLabel(lang, r),
        statusName(lang, r.results.status),
        r.scenarioId === 'base' ? '' : changes.join('; ') || text(lang, 'noOverrides'),
      ];
    }),
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
    ...pathTables(m, lang),
    ...networkTables(m, lang),
  ];
}
