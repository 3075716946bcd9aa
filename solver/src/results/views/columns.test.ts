import { describe, expect, it } from 'vitest';
import { carrierOf, parseColumn } from './index';

describe('dispatch columns', () => {
  it('splits a column name into technology, flow and unit', () => {
    expect(parseColumn('chp.heat_out_kW')).toEqual({
      name: 'chp.heat_out_kW',
      techId: 'chp',
      flow: 'heat_out',
      unit: 'kW',
    });
    expect(parseColumn('tes.soc_kWh')?.unit).toBe('kWh');
    expect(parseColumn('nonsense')).toBeNull();
  });

  it('gives storage its carrier from the technology type, else from its name', () => {
    const col = (name: string) => parseColumn(name)!;
    expect(carrierOf(col('x.charge_kW'), { x: { type: 'heatStorage' } })).toBe('heat');
    expect(carrierOf(col('tes.charge_kW'), { tes: { type: 'battery' } })).toBe('electricity');
    expect(carrierOf(col('tes.charge_kW'))).toBe('heat');
    expect(carrierOf(col('bat.discharge_kW'))).toBe('electricity');
    expect(carrierOf(col('hp.el_in_kW'))).toBe('electricity');
    expect(carrierOf(col('tes.soc_kWh'))).toBeNull();
  });
});
