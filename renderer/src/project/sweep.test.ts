import { describe, expect, it } from 'vitest';
import { axisValues, sweepGrid, sweepableParameters } from './sweep';
import { blankDocument } from './document';

describe('sensitivity sweep grid', () => {
  it('spaces values evenly with both ends', () => {
    expect(axisValues({ pointer: '/a', from: 0.04, to: 0.08, steps: 5 })).toEqual([
      0.04, 0.05, 0.06, 0.07, 0.08,
    ]);
    expect(() => axisValues({ pointer: '/a', from: 0, to: 1, steps: 1 })).toThrow(/steps/);
  });
  it('builds a two-parameter grid, first axis fastest', () => {
    const g = sweepGrid(
      { pointer: '/fuels/gas/price_EUR_kWh', from: 0.04, to: 0.08, steps: 3 },
      { pointer: '/economics/co2Price_EUR_t', from: 50, to: 150, steps: 2 },
    );
    expect(g).toHaveLength(6);
    expect(g[1]).toEqual({
      i: 1,
      j: 0,
      overrides: { '/fuels/gas/price_EUR_kWh': 0.06, '/economics/co2Price_EUR_t': 50 },
    });
    expect(g[5].overrides['/economics/co2Price_EUR_t']).toBe(150);
    expect(() => sweepGrid(g[0] as never, g[0] as never)).toThrow();
  });
  it('offers only numeric parameters that exist', () => {
    const d = blankDocument('x', 2023);
    d.fuels.gas = { price_EUR_kWh: 0.06, co2_kg_kWh: 0.2, renewable: false };
    d.grid.import = { price_EUR_kWh: { series: 'spot', scale: 0.001, adder: 0.14 }, co2_kg_kWh: 0.38 };
    expect(sweepableParameters(d)).toEqual([
      '/fuels/gas/price_EUR_kWh',
      '/economics/co2Price_EUR_t',
      '/economics/interestRate',
      '/grid/import/price_EUR_kWh/adder',
    ]);
  });
});
