/**
 * Project format v2: one JSON document per project (docs/formats/project.md). The types are
 * derived from the one definition of the format in schema.ts (`Static<…>`), so they cannot drift
 * from the JSON Schema the validator uses; the field documentation lives there. Units are in the
 * field names. Time series are hourly over the site year in local standard time (hour 0 =
 * 1 January 00:00 standard time), 8760 values, 8784 in leap years.
 */
import type { Static } from '@sinclair/typebox';
import type {
  BatterySchema,
  BoilerSchema,
  ChpSchema,
  ConstraintsSchema,
  ElectricBoilerSchema,
  FuelSchema,
  GridSchema,
  HeatDumpSchema,
  HeatPumpSchema,
  HeatStorageSchema,
  PriceSpecSchema,
  PeriodsSchema,
  DemandPathSchema,
  ProjectSchema,
  PvSchema,
  ScenarioSchema,
  SiteSchema,
  SolarThermalSchema,
  TimeSeriesSpecSchema,
} from './schema';
import type { NetworkSchema, PipeTypeSchema } from './networkSchema';

export const FORMAT_VERSION = 2;

/** An hourly series, inline or a reference to a profile file beside the project. */
export type TimeSeriesSpec = Static<typeof TimeSeriesSpecSchema>;

/** A price: a constant, or a series times `scale` plus `adder` (e.g. spot EUR/MWh × 0.001 + 0.14). */
export type PriceSpec = Static<typeof PriceSpecSchema>;

export type Site = Static<typeof SiteSchema>;
export type Fuel = Static<typeof FuelSchema>;
export type Grid = Static<typeof GridSchema>;

export type Boiler = Static<typeof BoilerSchema>;
export type ElectricBoiler = Static<typeof ElectricBoilerSchema>;
export type Chp = Static<typeof ChpSchema>;
export type HeatPump = Static<typeof HeatPumpSchema>;
export type Pv = Static<typeof PvSchema>;
export type SolarThermal = Static<typeof SolarThermalSchema>;
export type Battery = Static<typeof BatterySchema>;
export type HeatStorage = Static<typeof HeatStorageSchema>;
export type HeatDump = Static<typeof HeatDumpSchema>;

export type Technology =
  Boiler | ElectricBoiler | Chp | HeatPump | Pv | SolarThermal | Battery | HeatStorage | HeatDump;
export type TechnologyType = Technology['type'];

export type Constraints = Static<typeof ConstraintsSchema>;
export type Scenario = Static<typeof ScenarioSchema>;
export type Periods = Static<typeof PeriodsSchema>;
/** A project's heat network: GeoJSON input and parameter overrides (docs/formats/network.md). */
export type ProjectNetwork = Static<typeof NetworkSchema>;
export type PipeTypeSpec = Static<typeof PipeTypeSchema>;
export type DemandPath = Static<typeof DemandPathSchema>;
/** year → value (see YearPathSchema). */
export type YearPath = Record<string, number>;
export type Project = Static<typeof ProjectSchema>;
