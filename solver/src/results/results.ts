import type { LpSolution, SolverName } from '../lp/backend';
import type { NetworkSummary } from '../network/types';
import type { BuiltModel } from '../model/build';
import type { CostCategory } from '../model/context';
import { periodAndHour } from '../model/timegrid';
import { hourLabel } from '../project/calendar';
import type { PathSummary, PeriodResult } from './path';
import { formatSolverMessage, solverMessage, type SolverMessage } from './messages';
import { COST_CATEGORIES } from './views/costs';
import {
  costOf,
  emissionOf,
  energy_kWh,
  EUR,
  fromMWh,
  fullLoad_h,
  hours,
  kgCO2,
  kW,
  kWh,
  perMWh,
  plus,
  ratio,
  scaled,
  atPrice,
  EURPerMWh,
  MWh,
  toMWh,
  toTonnes,
  total,
} from '../units';

export type ResultStatus = 'optimal' | 'time_limit' | 'infeasible' | 'unbounded' | 'cancelled' | 'error';

export interface Capacity {
  power_kW?: number;
  energy_kWh?: number;
  area_m2?: number;
}

/** The heat network of a run: summary.json's figures and lengths and costs per nominal size. */
export interface NetworkResult {
  summary: NetworkSummary;
  byDn: { dn: number; trunkLength_m: number; connectionLength_m: number; cost_EUR: number }[];
  /** Transformation paths with network temperature paths: the network in each period (same pipes). */
  byYear?: {
    year: number;
    supplyTemperature_C: number;
    returnTemperature_C: number;
    heatLoss_MWh_a: number;
    heatLossShare: number;
    pumpElectricity_MWh_a: number;
    plantPeak_kW: number;
  }[];
  /** Monthly heat losses (MWh), January first, for the losses chart. */
  lossesMonthly_MWh: number[];
  /** The pipes for a map: planar metres (ETRS89 / UTM, `epsg`), rounded to 0.1 m. */
  epsg: number;
  pipes: {
    id: string;
    kind: 'trunk' | 'connection';
    dn: number;
    length_m: number;
    points_m: [number, number][];
  }[];
}

export interface Results {
  status: ResultStatus;
  scenario: string;
  /** `netPresentCost_EUR`: transformation paths only (docs/formats/results.md). */
  objective: { totalAnnualCost_EUR: number; co2_tCO2: number; netPresentCost_EUR?: number };
  capacities: Record<string, Capacity>;
  /** Annual energy per technology and flow in MWh (e.g. annual.chp.heat_out_MWh). */
  annual: Record<string, Record<string, number>>;
  costs: { byCategory_EUR: Record<CostCategory, number>; byTechnology_EUR: Record<string, number> };
  emissions_tCO2: number;
  kpis: {
    heatDemand_MWh: number;
    electricityDemand_MWh: number;
    lcoh_EUR_MWh: number;
    lcoe_EUR_MWh: number;
    renewableHeatShare: number;
    fullLoadHours_h: Record<string, number>;
    pvSelfConsumption?: number;
    peakGridImport_kW?: number;
    gridImport_MWh?: number;
    gridExport_MWh?: number;
  };
  balance: { maxResidual_kW: number; ok: boolean };
  /** Findings in English (the contract); `messages` holds the same, coded, for other languages. */
  warnings: string[];
  messages?: SolverMessage[];
  /** Projects with a heat network: the designed network the plants were sized for (docs/formats/results.md). */
  network?: NetworkResult;
  solve: {
    solver: SolverName;
    mode: 'aggregated' | 'full';
    seconds: number;
    gap: number | null;
    columns: number;
    rows: number;
    /**
     * 15 when the full year was modelled in quarter hours (site.timeStep_min); absent: hourly. Costs,
     * energies and the grid peak then come from the quarter hours, the dispatch is their hourly mean.
     */
    timeStep_min?: 15;
    /** Full mode: how the exact LP was solved, and the proven bounds of the decomposition. */
    method?: 'direct' | 'decomposition' | 'blocks';
    bounds_EUR?: { lower: number; upper: number; iterations: number };
    /** Aggregated mode: the sizing run on typical days and the full-year check with those capacities. */
    sizing?: {
      typicalPeriods: number;
      /** Time segments per typical period, when the sizing used segments instead of hours. */
      segmentsPerPeriod?: number;
      objective_EUR: number;
      seconds: number;
      gap: number | null;
      /**
       * Many candidate plants: the sizing LP solved by pricing them (run/candidatePricing.ts), with
       * `plantsInLp` of `plants` in its last restricted LP after `rounds` rounds; the same optimum.
       */
      pricing?: { rounds: number; plantsInLp: number; plants: number };
    };
    fullYearCheck?: { objective_EUR: number; seconds: number; status: ResultStatus };
    /** Relative difference between the full-year check and the sizing objective. */
    aggregationGap?: number;
    /**
     * Aggregated mode with `milp`: the full-year plan is a MILP dispatch (minimum part loads) by a
     * rolling horizon (run/rollingDispatch.ts), bracketed by the LP check (lower) and the plan (upper).
     */
    dispatchMilp?: DispatchMilp;
    /**
     * Aggregated mode: the full-year refinement of the typical-day capacities (run/refine.ts). The plan
     * (capacities, dispatch, costs) is the refined one; proven: no cheaper plan exists (gap 0).
     */
    refinement?: Refinement;
  };
  /** Transformation path: one entry per period (solver/src/results/path.ts); absent for a single year. */
  periods?: PeriodResult[];
  path?: PathSummary;
}

