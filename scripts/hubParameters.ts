/** The reference hub's parameters (../shared/cases/reference-hub/parameters.json), read by the
 * example builder and the benchmark's straightforward formulation. */

/** Investment cost data of one technology in parameters.json (EUR per kW or kWh, years, share). */
export interface Invest {
  capex: number;
  life: number;
  om: number;
}

/** The fields of shared/cases/reference-hub/parameters.json. */
export interface HubParameters {
  interest: number;
  gasPrice_EUR_kWh: number;
  co2Price_EUR_kg: number;
  co2Gas_kg_kWh: number;
  co2Grid_kg_kWh: number;
  importAdder_EUR_kWh: number;
  exportFee_EUR_kWh: number;
  peakCharge_EUR_kW_a: number;
  exportLimit_kW: number;
  gb: Invest & { eff: number; max: number };
  chp: Invest & { effEl: number; effTh: number; vom: number; max: number };
  hp: Invest & { eta: number; tSupply: number };
  eb: Invest & { eff: number };
  pv: Invest & { max: number };
  bat: Omit<Invest, 'capex'> & {
    capexE: number;
    capexP: number;
    effCh: number;
    effDis: number;
    loss: number;
  };
  tes: Invest & { effCh: number; effDis: number; loss: number; cRate: number };
  /** CHP minimum part load (share of capacity), for the MILP variant. */
  minLoad: number;
}
