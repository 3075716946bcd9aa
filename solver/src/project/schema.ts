import { Type, type Static, type TSchema, type TUnsafe } from '@sinclair/typebox';
import { NetworkSchema } from './networkSchema';

/**
 * Project format v2, defined once (docs/decisions/project-schema-source.md). From this TypeBox
 * definition follow the JSON Schema `projectSchema` (draft 2020-12 subset understood by ajv;
 * unknown keys are rejected), the TypeScript types in types.ts (`Static<…>`) and the planner's
 * field table (renderer/src/project/techFields.ts, from the `x-planner` annotations below).
 * Units are in the field names.
 */

/**
 * How the planner's technology forms show a property (renderer/src/project/techFields.ts).
 * Bounds, whether it is required and which types have it come from the schema itself. A technology
 * property without this annotation has no form field. The annotation is stripped from
 * `projectSchema`, so it is no part of the published JSON Schema.
 */
export interface PlannerAnnotation {
  /** Label: i18n key below planner.tech.fields. */
  label: string;
  /** Input kind; 'number' for numbers, 'check' for booleans when absent. */
  kind?: 'text' | 'fuel' | 'yieldSeries' | 'heatSource' | 'supplyMode';
  /** Unit as shown; `cap` is the type's capacity unit, `EUR/cap` the investment per it. */
  unit?: string;
  /** Shown value = stored value × scale (shares in %). */
  scale?: number;
  /** i18n key of a hint below the field. */
  hint?: string;
  /** Adds data-testid `<tech id>-<testId>`. */
  testId?: string;
}

/** The keyword that carries a PlannerAnnotation on a property schema. */
export const PLANNER = 'x-planner';

/** The schema with a planner annotation (a copy: shared schemas stay unannotated). */
const ui = <T extends TSchema>(schema: T, planner: PlannerAnnotation): T => ({
  ...schema,
  [PLANNER]: planner,
});

// JSON Schema shapes that TypeBox's own builders spell differently (`Literal` adds `type`, `Union`
// is `anyOf`, `Record` uses `patternProperties`); the static type is given with each.
const lit = <T extends string | number>(value: T): TUnsafe<T> & { const: T } =>
  Type.Unsafe<T>({ const: value }) as TUnsafe<T> & { const: T };
const oneOf = <T extends TSchema[]>(...schemas: T): TUnsafe<Static<T[number]>> =>
  Type.Unsafe<Static<T[number]>>({ oneOf: schemas });
const dict = <T extends TSchema>(values: T): TUnsafe<Record<string, Static<T>>> =>
  Type.Unsafe<Record<string, Static<T>>>({ type: 'object', propertyNames: id, additionalProperties: values });
const anyObject = () => Type.Unsafe<Record<string, unknown>>({ type: 'object' });
const closed = { additionalProperties: false } as const;

const num = Type.Number();
const nonNeg = Type.Number({ minimum: 0 });
const share = Type.Number({ minimum: 0, maximum: 1 });
const positive = Type.Number({ exclusiveMinimum: 0 });
const id = Type.String({ pattern: '^[A-Za-z][A-Za-z0-9_-]{0,63}$' });
const text = Type.String({ maxLength: 2000 });
const efficiency = Type.Number({ exclusiveMinimum: 0, maximum: 1 });
const opt = Type.Optional.bind(Type);

const pct = { unit: '%', scale: 100 } as const;
const pctPerHour = { unit: '%/h', scale: 100 } as const;

/** A price: a constant, or a series times `scale` plus `adder` (e.g. spot EUR/MWh × 0.001 + 0.14). */
export const PriceSpecSchema = oneOf(
  num,
  Type.Object({ series: id, scale: opt(num), adder: opt(num) }, closed),
);

/** An hourly series, inline or a reference to a profile file beside the project. */
export const TimeSeriesSpecSchema = oneOf(
  Type.Object({ unit: Type.String({ maxLength: 32 }), values: Type.Array(num), source: opt(text) }, closed),
  Type.Object(
    {
      unit: Type.String({ maxLength: 32 }),
      file: Type.String({ maxLength: 500 }),
      column: opt(text),
      source: opt(text),
    },
    closed,
  ),
);

/**
 * Properties every technology has besides `id` and `type`. TypeBox lists required properties in
 * property order, so the required ones come first here (after the optional name), as the format's
 * `required` lists have them; the planner's form shows the annotated ones in this order, then the
 * type's own.
 */