/** The full-year refinement of an aggregated run (docs/formats/results.md, `solve.refinement`). */
export interface Refinement {
  /** Trust-region steps after the full-year check (each a warm full-year LP, capacities free in a box). */
  steps: number;
  /** The plan is the proven optimum of the full-year LP. */
  proven: boolean;
  objective_EUR: number;
  /** Proven lower bound on any plan's cost (null before the cuts bound anything). */
  lowerBound_EUR: number | null;
  /** (objective − lower bound) / objective; 0 when proven. */
  gap: number | null;
  seconds: number;
}

/** The rolling-horizon MILP dispatch of a `--milp` run (docs/formats/results.md, `solve.dispatchMilp`). */
export interface DispatchMilp {
  status: ResultStatus;
  /** Windows solved, hours kept from each, look-ahead hours solved and dropped. */
  windows: number;
  window_h: number;
  overlap_h: number;
  /** (upper − lower)/|upper|: how far the plan can at most lie above the best plan with minimum loads. */
  gap: number | null;
  /** The full-year LP check with the same capacities (no plan respecting minimum loads costs less). */
  lowerBound_EUR: number | null;
  /** The plan's objective. */
  upperBound_EUR: number | null;
  /** Sum of the windows' own MIP gaps, in EUR. */
  windowGaps_EUR: number;
  seconds: number;
  /** Hours in which a CHP runs above 0 but below its minimum load: in the LP check, and in the plan (0). */
  checkHoursBelowMinLoad: number;
  hoursBelowMinLoad: number | null;
}

export interface Dispatch {
  /** Hour of the year of each row (full mode: 0..8759). */
  hours: Int32Array;
  weight: Float64Array;
  year: number;
  /** IANA time zone of the site (site.timeZone); absent means Europe/Berlin. */
  timeZone?: string;
  /** Column name (e.g. "chp.heat_out_kW") → kW per step. */
  series: Record<string, Float64Array>;
}

const HEAT_TECHS = new Set([
  'boiler',
  'electricBoiler',
  'heatPump',
  'solarThermal',
  'heatStorage',
  'heatDump',
]);

/** Reads a column of the solution; a column that does not exist (-1) is 0. */
type ValueOf = (col: number) => number;

/** Installed capacities per technology in its own unit (kW, kWp, kWh, m²), and the plain value of each. */
function capacitiesOf(built: BuiltModel, val: ValueOf) {
  const capacities: Record<string, Capacity> = {};
  const capacityValue: Record<string, number> = {};
  for (const c of built.ctx.capacities) {
    const v = val(c.col);
    capacityValue[c.techId] = v;
    const cap: Capacity = {};
    if (c.unit === 'kW' || c.unit === 'kWp') cap.power_kW = v;
    else if (c.unit === 'kWh') cap.energy_kWh = v;
    else cap.area_m2 = v;
    if (c.powerCol !== undefined) cap.power_kW = val(c.powerCol);
    const t = built.project.technologies.find((tt) => tt.id === c.techId);
    if (t?.type === 'heatStorage') cap.power_kW = v * t.cRate_per_h;
    capacities[c.techId] = cap;
  }
  return { capacities, capacityValue };
}

