import { Type } from '@sinclair/typebox';

const opt = Type.Optional.bind(Type);
const closed = { additionalProperties: false } as const;
const positive = Type.Number({ exclusiveMinimum: 0 });
const nonNeg = Type.Number({ minimum: 0 });
/** Water temperatures the property table covers (solver/src/network/water.ts: 0–130 °C). */
const celsius = Type.Number({ minimum: 0, maximum: 130 });
/** Year → temperature (°C), from that year on (a step path, as the targets of a transformation path). */
const yearCelsius = Type.Unsafe<Record<string, number>>({
  type: 'object',
  propertyNames: { pattern: '^(19[5-9][0-9]|20[0-9][0-9]|2100)$' },
  minProperties: 1,
  additionalProperties: { type: 'number', minimum: 0, maximum: 130 },
});
const ids = Type.Array(Type.String({ minLength: 1, maxLength: 200 }), { maxItems: 100_000 });

/** One row of a user's pipe catalogue (replaces the default table, solver/src/network/catalogue.ts). */
export const PipeTypeSchema = Type.Object(
  {
    dn: Type.Integer({ minimum: 10, maximum: 1200 }),
    innerDiameter_m: Type.Number({ exclusiveMinimum: 0, maximum: 2 }),
    casingDiameter_m: Type.Number({ exclusiveMinimum: 0, maximum: 3 }),
    insulationClass: Type.Union([Type.Literal(1), Type.Literal(2), Type.Literal(3)]),
    heatLossCoefficient_W_mK: nonNeg,
    cost_EUR_m: nonNeg,
    source: Type.String({ maxLength: 2000 }),
  },
  closed,
);

/**
 * A heat network designed from buildings and streets (issue #17, docs/formats/network.md): the input
 * as a GeoJSON FeatureCollection and the parameters that differ from the defaults
 * (solver/src/network/defaults.ts). With a network, the plants are sized for the network's heat:
 * the buildings' demand plus the pipes' losses; pump electricity adds to the electricity demand.
 */
export const NetworkSchema = Type.Object(
  {
    /** Buildings, streets and plant sites: GeoJSON FeatureCollection (WGS84, EPSG:25832 or 25833). */
    geojson: Type.Unsafe<Record<string, unknown>>({ type: 'object' }),
    params: opt(
      Type.Object(
        {
          supplyTemperature_C: opt(celsius),
          returnTemperature_C: opt(celsius),
          /** Transformation paths: supply and return temperature from a year on (lowered in steps). */
          supplyTemperaturePath_C: opt(yearCelsius),
          returnTemperaturePath_C: opt(yearCelsius),
          soilTemperature_C: opt(Type.Number({ minimum: -10, maximum: 40 })),
          soilTemperatureAmplitude_K: opt(Type.Number({ minimum: 0, maximum: 30 })),
          coverDepth_m: opt(Type.Number({ exclusiveMinimum: 0, maximum: 5 })),
          soilConductivity_W_mK: opt(positive),
          maxPressureGradient_Pa_m: opt(positive),
          maxVelocity_m_s: opt(positive),
          roughness_mm: opt(Type.Number({ minimum: 0, maximum: 10 })),
          pumpEfficiency: opt(Type.Number({ exclusiveMinimum: 0, maximum: 1 })),
          houseConnectionExtra_m: opt(nonNeg),
          maxHouseConnection_m: opt(positive),
          fullLoadHours_h: opt(Type.Number({ exclusiveMinimum: 0, maximum: 8784 })),
          pipes: opt(Type.Array(PipeTypeSchema, { minItems: 1, maxItems: 200 })),
          forcedStreets: opt(ids),
          forbiddenStreets: opt(ids),
          excludedBuildings: opt(ids),
        },
        closed,
      ),
    ),
  },
  closed,
);
