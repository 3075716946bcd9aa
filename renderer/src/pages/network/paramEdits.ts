import type { NumberRule } from '../../project/numbers';
import type { NetworkOverrides } from './networkEdits';

/** The numeric network parameters the page lets a planner override (solver/src/network/types.ts). */
export type NumericParam =
  | 'supplyTemperature_C'
  | 'returnTemperature_C'
  | 'soilTemperature_C'
  | 'soilTemperatureAmplitude_K'
  | 'coverDepth_m'
  | 'soilConductivity_W_mK'
  | 'maxPressureGradient_Pa_m'
  | 'maxVelocity_m_s'
  | 'roughness_mm'
  | 'pumpEfficiency'
  | 'houseConnectionExtra_m'
  | 'maxHouseConnection_m'
  | 'fullLoadHours_h';

export interface ParamField extends NumberRule {
  field: NumericParam;
  unit: string;
  /** Shown = stored × scale (the pump efficiency in %). The rule's limits are in shown units. */
  scale?: number;
}

/** Each numeric parameter with its unit and the range of solver/src/project/networkSchema.ts. */
export const PARAM_FIELDS: ParamField[] = [
  { field: 'supplyTemperature_C', unit: '°C', min: 0, max: 130 },
  { field: 'returnTemperature_C', unit: '°C', min: 0, max: 130 },
  { field: 'soilTemperature_C', unit: '°C', min: -10, max: 40 },
  { field: 'soilTemperatureAmplitude_K', unit: 'K', min: 0, max: 30 },
  { field: 'coverDepth_m', unit: 'm', min: 0, exclusiveMin: true, max: 5 },
  { field: 'soilConductivity_W_mK', unit: 'W/(m·K)', min: 0, exclusiveMin: true },
  { field: 'maxPressureGradient_Pa_m', unit: 'Pa/m', min: 0, exclusiveMin: true },
  { field: 'maxVelocity_m_s', unit: 'm/s', min: 0, exclusiveMin: true },
  { field: 'roughness_mm', unit: 'mm', min: 0, max: 10 },
  { field: 'pumpEfficiency', unit: '%', scale: 100, min: 0, exclusiveMin: true, max: 100 },
  { field: 'houseConnectionExtra_m', unit: 'm', min: 0 },
  { field: 'maxHouseConnection_m', unit: 'm', min: 0, exclusiveMin: true },
  { field: 'fullLoadHours_h', unit: 'h/a', min: 0, exclusiveMin: true, max: 8784 },
];

/** Sets one parameter override, or removes it (undefined: back to the default). */
export function setParam(
  params: NetworkOverrides | undefined,
  field: NumericParam,
  value: number | undefined,
): NetworkOverrides {
  const { [field]: _old, ...rest } = params ?? {};
  void _old;
  return value === undefined ? rest : { ...rest, [field]: value };
}

/** Removes every numeric override; the street and building lists (and paths, pipes) stay. */
export function resetParams(params: NetworkOverrides | undefined): NetworkOverrides {
  let p: NetworkOverrides = params ?? {};
  for (const f of PARAM_FIELDS) p = setParam(p, f.field, undefined);
  return p;
}

/** Whether any numeric parameter is overridden. */
export const hasParamOverrides = (params: NetworkOverrides | undefined): boolean =>
  PARAM_FIELDS.some((f) => params?.[f.field] !== undefined);

/** A value in its range that still cannot be stored, with the other temperature it must keep apart from. */
export interface ParamConflict {
  code: 'supplyAboveReturn' | 'returnBelowSupply';
  field: NumericParam;
  limit: number;
}

/**
 * Why a new value (undefined: the default again) cannot be stored although it is in its range: the
 * supply temperature must stay above the return temperature. `current` gives the values in effect.
 */
export function temperatureConflict(
  current: Pick<Record<NumericParam, number>, 'supplyTemperature_C' | 'returnTemperature_C'>,
  defaults: Pick<Record<NumericParam, number>, 'supplyTemperature_C' | 'returnTemperature_C'>,
  field: NumericParam,
  value: number | undefined,
): ParamConflict | null {
  if (field === 'supplyTemperature_C') {
    const supply = value ?? defaults.supplyTemperature_C;
    return supply > current.returnTemperature_C
      ? null
      : { code: 'supplyAboveReturn', field, limit: current.returnTemperature_C };
  }
  if (field === 'returnTemperature_C') {
    const ret = value ?? defaults.returnTemperature_C;
    return current.supplyTemperature_C > ret
      ? null
      : { code: 'returnBelowSupply', field, limit: current.supplyTemperature_C };
  }
  return null;
}