const techBase = {
  name: opt(ui(text, { label: 'name', kind: 'text' })),
  /** Investment per unit of capacity (kW; kWp for PV; m² for solar thermal; kWh for heat storage). */
  capex_EUR_per_unit: ui(nonNeg, { label: 'capex', unit: 'EUR/cap', testId: 'capex' }),
  lifetime_a: ui(Type.Number({ minimum: 1, maximum: 100 }), { label: 'lifetime', unit: 'a' }),
  /** Fixed O&M per year as a share of the investment. */
  fixedOm_share: ui(share, { label: 'fixedOm', ...pct }),
  /** Variable O&M per kWh of the main output (battery and heat storage: per kWh discharged). */
  varOm_EUR_kWh: opt(ui(nonNeg, { label: 'varOm', unit: 'EUR/kWh' })),
  /** Investment subsidy as a share of the investment (e.g. BEW 0.4). */
  subsidy_share: opt(ui(share, { label: 'subsidy', ...pct, hint: 'planner.tech.subsidyHint' })),
  min: opt(ui(nonNeg, { label: 'min', unit: 'cap' })),
  max: opt(ui(nonNeg, { label: 'max', unit: 'cap', testId: 'max' })),
  existing: opt(ui(nonNeg, { label: 'existing', unit: 'cap' })),
  /**
   * Transformation path: year the existing capacity went into service; it retires after lifetime_a
   * (in service in the periods whose year is before commissioned_year + lifetime_a). Absent: the
   * existing capacity stays for the whole path.
   */
  commissioned_year: opt(
    ui(Type.Integer({ minimum: 1950, maximum: 2100 }), { label: 'commissioned', testId: 'commissioned' }),
  ),
  /** Source of the default figures (document, year). */
  source: opt(text),
};

/** One technology type: id, its `type` tag, the common properties and its own. */
function tech<K extends string, P extends Record<string, TSchema>>(type: K, props: P) {
  return Type.Object({ id, type: lit(type), ...techBase, ...props }, closed);
}

const fuel = ui(id, { label: 'fuel', kind: 'fuel' });
/** Series id: yield per unit of capacity and hour (kWh per kWp for PV, per m² for solar thermal). */
const yieldSeries = ui(id, { label: 'yieldSeries', kind: 'yieldSeries' });
const curtailable = ui(Type.Boolean(), { label: 'curtailable' });

