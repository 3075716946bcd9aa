import { describe, expect, it } from 'vitest';
import {
  atPrice,
  costOf,
  emissionOf,
  energy_kWh,
  EUR,
  EURPerMWh,
  EURPerUnit,
  fromMWh,
  fullLoad_h,
  hours,
  kgCO2,
  kgCO2PerUnit,
  kW,
  kWh,
  MWh,
  perMWh,
  plus,
  ratio,
  scaled,
  toMWh,
  toTonnes,
  total,
  type kWh as KWh,
} from './units';

describe('units', () => {
  it('converts explicitly: kWh = kW × h, MWh = kWh/1000, t = kg/1000, h = kWh/kW', () => {
    expect(energy_kWh(kW(250), hours(4))).toBe(1000);
    expect(toMWh(kWh(1500))).toBe(1.5);
    expect(fromMWh(MWh(1.5))).toBe(1500);
    expect(toTonnes(kgCO2(2500))).toBe(2.5);
    expect(fullLoad_h(kWh(1000), kW(250))).toBe(4);
    expect(perMWh(EUR(300), MWh(2))).toBe(150);
    expect(atPrice(EURPerMWh(150), MWh(2))).toBe(300);
    expect(ratio(MWh(1), MWh(4))).toBe(0.25);
    // @ts-expect-error a share of MWh in kWh needs a conversion first
    ratio(kWh(1), MWh(4));
  });

  it('adds only quantities of one unit', () => {
    expect(plus(kWh(1), kWh(2))).toBe(3);
    expect(total([EUR(1), EUR(2), EUR(3.5)])).toBe(6.5);
    expect(total<'EUR'>([])).toBe(0);
    expect(scaled(kW(10), 0.5)).toBe(5);
    // @ts-expect-error kW is not kWh: convert with energy_kWh first
    expect(plus(kW(1), kWh(2))).toBe(3);
    // @ts-expect-error a plain number has no unit
    const e: KWh = 5;
    expect(e).toBe(5);
    // @ts-expect-error kg are not kWh
    toMWh(kgCO2(1));
    // @ts-expect-error a list cannot mix power and energy
    total([kW(1), kWh(2)]);
  });

  it('turns LP coefficients times column values into EUR and kg', () => {
    expect(costOf(EURPerUnit(0.25), 8)).toBe(2);
    expect(emissionOf(kgCO2PerUnit(0.2), 10)).toBe(2);
  });

  it('reads as a plain number where one is expected (JSON fields stay numbers)', () => {
    const field: { power_kW: number } = { power_kW: kW(12) };
    expect(JSON.stringify(field)).toBe('{"power_kW":12}');
  });
});
