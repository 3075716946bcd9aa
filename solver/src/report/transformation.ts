/**
 * The report's Transformationsplan (WPG heat planning, BEW Modul 1 feasibility study): the figures
 * of a transformation path as tables, the same for the PDF, the workbook and the CSV. Every figure
 * comes from the views of the path results (results/views/path.ts, pathReport.ts), computed once in
 * `pathOf` when the report model is built.
 */
import type { PathEvent, PathSummary, PeriodResult } from '../results/path';
import type { Results } from '../results/results';
import {
  isPathResult,
  pathCapacitySeries,
  pathCo2Reduction,
  pathCostRows,
  pathEvents,
  pathGenerationMix,
  pathMilestones,
  pathTargets,
} from '../results/views/path';
import { pathCostTotals, pathPeriodEmissions, pathWpgCheck } from '../results/views/pathReport';
import { pct } from './format';
import { capacityUnit, unitText } from './labels';
import type { ReportModel } from './model';
import type { Cell, Column, Table } from './tables';
import { text, type ReportLanguage, type TextKey } from './texts';
import { pathCompareTables } from './transformationCompare';

/** The path figures of the report (language-free), from the base result. */
export interface ReportPath {
  periods: PeriodResult[];
  summary: PathSummary | null;
  netPresentCost_EUR: number | null;
  milestones: PeriodResult[];
  capacity: ReturnType<typeof pathCapacitySeries>;
  heatMix: ReturnType<typeof pathGenerationMix>;
  targets: ReturnType<typeof pathTargets>;
  reduction: number[];
  wpg: ReturnType<typeof pathWpgCheck>;
  emissions: ReturnType<typeof pathPeriodEmissions>;
  events: PathEvent[];
  costs: ReturnType<typeof pathCostRows>;
  costTotals: ReturnType<typeof pathCostTotals>;
}

/** The path figures of a result, or null when it is not a transformation path. */
export function pathOf(r: Results): ReportPath | null {
  if (!isPathResult(r)) return null;
  return {
    periods: r.periods ?? [],
    summary: r.path ?? null,
    netPresentCost_EUR: r.objective.netPresentCost_EUR ?? null,
    milestones: pathMilestones(r),
    capacity: pathCapacitySeries(r),
    heatMix: pathGenerationMix(r, 'heat'),
    targets: pathTargets(r),
    reduction: pathCo2Reduction(r),
    wpg: pathWpgCheck(r),
    emissions: pathPeriodEmissions(r),
    events: pathEvents(r),
    costs: pathCostRows(r),
    costTotals: pathCostTotals(r),
  };
}

const year = (label: string, width = 0.8): Column => ({ label, kind: 'year', width });
const txt = (label: string, width = 1): Column => ({ label, kind: 'text', width });
const num = (label: string, unit: string, digits = 0, width = 1): Column => ({
  label,
  unit,
  kind: 'number',
  digits,
  width,
});
const share = (label: string, digits = 1, width = 1): Column => ({
  label,
  unit: '%',
  kind: 'percent',
  digits,
  width,
});
const yesNo = (lang: ReportLanguage, v: boolean | null): Cell =>
  v === null ? '' : text(lang, v ? 'yes' : 'no');

const techName = (m: ReportModel, id: string): string => m.techs[id]?.name ?? id;

/** The unit of a capacity as the report writes it (kW el for a CHP, m² for solar thermal). */
function capacityText(m: ReportModel, techId: string, unit: string): string {
  const type = m.techs[techId]?.type ?? '';
  if (unit === 'kW' && type === 'chp') return capacityUnit('chp');
  return unitText(unit);
}

/** A capacity dimension by name: "Leistung BHKW", "Größe Wärmespeicher", "Batterie (Leistung)". */
function capacityLabel(m: ReportModel, lang: ReportLanguage, key: string, techId: string, unit: string) {
  const name = techName(m, techId);
  if (key.endsWith('.power')) return text(lang, 'powerOf', { name });
  return text(lang, unit === 'kWh' || unit === 'm2' ? 'sizeOf' : 'capacityOf', { name });
}

