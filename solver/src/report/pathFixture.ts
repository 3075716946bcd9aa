/**
 * A transformation path for the report tests, built per the types of results/path.ts with round,
 * hand-checkable figures: a district heating network in 2025, 2035 and 2045 (10 years each) that
 * retires its CHP in 2035, builds a river heat pump, solar thermal and a heat storage, and halves
 * its gas boilers by 2045. Only the tests import it.
 */
import type { Project } from '../project/types';
import type { PathCapacity, PathEvent, PeriodResult } from '../results/path';
import type { Results } from '../results/results';

const SOURCE = 'Annahme für den Testfall';

export function pathProject(): Project {
  const hours = 8760;
  const heat = Array.from({ length: hours }, (_, h) => 4000 + 2500 * Math.cos((2 * Math.PI * h) / hours));
  return {
    formatVersion: 2,
    name: 'Wärmenetz Nord – Transformationsplan',
    site: { year: 2023, timeZone: 'Europe/Berlin', location: 'Musterstadt' },
    timeSeries: {
      heat: { unit: 'kW', values: heat, source: SOURCE },
      electricity: { unit: 'kW', values: Array.from({ length: hours }, () => 0), source: SOURCE },
      st_yield: { unit: 'kWh/m2', values: Array.from({ length: hours }, () => 0.05), source: SOURCE },
    },
    demands: { heat: 'heat', electricity: 'electricity' },
    economics: { interestRate: 0.04, co2Price_EUR_t: 55 },
    fuels: { gas: { price_EUR_kWh: 0.05, co2_kg_kWh: 0.201, renewable: false } },
    grid: { import: { price_EUR_kWh: 0.2, co2_kg_kWh: 0.38 } },
    technologies: [
      {
        id: 'gb',
        name: 'Gaskessel',
        type: 'boiler',
        fuel: 'gas',
        efficiency: 0.95,
        capex_EUR_per_unit: 80,
        lifetime_a: 20,
        fixedOm_share: 0.02,
        existing: 4000,
        source: SOURCE,
      },
      {
        id: 'chp',
        name: 'BHKW',
        type: 'chp',
        fuel: 'gas',
        efficiencyEl: 0.38,
        efficiencyTh: 0.48,
        capex_EUR_per_unit: 1200,
        lifetime_a: 15,
        fixedOm_share: 0.03,
        existing: 1000,
        source: SOURCE,
      },
      {
        id: 'hp',
        name: 'Flusswasser-Wärmepumpe',
        type: 'heatPump',
        heatSource: 'river',
        carnotEfficiency: 0.5,
        supplyTemp_C: 80,
        sourceDelta_K: 4,
        copMin: 1.5,
        copMax: 5,
        capex_EUR_per_unit: 1200,
        lifetime_a: 20,
        fixedOm_share: 0.015,
        source: SOURCE,
      },
      {
        id: 'st',
        name: 'Solarthermie',
        type: 'solarThermal',
        yieldSeries: 'st_yield',
        curtailable: true,
        capex_EUR_per_unit: 450,
        lifetime_a: 25,
        fixedOm_share: 0.01,
        source: SOURCE,
      },
      {
        id: 'tes',
        name: 'Wärmespeicher',
        type: 'heatStorage',
        efficiencyCharge: 0.99,
        efficiencyDischarge: 0.99,
        loss_per_h: 0.001,
        cRate_per_h: 0.1,
        capex_EUR_per_unit: 30,
        lifetime_a: 30,
        fixedOm_share: 0.01,
        source: SOURCE,
      },
    ],
    periods: {
      years: [2025, 2035, 2045],
      lastPeriodYears: 10,
      baseYear: 2025,
      prices: { co2Price_EUR_t: { '2025': 55, '2035': 150, '2045': 250 } },
      targets: {
        minRenewableHeatShare: { '2035': 0.5, '2045': 0.95 },
        co2Cap_t: { '2045': 500 },
      },
    },
  };
}

