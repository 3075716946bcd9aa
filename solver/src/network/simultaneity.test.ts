import { describe, expect, it } from 'vitest';
import { simultaneityFactor } from './simultaneity';

describe('simultaneityFactor (Winter, Haslauer, Obernberger 2001)', () => {
  it('is about 1 for one building', () => {
    // (1/53.84382798)^1.762743163 = = 0.00088808
    // 0.449677646 + 0.551234688 / 1.00088808 = 0.449677646 + 0.550746 = 1.000423
    expect(simultaneityFactor(1)).toBeCloseTo(1.000423, 5);
  });

  it('is 0.7253 for n = c = 53.84 (half of b)', () => {
    // (c/c)^d = 1: a + b/2 = 0.449677646 + 0.275617344 = 0.72529499
    expect(simultaneityFactor(53.84382798)).toBeCloseTo(0.72529499, 8);
  });

  it('gives 0.5882 for 100 buildings', () => {
    // (100/53.84382798)^1.762743163 = = 2.978093
    // 0.449677646 + 0.551234688 / 3.978093 = 0.449677646 + 0.138568 = 0.588245
    expect(simultaneityFactor(100)).toBeCloseTo(0.588245, 5);
  });

  it('tends to a = 0.4497 for many buildings and falls monotonically', () => {
    expect(simultaneityFactor(1e7)).toBeCloseTo(0.449677646, 6);
    for (let n = 1; n < 500; n++) expect(simultaneityFactor(n + 1)).toBeLessThan(simultaneityFactor(n));
  });
});