/** Period years with their weights, CO2 prices, demands and targets: what the path was computed from. */
export function pathInputsTable(m: ReportModel, lang: ReportLanguage, p: ReportPath): Table {
  return {
    id: 'path:inputs',
    title: text(lang, 'pathInputs'),
    columns: [
      year(text(lang, 'periodYear')),
      num(text(lang, 'periodWeight'), 'a', 0, 0.8),
      num(text(lang, 'co2Price'), 'EUR/t', 0),
      num(text(lang, 'heatDemand'), 'MWh/a', 0),
      num(text(lang, 'electricityDemand'), 'MWh/a', 0),
      share(text(lang, 'renewableTarget'), 0, 1.3),
      num(text(lang, 'co2Cap'), 't/a', 0),
    ],
    rows: p.periods.map((x) => [
      x.year,
      x.years,
      x.co2Price_EUR_t,
      x.heatDemand_MWh,
      x.electricityDemand_MWh,
      x.renewableHeatTarget ?? null,
      x.co2Cap_t ?? null,
    ]),
  };
}

/** The net present cost with what it depends on: base year, interest rate, horizon end, residual value. */
export function pathNpcTable(m: ReportModel, lang: ReportLanguage, p: ReportPath): Table {
  const s = p.summary;
  return {
    id: 'path:npc',
    title: text(lang, 'pathNpc'),
    columns: [
      num(text(lang, 'netPresentCost'), 'EUR', 0, 1.4),
      year(text(lang, 'baseYear'), 1),
      share(text(lang, 'interestRate'), 2),
      year(text(lang, 'horizonEnd'), 1.2),
      num(text(lang, 'residualValue'), 'EUR', 0, 1.3),
    ],
    rows: [
      [
        p.netPresentCost_EUR,
        s?.baseYear ?? null,
        s?.interestRate ?? m.project.economics.interestRate,
        s?.horizonEnd ?? null,
        s?.residualValue_EUR ?? null,
      ],
    ],
  };
}

/** Current state (first period), the milestones 2030/2035/2040 and the target picture (last period). */
export function pathMilestonesTable(m: ReportModel, lang: ReportLanguage, p: ReportPath): Table {
  const ms = p.milestones;
  const at = ms.map((x) => p.periods.indexOf(x));
  const first = p.periods[0];
  const last = p.periods[p.periods.length - 1];
  const rows: Cell[][] = [];
  const digits: number[] = [];
  const add = (label: string, unit: string, values: number[], d = 0) => {
    rows.push([label, unit, ...at.map((i) => values[i])]);
    digits.push(d);
  };
  for (const s of p.capacity.series)
    add(capacityLabel(m, lang, s.key, s.techId, s.unit), capacityText(m, s.techId, s.unit), s.values);
  for (const s of p.heatMix.series)
    add(text(lang, 'heatFrom', { name: techName(m, s.techId) }), 'MWh/a', s.values_MWh);
  add(
    text(lang, 'heatDemand'),
    'MWh/a',
    p.periods.map((x) => x.heatDemand_MWh),
  );
  add(text(lang, 'emissions'), 't/a', p.targets.emissions_tCO2, 1);
  add(
    text(lang, 'co2Reduction', { year: String(first.year) }),
    '%',
    p.reduction.map((v) => v * 100),
    1,
  );
  add(
    text(lang, 'renewableWasteHeatShare'),
    '%',
    p.targets.renewableHeatShare.map((v) => v * 100),
    1,
  );
  add(
    text(lang, 'annualCost'),
    'EUR/a',
    p.costs.map((c) => c.cost.annualCost_EUR_a),
  );
  add(
    text(lang, 'lcoh'),
    'EUR/MWh',
    p.costs.map((c) => c.lcoh_EUR_MWh),
    1,
  );
  const label = (x: PeriodResult) =>
    x === first
      ? `${x.year} (${text(lang, 'currentState')})`
      : x === last
        ? `${x.year} (${text(lang, 'targetPicture')})`
        : String(x.year);
  return {
    id: 'path:milestones',
    title: text(lang, 'pathMilestones'),
    columns: [
      txt(text(lang, 'parameter'), 2.2),
      txt(text(lang, 'unit'), 0.7),
      ...ms.map((x) => ({ ...num(label(x), '', 0), rowDigits: digits })),
    ],
    rows,
  };
}