const cap = (unit: PathCapacity['unit'], existing: number, built = 0, retired = 0, total?: number) => ({
  unit,
  existing,
  built,
  retired,
  total: total ?? existing + built,
});

interface PeriodFigures {
  year: number;
  capacities: Record<string, PathCapacity>;
  heat: Record<string, number>;
  electricity: Record<string, number>;
  share: number;
  target?: number;
  emissions: number;
  co2Cap?: number;
  heatDemand: number;
  co2Price: number;
  cost: PeriodResult['cost_EUR'];
}

/** The single-year results of a period (annuity view) as a one-year run reports them. */
function yearResults(f: PeriodFigures): Results {
  const capacities: Results['capacities'] = {};
  for (const [id, c] of Object.entries(f.capacities)) {
    if (c.total <= 0) continue;
    capacities[id] =
      c.unit === 'kWh'
        ? { energy_kWh: c.total }
        : c.unit === 'm2'
          ? { area_m2: c.total }
          : { power_kW: c.total };
  }
  const annual: Results['annual'] = {};
  for (const [id, v] of Object.entries(f.heat)) annual[id] = { heat_out_MWh: v };
  for (const [id, v] of Object.entries(f.electricity)) annual[id] = { ...annual[id], el_out_MWh: v };
  const aid = f.cost.operatingAid_EUR_a;
  return {
    status: 'optimal',
    scenario: 'base',
    objective: { totalAnnualCost_EUR: f.cost.annualCost_EUR_a, co2_tCO2: f.emissions },
    capacities,
    annual,
    costs: {
      byCategory_EUR: {
        annuity: f.cost.annualCost_EUR_a - f.cost.operation_EUR_a - aid,
        subsidy: aid,
        fixedOm: 0,
        variableOm: 0,
        fuel: f.cost.operation_EUR_a,
        gridEnergy: 0,
        gridPeak: 0,
        co2: 0,
        exportRevenue: 0,
        bonus: 0,
      },
      byTechnology_EUR: {},
    },
    emissions_tCO2: f.emissions,
    kpis: {
      heatDemand_MWh: f.heatDemand,
      electricityDemand_MWh: 0,
      lcoh_EUR_MWh: f.cost.annualCost_EUR_a / f.heatDemand,
      lcoe_EUR_MWh: 0,
      renewableHeatShare: f.share,
      fullLoadHours_h: {},
    },
    balance: { maxResidual_kW: 0, ok: true },
    warnings: [],
    solve: { solver: 'highs', mode: 'aggregated', seconds: 1, gap: 0, columns: 100, rows: 100 },
  };
}

function period(f: PeriodFigures): PeriodResult {
  return {
    year: f.year,
    years: 10,
    capacities: f.capacities,
    generation_MWh: { heat: f.heat, electricity: f.electricity },
    renewableHeatShare: f.share,
    ...(f.target !== undefined ? { renewableHeatTarget: f.target } : {}),
    emissions_tCO2: f.emissions,
    ...(f.co2Cap !== undefined ? { co2Cap_t: f.co2Cap } : {}),
    heatDemand_MWh: f.heatDemand,
    electricityDemand_MWh: 0,
    lcoh_EUR_MWh: f.cost.annualCost_EUR_a / f.heatDemand,
    co2Price_EUR_t: f.co2Price,
    cost_EUR: f.cost,
    results: yearResults(f),
  };
}

/**
 * The path's figures. Hand-checkable: CO2 8.000 → 3.000 → 400 t/a (−62,5 %, −95 %); renewable
 * share 0 → 50 % → 35.500/36.000 MWh (98,6 %); investment 6.150.000 EUR in 2035 (2.000 kW × 1.200 +
 * 5.000 m² × 450 + 50.000 kWh × 30) and 1.100.000 EUR in 2045; net present cost 49.300.000 EUR.
 */
