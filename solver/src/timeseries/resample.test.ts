import { describe, expect, it } from 'vitest';
import { fillGaps, resample } from './resample';

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

describe('gap filling (only by an explicit rule)', () => {
  it('linear between neighbours, nearest at the edges', () => {
    const r = fillGaps(Float64Array.from([NaN, 1, NaN, NaN, 4, NaN]), 60, 'linear');
    expect(Array.from(r.values_kW)).toEqual([1, 1, 2, 3, 4, 4]);
    expect(r.filled).toBe(4);
    expect(r.rule).toBe('linear');
  });

  it('zero', () => {
    expect(Array.from(fillGaps(Float64Array.from([1, NaN]), 60, 'zero').values_kW)).toEqual([1, 0]);
  });

  it('same hour of the previous week', () => {
    const week = 7 * 24;
    const v = new Float64Array(week + 2).map((_, i) => i);
    v[week + 1] = NaN;
    expect(fillGaps(v, 60, 'previous-week').values_kW[week + 1]).toBe(1);
  });
});