/** The measures: capacity built or retired per period year, with the investment of each build. */
export function pathMeasuresTable(m: ReportModel, lang: ReportLanguage, p: ReportPath): Table {
  const units = p.events.map((e) => capacityText(m, e.techId, e.unit));
  return {
    id: 'path:measures',
    title: text(lang, 'pathMeasures'),
    columns: [
      year(text(lang, 'periodYear')),
      txt(text(lang, 'measure'), 1),
      txt(text(lang, 'plant'), 1.8),
      { ...num(text(lang, 'amount'), '', 0, 1.2), rowUnits: units },
      num(text(lang, 'capex'), 'EUR', 0, 1.2),
    ],
    rows: p.events.map((e) => [
      e.year,
      text(lang, e.kind),
      e.dimension === 'power'
        ? text(lang, 'powerOf', { name: techName(m, e.techId) })
        : techName(m, e.techId),
      e.amount,
      e.kind === 'build' ? (e.investment_EUR ?? null) : null,
    ]),
  };
}

/** CO2 per period, its reduction against the first period and the cap. */
export function pathEmissionsTable(m: ReportModel, lang: ReportLanguage, p: ReportPath): Table {
  const t = p.targets;
  const rows: Cell[][] = p.periods.map((x, i) => [
    x.year,
    x.years,
    t.emissions_tCO2[i],
    p.reduction[i],
    p.emissions.perPeriod_t[i],
    t.co2Cap_t[i],
    yesNo(lang, t.co2Cap_t[i] === null ? null : t.emissions_tCO2[i] <= (t.co2Cap_t[i] ?? 0) + 1e-6),
  ]);
  rows.push([
    text(lang, 'sumRow'),
    p.periods.reduce((a, x) => a + x.years, 0),
    null,
    null,
    p.emissions.total_t,
    null,
    '',
  ]);
  return {
    id: 'path:emissions',
    title: text(lang, 'pathEmissions'),
    columns: [
      year(text(lang, 'periodYear')),
      num(text(lang, 'periodWeight'), 'a', 0, 0.8),
      num(text(lang, 'emissions'), 't/a', 1, 1.2),
      share(text(lang, 'co2Reduction', { year: String(p.periods[0].year) }), 1, 1.2),
      num(text(lang, 'emissionsInPeriod'), 't', 0, 1.1),
      num(text(lang, 'co2Cap'), 't/a', 0),
      txt(text(lang, 'capKept'), 0.9),
    ],
    rows,
  };
}

/** The renewable and waste heat share per period against the project's target and the WPG minimum. */
export function pathSharesTable(m: ReportModel, lang: ReportLanguage, p: ReportPath): Table {
  const t = p.targets;
  return {
    id: 'path:shares',
    title: text(lang, 'pathShares'),
    columns: [
      year(text(lang, 'periodYear')),
      share(text(lang, 'renewableWasteHeatShare'), 1, 1.3),
      share(text(lang, 'projectTarget'), 0),
      share(text(lang, 'wpgMinimum'), 0, 1.2),
      txt(text(lang, 'targetMet'), 0.9),
      txt(text(lang, 'wpgMet'), 1.1),
    ],
    rows: p.periods.map((x, i) => [
      x.year,
      t.renewableHeatShare[i],
      t.renewableHeatTarget[i],
      p.wpg[i].minimum,
      yesNo(lang, t.renewableHeatTarget[i] === null ? null : t.targetMet[i]),
      yesNo(lang, p.wpg[i].met),
    ]),
  };
}

