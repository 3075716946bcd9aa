import type { StoredResult } from '../../../db/results';
import { techInfosOf } from '../../../../../solver/src';
import type {
  Capacity,
  Dispatch,
  PathCapacity,
  PathCost,
  PeriodResult,
  Results,
} from '../../../../../solver/src';

/**
 * A transformation path 2025–2045 of a small district network, built by hand per the contract
 * (solver/src/results/path.ts), for the path view's tests. Figures are chosen to be checked by
 * hand: the gas boiler (800 kW) serves until 2045, a heat pump of 400 kW and a store of 20 000 kWh
 * come in 2030, 1 500 m² of solar thermal in 2035, 200 kW more heat pump in 2040. The CO2 cap is
 * missed in 2035 (380 t > 350 t) and the renewable target in 2040 (78 % < 80 %).
 */

export const PATH_YEARS = [2025, 2030, 2035, 2040, 2045];

/** The project's technologies (names as the user gave them). */
export const pathDocument = {
  name: 'Quartier Nord',
  technologies: [
    { id: 'gb', name: 'Gaskessel Bestand', type: 'boiler', fuel: 'gas', efficiency: 0.92 },
    { id: 'hp', name: 'Großwärmepumpe', type: 'heatPump' },
    { id: 'tes', name: 'Wärmespeicher', type: 'heatStorage' },
    { id: 'st', name: 'Solarthermie Freifläche', type: 'solarThermal' },
    { id: 'pv', name: 'PV Dach', type: 'pv' },
  ],
};

export const pathNames: Record<string, string> = Object.fromEntries(
  pathDocument.technologies.map((t) => [t.id, t.name]),
);

/** What the charts know of the plants (type, fuel, efficiency), as the results page reads it. */
export const pathTechs = techInfosOf(pathDocument);

const cap = (
  unit: PathCapacity['unit'],
  existing: number,
  built: number,
  retired: number,
  total: number,
) => ({
  unit,
  existing,
  built,
  retired,
  total,
});

/** Per period: capacities (existing, built, retired, total). */
const CAPACITIES: Record<string, PathCapacity>[] = [
  { gb: cap('kW', 800, 0, 0, 800), pv: cap('kWp', 100, 0, 0, 100) },
  {
    gb: cap('kW', 800, 0, 0, 800),
    hp: cap('kW', 0, 400, 0, 400),
    tes: cap('kWh', 0, 20000, 0, 20000),
    pv: cap('kWp', 100, 0, 0, 100),
  },
  {
    gb: cap('kW', 800, 0, 0, 800),
    hp: cap('kW', 0, 0, 0, 400),
    tes: cap('kWh', 0, 0, 0, 20000),
    st: cap('m2', 0, 1500, 0, 1500),
    pv: cap('kWp', 100, 0, 0, 100),
  },
  {
    gb: cap('kW', 800, 0, 0, 800),
    hp: cap('kW', 0, 200, 0, 600),
    tes: cap('kWh', 0, 0, 0, 20000),
    st: cap('m2', 0, 0, 0, 1500),
    pv: cap('kWp', 100, 0, 0, 100),
  },
  {
    gb: cap('kW', 0, 0, 800, 0),
    hp: cap('kW', 0, 0, 0, 600),
    tes: cap('kWh', 0, 0, 0, 20000),
    st: cap('m2', 0, 0, 0, 1500),
    pv: cap('kWp', 100, 0, 0, 100),
  },
];

const HEAT: Record<string, number>[] = [
  { gb: 4000 },
  { gb: 2100, hp: 1800 },
  { gb: 1500, hp: 1700, st: 600 },
  { gb: 814, hp: 2186, st: 700 },
  { hp: 2900, st: 700 },
];
const HEAT_DEMAND = [4000, 3900, 3800, 3700, 3600];
const SHARE = [0, 0.45, 0.6, 0.78, 1];
const TARGET = [undefined, 0.3, undefined, 0.8, 1];
const EMISSIONS = [850, 560, 380, 210, 40];
const CAP = [undefined, 600, 350, 250, 50];
const CO2_PRICE = [55, 90, 120, 150, 180];

const cost = (
  investment_EUR: number,
  investmentGrant_EUR: number,
  operation_EUR_a: number,
  operatingAid_EUR_a: number,
  annualCost_EUR_a: number,
  presentValue_EUR: number,
): PathCost => ({
  investment_EUR,
  investmentGrant_EUR,
  operation_EUR_a,
  operatingAid_EUR_a,
  annualCost_EUR_a,
  presentValue_EUR,
});

const COSTS: PathCost[] = [
  cost(0, 0, 320000, 0, 360000, 1500000),
  cost(1080000, -432000, 250000, -40000, 370000, 1900000),
  cost(750000, -300000, 210000, -50000, 380000, 1400000),
  cost(240000, -96000, 190000, -60000, 385000, 1200000),
  cost(0, 0, 170000, -60000, 360000, 900000),
];

/** The net present cost: the sum of the periods' present values. */
export const NET_PRESENT_COST = 6900000;