export const BoilerSchema = tech('boiler', {
  fuel,
  efficiency: ui(efficiency, { label: 'efficiency', ...pct }),
});
export const ElectricBoilerSchema = tech('electricBoiler', {
  efficiency: ui(efficiency, { label: 'efficiency', ...pct }),
});
export const ChpSchema = tech('chp', {
  fuel,
  efficiencyEl: ui(efficiency, { label: 'efficiencyEl', ...pct }),
  efficiencyTh: ui(efficiency, { label: 'efficiencyTh', ...pct }),
  /** Minimum part load as a share of the electric capacity (MILP only). */
  minLoad_share: opt(ui(share, { label: 'minLoad', ...pct })),
  /** Bonus per kWh of electricity (e.g. KWKG surcharge). */
  bonus_EUR_kWhEl: opt(ui(nonNeg, { label: 'bonus', unit: 'EUR/kWh el' })),
});
export const HeatPumpSchema = tech('heatPump', {
  /** Heat source; the source temperature per type is in solver/src/model/heatPump.ts (sourceTemperature). */
  heatSource: ui(
    Type.Unsafe<'air' | 'ground' | 'groundwater' | 'wastewater' | 'river'>({
      enum: ['air', 'ground', 'groundwater', 'wastewater', 'river'],
    }),
    {
      label: 'heatSource',
      kind: 'heatSource',
    },
  ),
  /** COP = carnotEfficiency · (273.15 + supplyTemp_C) / (supplyTemp_C − (T_source − sourceDelta_K)). */
  carnotEfficiency: ui(efficiency, { label: 'carnot', ...pct }),
  supplyTemp_C: ui(Type.Number({ minimum: 20, maximum: 120 }), { label: 'supplyTemp', unit: '°C' }),
  sourceDelta_K: ui(Type.Number({ minimum: 0, maximum: 30 }), { label: 'sourceDelta', unit: 'K' }),
  /**
   * Ground-source: constant source temperature (required). Groundwater: constant source temperature,
   * wastewater/river: annual mean of the seasonal source temperature (absent = the defaults in heatPump.ts).
   */
  groundTemp_C: opt(ui(Type.Number({ minimum: -10, maximum: 40 }), { label: 'groundTemp', unit: '°C' })),
  copMin: ui(Type.Number({ minimum: 1 }), { label: 'copMin' }),
  copMax: ui(Type.Number({ minimum: 1, maximum: 20 }), { label: 'copMax' }),
  /** Air-source: share of COP lost to defrosting while the air is below defrostBelow_C; absent = none. */
  defrostLoss_share: opt(ui(Type.Number({ minimum: 0, maximum: 0.5 }), { label: 'defrostLoss', ...pct })),
  /** Air-source: icing threshold for defrostLoss_share; absent = 2 °C. */
  defrostBelow_C: opt(ui(Type.Number({ minimum: -20, maximum: 15 }), { label: 'defrostBelow', unit: '°C' })),
  /** 'fixed' (absent): supplyTemp_C all year; 'curve': heating curve on the outdoor temperature. */
  supplyMode: opt(
    ui(Type.Unsafe<'fixed' | 'curve'>({ enum: ['fixed', 'curve'] }), {
      label: 'supplyMode',
      kind: 'supplyMode',
    }),
  ),
  /** Heating curve: outdoor temperature at which the supply is supplyTemp_C; absent = −12 °C. */
  designOutdoor_C: opt(
    ui(Type.Number({ minimum: -40, maximum: 10 }), { label: 'designOutdoor', unit: '°C' }),
  ),
  /** Heating curve: heating limit at which the supply reaches supplyMin_C; absent = 15 °C. */
  heatingLimit_C: opt(ui(Type.Number({ minimum: 0, maximum: 25 }), { label: 'heatingLimit', unit: '°C' })),
  /** Heating curve: supply temperature at and above the heating limit; absent = 30 °C. */
  supplyMin_C: opt(ui(Type.Number({ minimum: 20, maximum: 120 }), { label: 'supplyMin', unit: '°C' })),
});
export const PvSchema = tech('pv', {
  /** Series id: yield in kWh per kWp and hour. */
  yieldSeries,
  curtailable,
});
export const SolarThermalSchema = tech('solarThermal', {
  /** Series id: heat yield in kWh per m² and hour. */
  yieldSeries,
  curtailable,
});
export const BatterySchema = tech('battery', {
  /** capex_EUR_per_unit is per kWh of energy; power is priced here. */
  capexPower_EUR_kW: ui(nonNeg, { label: 'capexPower', unit: 'EUR/kW' }),
  efficiencyCharge: ui(efficiency, { label: 'efficiencyCharge', ...pct }),
  efficiencyDischarge: ui(efficiency, { label: 'efficiencyDischarge', ...pct }),
  selfDischarge_per_h: ui(share, { label: 'selfDischarge', ...pctPerHour }),
  /** Not in the planner's form (no annotation). */
  minPower_kW: opt(nonNeg),
  maxPower_kW: opt(ui(nonNeg, { label: 'maxPower', unit: 'kW' })),
});
export const HeatStorageSchema = tech('heatStorage', {
  efficiencyCharge: ui(efficiency, { label: 'efficiencyCharge', ...pct }),
  efficiencyDischarge: ui(efficiency, { label: 'efficiencyDischarge', ...pct }),
  loss_per_h: ui(share, { label: 'loss', ...pctPerHour }),
  /** Charge and discharge power per kWh of capacity. */
  cRate_per_h: ui(positive, { label: 'cRate', unit: '1/h' }),
});
export const HeatDumpSchema = tech('heatDump', {});

/** The technology types, in the order of the format's `oneOf` (and of the catalogue). */
export const technologySchemas = [
  BoilerSchema,
  ElectricBoilerSchema,
  ChpSchema,
  HeatPumpSchema,
  PvSchema,
  SolarThermalSchema,
  BatterySchema,
  HeatStorageSchema,
  HeatDumpSchema,
] as const;

export const TechnologySchema = Type.Unsafe<Static<(typeof technologySchemas)[number]>>({
  type: 'object',
  required: ['type'],
  discriminator: { propertyName: 'type' },
  oneOf: technologySchemas,
});

/**
 * The site's weather: a DWD test reference year (region 1–15, absent = the region nearest to the site;
 * mean year 2015 or the 2045 projection) or an imported weather file, named with its format, position
 * and source note.
 */
export const WeatherChoiceSchema = oneOf(
  Type.Object(
    {
      kind: lit('dwd-try'),
      region: opt(Type.Integer({ minimum: 1, maximum: 15 })),
      year: oneOf(lit(2015), lit(2045)),
    },
    closed,
  ),
  Type.Object(
    {
      kind: lit('file'),
      /** The file's name as imported. */
      name: Type.String({ minLength: 1, maxLength: 260 }),
      format: oneOf(lit('pvgis-csv'), lit('pvgis-json'), lit('epw'), lit('dwd-try')),
      latitude_deg: opt(Type.Number({ minimum: -90, maximum: 90 })),
      longitude_deg: opt(Type.Number({ minimum: -180, maximum: 180 })),
      /** The data provider's source note. */
      attribution: opt(text),
    },
    closed,
  ),
);

