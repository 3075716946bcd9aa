/**
 * Project format v1: one JSON document per project (docs/formats/project.md, JSON Schema in
 * schema.ts). Units are in the field names. Time series are hourly over the site year in local
 * standard time (hour 0 = 1 January 00:00 standard time), 8760 values, 8784 in leap years.
 */

export const FORMAT_VERSION = 1;

/** An hourly series, inline or a reference to a profile file beside the project. */
export type TimeSeriesSpec =
  | { unit: string; values: number[]; source?: string }
  | { unit: string; file: string; column?: string; source?: string };

/** A price: a constant, or a series times `scale` plus `adder` (e.g. spot EUR/MWh × 0.001 + 0.14). */
export type PriceSpec = number | { series: string; scale?: number; adder?: number };

export interface Site {
  year: number;
  timeZone: string;
  location?: string;
  latitude_deg?: number;
  longitude_deg?: number;
  /** Series id of the ambient air temperature (°C), used by air-source heat pumps. */
  ambientTemperature?: string;
}

export interface Fuel {
  price_EUR_kWh: PriceSpec;
  co2_kg_kWh: number;
  renewable: boolean;
}

export interface Grid {
  import?: {
    price_EUR_kWh: PriceSpec;
    co2_kg_kWh: number;
    /** Leistungspreis on the annual import peak. */
    peakCharge_EUR_kW_a?: number;
    connectionLimit_kW?: number;
    /** Share of grid electricity counted as renewable (for the renewable-heat share). */
    renewableShare?: number;
  };
  export?: {
    price_EUR_kWh: PriceSpec;
    limit_kW?: number;
  };
}

interface TechBase {
  id: string;
  name?: string;
  /** Investment per unit of capacity (kW; kWp for PV; m² for solar thermal; kWh for heat storage). */
  capex_EUR_per_unit: number;
  lifetime_a: number;
  /** Fixed O&M per year as a share of the investment. */
  fixedOm_share: number;
  /** Variable O&M per kWh of the main output. */
  varOm_EUR_kWh?: number;
  /** Investment subsidy as a share of the investment (e.g. BEW 0.4). */
  subsidy_share?: number;
  min?: number;
  max?: number;
  existing?: number;
  /** Source of the default figures (document, year). */
  source?: string;
}

export interface Boiler extends TechBase {
  type: 'boiler';
  fuel: string;
  efficiency: number;
}
export interface ElectricBoiler extends TechBase {
  type: 'electricBoiler';
  efficiency: number;
}
export interface Chp extends TechBase {
  type: 'chp';
  fuel: string;
  efficiencyEl: number;
  efficiencyTh: number;
  /** Minimum part load as a share of the electric capacity (MILP only). */
  minLoad_share?: number;
  /** Bonus per kWh of electricity (e.g. KWKG surcharge). */
  bonus_EUR_kWhEl?: number;
}
export interface HeatPump extends TechBase {
  type: 'heatPump';
  heatSource: 'air' | 'ground';
  /** COP = carnotEfficiency · (273.15 + supplyTemp_C) / (supplyTemp_C − (T_source − sourceDelta_K)). */
  carnotEfficiency: number;
  supplyTemp_C: number;
  sourceDelta_K: number;
  /** Ground-source: constant source temperature. */
  groundTemp_C?: number;
  copMin: number;
  copMax: number;
}
export interface Pv extends TechBase {
  type: 'pv';
  /** Series id: yield in kWh per kWp and hour. */
  yieldSeries: string;
  curtailable: boolean;
}
export interface SolarThermal extends TechBase {
  type: 'solarThermal';
  /** Series id: heat yield in kWh per m² and hour. */
  yieldSeries: string;
  curtailable: boolean;
}
export interface Battery extends TechBase {
  type: 'battery';
  /** capex_EUR_per_unit is per kWh of energy; power is priced here. */
  capexPower_EUR_kW: number;
  efficiencyCharge: number;
  efficiencyDischarge: number;
  selfDischarge_per_h: number;
  minPower_kW?: number;
  maxPower_kW?: number;
}
export interface HeatStorage extends TechBase {
  type: 'heatStorage';
  efficiencyCharge: number;
  efficiencyDischarge: number;
  loss_per_h: number;
  /** Charge and discharge power per kWh of capacity. */
  cRate_per_h: number;
}
export interface HeatDump extends TechBase {
  type: 'heatDump';
}

export type Technology =
  Boiler | ElectricBoiler | Chp | HeatPump | Pv | SolarThermal | Battery | HeatStorage | HeatDump;
export type TechnologyType = Technology['type'];

export interface Constraints {
  co2Cap_t?: number;
  minRenewableHeatShare?: number;
  maxGridImport_kWh?: number;
}

export interface Scenario {
  id: string;
  name: string;
  description?: string;
  /** JSON pointer into the base document → replacement value. */
  overrides: Record<string, unknown>;
}

export interface ProjectV1 {
  formatVersion: 1;
  name: string;
  description?: string;
  site: Site;
  timeSeries: Record<string, TimeSeriesSpec>;
  demands: { heat: string; electricity: string; cooling?: string };
  economics: { interestRate: number; co2Price_EUR_t: number };
  fuels: Record<string, Fuel>;
  grid: Grid;
  technologies: Technology[];
  constraints?: Constraints;
  scenarios?: Scenario[];
  /** Free-form notes kept with the project (e.g. benchmark figures of an example). */
  notes?: Record<string, unknown>;
}
