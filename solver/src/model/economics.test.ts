import { describe, expect, it } from 'vitest';
import { annualCapacityCost_EUR, annuityFactor } from './economics';

describe('annuity (VDI 2067)', () => {
  it('matches hand-computed factors', () => {
    // i = 5 %, n = 20: 0.05·1.05^20/(1.05^20−1) = 0.05·2.6532977/1.6532977 = 0.0802426
    expect(annuityFactor(0.05, 20)).toBeCloseTo(0.0802425872, 9);
    // i = 5 %, n = 15: 0.0963423
    expect(annuityFactor(0.05, 15)).toBeCloseTo(0.0963422876, 9);
    expect(annuityFactor(0, 20)).toBe(0.05);
    expect(annuityFactor(0.05, 1)).toBeCloseTo(1.05, 12);
  });

  it('splits a capacity cost into annuity, subsidy and fixed O&M', () => {
    const c = annualCapacityCost_EUR(1000, 20, 0.05, 0.02, 0.4);
    expect(c.annuity).toBeCloseTo(80.2425872, 6);
    expect(c.subsidy).toBeCloseTo(-32.0970349, 6);
    expect(c.fixedOm).toBe(20);
  });

  it('refuses a non-positive lifetime', () => {
    expect(() => annuityFactor(0.05, 0)).toThrow(/lifetime/);
  });
});
