import { describe, expect, it } from 'vitest';
import { waterDensity_kg_m3, waterSpecificHeat_J_kgK, waterViscosity_Pa_s, WATER_TABLE_1MPA } from './water';

describe('water properties (IAPWS-IF97 region 1 and IAPWS 2008 viscosity at 1 MPa)', () => {
  it('returns the tabulated values at the rows', () => {
    // 20 °C: 998.62 kg/m³, 4182.0 J/(kg·K), 1001.32 µPa·s; 80 °C: 972.20, 4193.5, 354.30; 130 °C: 935.21, 4262.9, 213.13.
    expect(waterDensity_kg_m3(20)).toBeCloseTo(998.62, 6);
    expect(waterSpecificHeat_J_kgK(20)).toBeCloseTo(4182.0, 6);
    expect(waterViscosity_Pa_s(20)).toBeCloseTo(1001.32e-6, 12);
    expect(waterDensity_kg_m3(80)).toBeCloseTo(972.2, 6);
    expect(waterViscosity_Pa_s(80)).toBeCloseTo(354.3e-6, 12);
    expect(waterDensity_kg_m3(130)).toBeCloseTo(935.21, 6);
    expect(waterSpecificHeat_J_kgK(130)).toBeCloseTo(4262.9, 6);
    expect(waterViscosity_Pa_s(130)).toBeCloseTo(213.13e-6, 12);
  });

  it('interpolates between rows: 77.5 °C against the formulations', () => {
    // IF97 at 350.65 K, 1 MPa: ρ = 973.745 kg/m³, cp = 4191.50 J/(kg·K); IAPWS 2008: μ = 365.660 µPa·s.
    // Linear: ρ = (975.25 + 972.20) / 2 = 973.725 (−0.002 %); cp = (4189.6 + 4193.5) / 2 = 4191.55.
    // ln-linear: μ = √(377.66 · 354.30) = 365.79 µPa·s (+0.04 %).
    expect(waterDensity_kg_m3(77.5)).toBeCloseTo(973.725, 6);
    expect(waterDensity_kg_m3(77.5) / 973.745 - 1).toBeLessThan(1e-4);
    expect(waterSpecificHeat_J_kgK(77.5)).toBeCloseTo(4191.55, 6);
    expect(waterViscosity_Pa_s(77.5)).toBeCloseTo(Math.sqrt(377.66 * 354.3) * 1e-6, 12);
    expect(Math.abs(waterViscosity_Pa_s(77.5) / 365.66e-6 - 1)).toBeLessThan(0.002);
  });

  it('agrees with the steam-table values at 1 atm within 0.1 % (NIST/IAPWS-95 saturated liquid)', () => {
    // Widely tabulated at 1 atm / saturation: 25 °C ρ = 997.05, μ = 890.0 µPa·s; 60 °C ρ = 983.2, cp = 4183.
    expect(Math.abs(waterDensity_kg_m3(25) / 997.05 - 1)).toBeLessThan(0.001);
    expect(Math.abs(waterViscosity_Pa_s(25) / 890.0e-6 - 1)).toBeLessThan(0.001);
    expect(Math.abs(waterDensity_kg_m3(60) / 983.2 - 1)).toBeLessThan(0.001);
    expect(Math.abs(waterSpecificHeat_J_kgK(60) / 4183 - 1)).toBeLessThan(0.001);
  });

  it('covers cold networks down to 0 °C', () => {
    // 10 °C: 1000.13 kg/m³, 4192.1 J/(kg·K), 1305.09 µPa·s; 12.5 °C: √(1305.09 · 1137.08) = 1218.19 µPa·s
    expect(waterDensity_kg_m3(10)).toBeCloseTo(1000.13, 6);
    expect(waterSpecificHeat_J_kgK(10)).toBeCloseTo(4192.1, 6);
    expect(waterViscosity_Pa_s(0)).toBeCloseTo(1789.74e-6, 12);
    expect(waterViscosity_Pa_s(12.5)).toBeCloseTo(Math.sqrt(1305.09 * 1137.08) * 1e-6, 12);
  });

  it('is monotone where water is: viscosity falls, density falls above 5 °C, rows every 5 K', () => {
    for (let i = 1; i < WATER_TABLE_1MPA.length; i++) {
      expect(WATER_TABLE_1MPA[i][0] - WATER_TABLE_1MPA[i - 1][0]).toBe(5);
      if (WATER_TABLE_1MPA[i][0] > 5) expect(WATER_TABLE_1MPA[i][1]).toBeLessThan(WATER_TABLE_1MPA[i - 1][1]);
      expect(WATER_TABLE_1MPA[i][3]).toBeLessThan(WATER_TABLE_1MPA[i - 1][3]);
    }
  });

  it('refuses temperatures outside 0–130 °C', () => {
    expect(() => waterDensity_kg_m3(-0.1)).toThrow(RangeError);
    expect(() => waterViscosity_Pa_s(131)).toThrow(RangeError);
    expect(() => waterSpecificHeat_J_kgK(Number.NaN)).toThrow(RangeError);
  });
});