export const SiteSchema = Type.Object(
  {
    year: Type.Integer({ minimum: 1990, maximum: 2100 }),
    timeZone: Type.String({ minLength: 1, maxLength: 64 }),
    location: opt(text),
    latitude_deg: opt(Type.Number({ minimum: -90, maximum: 90 })),
    longitude_deg: opt(Type.Number({ minimum: -180, maximum: 180 })),
    /** Series id of the ambient air temperature (°C), used by air-source heat pumps. */
    ambientTemperature: opt(id),
    /**
     * The weather the planner makes the site's weather series from (docs/weather.md). Absent: the DWD
     * test reference year 2015 of the region nearest to latitude/longitude.
     */
    weather: opt(WeatherChoiceSchema),
    /**
     * The model's time step in minutes over the full year: 60 (absent) or 15, the metering interval of
     * German load-profile metering (RLM). Series may be hourly or quarter-hourly in either case; an
     * hourly series holds its value over the hour's four quarters (docs/model.md, Time step).
     */
    timeStep_min: opt(Type.Union([Type.Literal(60), Type.Literal(15)])),
  },
  closed,
);

export const FuelSchema = Type.Object(
  { price_EUR_kWh: PriceSpecSchema, co2_kg_kWh: nonNeg, renewable: Type.Boolean() },
  closed,
);

export const GridSchema = Type.Object(
  {
    import: opt(
      Type.Object(
        {
          price_EUR_kWh: PriceSpecSchema,
          co2_kg_kWh: nonNeg,
          /** Leistungspreis on the annual import peak. */
          peakCharge_EUR_kW_a: opt(nonNeg),
          connectionLimit_kW: opt(nonNeg),
          /** Share of grid electricity counted as renewable (for the renewable-heat share). */
          renewableShare: opt(share),
        },
        closed,
      ),
    ),
    export: opt(Type.Object({ price_EUR_kWh: PriceSpecSchema, limit_kW: opt(nonNeg) }, closed)),
  },
  closed,
);

export const ConstraintsSchema = Type.Object(
  { co2Cap_t: opt(nonNeg), minRenewableHeatShare: opt(share), maxGridImport_kWh: opt(nonNeg) },
  closed,
);

export const ScenarioSchema = Type.Object(
  {
    id,
    name: Type.String({ minLength: 1, maxLength: 200 }),
    description: opt(text),
    /** JSON pointer into the base document → replacement value. */
    overrides: anyObject(),
  },
  closed,
);

/**
 * A value that changes over the path: year → value (keys are years, e.g. {"2025": 55, "2030": 100}).
 * Prices and demand factors are interpolated linearly between the given years and held constant
 * outside them; targets and caps hold from their year on (a step; none before the first year).
 */
export const YearPathSchema = Type.Unsafe<Record<string, number>>({
  type: 'object',
  propertyNames: { pattern: '^(19[5-9][0-9]|20[0-9][0-9]|2100)$' },
  minProperties: 1,
  additionalProperties: { type: 'number' },
});
const yearShare = Type.Unsafe<Record<string, number>>({
  ...YearPathSchema,
  additionalProperties: { type: 'number', minimum: 0, maximum: 1 },
});
const yearNonNeg = Type.Unsafe<Record<string, number>>({
  ...YearPathSchema,
  additionalProperties: { type: 'number', minimum: 0 },
});

/** How one demand changes over the path: factor × (1 − renovation rate)^(year − first year), or another series in a year. */
export const DemandPathSchema = Type.Object(
  {
    /** Factor on the demand series (new connections, losses), interpolated. */
    factor: opt(yearNonNeg),
    /** Yearly reduction by renovation as a share per year, compounded from the first period. */
    renovationRate_per_a: opt(Type.Number({ minimum: 0, maximum: 0.2 })),
    /** year → series id used instead of the demand series in that period (before the factors). */
    series: opt(Type.Unsafe<Record<string, string>>({ ...YearPathSchema, additionalProperties: id })),
  },
  closed,
);

/**
 * Transformation path (format v2, docs/formats/project.md): the periods, the paths of what changes,
 * the targets per period and the BEW economics. Absent: one period, the site year, as in format v1.
 */
