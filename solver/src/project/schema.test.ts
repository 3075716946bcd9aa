import { readFileSync } from 'node:fs';
import { describe, expect, expectTypeOf, it } from 'vitest';
import { PLANNER, projectSchema, technologySchemas } from './schema';
import type * as T from './types';

describe('project format v2 from one TypeBox definition', () => {
  it('gives the JSON Schema of docs/formats/project-v2.schema.json, as plain JSON', () => {
    const doc = readFileSync(
      new URL('../../../docs/formats/project-v2.schema.json', import.meta.url),
      'utf8',
    );
    // toStrictEqual: no symbol keys of TypeBox, no planner annotations, nothing undefined
    expect(projectSchema).toStrictEqual(JSON.parse(doc));
    expect(JSON.stringify(projectSchema)).not.toContain(PLANNER);
  });

  it('keeps its planner annotations on the technology schemas only', () => {
    const annotated = technologySchemas.flatMap((s) =>
      Object.entries(s.properties as Record<string, Record<string, unknown>>)
        .filter(([, p]) => p[PLANNER])
        .map(([k]) => `${s.properties.type.const}.${k}`),
    );
    expect(annotated).toContain('boiler.efficiency');
    expect(annotated).not.toContain('battery.minPower_kW');
    expect(annotated).not.toContain('boiler.id');
  });

  it('derives the types the hand-written ones were (pinned below)', () => {
    expectTypeOf<T.TimeSeriesSpec>().toEqualTypeOf<Pinned.TimeSeriesSpec>();
    expectTypeOf<T.PriceSpec>().toEqualTypeOf<Pinned.PriceSpec>();
    expectTypeOf<T.Site>().toEqualTypeOf<Pinned.Site>();
    expectTypeOf<T.Fuel>().toEqualTypeOf<Pinned.Fuel>();
    expectTypeOf<T.Grid>().toEqualTypeOf<Pinned.Grid>();
    expectTypeOf<T.Boiler>().toEqualTypeOf<Pinned.Boiler>();
    expectTypeOf<T.ElectricBoiler>().toEqualTypeOf<Pinned.ElectricBoiler>();
    expectTypeOf<T.Chp>().toEqualTypeOf<Pinned.Chp>();
    expectTypeOf<T.HeatPump>().toEqualTypeOf<Pinned.HeatPump>();
    expectTypeOf<T.Pv>().toEqualTypeOf<Pinned.Pv>();
    expectTypeOf<T.SolarThermal>().toEqualTypeOf<Pinned.SolarThermal>();
    expectTypeOf<T.Battery>().toEqualTypeOf<Pinned.Battery>();
    expectTypeOf<T.HeatStorage>().toEqualTypeOf<Pinned.HeatStorage>();
    expectTypeOf<T.HeatDump>().toEqualTypeOf<Pinned.HeatDump>();
    expectTypeOf<T.Technology>().toEqualTypeOf<Pinned.Technology>();
    expectTypeOf<T.TechnologyType>().toEqualTypeOf<Pinned.TechnologyType>();
    expectTypeOf<T.Constraints>().toEqualTypeOf<Pinned.Constraints>();
    expectTypeOf<T.Scenario>().toEqualTypeOf<Pinned.Scenario>();
    expectTypeOf<T.Project>().toEqualTypeOf<Pinned.Project>();
  });
});

/** The hand-written types of format v1 before they were derived (commit 0856cbb), as a pin, with v2's additions. */
// eslint-disable-next-line @typescript-eslint/no-namespace
declare namespace Pinned {
  export type TimeSeriesSpec =
    | { unit: string; values: number[]; source?: string }
    | { unit: string; file: string; column?: string; source?: string };

  export type PriceSpec = number | { series: string; scale?: number; adder?: number };

  export interface Site {
    year: number;
    timeZone: string;
    location?: string;
    latitude_deg?: number;
    longitude_deg?: number;
    ambientTemperature?: string;
    weather?:
      | { kind: 'dwd-try'; region?: number; year: 2015 | 2045 }
      | {
          kind: 'file';
          name: string;
          format: 'pvgis-csv' | 'pvgis-json' | 'epw' | 'dwd-try';
          latitude_deg?: number;
          longitude_deg?: number;
          attribution?: string;
        };
    timeStep_min?: 60 | 15;
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
      peakCharge_EUR_kW_a?: number;
      connectionLimit_kW?: number;
      renewableShare?: number;
    };
    export?: {
      price_EUR_kWh: PriceSpec;
      limit_kW?: number;
    };
  }

  export interface TechBase {
    id: string;
    name?: string;
    capex_EUR_per_unit: number;
    lifetime_a: number;
    fixedOm_share: number;
    varOm_EUR_kWh?: number;
    subsidy_share?: number;
    min?: number;
    max?: number;
    existing?: number;
    commissioned_year?: number;
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
    minLoad_share?: number;
    bonus_EUR_kWhEl?: number;
  }
  export interface HeatPump extends TechBase {
    type: 'heatPump';
    heatSource: 'air' | 'ground' | 'groundwater' | 'wastewater' | 'river';
    carnotEfficiency: number;
    supplyTemp_C: number;
    sourceDelta_K: number;
    groundTemp_C?: number;
    copMin: number;
    copMax: number;
    defrostLoss_share?: number;
    defrostBelow_C?: number;
    supplyMode?: 'fixed' | 'curve';
    designOutdoor_C?: number;
    heatingLimit_C?: number;
    supplyMin_C?: number;
  }
  export interface Pv extends TechBase {
    type: 'pv';
    yieldSeries: string;
    curtailable: boolean;
  }
  export interface SolarThermal extends TechBase {
    type: 'solarThermal';
    yieldSeries: string;
    curtailable: boolean;
  }
  export interface Battery extends TechBase {
    type: 'battery';
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
    overrides: Record<string, unknown>;
  }

  export interface Project {
    formatVersion: 2;
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
    periods?: T.Periods;
    network?: T.ProjectNetwork;
    scenarios?: Scenario[];
    notes?: Record<string, unknown>;
  }
}
