import { describe, expect, it } from 'vitest';
import { formatLoad, growthExponent, median, phaseClock, timeMedian, timeOnce } from './harness';

describe('growthExponent', () => {
  it('is exactly 2 for time = 3 n²', () => {
    const pts = [7, 14, 28].map((n) => ({ n, seconds: 3 * n * n }));
    expect(growthExponent(pts)).toBeCloseTo(2, 12);
  });
  it('fits the least-squares slope: (1,1), (2,4), (4,8) gives 1.5', () => {
    // In units of ln 2: x = 0, 1, 2 and y = 0, 2, 3; slope = ((-1)(-5/3) + 1·(4/3)) / 2 = 1.5.
    expect(
      growthExponent([
        { n: 1, seconds: 1 },
        { n: 2, seconds: 4 },
        { n: 4, seconds: 8 },
      ]),
    ).toBeCloseTo(1.5, 12);
  });
  it('reproduces the issue figures 2.1 → 9.2 → 60.2 s as ≈ 2.4', () => {
    // ln(9.2/2.1)/ln 2 = 2.13, ln(60.2/9.2)/ln 2 = 2.71; the fit over all three: (ln 60.2 − ln 2.1)/(2 ln 2) = 2.42.
    const k = growthExponent([
      { n: 7, seconds: 2.1 },
      { n: 14, seconds: 9.2 },
      { n: 28, seconds: 60.2 },
    ]);
    expect(k).toBeCloseTo(Math.log(60.2 / 2.1) / (2 * Math.log(2)), 12);
  });
  it('refuses a single n or a zero time', () => {
    expect(() => growthExponent([{ n: 7, seconds: 1 }])).toThrow();
    expect(() =>
      growthExponent([
        { n: 7, seconds: 0 },
        { n: 14, seconds: 1 },
      ]),
    ).toThrow();
  });
});

describe('timing helpers', () => {
  it('median of odd and even counts', () => {
    expect(median([3, 1, 2])).toBe(2);
    expect(median([4, 1, 2, 3])).toBe(2.5);
  });
  it('timeOnce returns the value and counts busy CPU', async () => {
    const t = await timeOnce(() => {
      let s = 0;
      for (let i = 0; i < 2e7; i++) s += i;
      return s;
    });
    expect(t.value).toBe(((2e7 - 1) * 2e7) / 2);
    expect(t.cpu_s).toBeGreaterThan(0);
    expect(t.wall_s).toBeGreaterThan(0);
  });
  it('timeOnce does not count waiting as CPU', async () => {
    const t = await timeOnce(() => new Promise((r) => setTimeout(r, 200)));
    expect(t.wall_s).toBeGreaterThanOrEqual(0.19);
    expect(t.cpu_s).toBeLessThan(0.1);
  });
  it('timeMedian reports wall and CPU medians over the runs', async () => {
    const t = await timeMedian(() => undefined, 3);
    expect(t.all_s).toHaveLength(3);
    expect(t.allCpu_s).toHaveLength(3);
    expect(t.cpu_s).toBe(median(t.allCpu_s));
  });
  it('phaseClock keeps the first mark of each phase', () => {
    const c = phaseClock();
    c.onProgress({ phase: 'sizing' });
    const first = c.until('sizing');
    let s = 0;
    for (let i = 0; i < 1e6; i++) s += i;
    expect(s).toBeGreaterThan(0);
    c.onProgress({ phase: 'sizing' });
    expect(c.until('sizing')).toBe(first);
    expect(c.until('fullYearCheck')).toBeUndefined();
  });
  it('formatLoad prints the three averages and the cores', () => {
    expect(formatLoad({ loadavg: [2.48, 2.84, 3.87], cores: 2 })).toBe(
      '2.48 / 2.84 / 3.87 (1/5/15 min, 2 cores)',
    );
  });
});
