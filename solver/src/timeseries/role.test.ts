import { describe, expect, it } from 'vitest';
import { seriesRoleOfUnit } from './role';

describe('seriesRoleOfUnit', () => {
  it('reads the role from the unit', () => {
    expect(seriesRoleOfUnit('°C')).toBe('temperature');
    expect(seriesRoleOfUnit('kWh/kWp')).toBe('yield');
    expect(seriesRoleOfUnit('kWh/m2')).toBe('yield');
    expect(seriesRoleOfUnit('EUR/kWh')).toBe('price');
    expect(seriesRoleOfUnit('kW')).toBe('load');
    expect(seriesRoleOfUnit('m³/h')).toBe('other');
  });
});