function singleYear(i: number): Results {
  const capacities: Record<string, Capacity> = {};
  for (const [id, c] of Object.entries(CAPACITIES[i])) {
    if (c.total <= 0) continue;
    capacities[id] =
      c.unit === 'kWh'
        ? { energy_kWh: c.total }
        : c.unit === 'm2'
          ? { area_m2: c.total }
          : { power_kW: c.total };
  }
  const annual: Results['annual'] = Object.fromEntries(
    Object.entries(HEAT[i]).map(([id, v]) => [id, { heat_out_MWh: v }]),
  );
  const c = COSTS[i];
  return {
    status: 'optimal',
    scenario: 'base',
    objective: { totalAnnualCost_EUR: c.annualCost_EUR_a, co2_tCO2: EMISSIONS[i] },
    capacities,
    annual,
    costs: {
      byCategory_EUR: {
        annuity: c.annualCost_EUR_a - c.operation_EUR_a - c.operatingAid_EUR_a,
        subsidy: c.operatingAid_EUR_a,
        fixedOm: 0,
        variableOm: 0,
        fuel: c.operation_EUR_a,
        gridEnergy: 0,
        gridPeak: 0,
        co2: 0,
        exportRevenue: 0,
        bonus: 0,
      },
      byTechnology_EUR: {},
    },
    emissions_tCO2: EMISSIONS[i],
    kpis: {
      heatDemand_MWh: HEAT_DEMAND[i],
      electricityDemand_MWh: 500,
      lcoh_EUR_MWh: c.annualCost_EUR_a / HEAT_DEMAND[i],
      lcoe_EUR_MWh: 0,
      renewableHeatShare: SHARE[i],
      fullLoadHours_h: {},
    },
    balance: { maxResidual_kW: 0, ok: true },
    warnings: [],
    solve: { solver: 'highs', mode: 'full', seconds: 12.5, gap: null, columns: 10, rows: 10 },
  };
}

function period(i: number): PeriodResult {
  return {
    year: PATH_YEARS[i],
    years: 5,
    capacities: CAPACITIES[i],
    generation_MWh: { heat: HEAT[i], electricity: { pv: 95 } },
    renewableHeatShare: SHARE[i],
    ...(TARGET[i] !== undefined ? { renewableHeatTarget: TARGET[i] } : {}),
    emissions_tCO2: EMISSIONS[i],
    ...(CAP[i] !== undefined ? { co2Cap_t: CAP[i] } : {}),
    heatDemand_MWh: HEAT_DEMAND[i],
    electricityDemand_MWh: 500,
    lcoh_EUR_MWh: COSTS[i].annualCost_EUR_a / HEAT_DEMAND[i],
    co2Price_EUR_t: CO2_PRICE[i],
    cost_EUR: COSTS[i],
    results: singleYear(i),
  };
}

/** The path's results: the first period's figures on top, the periods, the measures. */
export function pathResults(): Results {
  const first = singleYear(0);
  // A fresh copy each time: tests may change it.
  return structuredClone({
    ...first,
    objective: { ...first.objective, netPresentCost_EUR: NET_PRESENT_COST },
    periods: PATH_YEARS.map((_, i) => period(i)),
    path: {
      years: PATH_YEARS,
      baseYear: 2025,
      horizonEnd: 2050,
      interestRate: 0.04,
      residualValue_EUR: 350000,
      events: [
        { kind: 'retire', year: 2045, techId: 'gb', dimension: 'value', amount: 800, unit: 'kW' },
        {
          kind: 'build',
          year: 2030,
          techId: 'tes',
          dimension: 'value',
          amount: 20000,
          unit: 'kWh',
          investment_EUR: 600000,
        },
        {
          kind: 'build',
          year: 2030,
          techId: 'hp',
          dimension: 'value',
          amount: 400,
          unit: 'kW',
          investment_EUR: 480000,
        },
        {
          kind: 'build',
          year: 2035,
          techId: 'st',
          dimension: 'value',
          amount: 1500,
          unit: 'm2',
          investment_EUR: 750000,
        },
        {
          kind: 'build',
          year: 2040,
          techId: 'hp',
          dimension: 'value',
          amount: 200,
          unit: 'kW',
          investment_EUR: 240000,
        },
      ],
    },
  });
}

/** A small hourly dispatch of the first period (three typical steps). */
export function pathDispatch(): Dispatch {
  const f = (...v: number[]) => Float64Array.from(v);
  return {
    hours: Int32Array.from([0, 4000, 8000]),
    weight: f(2920, 2920, 2920),
    year: 2023,
    series: { 'gb.heat_out_kW': f(700, 250, 420) },
  };
}

/** The path stored as the planner stores a run (dispatch of the first period, or none). */
export function pathStored(over: Partial<StoredResult> = {}, withDispatch = true): StoredResult {
  return {
    id: 'p1:base',
    projectId: 'p1',
    scenarioId: 'base',
    inputsHash: 'h',
    createdAt: Date.UTC(2026, 11, 5, 12, 0),
    payload: {
      results: pathResults(),
      dispatch: withDispatch ? pathDispatch() : null,
      scenarioName: 'Basis',
      mode: 'full',
    },
    ...over,
  };
}

/** The visible text with a break between elements (textContent runs cells together). */
export function visibleText(el: Element): string {
  const parts: string[] = [];
  const walk = (n: Node) => {
    if (n.nodeType === 3) parts.push(n.textContent ?? '');
    else n.childNodes.forEach(walk);
    if (n.nodeType === 1) parts.push('\n');
  };
  walk(el);
  return parts.join('').replace(/\n+/g, '\n');
}