/** Every flow as kW per step ("tech.flow_kW"), storage levels ("tech.soc_kWh") and annual MWh per flow. */
function flowsOf(built: BuiltModel, x: Float64Array, val: ValueOf) {
  const { ctx, grid } = built;
  const series: Record<string, Float64Array> = {};
  const annual: Record<string, Record<string, MWh>> = {};
  for (const f of ctx.flows) {
    const s = new Float64Array(ctx.T);
    let e = kWh(0);
    for (let k = 0; k < ctx.T; k++) {
      s[k] = f.cols[k] >= 0 ? Math.abs(f.coefs[k]) * x[f.cols[k]] : 0;
      e = plus(e, energy_kWh(kW(s[k]), hours(grid.weight[k])));
    }
    series[`${f.techId}.${f.name}_kW`] = s;
    (annual[f.techId] ??= {})[`${f.name}_MWh`] = toMWh(e);
  }
  for (const st of ctx.storages) {
    const s = new Float64Array(ctx.T);
    for (let k = 0; k < ctx.T; k++) s[k] = val(st.soc[k]);
    series[`${st.techId}.soc_kWh`] = s;
  }
  return { series, annual };
}

/** Annual cost by category and by technology (EUR/a), their total, and the emissions (kg CO2/a). */
function costsOf(built: BuiltModel, val: ValueOf) {
  const { ctx } = built;
  const byCategory = Object.fromEntries(COST_CATEGORIES.map((c) => [c, EUR(0)])) as Record<CostCategory, EUR>;
  const byTechnology: Record<string, EUR> = {};
  const book = (category: CostCategory, techId: string, v: EUR) => {
    byCategory[category] = plus(byCategory[category], v);
    byTechnology[techId] = plus(byTechnology[techId] ?? EUR(0), v);
  };
  for (const term of ctx.costs) book(term.category, term.techId, costOf(term.coef, val(term.col)));
  for (const c of ctx.constantCosts) book(c.category, c.techId, c.value_EUR);
  const total_EUR = total(Object.values(byCategory));
  let co2_kg = kgCO2(0);
  for (const e of ctx.emissions) co2_kg = plus(co2_kg, emissionOf(e.kg, val(e.col)));
  return { byCategory, byTechnology, total_EUR, co2_kg };
}

/**
 * Energy balance recomputed from the solution, independent of the solver's row activities: the
 * largest |Σ flows − demand| over carriers and steps, and the peak demand it is judged against.
 */
function balanceOf(built: BuiltModel, x: Float64Array): { maxResidual_kW: kW; peakDemand_kW: kW } {
  const { ctx } = built;
  let maxResidual_kW = 0;
  let peakDemand_kW = 1;
  for (const carrier of ['heat', 'electricity'] as const) {
    const sum = new Float64Array(ctx.T);
    for (const f of ctx.flows)
      if (f.carrier === carrier)
        for (let k = 0; k < ctx.T; k++) if (f.cols[k] >= 0) sum[k] += f.coefs[k] * x[f.cols[k]];
    for (let k = 0; k < ctx.T; k++) {
      const d = ctx.at(built.demand[carrier], k);
      peakDemand_kW = Math.max(peakDemand_kW, Math.abs(d));
      maxResidual_kW = Math.max(maxResidual_kW, Math.abs(sum[k] - d));
    }
  }
  return { maxResidual_kW: kW(maxResidual_kW), peakDemand_kW: kW(peakDemand_kW) };
}

