import type { Dispatch, Results } from '../results';

/** Small hand-computed cases shared by the views' tests. */

export const f = (...v: number[]) => Float64Array.from(v);

/** Three hours: heat from a boiler, a heat pump and a storage; electricity from the grid. */
export function smallDispatch(): Dispatch {
  return {
    hours: Int32Array.from([0, 1, 25]),
    weight: f(1, 1, 1),
    year: 2025,
    series: {
      'gb.heat_out_kW': f(10, 0, 5),
      'hp.heat_out_kW': f(30, 40, 20),
      'hp.el_in_kW': f(10, 12, 8),
      'tes.charge_kW': f(5, 0, 0),
      'tes.discharge_kW': f(0, 4, 0),
      'tes.soc_kWh': f(5, 0.8, 0),
      'grid.import_kW': f(20, 22, 18),
      'grid.export_kW': f(0, 0, 0),
    },
  };
}

export function smallResults(over: Partial<Results> = {}): Results {
  return {
    status: 'optimal',
    scenario: 'base',
    objective: { totalAnnualCost_EUR: 1000, co2_tCO2: 2 },
    capacities: { gb: { power_kW: 10 }, hp: { power_kW: 40 }, tes: { energy_kWh: 50, power_kW: 5 } },
    annual: {
      gb: { heat_out_MWh: 9 },
      hp: { heat_out_MWh: 30, el_in_MWh: 10 },
      tes: { charge_MWh: 2, discharge_MWh: 1.8 },
      grid: { import_MWh: 25, export_MWh: 1 },
      pv: { el_out_MWh: 4 },
    },
    costs: {
      byCategory_EUR: {
        annuity: 600,
        subsidy: -100,
        fixedOm: 0,
        variableOm: 0,
        fuel: 300,
        gridEnergy: 200,
        gridPeak: 0,
        co2: 0,
        exportRevenue: 0,
        bonus: 0,
      },
      byTechnology_EUR: { gb: 500, hp: 300, grid: 200 },
    },
    emissions_tCO2: 2,
    kpis: {
      heatDemand_MWh: 37.8,
      electricityDemand_MWh: 18,
      lcoh_EUR_MWh: 20,
      lcoe_EUR_MWh: 10,
      renewableHeatShare: 0.5,
      fullLoadHours_h: {},
    },
    balance: { maxResidual_kW: 0, ok: true },
    warnings: [],
    solve: { solver: 'highs', mode: 'full', seconds: 1, gap: null, columns: 1, rows: 1 },
    ...over,
  };
}

export const techs = {
  gb: { type: 'boiler', fuel: 'gas', efficiency: 0.9 },
  hp: { type: 'heatPump' },
  tes: { type: 'heatStorage' },
  pv: { type: 'pv' },
};
