import { describe, expect, it } from 'vitest';
import { capacityUnit, fieldUnit, mainCapacity } from './capacity';

describe('capacity units', () => {
  it('names each type in its own unit', () => {
    expect(capacityUnit('pv')).toBe('kWp');
    expect(capacityUnit('heatStorage')).toBe('kWh');
    expect(capacityUnit('battery')).toBe('kWh');
    expect(capacityUnit('solarThermal')).toBe('m²');
    expect(capacityUnit('chp')).toBe('kW el');
    expect(capacityUnit('boiler')).toBe('kW');
    expect(capacityUnit(undefined)).toBe('kW');
  });

  it('takes the sized capacity from the field of the unit', () => {
    expect(mainCapacity('heatStorage', { energy_kWh: 45.5, power_kW: 22.7 })).toEqual({
      value: 45.5,
      unit: 'kWh',
      field: 'energy_kWh',
    });
    expect(mainCapacity('pv', { power_kW: 150 })).toMatchObject({ value: 150, unit: 'kWp' });
    expect(mainCapacity('solarThermal', { area_m2: 80 })).toMatchObject({ value: 80, unit: 'm²' });
    expect(mainCapacity('boiler', { power_kW: -1e-12 }).value).toBe(0);
    // without a type the fields decide
    expect(mainCapacity(undefined, { energy_kWh: 10, power_kW: 5 }).unit).toBe('kWh');
    expect(mainCapacity(undefined, { area_m2: 3 }).unit).toBe('m²');
  });

  it('names the unit of each field', () => {
    expect(fieldUnit('pv', 'power_kW')).toBe('kWp');
    expect(fieldUnit('battery', 'power_kW')).toBe('kW');
    expect(fieldUnit('battery', 'energy_kWh')).toBe('kWh');
    expect(fieldUnit('chp', 'power_kW')).toBe('kW el');
  });
});
