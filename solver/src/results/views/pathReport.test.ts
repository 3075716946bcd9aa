import { describe, expect, it } from 'vitest';
import { pathResults } from '../../report/pathFixture';
import { pathCostTotals, pathPeriodEmissions, pathWpgCheck, wpgMinimumShare } from './pathReport';
import { smallResults } from './testing';

describe('path figures of the report', () => {
  it('gives the WPG minimum share of a heat network by year (§ 29: 30 %, 80 %; § 31: 100 %)', () => {
    expect([2025, 2029, 2030, 2039, 2040, 2044, 2045, 2050].map(wpgMinimumShare)).toEqual([
      null,
      null,
      0.3,
      0.3,
      0.8,
      0.8,
      1,
      1,
    ]);
  });

  it('checks each period against the WPG minimum', () => {
    // 2025: none applies; 2035: 50 % ≥ 30 %; 2045: 35.500 / 36.000 = 98,6 % < 100 %.
    expect(pathWpgCheck(pathResults())).toEqual([
      { year: 2025, minimum: null, met: null },
      { year: 2035, minimum: 0.3, met: true },
      { year: 2045, minimum: 1, met: false },
    ]);
  });

  it('sums the emissions over the years each period stands for', () => {
    // 8.000 × 10 + 3.000 × 10 + 400 × 10
    expect(pathPeriodEmissions(pathResults())).toEqual({
      perPeriod_t: [80000, 30000, 4000],
      total_t: 114000,
    });
  });

  it('sums investment, grants and present values of the periods', () => {
    // 0 + 6.150.000 + 1.100.000; 0 − 2.460.000 − 440.000; 21,0 + 18,5 + 9,8 million (= the net present cost)
    expect(pathCostTotals(pathResults())).toEqual({
      investment_EUR: 7_250_000,
      investmentGrant_EUR: -2_900_000,
      presentValue_EUR: 49_300_000,
    });
  });

  it('is empty for a single year', () => {
    const r = smallResults();
    expect(pathWpgCheck(r)).toEqual([]);
    expect(pathPeriodEmissions(r)).toEqual({ perPeriod_t: [], total_t: 0 });
    expect(pathCostTotals(r)).toEqual({ investment_EUR: 0, investmentGrant_EUR: 0, presentValue_EUR: 0 });
  });
});
