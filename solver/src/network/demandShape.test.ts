import { describe, expect, it } from 'vitest';
import { degreeHourShape, hourlyShape } from './demandShape';

describe('degree-hour demand shape', () => {
  it('splits 85 % by degree hours below 15 °C and 15 % evenly (hand-computed, 4 hours)', () => {
    // degree hours: 10, 5, 0, 0 → Σ 15; hour 1: 0.85·10/15 + 0.15/4 = 0.566667 + 0.0375
    const s = degreeHourShape([5, 10, 15, 20]);
    expect(s[0]).toBeCloseTo((0.85 * 10) / 15 + 0.0375, 12);
    expect(s[1]).toBeCloseTo((0.85 * 5) / 15 + 0.0375, 12);
    expect(s[2]).toBeCloseTo(0.0375, 12);
    expect(s.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 12);
  });

  it('is flat when no hour is below the limit', () => {
    expect([...degreeHourShape([16, 20])]).toEqual([0.5, 0.5]);
  });
});

describe('hourly shape of a series', () => {
  it('sums quarter hours into hours and refuses a length that does not fit', () => {
    expect([...hourlyShape([1, 1, 1, 1, 2, 2, 2, 2], 2)]).toEqual([4, 8]);
    expect(() => hourlyShape([1, 2, 3], 2)).toThrow(/3 values/);
  });
});