/** Costs per period: one-off investment and grants, annual operation, aid and cost, present value, LCOH. */
export function pathCostsTable(m: ReportModel, lang: ReportLanguage, p: ReportPath): Table {
  const rows: Cell[][] = p.costs.map((c) => [
    c.year,
    c.years,
    c.cost.investment_EUR,
    c.cost.investmentGrant_EUR,
    c.cost.operation_EUR_a,
    c.cost.operatingAid_EUR_a,
    c.cost.annualCost_EUR_a,
    c.cost.presentValue_EUR,
    c.lcoh_EUR_MWh,
  ]);
  const s = p.costTotals;
  rows.push([
    text(lang, 'sumRow'),
    p.costs.reduce((a, c) => a + c.years, 0),
    s.investment_EUR,
    s.investmentGrant_EUR,
    null,
    null,
    null,
    s.presentValue_EUR,
    null,
  ]);
  return {
    id: 'path:costs',
    title: text(lang, 'pathCosts'),
    columns: [
      year(text(lang, 'periodYear'), 0.9),
      num(text(lang, 'periodWeight'), 'a', 0, 0.8),
      num(text(lang, 'capex'), 'EUR', 0, 1.2),
      num(text(lang, 'investmentGrant'), 'EUR', 0, 1.3),
      num(text(lang, 'operationCost'), 'EUR/a', 0, 1.2),
      num(text(lang, 'operatingAid'), 'EUR/a', 0, 1.4),
      num(text(lang, 'annualCost'), 'EUR/a', 0, 1.2),
      num(text(lang, 'presentValue'), 'EUR', 0, 1.2),
      num(text(lang, 'lcoh'), 'EUR/MWh', 1, 1.3),
    ],
    rows,
  };
}

/** The path input a source note in `periods.sources` is about, by its name in the project format. */
const SOURCE_LABEL: Record<string, TextKey> = {
  co2Price_EUR_t: 'co2Price',
  minRenewableHeatShare: 'renewableTarget',
  co2Cap_t: 'co2Cap',
  maxNewCapacity: 'sourceMaxNewCapacity',
  bew: 'operatingAid',
  subsidies: 'investmentGrant',
  lastPeriodYears: 'sourceLastPeriodYears',
  demand: 'sourceDemand',
  fuelPrice_factor: 'sourceFuelPrices',
  gridImportPrice_factor: 'importPrice',
  gridExportPrice_factor: 'exportPrice',
  gridCo2_kg_kWh: 'gridCo2',
  gridRenewableShare: 'renewableShareGrid',
};

/** The sources the project gives for the path's inputs (`periods.sources`); null when it gives none. */
export function pathSourcesTable(m: ReportModel, lang: ReportLanguage): Table | null {
  const periods = m.project.periods;
  const entries = Object.entries(periods?.sources ?? {}).filter(([, v]) => v.trim() !== '');
  if (!entries.length) return null;
  return {
    id: 'path:sources',
    title: text(lang, 'pathSources'),
    columns: [txt(text(lang, 'parameter'), 1.4), txt(text(lang, 'source'), 4)],
    rows: entries.map(([k, v]) => [text(lang, SOURCE_LABEL[k] ?? 'sourceOther'), v]),
  };
}

/** Every table of the Transformationsplan in the PDF's order (empty when the base is not a path). */
export function pathTables(m: ReportModel, lang: ReportLanguage): Table[] {
  const p = m.path;
  if (!p) return [];
  return [
    pathMilestonesTable(m, lang, p),
    pathMeasuresTable(m, lang, p),
    pathEmissionsTable(m, lang, p),
    pathSharesTable(m, lang, p),
    pathCostsTable(m, lang, p),
    pathNpcTable(m, lang, p),
    ...pathCompareTables(m, lang),
    pathInputsTable(m, lang, p),
    ...[pathSourcesTable(m, lang)].filter((t): t is Table => t !== null),
  ];
}

/** The path's years, base year, interest rate and horizon for the texts of the section and the method. */
export function pathTextParams(m: ReportModel, lang: ReportLanguage): Record<string, string> {
  const years = (m.path?.periods ?? []).map((x) => x.year);
  const s = m.path?.summary;
  return {
    first: String(years[0] ?? ''),
    last: String(years[years.length - 1] ?? ''),
    count: String(years.length),
    years: years.join(', '),
    baseYear: String(s?.baseYear ?? years[0] ?? ''),
    rate: pct(lang, s?.interestRate ?? m.project.economics.interestRate, 1),
    end: String(s?.horizonEnd ?? years[years.length - 1] ?? ''),
  };
}

/** The intro sentence of the section: years, base year, interest rate, horizon. */
export const pathIntro = (m: ReportModel, lang: ReportLanguage): string =>
  m.path ? text(lang, 'pathIntro', pathTextParams(m, lang)) : '';