/** KPIs: demands, LCOH/LCOE, renewable heat share, full-load hours, grid figures, PV self-consumption. */
function kpisOf(
  built: BuiltModel,
  val: ValueOf,
  flows: ReturnType<typeof flowsOf>,
  caps: ReturnType<typeof capacitiesOf>,
  byTechnology: Record<string, EUR>,
): Results['kpis'] {
  const { ctx, project, grid } = built;
  const { series, annual } = flows;
  const { capacities, capacityValue } = caps;
  const demandMWh = (s: Float64Array): MWh => {
    let e = kWh(0);
    for (let k = 0; k < ctx.T; k++) e = plus(e, energy_kWh(kW(ctx.at(s, k)), hours(grid.weight[k])));
    return toMWh(e);
  };
  const heatDemand_MWh = demandMWh(built.demand.heat);
  const elDemand_MWh = demandMWh(built.demand.electricity);

  // LCOH/LCOE: heat plants carry their own costs plus their electricity at the average electricity cost;
  // CHP costs split by output energy. The two add up to the total cost.
  const flow = (techId: string, name: string): MWh => annual[techId]?.[name] ?? MWh(0);
  let elCost = EUR(0);
  let heatCost = EUR(0);
  let heatTechElectricity_MWh = MWh(0);
  for (const t of project.technologies) {
    const c = byTechnology[t.id] ?? EUR(0);
    if (t.type === 'chp') {
      const el = flow(t.id, 'el_out_MWh');
      const heat = flow(t.id, 'heat_out_MWh');
      const share = el + heat > 0 ? el / (el + heat) : 0.5;
      elCost = plus(elCost, scaled(c, share));
      heatCost = plus(heatCost, scaled(c, 1 - share));
    } else if (HEAT_TECHS.has(t.type)) {
      heatCost = plus(heatCost, c);
      heatTechElectricity_MWh = plus(heatTechElectricity_MWh, flow(t.id, 'el_in_MWh'));
    } else elCost = plus(elCost, c);
  }
  elCost = plus(elCost, byTechnology.grid ?? EUR(0));
  const elUse_MWh = plus(elDemand_MWh, heatTechElectricity_MWh);
  const lcoe = elUse_MWh > 0 ? perMWh(elCost, elUse_MWh) : EURPerMWh(0);
  heatCost = plus(heatCost, atPrice(lcoe, heatTechElectricity_MWh));

  // The renewable-heat terms are weighted kWh per unit of their column.
  let renewableHeat_kWh = kWh(0);
  for (const r of ctx.renewableHeat) renewableHeat_kWh = plus(renewableHeat_kWh, kWh(r.coef * val(r.col)));

  let heatFedIn_MWh = MWh(0);
  for (const a of Object.values(annual)) heatFedIn_MWh = plus(heatFedIn_MWh, MWh(a.heat_out_MWh ?? 0));

  // Full-load hours: output over capacity; storage by its power, solar thermal (m²) has none.
  const fullLoadHours_h: Record<string, number> = {};
  for (const t of project.technologies) {
    const a = annual[t.id] ?? {};
    const out = a.heat_out_MWh ?? a.el_out_MWh ?? a.discharge_MWh;
    const capForFlh =
      t.type === 'battery' || t.type === 'heatStorage'
        ? (capacities[t.id].power_kW ?? 0)
        : (capacityValue[t.id] ?? 0);
    if (out !== undefined && capForFlh > 1e-9 && t.type !== 'solarThermal')
      fullLoadHours_h[t.id] = fullLoad_h(fromMWh(out), kW(capForFlh));
  }

  const kpis: Results['kpis'] = {
    heatDemand_MWh,
    electricityDemand_MWh: elDemand_MWh,
    lcoh_EUR_MWh: heatDemand_MWh > 0 ? perMWh(heatCost, heatDemand_MWh) : 0,
    lcoe_EUR_MWh: lcoe,
    // Of the heat fed in by the generators (WPG § 29), as the renewable-share constraint counts it.
    renewableHeatShare: heatFedIn_MWh > 0 ? ratio(toMWh(renewableHeat_kWh), heatFedIn_MWh) : 0,
    fullLoadHours_h,
  };
  const imp = series['grid.import_kW'];
  if (imp) {
    kpis.peakGridImport_kW = imp.reduce((m, v) => Math.max(m, v), 0);
    kpis.gridImport_MWh = annual.grid?.import_MWh ?? 0;
  }
  if (series['grid.export_kW']) kpis.gridExport_MWh = annual.grid?.export_MWh ?? 0;
  const pvGen = project.technologies
    .filter((t) => t.type === 'pv')
    .reduce((a, t) => a + (annual[t.id]?.el_out_MWh ?? 0), 0);
  if (pvGen > 0)
    kpis.pvSelfConsumption = Math.max(0, Math.min(1, (pvGen - (kpis.gridExport_MWh ?? 0)) / pvGen));
  return kpis;
}

