/** JSON Schema (draft 2020-12 subset understood by ajv) of project format v1. Unknown keys are rejected. */

const num = { type: 'number' } as const;
const nonNeg = { type: 'number', minimum: 0 } as const;
const share = { type: 'number', minimum: 0, maximum: 1 } as const;
const positive = { type: 'number', exclusiveMinimum: 0 } as const;
const id = { type: 'string', pattern: '^[A-Za-z][A-Za-z0-9_-]{0,63}$' } as const;
const text = { type: 'string', maxLength: 2000 } as const;

const priceSpec = {
  oneOf: [
    num,
    {
      type: 'object',
      additionalProperties: false,
      required: ['series'],
      properties: { series: id, scale: num, adder: num },
    },
  ],
} as const;

const techBase = {
  id,
  name: text,
  capex_EUR_per_unit: nonNeg,
  lifetime_a: { type: 'number', minimum: 1, maximum: 100 },
  fixedOm_share: share,
  varOm_EUR_kWh: nonNeg,
  subsidy_share: share,
  min: nonNeg,
  max: nonNeg,
  existing: nonNeg,
  source: text,
} as const;
const baseRequired = ['id', 'type', 'capex_EUR_per_unit', 'lifetime_a', 'fixedOm_share'];

function tech(type: string, props: Record<string, unknown>, required: string[]) {
  return {
    type: 'object',
    additionalProperties: false,
    required: [...baseRequired, ...required],
    properties: { ...techBase, type: { const: type }, ...props },
  };
}

const efficiency = { type: 'number', exclusiveMinimum: 0, maximum: 1 } as const;

export const technologySchemas = [
  tech('boiler', { fuel: id, efficiency }, ['fuel', 'efficiency']),
  tech('electricBoiler', { efficiency }, ['efficiency']),
  tech(
    'chp',
    {
      fuel: id,
      efficiencyEl: efficiency,
      efficiencyTh: efficiency,
      minLoad_share: share,
      bonus_EUR_kWhEl: nonNeg,
    },
    ['fuel', 'efficiencyEl', 'efficiencyTh'],
  ),
  tech(
    'heatPump',
    {
      heatSource: { enum: ['air', 'ground'] },
      carnotEfficiency: efficiency,
      supplyTemp_C: { type: 'number', minimum: 20, maximum: 120 },
      sourceDelta_K: { type: 'number', minimum: 0, maximum: 30 },
      groundTemp_C: { type: 'number', minimum: -10, maximum: 40 },
      copMin: { type: 'number', minimum: 1 },
      copMax: { type: 'number', minimum: 1, maximum: 20 },
    },
    ['heatSource', 'carnotEfficiency', 'supplyTemp_C', 'sourceDelta_K', 'copMin', 'copMax'],
  ),
  tech('pv', { yieldSeries: id, curtailable: { type: 'boolean' } }, ['yieldSeries', 'curtailable']),
  tech('solarThermal', { yieldSeries: id, curtailable: { type: 'boolean' } }, ['yieldSeries', 'curtailable']),
  tech(
    'battery',
    {
      capexPower_EUR_kW: nonNeg,
      efficiencyCharge: efficiency,
      efficiencyDischarge: efficiency,
      selfDischarge_per_h: share,
      minPower_kW: nonNeg,
      maxPower_kW: nonNeg,
    },
    ['capexPower_EUR_kW', 'efficiencyCharge', 'efficiencyDischarge', 'selfDischarge_per_h'],
  ),
  tech(
    'heatStorage',
    {
      efficiencyCharge: efficiency,
      efficiencyDischarge: efficiency,
      loss_per_h: share,
      cRate_per_h: positive,
    },
    ['efficiencyCharge', 'efficiencyDischarge', 'loss_per_h', 'cRate_per_h'],
  ),
  tech('heatDump', {}, []),
];

export const projectSchema = {
  $id: 'https://werkplan.invalid/schema/project-v1.json',
  title: 'Werkplan project, format v1',
  type: 'object',
  additionalProperties: false,
  required: [
    'formatVersion',
    'name',
    'site',
    'timeSeries',
    'demands',
    'economics',
    'fuels',
    'grid',
    'technologies',
  ],
  properties: {
    formatVersion: { const: 1 },
    name: { type: 'string', minLength: 1, maxLength: 200 },
    description: text,
    site: {
      type: 'object',
      additionalProperties: false,
      required: ['year', 'timeZone'],
      properties: {
        year: { type: 'integer', minimum: 1990, maximum: 2100 },
        timeZone: { type: 'string', minLength: 1, maxLength: 64 },
        location: text,
        latitude_deg: { type: 'number', minimum: -90, maximum: 90 },
        longitude_deg: { type: 'number', minimum: -180, maximum: 180 },
        ambientTemperature: id,
      },
    },
    timeSeries: {
      type: 'object',
      propertyNames: id,
      additionalProperties: {
        oneOf: [
          {
            type: 'object',
            additionalProperties: false,
            required: ['unit', 'values'],
            properties: {
              unit: { type: 'string', maxLength: 32 },
              values: { type: 'array', items: num },
              source: text,
            },
          },
          {
            type: 'object',
            additionalProperties: false,
            required: ['unit', 'file'],
            properties: {
              unit: { type: 'string', maxLength: 32 },
              file: { type: 'string', maxLength: 500 },
              column: text,
              source: text,
            },
          },
        ],
      },
    },
    demands: {
      type: 'object',
      additionalProperties: false,
      required: ['heat', 'electricity'],
      properties: { heat: id, electricity: id, cooling: id },
    },
    economics: {
      type: 'object',
      additionalProperties: false,
      required: ['interestRate', 'co2Price_EUR_t'],
      properties: { interestRate: { type: 'number', minimum: 0, maximum: 0.5 }, co2Price_EUR_t: nonNeg },
    },
    fuels: {
      type: 'object',
      propertyNames: id,
      additionalProperties: {
        type: 'object',
        additionalProperties: false,
        required: ['price_EUR_kWh', 'co2_kg_kWh', 'renewable'],
        properties: { price_EUR_kWh: priceSpec, co2_kg_kWh: nonNeg, renewable: { type: 'boolean' } },
      },
    },
    grid: {
      type: 'object',
      additionalProperties: false,
      properties: {
        import: {
          type: 'object',
          additionalProperties: false,
          required: ['price_EUR_kWh', 'co2_kg_kWh'],
          properties: {
            price_EUR_kWh: priceSpec,
            co2_kg_kWh: nonNeg,
            peakCharge_EUR_kW_a: nonNeg,
            connectionLimit_kW: nonNeg,
            renewableShare: share,
          },
        },
        export: {
          type: 'object',
          additionalProperties: false,
          required: ['price_EUR_kWh'],
          properties: { price_EUR_kWh: priceSpec, limit_kW: nonNeg },
        },
      },
    },
    technologies: {
      type: 'array',
      maxItems: 100,
      items: {
        type: 'object',
        required: ['type'],
        discriminator: { propertyName: 'type' },
        oneOf: technologySchemas,
      },
    },
    constraints: {
      type: 'object',
      additionalProperties: false,
      properties: { co2Cap_t: nonNeg, minRenewableHeatShare: share, maxGridImport_kWh: nonNeg },
    },
    scenarios: {
      type: 'array',
      items: {
        type: 'object',
        additionalProperties: false,
        required: ['id', 'name', 'overrides'],
        properties: {
          id,
          name: { type: 'string', minLength: 1, maxLength: 200 },
          description: text,
          overrides: { type: 'object' },
        },
      },
    },
    notes: { type: 'object' },
  },
} as const;
