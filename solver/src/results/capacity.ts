import type { TechnologyType } from '../project/types';
import type { Capacity } from './results';

/** Unit of a technology's capacity as shown to the user (what capex, min and max are per). */
export type CapacityUnit = 'kW' | 'kW el' | 'kWp' | 'kWh' | 'm²';

/** The capacity unit of each technology type (the planner's forms show capex, min and max per it). */
export const CAPACITY_UNITS: Readonly<Record<TechnologyType, CapacityUnit>> = {
  boiler: 'kW',
  electricBoiler: 'kW',
  chp: 'kW el',
  heatPump: 'kW',
  pv: 'kWp',
  solarThermal: 'm²',
  battery: 'kWh',
  heatStorage: 'kWh',
  heatDump: 'kW',
};

/** Which field of a result's `Capacity` holds the sized capacity of each unit. */
const FIELD: Record<CapacityUnit, keyof Capacity> = {
  kW: 'power_kW',
  'kW el': 'power_kW',
  kWp: 'power_kW',
  kWh: 'energy_kWh',
  'm²': 'area_m2',
};

/**
 * The capacity unit of a technology type, the one place that says it: storage is sized in kWh,
 * PV in kWp, solar thermal in m² of collector, CHP in kW electric, everything else in kW (heat).
 * Unknown types (a result whose technology left the project) read as kW.
 */
export function capacityUnit(type: string | undefined): CapacityUnit {
  return (type !== undefined && CAPACITY_UNITS[type as TechnologyType]) || 'kW';
}

/**
 * The sized capacity of a technology in its own unit (a battery's or heat storage's energy, not its
 * power). Without a type (technology no longer in the project) the fields decide: energy, area, power.
 * Round-off below 1e-6 reads as 0 (no "−0").
 */
export function mainCapacity(
  type: string | undefined,
  c: Capacity,
): { value: number; unit: CapacityUnit; field: keyof Capacity } {
  let unit: CapacityUnit;
  if (type !== undefined && type in CAPACITY_UNITS) unit = CAPACITY_UNITS[type as TechnologyType];
  else unit = c.energy_kWh !== undefined ? 'kWh' : c.area_m2 !== undefined ? 'm²' : 'kW';
  const field = FIELD[unit];
  const raw = c[field] ?? 0;
  return { value: Math.abs(raw) < 1e-6 ? 0 : raw, unit, field };
}

/** The unit of one field of a result's `Capacity` for a technology type (power of PV: kWp; of CHP: kW el). */
export function fieldUnit(type: string | undefined, field: keyof Capacity): CapacityUnit {
  if (field === 'energy_kWh') return 'kWh';
  if (field === 'area_m2') return 'm²';
  const u = capacityUnit(type);
  return u === 'kWp' || u === 'kW el' ? u : 'kW';
}