export const PeriodsSchema = Type.Object(
  {
    /** Period years in increasing order (2025, 2030, … 2045; yearly steps allowed). */
    years: Type.Array(Type.Integer({ minimum: 1990, maximum: 2100 }), { minItems: 1, maxItems: 60 }),
    /** Years the last period stands for; absent = the step before it (1 for a single period). */
    lastPeriodYears: opt(Type.Integer({ minimum: 1, maximum: 30 })),
    /** Base year of the net present value; absent = the first period's year. */
    baseYear: opt(Type.Integer({ minimum: 1990, maximum: 2100 })),
    demand: opt(Type.Object({ heat: opt(DemandPathSchema), electricity: opt(DemandPathSchema) }, closed)),
    prices: opt(
      Type.Object(
        {
          /** fuel id → factor on its price. */
          fuelPrice_factor: opt(dict(yearNonNeg)),
          gridImportPrice_factor: opt(yearNonNeg),
          gridExportPrice_factor: opt(yearNonNeg),
          /** CO2 price (BEHG, then ETS2), EUR per tonne; replaces economics.co2Price_EUR_t. */
          co2Price_EUR_t: opt(yearNonNeg),
          /** Emission factor of grid electricity, replaces grid.import.co2_kg_kWh. */
          gridCo2_kg_kWh: opt(yearNonNeg),
          /** Renewable share of grid electricity, replaces grid.import.renewableShare. */
          gridRenewableShare: opt(yearShare),
        },
        closed,
      ),
    ),
    targets: opt(
      Type.Object(
        {
          /** Minimum renewable or waste-heat share of the network heat (WPG § 29: 30 % 2030, 80 % 2040, 100 % 2045). */
          minRenewableHeatShare: opt(yearShare),
          /** CO2 cap per year of the period, tonnes. */
          co2Cap_t: opt(yearNonNeg),
          /** technology id → the most new capacity that may be built in a period (its unit). */
          maxNewCapacity: opt(dict(yearNonNeg)),
        },
        closed,
      ),
    ),
    /** Investment grant share per technology id over the path (replaces its subsidy_share for plants built then). */
    subsidies: opt(Type.Object({ investment_share: opt(dict(yearShare)) }, closed)),
    /** BEW operating aid (Modul 4) per kWh of heat from plants built on the path, for `operatingAidYears` years. */
    bew: opt(
      Type.Object(
        {
          heatPump_EUR_kWh: opt(yearNonNeg),
          solarThermal_EUR_kWh: opt(yearNonNeg),
          operatingAidYears: opt(Type.Integer({ minimum: 1, maximum: 30 })),
        },
        closed,
      ),
    ),
    /** Path name (e.g. co2Price_EUR_t, minRenewableHeatShare) → the source of its figures and its date, or "Annahme". */
    sources: opt(dict(text)),
  },
  closed,
);

export const ProjectSchema = Type.Object(
  {
    formatVersion: lit(2),
    name: Type.String({ minLength: 1, maxLength: 200 }),
    description: opt(text),
    site: SiteSchema,
    timeSeries: dict(TimeSeriesSpecSchema),
    demands: Type.Object({ heat: id, electricity: id, cooling: opt(id) }, closed),
    economics: Type.Object(
      { interestRate: Type.Number({ minimum: 0, maximum: 0.5 }), co2Price_EUR_t: nonNeg },
      closed,
    ),
    fuels: dict(FuelSchema),
    grid: GridSchema,
    technologies: Type.Array(TechnologySchema, { maxItems: 100 }),
    constraints: opt(ConstraintsSchema),
    /** Transformation path; absent = one period (the site year). */
    periods: opt(PeriodsSchema),
    /** Heat network designed from buildings and streets; its heat and losses become the heat demand. */
    network: opt(NetworkSchema),
    scenarios: opt(Type.Array(ScenarioSchema)),
    /** Free-form notes kept with the project (e.g. benchmark figures of an example). */
    notes: opt(anyObject()),
  },
  {
    $id: 'https://werkplan.invalid/schema/project-v2.json',
    title: 'Werkplan project, format v2',
    ...closed,
  },
);

/** A plain JSON copy of a schema: without TypeBox's symbol keys and the planner annotations. */
export function toJsonSchema<T>(schema: T): T {
  return JSON.parse(
    JSON.stringify(schema, (key, value: unknown) => (key === PLANNER ? undefined : value)),
  ) as T;
}

/**
 * JSON Schema of project format v2 (docs/formats/project-v2.schema.json is a copy of it), as ajv
 * and the renderer's checks read it. Format v1 documents are migrated to v2 before the check
 * (checkDocument.ts).
 */
export const projectSchema = toJsonSchema(ProjectSchema);
