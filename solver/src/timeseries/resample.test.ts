import { describe, expect, it } from 'vitest';
import { fillGaps, hourlyMeans, resample, resampleOnto } from './resample';

const sum = (a: Float64Array, min: number) => a.reduce((s, v) => s + (v * min) / 60, 0);

describe('resampling', () => {
  it('quarter hours to hours averages power and keeps energy', () => {
    const q = Float64Array.from([4, 8, 0, 0, 1, 1, 1, 1]);
    const h = resample(q, 15, 60);
    expect(Array.from(h)).toEqual([3, 1]);
    expect(sum(h, 60)).toBe(sum(q, 15));
  });

  it('hours to quarter hours repeats power', () => {
    expect(Array.from(resample(Float64Array.from([2, 6]), 60, 15))).toEqual([2, 2, 2, 2, 6, 6, 6, 6]);
  });

  it('mixed ratios use the overlap and keep energy exactly', () => {
    const s = Float64Array.from([10, 20, 30]); // 3 × 20 min
    const r = resample(s, 20, 30); // 2 × 30 min
    expect(r[0]).toBeCloseTo((10 * 20 + 20 * 10) / 30, 12);
    expect(r[1]).toBeCloseTo((20 * 10 + 30 * 20) / 30, 12);
    expect(sum(r, 30)).toBeCloseTo(sum(s, 20), 12);
  });

  it('refuses lengths that do not divide and propagates gaps', () => {
    expect(() => resample(new Float64Array(5), 15, 60)).toThrow(/do not divide/);
    expect(Number.isNaN(resample(Float64Array.from([1, NaN, 1, 1]), 15, 60)[0])).toBe(true);
  });
});

describe('resampling onto a grid (a series placed on the hours of a year)', () => {
  it('quarter hours from the grid start: hourly means, energy kept to 1e-9', () => {
    const q = Float64Array.from([1, 2, 3, 4, 5, 5, 5, 5]);
    const h = resampleOnto(q, 15, 0, 60, 2);
    expect(Array.from(h)).toEqual([2.5, 5]);
    expect(Math.abs(sum(h, 60) - sum(q, 15))).toBeLessThan(1e-9);
  });

  it('45-minute intervals onto hours by their exact overlap', () => {
    // [0,60): 45 min × 4 + 15 min × 8 = 300 kWmin → 5 kW; [60,120): 30 × 8 + 30 × 12 = 600 → 10;
    // [120,180): 15 × 12 + 45 × 16 = 900 → 15. Energy 40 × 45 = 1800 = 30 × 60.
    const s = Float64Array.from([4, 8, 12, 16]);
    const h = resampleOnto(s, 45, 0, 60, 3);
    expect(Array.from(h)).toEqual([5, 10, 15]);
    expect(Math.abs(sum(h, 60) - sum(s, 45))).toBeLessThan(1e-9);
  });

  it('a series starting half an hour late: the hours it covers entirely, NaN where it does not', () => {
    // hour 1 = 30 min of 2 kW + 30 min of 6 kW = 4 kW
    const h = resampleOnto(Float64Array.from([2, 6]), 60, 30, 60, 3);
    expect(Number.isNaN(h[0])).toBe(true);
    expect(h[1]).toBe(4);
    expect(Number.isNaN(h[2])).toBe(true);
  });

  it('a series starting before the grid drops what lies before it', () => {
    expect(Array.from(resampleOnto(Float64Array.from([1, 3, 5]), 60, -60, 60, 2))).toEqual([3, 5]);
  });

  it('keeps the energy of a long quarter-hour series to 1e-9 and marks a gap', () => {
    const q = Float64Array.from({ length: 4 * 24 * 7 }, (_, i) => 50 + 40 * Math.sin(i / 7) + (i % 5));
    const h = resampleOnto(q, 15, 0, 60, 24 * 7);
    expect(Math.abs(sum(h, 60) - sum(q, 15))).toBeLessThan(1e-9);
    expect(Array.from(h)).toEqual(Array.from(resample(q, 15, 60)));
    q[5] = NaN;
    const g = resampleOnto(q, 15, 0, 60, 3);
    expect([Number.isNaN(g[0]), Number.isNaN(g[1]), Number.isNaN(g[2])]).toEqual([false, true, false]);
  });
});

describe('gap filling (only by an explicit rule)', () => {
  it('linear between neighbours, nearest at the edges', () => {
    const r = fillGaps(Float64Array.from([NaN, 1, NaN, NaN, 4, NaN]), 60, 'linear');
    expect(Array.from(r.values)).toEqual([1, 1, 2, 3, 4, 4]);
    expect(r.filled).toBe(4);
    expect(r.rule).toBe('linear');
  });

  it('zero', () => {
    expect(Array.from(fillGaps(Float64Array.from([1, NaN]), 60, 'zero').values)).toEqual([1, 0]);
  });

  it('same hour of the previous week', () => {
    const week = 7 * 24;
    const v = new Float64Array(week + 2).map((_, i) => i);
    v[week + 1] = NaN;
    expect(fillGaps(v, 60, 'previous-week').values[week + 1]).toBe(1);
  });
});

describe('hourlyMeans', () => {
  it('averages four quarter hours per hour and leaves an hourly series as it is', () => {
    const q = Float64Array.from({ length: 8 * 4 }, (_, i) => i);
    expect(Array.from(hourlyMeans(q, 8).slice(0, 3))).toEqual([1.5, 5.5, 9.5]);
    const h = Float64Array.from([1, 2, 3]);
    expect(hourlyMeans(h, 3)).toBe(h);
  });
});