export const PATH_PERIODS: PeriodFigures[] = [
  {
    year: 2025,
    capacities: { gb: cap('kW', 4000), chp: cap('kW', 1000) },
    heat: { gb: 25000, chp: 15000 },
    electricity: { chp: 12000 },
    share: 0,
    emissions: 8000,
    heatDemand: 40000,
    co2Price: 55,
    cost: {
      investment_EUR: 0,
      investmentGrant_EUR: 0,
      operation_EUR_a: 2_400_000,
      operatingAid_EUR_a: 0,
      annualCost_EUR_a: 2_700_000,
      presentValue_EUR: 21_000_000,
    },
  },
  {
    year: 2035,
    capacities: {
      gb: cap('kW', 4000),
      chp: cap('kW', 0, 0, 1000, 0),
      hp: cap('kW', 0, 2000),
      st: cap('m2', 0, 5000),
      tes: cap('kWh', 0, 50000),
    },
    heat: { gb: 19000, hp: 17000, st: 2000 },
    electricity: {},
    share: 0.5,
    target: 0.5,
    emissions: 3000,
    heatDemand: 38000,
    co2Price: 150,
    cost: {
      investment_EUR: 6_150_000,
      investmentGrant_EUR: -2_460_000,
      operation_EUR_a: 1_500_000,
      operatingAid_EUR_a: -200_000,
      annualCost_EUR_a: 2_660_000,
      presentValue_EUR: 18_500_000,
    },
  },
  {
    year: 2045,
    capacities: {
      gb: cap('kW', 2000, 0, 2000, 2000),
      chp: cap('kW', 0, 0, 0, 0),
      hp: cap('kW', 0, 1000, 0, 3000),
      st: cap('m2', 0, 0, 0, 5000),
      tes: cap('kWh', 0, 0, 0, 50000),
    },
    heat: { gb: 500, hp: 33000, st: 2500 },
    electricity: {},
    share: 35500 / 36000,
    target: 0.95,
    emissions: 400,
    co2Cap: 500,
    heatDemand: 36000,
    co2Price: 250,
    cost: {
      investment_EUR: 1_100_000,
      investmentGrant_EUR: -440_000,
      operation_EUR_a: 900_000,
      operatingAid_EUR_a: -150_000,
      annualCost_EUR_a: 2_520_000,
      presentValue_EUR: 9_800_000,
    },
  },
];

export const PATH_EVENTS: PathEvent[] = [
  {
    kind: 'build',
    year: 2035,
    techId: 'hp',
    dimension: 'value',
    amount: 2000,
    unit: 'kW',
    investment_EUR: 2_400_000,
  },
  {
    kind: 'build',
    year: 2035,
    techId: 'st',
    dimension: 'value',
    amount: 5000,
    unit: 'm2',
    investment_EUR: 2_250_000,
  },
  {
    kind: 'build',
    year: 2035,
    techId: 'tes',
    dimension: 'value',
    amount: 50000,
    unit: 'kWh',
    investment_EUR: 1_500_000,
  },
  { kind: 'retire', year: 2035, techId: 'chp', dimension: 'value', amount: 1000, unit: 'kW' },
  { kind: 'retire', year: 2045, techId: 'gb', dimension: 'value', amount: 2000, unit: 'kW' },
  {
    kind: 'build',
    year: 2045,
    techId: 'hp',
    dimension: 'value',
    amount: 1000,
    unit: 'kW',
    investment_EUR: 1_100_000,
  },
];

/** The results of the path: top-level figures of the first period, the periods and the path summary. */
export function pathResults(): Results {
  const periods = PATH_PERIODS.map(period);
  return {
    ...periods[0].results,
    objective: { ...periods[0].results.objective, netPresentCost_EUR: 49_300_000 },
    periods,
    path: {
      years: [2025, 2035, 2045],
      baseYear: 2025,
      horizonEnd: 2055,
      interestRate: 0.04,
      residualValue_EUR: 1_200_000,
      events: PATH_EVENTS,
    },
  };
}
