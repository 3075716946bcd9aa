import { describe, expect, it } from 'vitest';
import { cell, unitLabel, withUnit } from './format';

const text = { num: (v: number, d = 1) => v.toFixed(d).replace('.', ',') };

describe('path figures', () => {
  it('writes units as users read them', () => {
    expect(unitLabel('m2')).toBe('m²');
    expect(unitLabel('EUR/a')).toBe('€/a');
    expect(unitLabel('kWp')).toBe('kWp');
  });

  it('never shows NaN: a missing or non-finite figure is a dash, round-off is 0', () => {
    expect(cell(text, null)).toBe('–');
    expect(cell(text, undefined)).toBe('–');
    expect(cell(text, NaN)).toBe('–');
    expect(cell(text, Infinity)).toBe('–');
    expect(cell(text, -1e-12, 1)).toBe('0,0');
    expect(cell(text, 94.87, 1)).toBe('94,9');
    expect(withUnit(text, 400, 'kW')).toBe('400 kW');
    expect(withUnit(text, NaN, 'kW')).toBe('–');
  });
});