/** Findings on the operation: storages that charge and discharge in the same step. */
function storageMessages(built: BuiltModel, val: ValueOf): SolverMessage[] {
  const { ctx, project, grid } = built;
  const messages: SolverMessage[] = [];
  /** Findings name technologies as the user does. */
  const nameOf = (id: string) => {
    const t = project.technologies.find((tt) => tt.id === id);
    return t?.name?.trim() || id;
  };
  for (const st of ctx.storages) {
    let hours = 0;
    let first = -1;
    // On quarter hours: the hours in which at least one quarter does both (never "in 0 hours").
    let lastHour = -1;
    for (let k = 0; k < ctx.T; k++) {
      const c = val(st.charge[k]);
      const d = val(st.discharge[k]);
      if (c > 1e-3 && d > 1e-3) {
        if (!grid.stepsPerHour) hours += grid.weight[k];
        else if (grid.hours[k] !== lastHour) {
          hours += 1;
          lastHour = grid.hours[k];
        }
        if (first < 0) first = k;
      }
    }
    if (hours > 0)
      messages.push(
        solverMessage('simultaneousStorage', {
          tech: nameOf(st.techId),
          hours: Math.round(hours),
          ...(grid.mode === 'full'
            ? { first: hourLabel(project.site.year, grid.hours[first], project.site.timeZone) }
            : periodAndHour(grid, first)),
          carrier: st.carrier,
        }),
      );
  }
  return messages;
}

/** Turns a solved model into results: capacities, energies, costs, emissions, KPIs and a balance check. */
export function readResults(built: BuiltModel, sol: LpSolution): { results: Results; dispatch: Dispatch } {
  const { project, grid } = built;
  const x = sol.x;
  const val: ValueOf = (col) => (col >= 0 ? x[col] : 0);
  const caps = capacitiesOf(built, val);
  const flows = flowsOf(built, x, val);
  const costs = costsOf(built, val);
  const balance = balanceOf(built, x);
  const messages = storageMessages(built, val);

  const results: Results = {
    status: sol.status === 'optimal' || sol.status === 'time_limit' ? sol.status : 'error',
    scenario: built.options.scenarioId ?? 'base',
    objective: { totalAnnualCost_EUR: costs.total_EUR, co2_tCO2: toTonnes(costs.co2_kg) },
    capacities: caps.capacities,
    annual: flows.annual,
    costs: { byCategory_EUR: costs.byCategory, byTechnology_EUR: costs.byTechnology },
    emissions_tCO2: toTonnes(costs.co2_kg),
    kpis: kpisOf(built, val, flows, caps, costs.byTechnology),
    balance: {
      maxResidual_kW: balance.maxResidual_kW,
      ok: balance.maxResidual_kW <= 1e-6 * balance.peakDemand_kW,
    },
    warnings: messages.map((m) => formatSolverMessage(m)),
    messages,
    solve: {
      solver: sol.solver,
      mode: built.options.mode,
      seconds: sol.seconds,
      gap: sol.mipGap ?? null,
      columns: built.model.colNames.length,
      rows: built.model.rowNames.length,
      ...(grid.stepsPerHour === 4 ? { timeStep_min: 15 as const } : {}),
    },
  };
  const dispatch: Dispatch = {
    hours: grid.hours,
    weight: grid.weight,
    year: project.site.year,
    timeZone: project.site.timeZone,
    series: flows.series,
  };
  return { results, dispatch: grid.stepsPerHour ? hourlyDispatch(dispatch, grid.stepsPerHour) : dispatch };
}

/**
 * A quarter-hourly dispatch as hourly means, the time basis of every chart, table and export of a
 * dispatch (results/views): each hour's kW (and kWh of a storage level) is the mean of its
 * `perHour` steps, so its energy is the sum of theirs.
 */
export function hourlyDispatch(d: Dispatch, perHour: number): Dispatch {
  const H = Math.floor(d.hours.length / perHour);
  const hours = new Int32Array(H);
  for (let h = 0; h < H; h++) hours[h] = d.hours[h * perHour];
  const series: Record<string, Float64Array> = {};
  for (const [k, v] of Object.entries(d.series)) {
    const out = new Float64Array(H);
    for (let h = 0; h < H; h++) {
      let sum = 0;
      for (let q = 0; q < perHour; q++) sum += v[h * perHour + q];
      out[h] = sum / perHour;
    }
    series[k] = out;
  }
  return { ...d, hours, weight: new Float64Array(H).fill(1), series };
}

/** The dispatch CSV writer lives with the other results views (kept here for the package's exports). */
export { dispatchCsv } from './views/csv';
